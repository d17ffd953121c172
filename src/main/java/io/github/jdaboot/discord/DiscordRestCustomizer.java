package io.github.jdaboot.discord;

import net.dv8tion.jda.api.requests.RestConfig;
import okhttp3.OkHttpClient;

/**
 * Changes how JDA calls Discord's REST API before the shard manager is built: its
 * {@link RestConfig} (base URL, rate limiter) and the OkHttp client builder it is given
 * (interceptors, timeouts). JDA's builder has no getter for either, hence a customizer of
 * its own beside {@link ShardManagerBuilderCustomizer}. The REST metrics and the shared
 * rate limit of coordinated shards are customizers.
 */
@FunctionalInterface
public interface DiscordRestCustomizer {

    void customize(RestConfig restConfig, OkHttpClient.Builder httpClient);

}
