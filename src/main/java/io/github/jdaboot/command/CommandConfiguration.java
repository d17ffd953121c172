package io.github.jdaboot.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.github.jdaboot.discord.DiscordStartupException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interaction framework's beans, split as Spring MVC splits its own: handler mappings (commands,
 * prefix messages, components, forms), argument resolvers, return value handlers, exception handlers
 * and guards, the adapter that runs a handler with them, and the dispatcher that routes JDA's events;
 * plus the executor, the command synchronizer and the built-in {@code help} command. Beans of the SPI
 * types ({@link InteractionArgumentResolver}, {@link OptionResolver}, {@link InteractionReturnValueHandler},
 * {@link InteractionGuard}) extend it and come before the framework's own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommandProperties.class)
class CommandConfiguration {

    @Bean
    CommandExecutor commandExecutor(CommandProperties properties) {
        check(properties);
        return new CommandExecutor(properties.getMaxConcurrent(), properties.getShutdownTimeout());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandDeferrals() {
        ScheduledThreadPoolExecutor deferrals = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("command-deferrals").daemon().factory());
        deferrals.setRemoveOnCancelPolicy(true); // a run answered in time leaves the queue at once
        return deferrals;
    }

    @Bean
    CommandMetrics commandMetrics(ObjectProvider<MeterRegistry> registry, CommandExecutor executor) {
        return new CommandMetrics(registry.getIfAvailable(CompositeMeterRegistry::new), executor);
    }

    @Bean
    OptionArgumentResolver optionArgumentResolver(ObjectProvider<OptionResolver> userResolvers) {
        List<OptionResolver> resolvers = new ArrayList<>(userResolvers.orderedStream().toList());
        resolvers.addAll(List.of(new StringOptionResolver(), new LongOptionResolver(), new IntegerOptionResolver(),
                new DoubleOptionResolver(), new BooleanOptionResolver(), new EnumOptionResolver(),
                new UserOptionResolver(), new MemberOptionResolver(), new RoleOptionResolver(),
                new ChannelOptionResolver(), new AttachmentOptionResolver()));
        return new OptionArgumentResolver(resolvers);
    }

    @Bean
    ArgumentResolvers interactionArgumentResolvers(ObjectProvider<InteractionArgumentResolver> userResolvers,
            OptionArgumentResolver options) {
        List<InteractionArgumentResolver> resolvers = new ArrayList<>(userResolvers.orderedStream()
            .filter((resolver) -> resolver != options)
            .toList());
        resolvers.addAll(List.of(options, new ContextArgumentResolver(), new UserArgumentResolver(),
                new MemberArgumentResolver(), new GuildArgumentResolver(), new ChannelArgumentResolver(),
                new JdaArgumentResolver(), new EventArgumentResolver(), new MessageArgumentResolver(),
                new IdPartArgumentResolver(ApplicationConversionService.getSharedInstance()),
                new FieldArgumentResolver(), new SelectedArgumentResolver()));
        return new ArgumentResolvers(resolvers);
    }

    @Bean
    ReturnValueHandlers interactionReturnValueHandlers(ObjectProvider<InteractionReturnValueHandler> userHandlers) {
        List<InteractionReturnValueHandler> handlers = new ArrayList<>(userHandlers.orderedStream().toList());
        handlers.addAll(List.of(new StringReturnValueHandler(), new ReplyReturnValueHandler(),
                new ModalReturnValueHandler(), new MessageReturnValueHandler(), new VoidReturnValueHandler()));
        return new ReturnValueHandlers(handlers);
    }

    @Bean
    ExceptionHandlers interactionExceptionHandlers(ArgumentResolvers arguments, ReturnValueHandlers returns) {
        return new ExceptionHandlers(arguments, returns);
    }

    @Bean
    CommandHandlerMapping commandHandlerMapping(ArgumentResolvers arguments, OptionArgumentResolver options,
            ReturnValueHandlers returns, ExceptionHandlers exceptions) {
        return new CommandHandlerMapping(arguments, options, returns, exceptions);
    }

    @Bean
    ComponentHandlerMapping componentHandlerMapping(ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        return new ComponentHandlerMapping(arguments, returns, exceptions);
    }

    @Bean
    ModalHandlerMapping modalHandlerMapping(ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        return new ModalHandlerMapping(arguments, returns, exceptions);
    }

    @Bean
    ComponentCallbacks componentCallbacks(CommandProperties properties) {
        return new ComponentCallbacks(properties.getComponents().getMaxCallbacks(),
                properties.getComponents().getExpireAfter());
    }

    @Bean
    InteractionDispatcher interactionDispatcher(CommandHandlerMapping commands, ComponentHandlerMapping components,
            ModalHandlerMapping modals, ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions, ObjectProvider<InteractionGuard> guards, CommandExecutor executor,
            ComponentCallbacks callbacks, CommandMetrics metrics, ScheduledExecutorService commandDeferrals,
            CommandProperties properties) {
        InteractionHandlerAdapter adapter = new InteractionHandlerAdapter(
                new Guards(guards.orderedStream().toList(), new CooldownTracker()), arguments, returns, exceptions,
                metrics);
        return new InteractionDispatcher(commands, new PrefixCommandMapping(commands, properties), components, modals,
                adapter, new InvocationSupport(executor, callbacks, metrics), commandDeferrals, properties);
    }

    @Bean
    CommandSynchronizer commandSynchronizer(CommandHandlerMapping commands, CommandProperties properties) {
        return new CommandSynchronizer(commands, properties);
    }

    @Bean
    HelpCommand helpCommand(CommandHandlerMapping commands, CommandProperties properties) {
        return new HelpCommand(commands, properties);
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
