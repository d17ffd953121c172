package io.github.jdaboot.discord;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Counts the 429s Discord answered, by scope ({@code user}: this bot's bucket,
 * {@code global}: its global limit, {@code shared}: a resource's limit shared with other
 * bots), as {@code discord.rest.ratelimits}: registered at 0 when the registry is ready,
 * so that alerts see a series before the first 429. Reads the REST calls' observations
 * ({@code discord.rest.requests}).
 */
class DiscordRateLimitMetrics implements ObservationHandler<OkHttpContext> {

    private final Map<String, Counter> counters;

    DiscordRateLimitMetrics(MeterRegistry registry) {
        this.counters = Map.of("user", counter(registry, "user"), "global", counter(registry, "global"), "shared",
                counter(registry, "shared"));
    }

    private static Counter counter(MeterRegistry registry, String scope) {
        return Counter.builder("discord.rest.ratelimits")
            .description("REST requests Discord answered with 429 Too Many Requests, by rate-limit scope")
            .tag("scope", scope)
            .register(registry);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof OkHttpContext;
    }

    @Override
    public void onStop(OkHttpContext context) {
        Response response = context.getResponse();
        if (response != null && response.code() == 429
                && DiscordMetricsAutoConfiguration.REST_REQUESTS.equals(context.getName())) {
            this.counters.get(scope(response)).increment();
        }
    }

    /**
     * Discord's rate-limit scope of a 429 ({@code X-RateLimit-Scope}, or {@code global}
     * from the older {@code X-RateLimit-Global}); {@code none} for any other answer.
     */
    static String scope(@Nullable Response response) {
        if (response == null || response.code() != 429) {
            return "none";
        }
        String scope = response.header("X-RateLimit-Scope");
        if ("shared".equals(scope)) {
            return "shared";
        }
        if ("global".equals(scope) || "true".equals(response.header("X-RateLimit-Global"))) {
            return "global";
        }
        return "user"; // Discord's own default, and any value it may add later: the tag
                       // stays bounded
    }

}
