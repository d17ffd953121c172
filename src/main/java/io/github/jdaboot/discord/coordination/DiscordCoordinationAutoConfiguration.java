package io.github.jdaboot.discord.coordination;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import io.github.jdaboot.discord.DiscordProperties;
import io.github.jdaboot.discord.DiscordRestCustomizer;
import io.github.jdaboot.discord.ShardManagerBuilderCustomizer;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Shards across several processes, coordinated through Redis; only when
 * {@code discord.coordination.redis-url} is set. Hooks into the shard manager through
 * customizers: this process's shard range and the Redis-backed session controller
 * ({@link ShardManagerBuilderCustomizer}), and the shared global REST limit around JDA's
 * rate limiter ({@link DiscordRestCustomizer}).
 */
@AutoConfiguration
@ConditionalOnClass(ShardManager.class)
@ConditionalOnProperty("discord.coordination.redis-url")
@EnableConfigurationProperties(ShardingProperties.class)
public final class DiscordCoordinationAutoConfiguration {

    /**
     * A Redis command that takes longer than this fails, so that no shard or request
     * waits on Redis for long.
     */
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ShardRange discordShardRange(ShardingProperties properties, DiscordProperties discord, Environment environment) {
        return ShardRange.resolve(properties, discord.getShardsTotal(), environment.getProperty("HOSTNAME"));
    }

    @Bean
    LettuceConnectionFactory discordRedisConnectionFactory(ShardingProperties properties) {
        URI url = Objects.requireNonNull(properties.getCoordination().getRedisUrl());
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(url.toString()),
                LettuceClientConfiguration.builder().commandTimeout(REDIS_TIMEOUT).build());
    }

    @Bean
    StringRedisTemplate discordRedis(LettuceConnectionFactory connectionFactory) {
        return new StringRedisTemplate(connectionFactory);
    }

    @Bean
    ShardLeases discordShardLeases(StringRedisTemplate redis, ShardingProperties properties, ShardRange range) {
        ShardingProperties.Coordination coordination = properties.getCoordination();
        return new ShardLeases(redis, coordination.getKeyPrefix(), coordination.getLeaseTtl(), range);
    }

    @Bean
    IdentifyBudget discordIdentifyBudget(StringRedisTemplate redis, ShardingProperties properties) {
        ShardingProperties.Coordination coordination = properties.getCoordination();
        return new IdentifyBudget(redis, coordination.getKeyPrefix(), coordination.getIdentifyReserve());
    }

    @Bean
    SharedRateLimit discordSharedRateLimit(StringRedisTemplate redis, ShardingProperties properties) {
        ShardingProperties.Coordination coordination = properties.getCoordination();
        return new SharedRateLimit(redis, coordination.getKeyPrefix(), coordination.getRequestsPerSecond());
    }

    @Bean
    CoordinatedSessionController discordSessionController(DiscordProperties discord, ShardingProperties properties,
            ShardRange range, ShardLeases leases, IdentifyBudget budget, SharedRateLimit rateLimit,
            StringRedisTemplate redis) {
        ShardingProperties.Coordination coordination = properties.getCoordination();
        return new CoordinatedSessionController(discord.getGatewayUrl().toString(), discord.getRestUrl().toString(),
                range, coordination.getMaxConcurrency(), leases, budget, rateLimit, redis, coordination.getKeyPrefix());
    }

    @Bean
    ShardManagerBuilderCustomizer discordCoordination(ShardRange range,
            CoordinatedSessionController sessionController) {
        return (builder) -> builder.setShardsTotal(range.total())
            .setShards(range.first(), range.last())
            .setSessionController(sessionController);
    }

    @Bean
    DiscordRestCustomizer discordSharedRestLimit(SharedRateLimit rateLimit) {
        return (restConfig, httpClient) -> {
            Function<? super RestRateLimiter.RateLimitConfig, ? extends RestRateLimiter> jdas = restConfig
                .getRateLimiterFactory();
            restConfig.setRateLimiterFactory((config) -> new SharedRestRateLimiter(jdas.apply(config), rateLimit));
        };
    }

    @Bean
    CoordinationHealthIndicator discordCoordinationHealthIndicator(ShardRange range, ShardLeases leases,
            IdentifyBudget budget, StringRedisTemplate redis) {
        return new CoordinationHealthIndicator(range, leases, budget, redis);
    }

    @Bean
    @ConditionalOnClass(MeterBinder.class)
    CoordinationMetrics discordCoordinationMetrics(ShardRange range, ShardLeases leases, IdentifyBudget budget) {
        return new CoordinationMetrics(range, leases, budget);
    }

}
