package io.github.jdaboot.command;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.jdaboot.discord.DiscordStartupException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command framework's beans: discovery, the executor, the dispatcher and the synchronizer (both
 * JDA event listeners), cooldowns, and the built-in {@code help} command.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
class CommandConfiguration {

    @Bean
    CommandRegistry commandRegistry() {
        return new CommandRegistry();
    }

    @Bean
    CommandExecutor commandExecutor(CommandProperties properties) {
        check(properties);
        return new CommandExecutor(properties.getMaxConcurrent(), properties.getShutdownTimeout());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandDeferrals() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("command-deferrals").daemon()
            .factory());
    }

    @Bean
    CommandMetrics commandMetrics(ObjectProvider<MeterRegistry> registry, CommandExecutor executor) {
        return new CommandMetrics(registry.getIfAvailable(CompositeMeterRegistry::new), executor);
    }

    @Bean
    CommandDispatcher commandDispatcher(CommandRegistry registry, CommandExecutor executor, CommandMetrics metrics,
            ScheduledExecutorService commandDeferrals, CommandProperties properties) {
        return new CommandDispatcher(registry, executor, new CooldownTracker(), metrics, commandDeferrals, properties);
    }

    @Bean
    CommandSynchronizer commandSynchronizer(CommandRegistry registry, CommandProperties properties) {
        return new CommandSynchronizer(registry, properties);
    }

    @Bean
    HelpCommand helpCommand(CommandRegistry registry, CommandProperties properties) {
        return new HelpCommand(registry, properties);
    }

    /** Fails startup with what to set when the command settings cannot work. */
    private static void check(CommandProperties properties) {
        String prefix = properties.getPrefix();
        if (prefix == null || prefix.isEmpty() || prefix.length() > 5 || prefix.chars().anyMatch(Character::isWhitespace)) {
            throw new DiscordStartupException("discord.commands.prefix is '" + prefix
                    + "': set it to 1 to 5 characters without spaces, such as '.' or '!'.",
                    "Set discord.commands.prefix, for example discord.commands.prefix=.");
        }
        Duration deferAfter = properties.getDeferAfter();
        if (deferAfter.isNegative() || deferAfter.compareTo(Duration.ofMillis(2500)) > 0) {
            throw new DiscordStartupException("discord.commands.defer-after is " + deferAfter
                    + ": set it between 0s and 2500ms, so that slow slash commands are deferred within Discord's"
                    + " 3-second deadline.", "Set discord.commands.defer-after, for example 2s.");
        }
        if (properties.getMaxConcurrent() < 1) {
            throw new DiscordStartupException("discord.commands.max-concurrent is " + properties.getMaxConcurrent()
                    + ": set it to 1 or more.", "Set discord.commands.max-concurrent, for example 10000.");
        }
    }
}
