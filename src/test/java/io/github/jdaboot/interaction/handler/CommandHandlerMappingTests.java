package io.github.jdaboot.interaction.handler;

import java.util.concurrent.CompletableFuture;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.autoconfigure.InteractionAutoConfiguration;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invalid {@code @Command} declarations fail startup, naming the bean, the method and the
 * problem.
 */
class CommandHandlerMappingTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(InteractionAutoConfiguration.class));

    @Test
    void validCommandsAreRegistered() {
        this.runner.withBean("good", Good.class).withBean("tags", Tags.class).run((context) -> {
            assertThat(context).hasNotFailed();
            CommandHandlerMapping registry = context.getBean(CommandHandlerMapping.class);
            assertThat(registry.getCommands()).extracting(CommandDefinition::fullName)
                .containsExactlyInAnyOrder("roll", "ping", "tags add", "tags remove", "help");
            CommandDefinition roll = registry.getCommand("roll").orElseThrow();
            assertThat(roll.options()).extracting(OptionDefinition::name).containsExactly("sides", "label_text");
            assertThat(roll.usage()).isEqualTo("roll <sides> [label_text]");
            assertThat(registry.getCommand("ping").orElseThrow().guildOnly()).as("permissions imply a server").isTrue();
            assertThat(registry.isGroup("tags")).isTrue();
        });
    }

    @Test
    void unsupportedParameterType() {
        assertFails(UnsupportedParameter.class, "Invalid @Command method bad.run(Object): unsupported parameter"
                + " type Object for parameter 'thing': annotate an option with @Option");
    }

    @Test
    void unsupportedOptionType() {
        assertFails(UnsupportedOption.class, "Invalid @Command method bad.run(StringBuilder): unsupported type"
                + " StringBuilder for @Option parameter 'text'; supported: String, long");
    }

    @Test
    void duplicateName() {
        this.runner.withBean("first", Good.class).withBean("second", AlsoRoll.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                .hasMessageContaining("second.roll()")
                .hasMessageContaining(
                        "ambiguous mapping: command name 'roll' is also mapped to first.roll(int, String)");
        });
    }

    @Test
    void invalidNames() {
        assertFails(UpperCaseName.class, "invalid command name 'Roll': Discord requires 1-32 lower-case letters");
        assertFails(SpacedName.class, "invalid command name 'roll dice'");
        assertFails(LongName.class, "invalid command name '" + "x".repeat(33) + "'");
        assertFails(BadOptionName.class, "invalid option name 'Sides'");
    }

    @Test
    void descriptions() {
        assertFails(LongDescription.class,
                "description of command 'roll' is 101 characters long; Discord requires" + " 1 to 100");
        assertFails(EmptyOptionDescription.class, "description of option 'sides' is 0 characters long");
    }

    @Test
    void tooManyOptions() {
        assertFails(TooManyOptions.class, "too many options: 26, Discord allows 25");
    }

    @Test
    void optionOrderAndTypes() {
        assertFails(RequiredAfterOptional.class, "required option 'b' comes after an optional one");
        assertFails(PrimitiveOptional.class,
                "optional option 'count' has the primitive type int, which cannot be" + " absent: use Integer");
        assertFails(MinAboveMax.class, "option 'count' has min 10.0 above max 1.0");
        assertFails(TooManyChoices.class, "option 'letter' cannot be registered with Discord: enum Letter has 26"
                + " constants; Discord offers 1 to 25 choices");
    }

    @Test
    void returnTypesAndSurfaces() {
        assertFails(BadReturnType.class, "unsupported return type int; return void, String, Reply, Modal,"
                + " MessageCreateData, a CompletionStage of one of them");
        assertFails(SlashEventOnBothSurfaces.class,
                "is a SlashCommandInteractionEvent, so the command must be" + " slash-only");
        assertFails(NoSurface.class, "surfaces is empty");
        assertFails(BadCooldown.class, "@Cooldown seconds must be positive, was 0");
    }

    @Test
    void groupClashesWithCommand() {
        this.runner.withBean("tags", Tags.class).withBean("tagsCommand", TagsCommand.class).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                .hasMessageContaining("command name 'tags' is both a command and" + " a command group");
        });
    }

    private void assertFails(Class<?> bean, String problem) {
        this.runner.withBean("bad", bean).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(BeanInitializationException.class)
                .hasMessageStartingWith("Invalid @Command method bad.")
                .hasMessageContaining(problem);
        });
    }

    static class Good {

        @Command(name = "roll", description = "Rolls a die")
        String roll(@Option(description = "Sides", min = 2, max = 100) int sides,
                @Option(description = "A label", required = false) String labelText) {
            return "";
        }

        @Command(name = "ping", description = "Pings")
        @RequiresPermissions(user = Permission.MANAGE_SERVER)
        CompletableFuture<String> ping(User user, Member member) {
            return CompletableFuture.completedFuture("pong");
        }

    }

    @CommandGroup(name = "tags", description = "Tags")
    static class Tags {

        @Command(name = "add", description = "Adds")
        void add(CommandContext context) {
        }

        @Command(name = "remove", description = "Removes")
        void remove(CommandContext context) {
        }

    }

    static class TagsCommand {

        @Command(name = "tags", description = "Clashes with the group")
        void tags() {
        }

    }

    static class AlsoRoll {

        @Command(name = "roll", description = "Rolls again")
        String roll() {
            return "";
        }

    }

    static class UnsupportedParameter {

        @Command(name = "run", description = "Runs")
        void run(Object thing) {
        }

    }

    static class UnsupportedOption {

        @Command(name = "run", description = "Runs")
        void run(@Option(description = "Text") StringBuilder text) {
        }

    }

    static class UpperCaseName {

        @Command(name = "Roll", description = "Rolls")
        void roll() {
        }

    }

    static class SpacedName {

        @Command(name = "roll dice", description = "Rolls")
        void roll() {
        }

    }

    static class LongName {

        @Command(name = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", description = "Rolls")
        void roll() {
        }

    }

    static class BadOptionName {

        @Command(name = "roll", description = "Rolls")
        void roll(@Option(name = "Sides", description = "Sides") int sides) {
        }

    }

    static class LongDescription {

        @Command(name = "roll", description = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
        void roll() {
        }

    }

    static class EmptyOptionDescription {

        @Command(name = "roll", description = "Rolls")
        void roll(@Option(description = "") int sides) {
        }

    }

    static class TooManyOptions {

        @Command(name = "many", description = "Too many")
        void many(@Option(description = "o") int a1, @Option(description = "o") int a2,
                @Option(description = "o") int a3, @Option(description = "o") int a4, @Option(description = "o") int a5,
                @Option(description = "o") int a6, @Option(description = "o") int a7, @Option(description = "o") int a8,
                @Option(description = "o") int a9, @Option(description = "o") int a10,
                @Option(description = "o") int a11, @Option(description = "o") int a12,
                @Option(description = "o") int a13, @Option(description = "o") int a14,
                @Option(description = "o") int a15, @Option(description = "o") int a16,
                @Option(description = "o") int a17, @Option(description = "o") int a18,
                @Option(description = "o") int a19, @Option(description = "o") int a20,
                @Option(description = "o") int a21, @Option(description = "o") int a22,
                @Option(description = "o") int a23, @Option(description = "o") int a24,
                @Option(description = "o") int a25, @Option(description = "o") int a26) {
        }

    }

    static class RequiredAfterOptional {

        @Command(name = "pair", description = "Pairs")
        void pair(@Option(description = "a", required = false) Integer a, @Option(description = "b") int b) {
        }

    }

    static class PrimitiveOptional {

        @Command(name = "count", description = "Counts")
        void count(@Option(description = "count", required = false) int count) {
        }

    }

    static class MinAboveMax {

        @Command(name = "count", description = "Counts")
        void count(@Option(description = "count", min = 10, max = 1) int count) {
        }

    }

    enum Letter {

        A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z

    }

    static class TooManyChoices {

        @Command(name = "letter", description = "Letters")
        void letter(@Option(description = "letter") Letter letter) {
        }

    }

    static class BadReturnType {

        @Command(name = "number", description = "Numbers")
        int number() {
            return 1;
        }

    }

    static class SlashEventOnBothSurfaces {

        @Command(name = "raw", description = "Raw event")
        void raw(SlashCommandInteractionEvent event) {
        }

    }

    static class NoSurface {

        @Command(name = "nowhere", description = "Nowhere", surfaces = {})
        void nowhere() {
        }

    }

    static class BadCooldown {

        @Command(name = "cool", description = "Cool")
        @Cooldown(seconds = 0)
        void cool() {
        }

    }

}
