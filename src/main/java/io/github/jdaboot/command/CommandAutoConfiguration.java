package io.github.jdaboot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.github.jdaboot.discord.EventClaims;
import io.micrometer.observation.ObservationRegistry;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Auto-configuration of the interaction framework, split as Spring MVC splits its own:
 * handler mappings (commands, prefix messages, context menus, autocomplete, components,
 * forms), argument resolvers and return value handlers, exception handlers and guards,
 * the adapter that runs a handler with them (an observation per run), and the dispatcher
 * that routes JDA's events; plus the executor, the command synchronizer and the built-in
 * {@code help} command. Every bean backs off when the application defines its own; beans
 * of the SPI types ({@link InteractionArgumentResolver}, {@link OptionResolver},
 * {@link InteractionReturnValueHandler}, {@link InteractionGuard}) extend it and come
 * before the framework's own.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(JDA.class)
@EnableConfigurationProperties(CommandProperties.class)
public final class CommandAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CommandExecutor commandExecutor(CommandProperties properties) {
        return new CommandExecutor(properties.getMaxConcurrent(), properties.getShutdownTimeout());
    }

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnMissingBean(name = "commandDeferrals")
    ScheduledExecutorService commandDeferrals() {
        ScheduledThreadPoolExecutor deferrals = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("command-deferrals").daemon().factory());
        deferrals.setRemoveOnCancelPolicy(true); // a run answered in time leaves the
                                                 // queue at once
        return deferrals;
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionMetrics interactionMetrics() {
        return new InteractionMetrics();
    }

    @Bean
    @ConditionalOnMissingBean
    OptionArgumentResolver optionArgumentResolver(ObjectProvider<OptionResolver> userResolvers) {
        List<OptionResolver> resolvers = new ArrayList<>(userResolvers.orderedStream().toList());
        resolvers.addAll(List.of(new StringOptionResolver(), new LongOptionResolver(), new IntegerOptionResolver(),
                new DoubleOptionResolver(), new BooleanOptionResolver(), new EnumOptionResolver(),
                new UserOptionResolver(), new MemberOptionResolver(), new RoleOptionResolver(),
                new ChannelOptionResolver(), new AttachmentOptionResolver()));
        return new OptionArgumentResolver(resolvers);
    }

    @Bean
    @ConditionalOnMissingBean
    ArgumentResolvers interactionArgumentResolvers(ObjectProvider<InteractionArgumentResolver> userResolvers,
            OptionArgumentResolver options) {
        List<InteractionArgumentResolver> resolvers = new ArrayList<>(
                userResolvers.orderedStream().filter((resolver) -> resolver != options).toList());
        resolvers.addAll(List.of(options, new ContextArgumentResolver(), new UserArgumentResolver(),
                new MemberArgumentResolver(), new GuildArgumentResolver(), new ChannelArgumentResolver(),
                new JdaArgumentResolver(), new EventArgumentResolver(), new MessageArgumentResolver(),
                new IdPartArgumentResolver(ApplicationConversionService.getSharedInstance()),
                new FieldArgumentResolver(), new SelectedArgumentResolver(), new TypedArgumentResolver(),
                new TargetArgumentResolver(), new LocaleArgumentResolver()));
        return new ArgumentResolvers(resolvers);
    }

    @Bean
    @ConditionalOnMissingBean
    ReturnValueHandlers interactionReturnValueHandlers(ObjectProvider<InteractionReturnValueHandler> userHandlers) {
        List<InteractionReturnValueHandler> handlers = new ArrayList<>(userHandlers.orderedStream().toList());
        handlers.addAll(List.of(new StringReturnValueHandler(), new ReplyReturnValueHandler(),
                new ModalReturnValueHandler(), new MessageReturnValueHandler(), new VoidReturnValueHandler()));
        return new ReturnValueHandlers(handlers);
    }

    @Bean
    @ConditionalOnMissingBean
    ExceptionHandlers interactionExceptionHandlers(ArgumentResolvers arguments, ReturnValueHandlers returns) {
        return new ExceptionHandlers(arguments, returns);
    }

    @Bean
    @ConditionalOnMissingBean
    CommandHandlerMapping commandHandlerMapping(ArgumentResolvers arguments, OptionArgumentResolver options,
            ReturnValueHandlers returns, ExceptionHandlers exceptions) {
        return new CommandHandlerMapping(arguments, options, returns, exceptions);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.prefix-commands.enabled", matchIfMissing = true)
    PrefixCommandMapping prefixCommandMapping(CommandHandlerMapping commands, CommandProperties properties) {
        return new PrefixCommandMapping(commands, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ComponentHandlerMapping componentHandlerMapping(ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        return new ComponentHandlerMapping(arguments, returns, exceptions);
    }

    @Bean
    @ConditionalOnMissingBean
    ModalHandlerMapping modalHandlerMapping(ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        return new ModalHandlerMapping(arguments, returns, exceptions);
    }

    @Bean
    @ConditionalOnMissingBean
    AutocompleteHandlerMapping autocompleteHandlerMapping(CommandHandlerMapping commands, ArgumentResolvers arguments) {
        return new AutocompleteHandlerMapping(commands, arguments);
    }

    @Bean
    @ConditionalOnMissingBean
    ContextCommandMapping contextCommandMapping(ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        return new ContextCommandMapping(arguments, returns, exceptions);
    }

    @Bean
    @ConditionalOnMissingBean
    LocalizationFunction commandLocalization(MessageSource messageSource, ResourcePatternResolver resources,
            Environment environment) {
        return new CommandLocalization(messageSource, CommandLocalization.bundled(resources,
                environment.getProperty("spring.messages.basename", "messages")));
    }

    @Bean
    @ConditionalOnMissingBean
    GatewayEventListeners gatewayEventListeners() {
        return new GatewayEventListeners();
    }

    @Bean
    @ConditionalOnMissingBean
    ComponentCallbacks componentCallbacks(CommandProperties properties) {
        return new ComponentCallbacks(properties.getComponents().getMaxCallbacks(),
                properties.getComponents().getExpireAfter());
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionHandlerAdapter interactionHandlerAdapter(ObjectProvider<InteractionGuard> guards,
            ArgumentResolvers arguments, ReturnValueHandlers returns, ExceptionHandlers exceptions,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<InteractionObservationConvention> convention) {
        return new InteractionHandlerAdapter(new Guards(guards.orderedStream().toList(), new CooldownTracker()),
                arguments, returns, exceptions, observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                convention.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionDispatcher interactionDispatcher(CommandHandlerMapping commands,
            ObjectProvider<PrefixCommandMapping> prefixCommands, ComponentHandlerMapping components,
            ModalHandlerMapping modals, AutocompleteHandlerMapping suggestions, ContextCommandMapping contextCommands,
            InteractionHandlerAdapter adapter, CommandExecutor executor, ComponentCallbacks callbacks,
            InteractionMetrics metrics, ScheduledExecutorService commandDeferrals, CommandProperties properties,
            ObjectProvider<EventClaims> claims) {
        return new InteractionDispatcher(commands, prefixCommands.getIfAvailable(), components, modals, suggestions,
                contextCommands, adapter, new InvocationSupport(executor, callbacks, metrics), commandDeferrals,
                properties, claims.getIfUnique(() -> EventClaims.ALL));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.register", matchIfMissing = true)
    CommandSynchronizer commandSynchronizer(CommandHandlerMapping commands, ContextCommandMapping contextCommands,
            LocalizationFunction commandLocalization, CommandProperties properties) {
        return new CommandSynchronizer(commands, contextCommands, commandLocalization, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.help.enabled", matchIfMissing = true)
    HelpCommand helpCommand(CommandHandlerMapping commands, CommandProperties properties) {
        return new HelpCommand(commands, properties);
    }

}
