package io.github.jdaboot.interaction.method.annotation;

import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.InteractionAdvice;
import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.entities.User;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a handler throws is answered over the wire as Spring MVC answers a controller's
 * exceptions: the handler's own bean first, then the advice, matching on the cause when
 * nothing handles the exception itself; else the framework's apology.
 */
@DisplayName("@InteractionExceptionHandler and @InteractionAdvice against the Discord emulator")
class ExceptionHandlingEndToEndTests {

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @Test
    @DisplayName("the bean's own handler, then the advice by the exception's cause, then the apology")
    void exceptionHandlers() {
        this.bot.start(new Class<?>[] { Failing.class, Advice.class });
        World world = this.bot.discord().world();

        assertThat(reply(world, ".local")).isEqualTo("local handler for alice: nope");
        assertThat(reply(world, ".wrapped")).isEqualTo("advice for wrapped: / by zero, wrapped in failed to divide");
        assertThat(reply(world, ".unhandled"))
            .startsWith("Sorry, something went wrong while running .unhandled. If it keeps happening");
    }

    private static String reply(World world, String command) {
        return world.awaitReply(world.as("alice").says(world.channel("general"), command), Timeouts.ANSWER).content();
    }

    static class Failing {

        @Command(name = "local", description = "Fails, handled by its own bean")
        String local() {
            throw new UnsupportedOperationException("nope");
        }

        @Command(name = "wrapped", description = "Fails with a cause the advice handles")
        String wrapped() {
            try {
                return String.valueOf(1 / Integer.parseInt("0"));
            }
            catch (ArithmeticException ex) {
                throw new IllegalStateException("failed to divide", ex);
            }
        }

        @Command(name = "unhandled", description = "Fails, handled by nobody")
        String unhandled() {
            throw new IllegalArgumentException("nobody handles this");
        }

        @InteractionExceptionHandler
        String onUnsupported(UnsupportedOperationException ex, User user) {
            return "local handler for " + user.getName() + ": " + ex.getMessage();
        }

    }

    @InteractionAdvice
    static class Advice {

        @InteractionExceptionHandler(ArithmeticException.class)
        Reply onArithmetic(ArithmeticException ex, IllegalStateException wrapper, CommandContext context) {
            return Reply.of("advice for " + context.commandName() + ": " + ex.getMessage() + ", wrapped in "
                    + wrapper.getMessage());
        }

    }

}
