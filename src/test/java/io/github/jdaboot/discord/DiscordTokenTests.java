package io.github.jdaboot.discord;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DiscordTokenTests {

    private final DiscordProperties properties = new DiscordProperties();

    @Test
    void inlineTokenIsStripped() {
        this.properties.setToken("  abc.def  ");
        assertThat(DiscordToken.resolve(this.properties)).isEqualTo("abc.def");
    }

    @Test
    void fileTokenIsStripped(@TempDir Path directory) throws Exception {
        this.properties.setTokenFile(Files.writeString(directory.resolve("token"), "\n abc.def \r\n"));
        assertThat(DiscordToken.resolve(this.properties)).isEqualTo("abc.def");
    }

    @Test
    void bothSettingsAreAmbiguous(@TempDir Path directory) throws Exception {
        this.properties.setToken("abc");
        this.properties.setTokenFile(Files.writeString(directory.resolve("token"), "def"));
        assertThatExceptionOfType(DiscordStartupException.class).isThrownBy(() -> DiscordToken.resolve(this.properties))
            .withMessageContaining("set only one of them");
    }

    @Test
    void missingFileSaysWhichFile(@TempDir Path directory) {
        Path missing = directory.resolve("missing");
        this.properties.setTokenFile(missing);
        assertThatExceptionOfType(DiscordStartupException.class).isThrownBy(() -> DiscordToken.resolve(this.properties))
            .withMessage("discord.token-file is set to '" + missing + "', which cannot be read (NoSuchFileException).");
    }

    @Test
    void emptyFileIsAnError(@TempDir Path directory) throws Exception {
        this.properties.setTokenFile(Files.writeString(directory.resolve("token"), " \n"));
        assertThatExceptionOfType(DiscordStartupException.class).isThrownBy(() -> DiscordToken.resolve(this.properties))
            .withMessageEndingWith("which is empty.");
    }

    @Test
    void blankTokenIsMissing() {
        this.properties.setToken("   ");
        assertThatExceptionOfType(DiscordStartupException.class).isThrownBy(() -> DiscordToken.resolve(this.properties))
            .withMessageStartingWith("No Discord bot token is configured: set the DISCORD_TOKEN environment variable");
    }

    @Test
    void propertiesNeverShowTheToken() {
        this.properties.setToken("secret.token.value");
        assertThat(this.properties.toString()).doesNotContain("secret.token.value");
    }

}
