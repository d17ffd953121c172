package io.github.jdaboot.interaction.handler;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.InteractionAdvice;
import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.autoconfigure.InteractionAutoConfiguration;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandler;
import io.github.jdaboot.interaction.option.OptionResolver;
import io.github.jdaboot.interaction.option.OptionSpec;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.MethodParameter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Component and form handlers are found and checked at startup like commands, custom ids
 * are routed by their templates, and users extend the framework with beans of its SPI
 * types.
 */
@DisplayName("Component and form handlers, and the framework's extension points")
class InteractionHandlerMappingTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class));

    @Test
    @DisplayName("custom ids are routed by template, the most specific first, with their parts")
    void routing() {
        this.runner.withBean("clicks", Clicks.class).run((context) -> {
            assertThat(context).hasNotFailed();
            ComponentHandlerMapping mapping = context.getBean(ComponentHandlerMapping.class);
            assertThat(mapping.match("vote:up:42")).satisfies((match) -> {
                assertThat(match.template()).isEqualTo("vote:up:{poll:\\d+}");
                assertThat(match.parts()).containsEntry("poll", "42");
            });
            assertThat(mapping.match("vote:up:latest")).satisfies(
                    (match) -> assertThat(match.template()).as("literal before variable").isEqualTo("vote:up:latest"));
            assertThat(mapping.match("vote:down:42")).isNull();
            assertThat(mapping.match("~a1b2")).isNull();
            assertThat(context.getBean(ModalHandlerMapping.class).match("rename:faq"))
                .satisfies((match) -> assertThat(match.parts()).containsEntry("tag", "faq"));
        });
    }

    @Test
    @DisplayName("invalid component and form handlers fail startup, naming the bean, the method and the problem")
    void invalid() {
        assertFails(OptionOnClick.class, "Invalid @ComponentHandler method bad.click(String): parameter 'text' is for"
                + " @Command methods, not for @ComponentHandler methods");
        assertFails(MissingPart.class, "is bound to the id part 'poll', which template 'vote' does not have");
        assertFails(FrameworkId.class, "invalid template '~mine'");
        assertFails(FieldOnClick.class,
                "parameter 'name' is for @ModalHandler methods, not for @ComponentHandler methods");
        assertFails(FormAnsweringForm.class, "a form cannot be answered with another form");
        assertFails(WrongEvent.class,
                "parameter 'event' is for @ModalHandler methods, not for @ComponentHandler methods");
        this.runner.withBean("clicks", Clicks.class)
            .withBean("again", SameTemplate.class)
            .run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                .hasMessageContaining(
                        "ambiguous mapping: template 'vote:up:{poll:\\d+}' is also mapped to clicks.up(long)"));
    }

    @Test
    @DisplayName("an OptionResolver bean adds an option type: one class")
    void optionResolverBean() {
        this.runner.withBean(DurationOptions.class).withBean("timer", Timer.class).run((context) -> {
            assertThat(context).hasNotFailed();
            CommandDefinition command = context.getBean(CommandHandlerMapping.class).getCommand("timer").orElseThrow();
            assertThat(command.options()).singleElement().satisfies((option) -> {
                assertThat(option.data().getType()).isEqualTo(OptionType.STRING);
                assertThat(option.describe()).isEqualTo("a duration like 5m");
            });
        });
    }

    @Test
    @DisplayName("argument resolver, return value handler and guard beans are used, and checked at startup")
    void spiBeans() {
        this.runner.withBean(TimeZones.class)
            .withBean(Answers.class)
            .withBean(Always.class)
            .withBean("zones", Zones.class)
            .run((context) -> assertThat(context).hasNotFailed());
        this.runner.withBean(Answers.class)
            .withBean("zones", Zones.class)
            .run((context) -> assertThat(context.getStartupFailure())
                .hasMessageContaining("unsupported parameter type ZoneName for parameter 'zone'"));
    }

    private void assertFails(Class<?> bean, String problem) {
        this.runner.withBean("bad", bean).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                .hasMessageContaining(problem);
        });
    }

    static class Clicks {

        @ComponentHandler("vote:up:{poll:\\d+}")
        String up(@IdPart long poll) {
            return "up " + poll;
        }

        @ComponentHandler("vote:up:latest")
        Reply latest(User user) {
            return Reply.update("latest");
        }

        @ModalHandler("rename:{tag}")
        String rename(@IdPart String tag, @Field("name") String name) {
            return tag + " -> " + name;
        }

    }

    static class SameTemplate {

        @ComponentHandler("vote:up:{poll:\\d+}")
        String up(@IdPart long poll) {
            return "again";
        }

    }

    static class OptionOnClick {

        @ComponentHandler("click")
        String click(@Option(description = "Text") String text) {
            return text;
        }

    }

    static class MissingPart {

        @ComponentHandler({ "vote:{poll}", "vote" })
        String vote(@IdPart String poll) {
            return poll;
        }

    }

    static class FrameworkId {

        @ComponentHandler("~mine")
        void mine() {
        }

    }

    static class FieldOnClick {

        @ComponentHandler("click")
        String click(@Field("name") String name) {
            return name;
        }

    }

    static class FormAnsweringForm {

        @ModalHandler("form")
        Modal again() {
            return Modal.of("form", "Again");
        }

    }

    static class WrongEvent {

        @ComponentHandler("click")
        void click(ModalInteractionEvent event) {
        }

    }

    static class DurationOptions implements OptionResolver {

        @Override
        public boolean supports(Class<?> type) {
            return type == Duration.class;
        }

        @Override
        public OptionType optionType(Class<?> type) {
            return OptionType.STRING;
        }

        @Override
        public String describe(Class<?> type) {
            return "a duration like 5m";
        }

        @Override
        public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
            return Duration.parse("PT" + mapping.getAsString());
        }

        @Override
        public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
            String text = input.next();
            return (text != null) ? Duration.parse("PT" + text) : null;
        }

    }

    static class Timer {

        @Command(name = "timer", description = "Waits")
        String timer(@Option(description = "How long") Duration duration) {
            return "waiting " + duration;
        }

    }

    record ZoneName(String name) {
    }

    static class TimeZones implements InteractionArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ZoneName.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
            return new ZoneName("UTC");
        }

    }

    record Answer(String text) {
    }

    static class Answers implements InteractionReturnValueHandler {

        @Override
        public boolean supportsReturnType(Class<?> type) {
            return type == Answer.class;
        }

        @Override
        public void handleReturnValue(@Nullable Object value, InteractionContext context) {
            context.reply(((Answer) value).text());
        }

    }

    static class Always implements InteractionGuard {

        @Override
        public Optional<String> check(GuardedRun run) {
            return Optional.empty();
        }

    }

    static class Zones {

        @Command(name = "zone", description = "Shows the zone")
        Answer zone(ZoneName zone) {
            return new Answer(zone.name());
        }

    }

    @Test
    @DisplayName("an argument resolver serves the kinds it declares: its parameter elsewhere fails startup")
    void resolverKinds() {
        this.runner.withBean(ClickPositions.class).withBean("clicks", PositionClicks.class).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(
                    context.getBean(InteractionArgumentResolverComposite.class)
                        .supportedKinds(new MethodParameter(
                                PositionClicks.class.getDeclaredMethod("click", Position.class), 0)))
                .containsExactly(HandlerKind.COMPONENT);
        });
        this.runner.withBean(ClickPositions.class)
            .withBean("bad", PositionCommand.class)
            .run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                .hasMessageContaining("Invalid @Command method bad.where(Position): parameter 'position' is for"
                        + " @ComponentHandler methods, not for @Command methods"));
    }

    @Test
    @DisplayName("a handler bean or an advice with two exception handlers for one exception type fails startup")
    void ambiguousExceptionHandlers() {
        this.runner.withBean("timer", AmbiguousTimer.class)
            .run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                .hasMessageContaining("Invalid @InteractionExceptionHandler method timer.")
                .hasMessageContaining("ambiguous handler for java.lang.IllegalStateException"));
        this.runner.withBean("advice", AmbiguousAdvice.class)
            .run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                .hasMessageContaining("Invalid @InteractionExceptionHandler method advice.")
                .hasMessageContaining("ambiguous handler for java.lang.IllegalArgumentException"));
    }

    record Position(int x, int y) {
    }

    static class ClickPositions implements InteractionArgumentResolver {

        @Override
        public Set<HandlerKind> supportedKinds() {
            return Set.of(HandlerKind.COMPONENT);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Position.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
            return new Position(0, 0);
        }

    }

    static class PositionClicks {

        @ComponentHandler("grid")
        String click(Position position) {
            return position.toString();
        }

    }

    static class PositionCommand {

        @Command(name = "where", description = "Where")
        String where(Position position) {
            return position.toString();
        }

    }

    static class AmbiguousTimer {

        @Command(name = "timer", description = "Waits")
        String timer() {
            return "waiting";
        }

        @InteractionExceptionHandler
        String first(IllegalStateException ex) {
            return "first";
        }

        @InteractionExceptionHandler(IllegalStateException.class)
        String second(RuntimeException ex) {
            return "second";
        }

    }

    @InteractionAdvice
    static class AmbiguousAdvice {

        @InteractionExceptionHandler
        String first(IllegalArgumentException ex) {
            return "first";
        }

        @InteractionExceptionHandler
        String second(IllegalArgumentException ex) {
            return "second";
        }

    }

}
