package io.github.jdaboot.discord;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpObservationInterceptor;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Discord metrics: the gateway's meters
 * ({@link DiscordMetrics}, all at 0 from the start) and the REST calls, observed with
 * Micrometer's OkHttp instrumentation as {@code discord.rest.requests} by route template
 * (never an id or a token), status and, for 429s, Discord's rate-limit scope, with key
 * values and meters made once per route rather than for every request; plus
 * {@code discord.rest.ratelimits}, the 429s by scope, at 0 from the start.
 */
@AutoConfiguration(after = DiscordAutoConfiguration.class,
        afterName = {
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ ShardManager.class, MeterRegistry.class })
@ConditionalOnBean(MeterRegistry.class)
public final class DiscordMetricsAutoConfiguration {

    /** The name of the REST calls' observation, and so of their timer. */
    static final String REST_REQUESTS = "discord.rest.requests";

    @Bean
    @ConditionalOnMissingBean
    DiscordMetrics discordMetrics(DiscordConnectionTracker tracker, DiscordProperties properties) {
        return new DiscordMetrics(tracker, properties.getHealth());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OkHttpObservationInterceptor.class)
    @ConditionalOnBean(ObservationRegistry.class)
    static class RestObservationConfiguration {

        @Bean
        DiscordRestCustomizer discordRestObservation(ObservationRegistry observations) {
            // the convention names the route (its template) and the 429's scope
            OkHttpObservationInterceptor interceptor = OkHttpObservationInterceptor.builder(observations, REST_REQUESTS)
                .observationConvention(new DiscordRestObservationConvention())
                .includeHostTag(false)
                .build();
            return (restConfig, httpClient) -> httpClient.addInterceptor(interceptor);
        }

        /**
         * The requests' meters, each looked up once, ahead of Micrometer's default
         * handler; like it, without the long task timer when
         * {@code management.metrics.observations.ignored-meters} says so.
         */
        @Bean
        DiscordRestMeterObservationHandler discordRestMeterObservationHandler(MeterRegistry registry,
                Environment environment) {
            List<IgnoredMeters> ignored = Binder.get(environment)
                .bind("management.metrics.observations.ignored-meters", Bindable.listOf(IgnoredMeters.class))
                .orElse(List.of());
            return new DiscordRestMeterObservationHandler(registry, !ignored.contains(IgnoredMeters.LONG_TASK_TIMER));
        }

        @Bean
        DiscordRateLimitMetrics discordRateLimitMetrics(MeterRegistry registry) {
            return new DiscordRateLimitMetrics(registry);
        }

    }

}
