package io.github.jdaboot.interaction.i18n;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.FrameworkTestCommands;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framework's own texts come from the {@code MessageSource}, over the wire: in German
 * for a German user (an interaction) or a German server (a prefix command), and as the
 * application words them where its messages define the key (here
 * {@code interaction-overrides.properties}, one of its {@code spring.messages.basename}).
 */
@DiscordBotTest(properties = "spring.messages.basename=messages,interaction-overrides")
@Import({ FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class })
@DisplayName("The framework's texts in the user's language, and reworded by the application")
class InteractionMessagesEndToEndTests {

    private final World world;

    private final EmulatedUser greta;

    InteractionMessagesEndToEndTests(DiscordEmulator discord) {
        this.world = discord.world();
        this.greta = this.world.user("greta");
    }

    @AfterEach
    void english() {
        this.world.locale(this.greta, "en-US");
        this.world.locale(this.world.guild(), "en-US");
    }

    @Test
    @DisplayName("a German user gets a guard's refusal, an expired button and the help in German")
    void germanUser() {
        this.world.locale(this.greta, "de");

        assertThat(reply(this.world.as(this.greta).runs(SlashCommand.of("mods"))))
            .isEqualTo("Dafür brauchst du die Berechtigung **Manage Server**.");
        assertThat(reply(this.world.as(this.greta).forging().clicks(panel(), "~0123456789abcdef"))).isEqualTo(
                "Entschuldige, das ist abgelaufen. Führe den Befehl noch einmal aus, dann bekommst du ein neues.");
        assertThat(reply(this.world.as(this.greta).runs(SlashCommand.of("help")))).startsWith("**Befehle**\n")
            .contains("`/help [command]`: Zeigt die Befehle und wie man sie benutzt")
            .endsWith("Mit `/help <Befehl>` erfährst du mehr über einen Befehl.");
        // the same for an English user, in English
        assertThat(reply(this.world.as("bob").runs(SlashCommand.of("mods"))))
            .isEqualTo("You need the **Manage Server** permission to use /mods.");
    }

    @Test
    @DisplayName("a prefix command in a German server gets bad input explained in German, with its usage")
    void germanServer() {
        this.world.locale(this.world.guild(), "de");

        EmulatedMessage asked = this.world.as("carol").says(this.world.channel("random"), ".add one 2");

        assertThat(this.world.awaitReply(asked, Timeouts.ANSWER).content())
            .isEqualTo("**a** konnte ich nicht lesen: erwartet war eine ganze Zahl, bekommen habe ich `one`.\n"
                    + "Aufruf: `.add <a> <b>`");
    }

    @Test
    @DisplayName("a key the application defines is its text, in every language its messages do not say otherwise")
    void applicationOverride() {
        String reworded = "That button is from an older version of me: run the command again for a new one.";

        assertThat(reply(this.world.as("bob").forging().clicks(panel(), "nothing:here"))).isEqualTo(reworded);
        this.world.locale(this.greta, "de");
        // the application's messages.properties is its text for German too
        // (ResourceBundle
        // fallback), unless its messages_de.properties words it in German
        assertThat(reply(this.world.as(this.greta).forging().clicks(panel(), "nothing:here"))).isEqualTo(reworded);
    }

    private EmulatedMessage panel() {
        return this.world.awaitReply(this.world.as("alice").says(this.world.channel("bot-lab"), ".panel"),
                Timeouts.ANSWER);
    }

    private static String reply(EmulatedInteraction interaction) {
        return interaction.awaitResponse(Timeouts.ANSWER).content();
    }

}
