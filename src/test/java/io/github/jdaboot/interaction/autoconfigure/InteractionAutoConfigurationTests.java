package io.github.jdaboot.interaction.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.dispatch.CommandExecutor;
import io.github.jdaboot.interaction.dispatch.InteractionDispatcher;
import io.github.jdaboot.interaction.dispatch.InteractionHandlerAdapter;
import io.github.jdaboot.interaction.dispatch.MissedCommandRecovery;
import io.github.jdaboot.interaction.entitlement.RequiredSkus;
import io.github.jdaboot.interaction.entitlement.SkuCheck;
import io.github.jdaboot.interaction.form.FieldResolver;
import io.github.jdaboot.interaction.form.OfferedField;
import io.github.jdaboot.interaction.form.OfferedForm;
import io.github.jdaboot.interaction.form.OfferedForms;
import io.github.jdaboot.interaction.guard.CooldownTracker;
import io.github.jdaboot.interaction.guard.EntitlementGuard;
import io.github.jdaboot.interaction.guard.GuardChain;
import io.github.jdaboot.interaction.handler.AutocompleteHandlerMapping;
import io.github.jdaboot.interaction.handler.CommandHandlerMapping;
import io.github.jdaboot.interaction.handler.ComponentCallbackHandlerMapping;
import io.github.jdaboot.interaction.handler.ComponentHandlerMapping;
import io.github.jdaboot.interaction.handler.ContextCommandMapping;
import io.github.jdaboot.interaction.handler.HandlerMatch;
import io.github.jdaboot.interaction.handler.InteractionHandlerMapping;
import io.github.jdaboot.interaction.handler.ModalHandlerMapping;
import io.github.jdaboot.interaction.handler.PrefixCommandMapping;
import io.github.jdaboot.interaction.help.HelpCommand;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.ComponentCallbacks;
import io.github.jdaboot.interaction.invocation.DeadlineTimer;
import io.github.jdaboot.interaction.invocation.InvocationSupport;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import io.github.jdaboot.interaction.method.annotation.OptionArgumentResolver;
import io.github.jdaboot.interaction.method.support.InteractionContextArgumentResolver;
import io.github.jdaboot.interaction.observation.CommandOutcome;
import io.github.jdaboot.interaction.observation.DefaultInteractionObservationConvention;
import io.github.jdaboot.interaction.observation.InteractionMeterObservationHandler;
import io.github.jdaboot.interaction.observation.InteractionMetrics;
import io.github.jdaboot.interaction.observation.InteractionObservationContext;
import io.github.jdaboot.interaction.registration.CommandSynchronizer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interaction framework's auto-configuration and each of its conditions, as Spring
 * Boot tests its own.
 */
