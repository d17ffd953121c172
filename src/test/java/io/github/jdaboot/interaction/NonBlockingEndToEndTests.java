package io.github.jdaboot.interaction;

import java.util.concurrent.TimeUnit;

import io.github.jdaboot.discord.entitlement.ApplicationEntitlements;
import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.components.buttons.Button;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link NonBlocking @NonBlocking} handlers over the wire: their runs stay on the thread
 * JDA received the event on, every other run gets a virtual thread, a prefix command that
 * asks for entitlements stays there too while they are in memory (without them it takes a
 * virtual thread: {@link EntitlementsLookedUpEndToEndTests}), and a run that waits on the
 * event thread is named in a warning.
 */
@DiscordBotTest
@Import(NonBlockingEndToEndTests.ThreadCommands.class)
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("@NonBlocking handlers run on JDA's event thread, the others on virtual threads")
class NonBlockingEndToEndTests {

    private final World world;

    private final ApplicationEntitlements entitlements;

    NonBlockingEndToEndTests(DiscordEmulator discord, ApplicationEntitlements entitlements) {
        this.world = discord.world();
        this.entitlements = entitlements;
    }

    @Test
    @DisplayName("a @NonBlocking slash command, prefix command and button answer from JDA's event thread")
    void nonBlockingRunsOnTheEventThread() {
        EmulatedMessage slash = this.world.as("alice").runs(SlashCommand.of("where")).awaitResponse(Timeouts.ANSWER);
        String prefix = reply(".where");
        this.world.as("alice").clicks(slash, "where:again").awaitCallback(Timeouts.ANSWER);
        String click = this.world.message(slash.id()).orElseThrow().content();

        assertThat(slash.content()).startsWith("platform ").doesNotContain("command");
        assertThat(prefix).startsWith("platform ").doesNotContain("command");
        assertThat(click).startsWith("platform ").doesNotContain("command");
    }

    @Test
    @DisplayName("a handler without @NonBlocking gets a virtual thread; one taking Entitlements, with them in memory, does not")
    void othersRunOnVirtualThreads() {
        assertThat(this.world.as("bob").runs(SlashCommand.of("whereblocking")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("virtual command");
        assertThat(reply(".whereblocking")).isEqualTo("virtual command");
        // listed when the session started, beside the commands' registration the test
        // waited for
        await().atMost(Timeouts.ANSWER).until(this.entitlements::isWhole);
        assertThat(reply(".wherepremium")).as("the application's entitlements are in memory").startsWith("platform ");
        assertThat(this.world.as("bob").runs(SlashCommand.of("wherepremium")).awaitResponse(Timeouts.ANSWER).content())
            .as("an interaction carries its entitlements")
            .startsWith("platform ");
    }

    @Test
    @DisplayName("a @NonBlocking handler that waits still answers, and a warning names it")
    void waitingOnTheEventThreadIsNamed(CapturedOutput output) {
        assertThat(this.world.as("carol").runs(SlashCommand.of("sleepy")).awaitResponse(Timeouts.ANSWER).content())
            .isEqualTo("awake");

        await().untilAsserted(() -> assertThat(output.getAll()).contains("ThreadCommands.sleepy ran ")
            .contains("for /sleepy on ")
            .contains("a @NonBlocking handler must not wait"));
    }

    private String reply(String content) {
        return this.world
            .awaitReply(this.world.as("carol").says(this.world.channel("general"), content), Timeouts.ANSWER)
            .content();
    }

    private static String thread() {
        Thread thread = Thread.currentThread();
        return (thread.isVirtual() ? "virtual " : "platform ") + thread.getName();
    }

    static class ThreadCommands {

        @NonBlocking
        @Command(name = "where", description = "Names the thread it runs on")
        Reply where() {
            return Reply.of(thread()).withButtons(Button.primary("where:again", "Again"));
        }

        @NonBlocking
        @ComponentHandler("where:again")
        Reply again() {
            return Reply.update(thread());
        }

        @Command(name = "whereblocking", description = "Names the thread it runs on, without @NonBlocking")
        String whereBlocking() {
            return thread();
        }

        @NonBlocking
        @Command(name = "wherepremium", description = "Names the thread it runs on; may look at entitlements")
        String wherePremium(Entitlements entitlements) {
            return thread();
        }

        @NonBlocking
        @Command(name = "sleepy", description = "Waits where it must not")
        String sleepy() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(300);
            return "awake";
        }

    }

}
