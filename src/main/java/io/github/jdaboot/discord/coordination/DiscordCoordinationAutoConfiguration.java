package io.github.jdaboot.discord.coordination;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.github.jdaboot.discord.DiscordAutoConfiguration;
import io.github.jdaboot.discord.DiscordProperties;
import io.github.jdaboot.discord.DiscordRestCustomizer;
import io.github.jdaboot.discord.DiscordStartupException;
import io.github.jdaboot.discord.DiscordToken;
import io.github.jdaboot.discord.ShardManagerBuilderCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.sharding.ShardManager;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Shards shared by several processes, coordinated through Redis; only when
 * {@code discord.coordination.redis-url} is set. The processes assign the shards among
 * themselves ({@link ShardFleet}, the {@link io.github.jdaboot.discord.ShardAssignment}
 * the gateway lifecycle starts instead of logging in), claim each event before answering
 * it ({@link RedisEventClaims}, the {@link io.github.jdaboot.discord.EventClaims} the
 * dispatcher asks), identify in turn ({@link CoordinatedSessionController}) and share the
 * global REST limit ({@link SharedRateLimit}). Hooks into the shard manager through
 * customizers. Its Redis connections are its own, not beans: an application's own Redis
 * configuration is left alone.
 */
@AutoConfiguration(before = DiscordAutoConfiguration.class)
@ConditionalOnClass(ShardManager.class)
@ConditionalOnProperty("discord.coordination.redis-url")
@EnableConfigurationProperties(CoordinationProperties.class)
public final class DiscordCoordinationAutoConfiguration {

    @Bean
    ShardGroups discordShardGroups(DiscordProperties discord, CoordinationProperties properties) {
        ShardGroups groups = ShardGroups.of(discord.getShardsTotal(), properties.getMaxConcurrency());
        if (properties.getLeaseMargin().isNegative()
                || properties.getLeaseMargin().compareTo(properties.getLeaseTtl().dividedBy(2)) > 0) {
            throw new DiscordStartupException("discord.coordination.lease-margin=" + properties.getLeaseMargin()
                    + " is not between 0 and half of discord.coordination.lease-ttl=" + properties.getLeaseTtl() + ".",
                    "Set discord.coordination.lease-margin to a fifth of the lease's time to live, such as "
                            + properties.getLeaseTtl().dividedBy(5).toMillis() + "ms.");
        }
        return groups;
    }

    @Bean
    CoordinationKeys discordCoordinationKeys(CoordinationProperties properties) {
        return new CoordinationKeys(properties.getKeyPrefix());
    }

    @Bean
    CoordinationRedis discordCoordinationRedis(CoordinationProperties properties) {
        return CoordinationRedis.connect(Objects.requireNonNull(properties.getRedisUrl()), properties);
    }

    @Bean
    IdentifyBudget discordIdentifyBudget(CoordinationRedis redis, CoordinationKeys keys,
            CoordinationProperties properties) {
        return new IdentifyBudget(redis, keys, properties.getIdentifyReserve());
    }

    @Bean
    ShardFleet discordShardFleet(CoordinationRedis redis, CoordinationKeys keys, ShardGroups groups,
            CoordinationProperties properties, DiscordProperties discord, ObjectProvider<ShardManager> shardManager,
            ObjectProvider<TakeoverRecovery> recovery, IdentifyBudget budget, Environment environment) {
        List<Integer> fixed = (discord.getShards() != null) ? groups.parse(discord.getShards()) : null;
        OkHttpClient http = new OkHttpClient();
        String restUrl = discord.getRestUrl().toString();
        return new ShardFleet(redis, keys, groups, fixed, properties, discord.getShutdownTimeout(), shardManager,
                new PeerWitness(properties.getRedisTimeout().dividedBy(2)), recovery,
                () -> GatewayBot.fetch(http, restUrl, DiscordToken.resolve(discord)), budget,
                () -> ShardFleet.advertisedUrl(properties.getAdvertisedUrl(), port(environment)));
    }

    private static @Nullable Integer port(Environment environment) {
        Integer management = environment.getProperty("local.management.port", Integer.class);
        return (management != null) ? management : environment.getProperty("local.server.port", Integer.class);
    }

    @Bean
    RedisEventClaims discordEventClaims(CoordinationRedis redis, CoordinationKeys keys, ShardFleet fleet,
            ObjectProvider<MeterRegistry> registry) {
        return new RedisEventClaims(redis, keys, fleet, waits(registry, "claim"));
    }

    @Bean
    TakeoverRecovery discordTakeoverRecovery(CoordinationRedis redis, CoordinationKeys keys, RedisEventClaims claims) {
        return new TakeoverRecovery(redis, keys, claims);
    }

    @Bean
    SharedRateLimit discordSharedRateLimit(CoordinationRedis redis, CoordinationKeys keys,
            CoordinationProperties properties, ShardFleet fleet, ObjectProvider<MeterRegistry> registry) {
        return new SharedRateLimit(redis, keys, properties.getRequestsPerSecond(), () -> fleet.members().size(),
                waits(registry, "rest"));
    }

    /**
     * How long this process waited for Redis, by what for: its maximum shows that no
     * request waited longer than {@code request-timeout}.
     */
    private static @Nullable Timer waits(ObjectProvider<MeterRegistry> registry, String use) {
        MeterRegistry meters = registry.getIfAvailable();
        return (meters != null) ? Timer.builder("discord.coordination.redis.wait")
            .tag("use", use)
            .description("Time an event's claim or a REST request's turn waited for Redis")
            .register(meters) : null;
    }

    @Bean
    CoordinatedSessionController discordSessionController(DiscordProperties discord, ShardGroups groups,
            ShardFleet fleet, IdentifyBudget budget, SharedRateLimit rateLimit, CoordinationRedis redis,
            CoordinationKeys keys) {
        return new CoordinatedSessionController(discord.getGatewayUrl().toString(), discord.getRestUrl().toString(),
                groups, fleet, budget, rateLimit, redis, keys);
    }

    /**
     * The shard total, no shard at login (the fleet starts them), and the Redis-backed
     * session controller.
     */
    @Bean
    ShardManagerBuilderCustomizer discordCoordination(ShardGroups groups,
            CoordinatedSessionController sessionController) {
        return (builder) -> builder.setShardsTotal(groups.total())
            .setShards(List.of())
            .setSessionController(sessionController);
    }

    @Bean
    DiscordRestCustomizer discordSharedRestLimit(SharedRateLimit rateLimit, ShardFleet fleet) {
        return (restConfig, httpClient) -> {
            Function<? super RestRateLimiter.RateLimitConfig, ? extends RestRateLimiter> jdas = restConfig
                .getRateLimiterFactory();
            restConfig
                .setRateLimiterFactory((config) -> new SharedRestRateLimiter(jdas.apply(config), rateLimit, fleet));
            httpClient.addNetworkInterceptor(new LeaseFencingInterceptor(fleet));
        };
    }

    @Bean
    CoordinationHealthIndicator discordCoordinationHealthIndicator(ShardFleet fleet, CoordinationRedis redis,
            IdentifyBudget budget) {
        return new CoordinationHealthIndicator(fleet, redis, budget);
    }

    @Bean
    @ConditionalOnClass(MeterBinder.class)
    CoordinationMetrics discordCoordinationMetrics(ShardFleet fleet, RedisEventClaims claims, IdentifyBudget budget,
            SharedRateLimit rateLimit) {
        return new CoordinationMetrics(fleet, claims, budget, rateLimit);
    }

}
