package io.github.jdaboot.interaction.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.jdaboot.discord.DiscordProperties;
import io.github.jdaboot.discord.EventClaims;
import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.dispatch.CommandExecutor;
import io.github.jdaboot.interaction.dispatch.InteractionDispatcher;
import io.github.jdaboot.interaction.dispatch.InteractionHandlerAdapter;
import io.github.jdaboot.interaction.dispatch.MissedCommandRecovery;
import io.github.jdaboot.interaction.entitlement.RequiredSkus;
import io.github.jdaboot.interaction.entitlement.SkuCheck;
import io.github.jdaboot.interaction.event.GatewayEventListeners;
import io.github.jdaboot.interaction.form.AttachmentFieldResolver;
import io.github.jdaboot.interaction.form.BooleanFieldResolver;
import io.github.jdaboot.interaction.form.EntityFieldResolver;
import io.github.jdaboot.interaction.form.EnumFieldResolver;
import io.github.jdaboot.interaction.form.FieldResolver;
import io.github.jdaboot.interaction.form.OfferedForms;
import io.github.jdaboot.interaction.form.StringFieldResolver;
import io.github.jdaboot.interaction.form.StringListFieldResolver;
import io.github.jdaboot.interaction.guard.CooldownTracker;
import io.github.jdaboot.interaction.guard.EntitlementGuard;
import io.github.jdaboot.interaction.guard.GuardChain;
import io.github.jdaboot.interaction.handler.AbstractInteractionHandlerMapping;
import io.github.jdaboot.interaction.handler.AutocompleteHandlerMapping;
import io.github.jdaboot.interaction.handler.CommandHandlerMapping;
import io.github.jdaboot.interaction.handler.CommandScope;
import io.github.jdaboot.interaction.handler.ComponentCallbackHandlerMapping;
import io.github.jdaboot.interaction.handler.ComponentHandlerMapping;
import io.github.jdaboot.interaction.handler.ContextCommandMapping;
import io.github.jdaboot.interaction.handler.InteractionHandlerMapping;
import io.github.jdaboot.interaction.handler.ModalHandlerMapping;
import io.github.jdaboot.interaction.handler.PrefixCommandMapping;
import io.github.jdaboot.interaction.help.HelpCommand;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.ComponentCallbacks;
import io.github.jdaboot.interaction.invocation.DeadlineTimer;
import io.github.jdaboot.interaction.invocation.InvocationSupport;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandler;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.FieldArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.IdPartArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import io.github.jdaboot.interaction.method.annotation.MessageTargetArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.OptionArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.SelectedArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.TypedArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.UserTargetArgumentResolver;
import io.github.jdaboot.interaction.method.support.ChannelArgumentResolver;
import io.github.jdaboot.interaction.method.support.CommandContextArgumentResolver;
import io.github.jdaboot.interaction.method.support.ComponentContextArgumentResolver;
import io.github.jdaboot.interaction.method.support.EntitlementsArgumentResolver;
import io.github.jdaboot.interaction.method.support.EventArgumentResolver;
import io.github.jdaboot.interaction.method.support.GuildArgumentResolver;
import io.github.jdaboot.interaction.method.support.IntegrationOwnersArgumentResolver;
import io.github.jdaboot.interaction.method.support.InteractionContextArgumentResolver;
import io.github.jdaboot.interaction.method.support.InteractionContextTypeArgumentResolver;
import io.github.jdaboot.interaction.method.support.JdaArgumentResolver;
import io.github.jdaboot.interaction.method.support.LocaleArgumentResolver;
import io.github.jdaboot.interaction.method.support.MemberArgumentResolver;
import io.github.jdaboot.interaction.method.support.MessageArgumentResolver;
import io.github.jdaboot.interaction.method.support.MessageReturnValueHandler;
import io.github.jdaboot.interaction.method.support.ModalReturnValueHandler;
import io.github.jdaboot.interaction.method.support.ReplyReturnValueHandler;
import io.github.jdaboot.interaction.method.support.StringReturnValueHandler;
import io.github.jdaboot.interaction.method.support.UserArgumentResolver;
import io.github.jdaboot.interaction.method.support.VoidReturnValueHandler;
import io.github.jdaboot.interaction.observation.InteractionMeterObservationHandler;
import io.github.jdaboot.interaction.observation.InteractionMetrics;
import io.github.jdaboot.interaction.observation.InteractionObservationConvention;
import io.github.jdaboot.interaction.option.AttachmentOptionResolver;
import io.github.jdaboot.interaction.option.BooleanOptionResolver;
import io.github.jdaboot.interaction.option.ChannelOptionResolver;
import io.github.jdaboot.interaction.option.DoubleOptionResolver;
import io.github.jdaboot.interaction.option.EnumOptionResolver;
import io.github.jdaboot.interaction.option.IntegerOptionResolver;
import io.github.jdaboot.interaction.option.LongOptionResolver;
import io.github.jdaboot.interaction.option.MemberOptionResolver;
import io.github.jdaboot.interaction.option.OptionResolver;
import io.github.jdaboot.interaction.option.RoleOptionResolver;
import io.github.jdaboot.interaction.option.StringOptionResolver;
import io.github.jdaboot.interaction.option.UserOptionResolver;
import io.github.jdaboot.interaction.registration.CommandLocalization;
import io.github.jdaboot.interaction.registration.CommandSynchronizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationRegistry;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationFunction;
import net.dv8tion.jda.api.sharding.ShardManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Auto-configuration of the interaction framework, split as Spring MVC splits its own:
 * handler mappings (slash and prefix commands, context menus, autocomplete, components
 * and their callbacks, forms) that the dispatcher asks in order, argument resolvers and
 * return value handlers, the exception resolver and the guards, the adapter that runs a
 * handler with them (an observation per run), and the dispatcher that routes JDA's
 * events; plus the executor, the framework's texts, the command synchronizer and the
 * built-in {@code help} command. Every bean backs off when the application declares one
 * of its type; beans of the strategy types ({@link InteractionArgumentResolver},
 * {@link OptionResolver}, {@link FieldResolver}, {@link InteractionReturnValueHandler},
 * {@link InteractionGuard}) extend it and come before the framework's own, and beans of
 * {@link InteractionHandlerMapping} are asked with the framework's mappings, in their
 * order.
 */