@DisplayName("Interaction framework auto-configuration")
class InteractionAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class));

    @Test
    @DisplayName("by default: the help command, prefix commands, registration and the dispatcher")
    void defaults() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed()
                .hasSingleBean(HelpCommand.class)
                .hasSingleBean(PrefixCommandMapping.class)
                .hasSingleBean(CommandSynchronizer.class)
                .hasSingleBean(InteractionDispatcher.class);
            assertThat(context.getBean(CommandHandlerMapping.class).getCommand("help")).isPresent();
        });
    }

    @Test
    @DisplayName("premium: the required SKUs, the entitlement guard, and the SKU check started after the gateway's wait")
    void premium() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed()
                .hasSingleBean(RequiredSkus.class)
                .hasSingleBean(EntitlementGuard.class)
                .hasSingleBean(SkuCheck.class);
            assertThat(context.getBean(SkuCheck.class).getPhase()).as("after DiscordGatewayLifecycle's")
                .isGreaterThan(SmartLifecycle.DEFAULT_PHASE - 100)
                .isLessThan(SmartLifecycle.DEFAULT_PHASE);
            assertThat(context.getBean(EntitlementGuard.class).getOrder()).as("first of the guard beans")
                .isEqualTo(Ordered.HIGHEST_PRECEDENCE);
        });
    }

    @Test
    @DisplayName("discord.commands.help.enabled=false: no help command, and no /help registered")
    void helpOff() {
        this.runner.withPropertyValues("discord.commands.help.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(HelpCommand.class);
            assertThat(context.getBean(CommandHandlerMapping.class).getCommand("help")).isEmpty();
            assertThat(context.getBean(CommandSynchronizer.class).desired()).isEmpty();
        });
    }

    @Test
    @DisplayName("discord.commands.prefix-commands.enabled=false: messages are not read for commands")
    void prefixCommandsOff() {
        this.runner.withPropertyValues("discord.commands.prefix-commands.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(PrefixCommandMapping.class)
                .doesNotHaveBean(ApplicationEntitlements.class)
                .hasSingleBean(InteractionDispatcher.class));
    }

    @Test
    @DisplayName("the application's entitlements in memory, for prefix commands: the application's own bean wins")
    void applicationEntitlements() {
        this.runner.run((context) -> assertThat(context).hasSingleBean(ApplicationEntitlements.class));
        ApplicationEntitlements own = new ApplicationEntitlements(() -> false);
        this.runner.withBean(ApplicationEntitlements.class, () -> own)
            .run((context) -> assertThat(context).getBean(ApplicationEntitlements.class).isSameAs(own));
    }

    @Test
    @DisplayName("@NonBlocking runs stay on the event thread, unless discord.commands.non-blocking-on-event-thread=false")
    void nonBlockingOnEventThread() {
        this.runner.run((context) -> assertThat(context.getBean(CommandExecutor.class).runsHere()).isTrue());
        this.runner.withPropertyValues("discord.commands.non-blocking-on-event-thread=false")
            .run((context) -> assertThat(context.getBean(CommandExecutor.class).runsHere()).isFalse());
    }

    @Test
    @DisplayName("discord.commands.register=false: nothing is registered with Discord")
    void registrationOff() {
        this.runner.withPropertyValues("discord.commands.register=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CommandSynchronizer.class));
    }

    @Test
    @DisplayName("a bean of the application's own replaces the framework's")
    void userBeanBacksOff() {
        ComponentCallbacks own = new ComponentCallbacks(5, Duration.ofMinutes(1));
        this.runner.withBean(ComponentCallbacks.class, () -> own).run((context) -> {
            assertThat(context).hasSingleBean(ComponentCallbacks.class);
            assertThat(context.getBean(ComponentCallbacks.class)).isSameAs(own);
        });
    }

    @Test
    @DisplayName("discord.commands.forms.*: how many open forms are remembered, and for how long")
    void forms() {
        this.runner.withPropertyValues("discord.commands.forms.max-open=2", "discord.commands.forms.expire-after=5m")
            .withBean("plainForm", PlainForm.class)
            .run((context) -> {
                OfferedForms forms = context.getBean(OfferedForms.class);
                for (long user = 1; user <= 3; user++) {
                    forms.opened(user, new OfferedForm("form:x", Map.of()));
                }
                assertThat(forms.size()).as("the least recently opened is dropped").isEqualTo(2);
                assertThat(forms.find(1, "form:x")).isNull();
                assertThat(forms.find(3, "form:x")).isNotNull();
            });
        this.runner.withPropertyValues("discord.commands.forms.max-open=0")
            .run((context) -> assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(BindValidationException.class)
                .hasMessageContaining("forms.maxOpen"));
    }

    @Test
    @DisplayName("a @Field of a type no FieldResolver reads fails startup; the application's FieldResolver bean reads it")
    void applicationFieldResolvers() {
        ApplicationContextRunner withForm = this.runner.withPropertyValues("discord.commands.help.enabled=false")
            .withBean("dated", DatedForm.class);
        withForm.run((context) -> assertThat(context).getFailure()
            .hasMessageContaining("unsupported parameter type LocalDate for parameter 'day'"));
        withForm.withBean(FieldResolver.class, DateFieldResolver::new)
            .run((context) -> assertThat(context).hasNotFailed());
    }

    /** A form handler taking no field. */
    static class PlainForm {

        @ModalHandler("form:x")
        String sent() {
            return "sent";
        }

    }

    /** A form handler taking a date, which no field of the framework's fills. */
    static class DatedForm {

        @ModalHandler("form:dated")
        String dated(@Field("day") LocalDate day) {
            return day.toString();
        }

    }

    /** Reads a date from a text input. */
    static class DateFieldResolver implements FieldResolver {

        @Override
        public boolean supports(ResolvableType type) {
            return type.toClass() == LocalDate.class;
        }

        @Override
        public @Nullable String mismatch(OfferedField field, ResolvableType type) {
            return (field.type() == Component.Type.TEXT_INPUT) ? null : "a date is typed";
        }

        @Override
        public Object resolve(ModalMapping value, OfferedField field, ResolvableType type, InteractionContext context) {
            return LocalDate.parse(value.getAsString());
        }

    }

    @Test
    @DisplayName("the interaction metrics are a MeterBinder: registered at 0 once bound")
    void metricsAtZero() {
        this.runner.run((context) -> {
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(InteractionMetrics.class).bindTo(registry);
            assertThat(registry.get("discord.interactions.late").counters()).hasSize(2)
                .allSatisfy((counter) -> assertThat(counter.count()).isZero());
            assertThat(registry.get("discord.interactions.acknowledgement").timers()).hasSize(2);
        });
    }

    @Test
    @DisplayName("with Boot's metrics: the handler runs' meters by the framework's handler, the rest by Boot's")
    void meterObservationHandler() {
        this.runner
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
            .run((context) -> {
                assertThat(context).hasNotFailed()
                    .hasSingleBean(InteractionMeterObservationHandler.class)
                    .hasSingleBean(DefaultMeterObservationHandler.class);
                ObservationRegistry observations = context.getBean(ObservationRegistry.class);
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                InteractionObservationContext run = new InteractionObservationContext("slash", "idea", null);
                Observation observation = Observation
                    .createNotStarted(new DefaultInteractionObservationConvention(), () -> run, observations)
                    .start();
                assertThat(registry.get("discord.commands.active").longTaskTimer().activeTasks()).isOne();
                run.setOutcome(CommandOutcome.SUCCESS);
                observation.stop();
                Observation.createNotStarted("other.work", observations).observe(() -> {
                });

                assertThat(registry.get("discord.commands")
                    .tags("kind", "slash", "command", "idea", "outcome", "success", "error", "none")
                    .timer()
                    .count()).isOne();
                assertThat(registry.get("discord.commands.active").longTaskTimer().activeTasks()).isZero();
                assertThat(registry.get("other.work").timer().count()).as("by Boot's handler").isOne();
            });
    }

    @Test
    @DisplayName("ignored-meters=long-task-timer: no discord.commands.active; no registry: no meter handler")
    void meterObservationHandlerSettings() {
        this.runner
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
            .withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
            .run((context) -> {
                InteractionObservationContext run = new InteractionObservationContext("slash", "idea", null);
                Observation
                    .createNotStarted(new DefaultInteractionObservationConvention(), () -> run,
                            context.getBean(ObservationRegistry.class))
                    .observe(() -> run.setOutcome(CommandOutcome.SUCCESS));
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                assertThat(registry.get("discord.commands").timers()).hasSize(1);
                assertThat(registry.find("discord.commands.active").longTaskTimers()).isEmpty();
            });
        this.runner.run((context) -> assertThat(context).doesNotHaveBean(InteractionMeterObservationHandler.class));
    }

    @Test
    @DisplayName("bad settings fail at startup with Spring Boot's message naming the property")
    void validated() {
        this.runner
            .withPropertyValues("discord.commands.prefix=two words", "discord.commands.defer-after=5s",
                    "discord.commands.max-concurrent=0")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(BindValidationException.class)
                    .hasMessageContaining("discord.commands.prefix")
                    .hasMessageContaining("must be 1 to 5 characters without spaces")
                    .hasMessageContaining("discord.commands.defer-after")
                    .hasMessageContaining("must be at most 2500ms")
                    .hasMessageContaining("discord.commands.max-concurrent");
            });
    }

    @Test
    @DisplayName("every bean it backs off from is of a public type with a public constructor, so an application can declare its own")
    void backsOffOnlyFromPublicTypes() {
        List<Method> backingOff = Arrays.stream(InteractionAutoConfiguration.class.getDeclaredMethods())
            .filter((method) -> method.isAnnotationPresent(Bean.class)
                    && method.isAnnotationPresent(ConditionalOnMissingBean.class))
            .toList();
        assertThat(backingOff).hasSizeGreaterThan(20).allSatisfy((method) -> {
            Class<?> type = method.getReturnType();
            assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type).isTrue();
            if (!type.isInterface()) {
                assertThat(type.getConstructors()).as("%s has a public constructor", type).isNotEmpty();
            }
        });
    }

    @Test
    @DisplayName("the application's argument resolvers replace the framework's, and the handler mappings use them")
    void applicationArgumentResolvers() {
        InteractionArgumentResolverComposite own = new InteractionArgumentResolverComposite(
                List.of(new InteractionContextArgumentResolver()));
        ApplicationContextRunner withoutHelp = this.runner.withPropertyValues("discord.commands.help.enabled=false");
        withoutHelp.withBean(InteractionArgumentResolverComposite.class, () -> own).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(InteractionArgumentResolverComposite.class)).isSameAs(own);
        });
        withoutHelp.withBean(InteractionArgumentResolverComposite.class, () -> own)
            .withBean("whoami", WhoAmI.class)
            .run((context) -> assertThat(context).getFailure()
                .hasMessageContaining("Invalid @Command method whoami.whoami(User)")
                .hasMessageContaining("unsupported parameter type User"));
    }

    @Test
    @DisplayName("the application's dispatcher, adapter, exception resolver, executor, guards and texts replace the framework's")
    void applicationStrategies() {
        this.runner.withUserConfiguration(OwnStrategies.class).run((context) -> {
            assertThat(context).hasNotFailed();
            OwnStrategies own = context.getBean(OwnStrategies.class);
            assertThat(context).getBean(InteractionDispatcher.class).isSameAs(own.dispatcher);
            assertThat(context).getBean(InteractionHandlerAdapter.class).isSameAs(own.adapter);
            assertThat(context).getBean(InteractionExceptionResolver.class).isSameAs(own.exceptions);
            assertThat(context).getBean(CommandExecutor.class).isSameAs(own.executor);
            assertThat(context).getBean(GuardChain.class).isSameAs(own.guards);
            assertThat(context).getBean(InteractionMessages.class).isSameAs(own.messages);
            assertThat(context).hasSingleBean(InteractionDispatcher.class).hasSingleBean(MissedCommandRecovery.class);
        });
    }

    @Test
    @DisplayName("the application's command mapping replaces the framework's; prefix commands and help use it")
    void applicationCommandMapping() {
        this.runner.withUserConfiguration(OwnCommandMapping.class).run((context) -> {
            assertThat(context).hasNotFailed().hasSingleBean(CommandHandlerMapping.class);
            CommandHandlerMapping commands = context.getBean(CommandHandlerMapping.class);
            assertThat(commands).isInstanceOf(OwnCommandMapping.Commands.class);
            assertThat(commands.getCommand("help")).isPresent();
        });
    }

    @Test
    @DisplayName("a handler mapping bean of the application's is asked by the dispatcher, in its order")
    void applicationHandlerMapping() {
        InteractionHandlerMapping own = new OrderedMapping();
        this.runner.withBean("ownMapping", InteractionHandlerMapping.class, () -> own).run((context) -> {
            assertThat(context).hasNotFailed();
            List<InteractionHandlerMapping> mappings = context.getBean(InteractionDispatcher.class)
                .getHandlerMappings();
            assertThat(mappings).first().isSameAs(own);
            assertThat(mappings).hasAtLeastOneElementOfType(ComponentCallbackHandlerMapping.class)
                .hasAtLeastOneElementOfType(CommandHandlerMapping.class)
                .hasAtLeastOneElementOfType(PrefixCommandMapping.class)
                .hasAtLeastOneElementOfType(ComponentHandlerMapping.class)
                .hasAtLeastOneElementOfType(ModalHandlerMapping.class)
                .hasAtLeastOneElementOfType(AutocompleteHandlerMapping.class)
                .hasAtLeastOneElementOfType(ContextCommandMapping.class)
                .hasSize(8);
            assertThat(mappings.indexOf(context.getBean(ComponentCallbackHandlerMapping.class)))
                .as("callbacks before templates")
                .isLessThan(mappings.indexOf(context.getBean(ComponentHandlerMapping.class)));
        });
    }

    static class WhoAmI {

        @Command(name = "whoami", description = "Says who you are")
        String whoami(User user) {
            return user.getName();
        }

    }

    static class OrderedMapping implements InteractionHandlerMapping, Ordered {

        @Override
        public @Nullable HandlerMatch getHandler(GenericEvent event) {
            return null;
        }

        @Override
        public int getOrder() {
            return -10;
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStrategies {

        final InteractionMessages messages = new InteractionMessages(new StaticMessageSource());

        final CommandExecutor executor = new CommandExecutor(1, Duration.ofSeconds(1));

        InteractionExceptionResolver exceptions;

        GuardChain guards;

        InteractionHandlerAdapter adapter;

        InteractionDispatcher dispatcher;

        @Bean
        InteractionMessages ownMessages() {
            return this.messages;
        }

        @Bean
        CommandExecutor ownExecutor() {
            return this.executor;
        }

        @Bean
        InteractionExceptionResolver ownExceptionResolver(InteractionArgumentResolverComposite arguments,
                InteractionReturnValueHandlerComposite returns) {
            this.exceptions = new InteractionExceptionResolver(arguments, returns, this.messages);
            return this.exceptions;
        }

        @Bean
        GuardChain ownGuards() {
            this.guards = new GuardChain(List.of(), new CooldownTracker(), this.messages);
            return this.guards;
        }

        @Bean
        InteractionHandlerAdapter ownAdapter(GuardChain guards, InteractionArgumentResolverComposite arguments,
                InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
            this.adapter = new InteractionHandlerAdapter(guards, arguments, returns, exceptions,
                    ObservationRegistry.NOOP, null);
            return this.adapter;
        }

        @Bean
        InteractionDispatcher ownDispatcher(List<InteractionHandlerMapping> mappings, InteractionHandlerAdapter adapter,
                ComponentCallbacks callbacks, OfferedForms forms, InteractionMetrics metrics, DeadlineTimer deadlines) {
            this.dispatcher = new InteractionDispatcher(mappings, adapter, this.executor,
                    new InvocationSupport(callbacks, forms, metrics, this.messages, deadlines, Duration.ofSeconds(2),
                            Duration.ofSeconds(2), () -> !this.executor.isAccepting(),
                            new ApplicationEntitlements(() -> false)));
            return this.dispatcher;
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCommandMapping {

        @Bean
        Commands ownCommands(InteractionArgumentResolverComposite arguments, OptionArgumentResolver options,
                InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
            return new Commands(arguments, options, returns, exceptions);
        }

        static class Commands extends CommandHandlerMapping {

            Commands(InteractionArgumentResolverComposite arguments, OptionArgumentResolver options,
                    InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
                super(arguments, options, returns, exceptions);
            }

        }

    }

}