@AutoConfiguration(
        afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
                "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(JDA.class)
@EnableConfigurationProperties(CommandProperties.class)
public final class InteractionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InteractionMessages interactionMessages(MessageSource messageSource) {
        return new InteractionMessages(messageSource);
    }

    @Bean
    @ConditionalOnMissingBean
    CommandExecutor commandExecutor(CommandProperties properties) {
        return new CommandExecutor(properties.getMaxConcurrent(), properties.getShutdownTimeout(),
                properties.isNonBlockingOnEventThread());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DeadlineTimer interactionDeadlines() {
        return new DeadlineTimer("interaction-deadlines");
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionMetrics interactionMetrics() {
        return new InteractionMetrics();
    }

    /**
     * The meters of the handler runs' observations, each looked up once, ahead of
     * Micrometer's default handler (which builds the tags and looks the meters up for
     * every run). Like the default, it leaves out the long task timer when
     * {@code management.metrics.observations.ignored-meters} says so.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
    @ConditionalOnBean(MeterRegistry.class)
    static class InteractionMeterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        InteractionMeterObservationHandler interactionMeterObservationHandler(MeterRegistry registry,
                Environment environment) {
            List<IgnoredMeters> ignored = Binder.get(environment)
                .bind("management.metrics.observations.ignored-meters", Bindable.listOf(IgnoredMeters.class))
                .orElse(List.of());
            return new InteractionMeterObservationHandler(registry, !ignored.contains(IgnoredMeters.LONG_TASK_TIMER));
        }

    }

    @Bean
    @ConditionalOnMissingBean
    OptionArgumentResolver optionArgumentResolver(ObjectProvider<OptionResolver> applicationResolvers) {
        List<OptionResolver> resolvers = new ArrayList<>(applicationResolvers.orderedStream().toList());
        resolvers.addAll(List.of(new StringOptionResolver(), new LongOptionResolver(), new IntegerOptionResolver(),
                new DoubleOptionResolver(), new BooleanOptionResolver(), new EnumOptionResolver(),
                new UserOptionResolver(), new MemberOptionResolver(), new RoleOptionResolver(),
                new ChannelOptionResolver(), new AttachmentOptionResolver()));
        return new OptionArgumentResolver(resolvers);
    }

    @Bean
    @ConditionalOnMissingBean
    FieldArgumentResolver fieldArgumentResolver(ObjectProvider<FieldResolver> applicationResolvers) {
        List<FieldResolver> resolvers = new ArrayList<>(applicationResolvers.orderedStream().toList());
        resolvers.addAll(List.of(new StringFieldResolver(), new StringListFieldResolver(), new EnumFieldResolver(),
                new BooleanFieldResolver(), new EntityFieldResolver(), new AttachmentFieldResolver()));
        return new FieldArgumentResolver(resolvers);
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionArgumentResolverComposite interactionArgumentResolvers(
            ObjectProvider<InteractionArgumentResolver> applicationResolvers, OptionArgumentResolver options,
            FieldArgumentResolver fields) {
        List<InteractionArgumentResolver> resolvers = new ArrayList<>(applicationResolvers.orderedStream()
            .filter((resolver) -> resolver != options && resolver != fields)
            .toList());
        resolvers.addAll(List.of(options, new InteractionContextArgumentResolver(),
                new CommandContextArgumentResolver(), new ComponentContextArgumentResolver(),
                new UserArgumentResolver(), new MemberArgumentResolver(), new GuildArgumentResolver(),
                new ChannelArgumentResolver(), new JdaArgumentResolver(), new MessageArgumentResolver(),
                new IdPartArgumentResolver(ApplicationConversionService.getSharedInstance()), fields,
                new SelectedArgumentResolver(), new TypedArgumentResolver(), new UserTargetArgumentResolver(),
                new MessageTargetArgumentResolver(), new LocaleArgumentResolver(),
                new InteractionContextTypeArgumentResolver(), new IntegrationOwnersArgumentResolver(),
                new EntitlementsArgumentResolver()));
        for (HandlerKind kind : HandlerKind.values()) {
            resolvers.add(new EventArgumentResolver(kind));
        }
        return new InteractionArgumentResolverComposite(resolvers);
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionReturnValueHandlerComposite interactionReturnValueHandlers(
            ObjectProvider<InteractionReturnValueHandler> applicationHandlers) {
        List<InteractionReturnValueHandler> handlers = new ArrayList<>(applicationHandlers.orderedStream().toList());
        handlers.addAll(List.of(new StringReturnValueHandler(), new ReplyReturnValueHandler(),
                new ModalReturnValueHandler(), new MessageReturnValueHandler(), new VoidReturnValueHandler()));
        return new InteractionReturnValueHandlerComposite(handlers);
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionExceptionResolver interactionExceptionResolver(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionMessages messages) {
        return new InteractionExceptionResolver(arguments, returns, messages);
    }

    @Bean
    @ConditionalOnMissingBean
    CommandHandlerMapping commandHandlerMapping(InteractionArgumentResolverComposite arguments,
            OptionArgumentResolver options, InteractionReturnValueHandlerComposite returns,
            InteractionExceptionResolver exceptions, CommandProperties properties) {
        CommandHandlerMapping mapping = new CommandHandlerMapping(arguments, options, returns, exceptions);
        mapping.setDefaultScope(defaultScope(properties));
        return mapping;
    }

    /**
     * Where commands are installed and may run unless they say otherwise, checked as
     * Discord would.
     */
    static CommandScope defaultScope(CommandProperties properties) {
        CommandScope scope = CommandScope.of(properties.getIntegrationTypes(), properties.getContexts());
        String problem = scope.problem("discord.commands.integration-types", "discord.commands.contexts");
        if (problem != null) {
            boolean aboutTypes = problem.startsWith("discord.commands.integration-types");
            throw new InvalidConfigurationPropertyValueException(
                    aboutTypes ? "discord.commands.integration-types" : "discord.commands.contexts",
                    aboutTypes ? properties.getIntegrationTypes() : properties.getContexts(), problem);
        }
        return scope;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.prefix-commands.enabled", matchIfMissing = true)
    PrefixCommandMapping prefixCommandMapping(CommandHandlerMapping commands, CommandProperties properties) {
        return new PrefixCommandMapping(commands, properties.getPrefix(), properties.isMentionPrefix(),
                properties.isAllowBots());
    }

    @Bean
    @ConditionalOnMissingBean
    ComponentCallbackHandlerMapping componentCallbackHandlerMapping(ComponentCallbacks callbacks) {
        return new ComponentCallbackHandlerMapping(callbacks);
    }

    @Bean
    @ConditionalOnMissingBean
    ComponentHandlerMapping componentHandlerMapping(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        return new ComponentHandlerMapping(arguments, returns, exceptions);
    }

    @Bean
    @ConditionalOnMissingBean
    ModalHandlerMapping modalHandlerMapping(InteractionArgumentResolverComposite arguments,
            FieldArgumentResolver fields, InteractionReturnValueHandlerComposite returns,
            InteractionExceptionResolver exceptions, OfferedForms offeredForms) {
        return new ModalHandlerMapping(arguments, fields, returns, exceptions, offeredForms);
    }

    /**
     * The forms opened and not submitted yet; each is checked, as it is opened, against
     * the handler that will take it.
     */
    @Bean
    @ConditionalOnMissingBean
    OfferedForms offeredForms(CommandProperties properties, ObjectProvider<ModalHandlerMapping> forms) {
        return new OfferedForms(properties.getForms().getMaxOpen(), properties.getForms().getExpireAfter(),
                (form) -> forms.ifAvailable((mapping) -> mapping.checkOffered(form)));
    }

    @Bean
    @ConditionalOnMissingBean
    AutocompleteHandlerMapping autocompleteHandlerMapping(CommandHandlerMapping commands,
            InteractionArgumentResolverComposite arguments, InteractionReturnValueHandlerComposite returns,
            InteractionExceptionResolver exceptions) {
        return new AutocompleteHandlerMapping(commands, arguments, returns, exceptions);
    }

    @Bean
    @ConditionalOnMissingBean
    ContextCommandMapping contextCommandMapping(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions,
            CommandProperties properties) {
        ContextCommandMapping mapping = new ContextCommandMapping(arguments, returns, exceptions);
        mapping.setDefaultScope(defaultScope(properties));
        return mapping;
    }

    @Bean
    @ConditionalOnMissingBean
    LocalizationFunction commandLocalization(InteractionMessages messages, ResourcePatternResolver resources,
            Environment environment) {
        String basenames = environment.getProperty("spring.messages.basename", "messages") + ","
                + InteractionMessages.BASENAME;
        return new CommandLocalization(messages.getMessageSource(), CommandLocalization.bundled(resources, basenames));
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
    RequiredSkus requiredSkus(ObjectProvider<InteractionHandlerMapping> mappings) {
        return new RequiredSkus(mappings.orderedStream()
            .filter(AbstractInteractionHandlerMapping.class::isInstance)
            .<AbstractInteractionHandlerMapping<?>>map(AbstractInteractionHandlerMapping.class::cast)
            .toList());
    }

    @Bean
    @ConditionalOnMissingBean
    EntitlementGuard entitlementGuard(RequiredSkus skus, InteractionMessages messages) {
        return new EntitlementGuard(skus, messages);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.prefix-commands.enabled", matchIfMissing = true)
    ApplicationEntitlements entitlementCache(CommandHandlerMapping commands) {
        return new ApplicationEntitlements(() -> {
            // idempotent: the mapping may not have been asked yet
            commands.initHandlerMethods();
            return commands.getRegistrations()
                .stream()
                .anyMatch((registration) -> registration.handler().asksForEntitlements());
        });
    }

    @Bean
    @ConditionalOnMissingBean
    SkuCheck skuCheck(RequiredSkus skus, ObjectProvider<DiscordProperties> discord,
            ObjectProvider<ShardManager> shardManager) {
        DiscordProperties properties = discord.getIfAvailable(DiscordProperties::new);
        return new SkuCheck(skus, properties.getStartupTimeout(), () -> {
            ShardManager shards = shardManager.getIfAvailable();
            return (shards != null) ? shards.getShards() : List.of();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    GuardChain interactionGuards(ObjectProvider<InteractionGuard> applicationGuards, InteractionMessages messages) {
        return new GuardChain(applicationGuards.orderedStream().toList(), new CooldownTracker(), messages);
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionHandlerAdapter interactionHandlerAdapter(GuardChain guards,
            InteractionArgumentResolverComposite arguments, InteractionReturnValueHandlerComposite returns,
            InteractionExceptionResolver exceptions, ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<InteractionObservationConvention> convention) {
        return new InteractionHandlerAdapter(guards, arguments, returns, exceptions,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), convention.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    InteractionDispatcher interactionDispatcher(ObjectProvider<InteractionHandlerMapping> mappings,
            InteractionHandlerAdapter adapter, CommandExecutor executor, ComponentCallbacks callbacks,
            OfferedForms offeredForms, InteractionMetrics metrics, InteractionMessages messages,
            DeadlineTimer interactionDeadlines, CommandProperties properties, ObjectProvider<EventClaims> claims,
            ObjectProvider<ApplicationEntitlements> entitlements) {
        InvocationSupport support = new InvocationSupport(callbacks, offeredForms, metrics, messages,
                interactionDeadlines, properties.getDeferAfter(), properties.getAutocompleteTimeout(),
                () -> !executor.isAccepting(),
                // without prefix commands, none: a cache no session feeds is never whole
                entitlements.getIfAvailable(() -> new ApplicationEntitlements(() -> false)));
        return new InteractionDispatcher(mappings.orderedStream().toList(), adapter, executor, support,
                claims.getIfUnique(() -> EventClaims.ALL));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.prefix-commands.enabled", matchIfMissing = true)
    MissedCommandRecovery missedCommandRecovery(InteractionDispatcher dispatcher) {
        return new MissedCommandRecovery(dispatcher::onEvent);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.register", matchIfMissing = true)
    CommandSynchronizer commandSynchronizer(CommandHandlerMapping commands, ContextCommandMapping contextCommands,
            LocalizationFunction commandLocalization, CommandProperties properties) {
        return new CommandSynchronizer(commands, contextCommands, commandLocalization, properties.getGuilds());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "discord.commands.help.enabled", matchIfMissing = true)
    HelpCommand helpCommand(CommandHandlerMapping commands, CommandProperties properties,
            InteractionMessages messages) {
        return new HelpCommand(commands, properties.getPrefix(), messages);
    }

}
