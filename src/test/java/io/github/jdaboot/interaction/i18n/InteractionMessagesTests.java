package io.github.jdaboot.interaction.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The framework's texts: its bundle in English and German, behind the application's own
 * messages.
 */
@DisplayName("The framework's texts")
class InteractionMessagesTests {

    @Test
    @DisplayName("every text is in English and in German, and each is a valid MessageFormat")
    void bundles() throws IOException {
        Properties english = bundle("");
        Properties german = bundle("_de");

        assertThat(english.stringPropertyNames()).hasSizeGreaterThan(50)
            .containsAll(
                    german.stringPropertyNames().stream().filter((key) -> key.startsWith("interaction.")).toList());
        assertThat(german.stringPropertyNames()).containsAll(english.stringPropertyNames());
        for (Properties bundle : new Properties[] { english, german }) {
            bundle.forEach((key,
                    text) -> assertThat(
                            new MessageFormat((String) text, Locale.ROOT).format(new Object[] { 2, 3, 4, 5 }))
                        .as("%s", key)
                        .isNotBlank());
        }
    }

    @Test
    @DisplayName("in the user's language, English for a language the bundle lacks")
    void languages() {
        InteractionMessages messages = new InteractionMessages(new StaticMessageSource());

        assertThat(messages.get("interaction.done", Locale.GERMAN)).isEqualTo("Erledigt.");
        assertThat(messages.get("interaction.done", Locale.forLanguageTag("de-AT"))).isEqualTo("Erledigt.");
        assertThat(messages.get("interaction.done", Locale.US)).isEqualTo("Done.");
        assertThat(messages.get("interaction.done", Locale.JAPANESE)).isEqualTo("Done.");
        assertThat(messages.get("interaction.guard.cooldown.user", Locale.US, "/roll", 1L))
            .isEqualTo("Slow down, please: you can use /roll again in 1 second.");
        assertThat(messages.get("interaction.guard.cooldown.user", Locale.GERMAN, "/roll", 12L))
            .isEqualTo("Nicht so schnell, bitte: /roll ist für dich in 12 Sekunden wieder frei.");
        assertThatExceptionOfType(NoSuchMessageException.class)
            .isThrownBy(() -> messages.get("interaction.no-such-text", Locale.US));
    }

    @Test
    @DisplayName("the application's text for a key comes first; a text of the framework's in its arguments is found")
    void applicationFirst() {
        StaticMessageSource application = new StaticMessageSource();
        application.addMessage("interaction.done", Locale.US, "All set!");
        application.addMessage("interaction.option.missing", Locale.US, "Please give {0}.");
        application.addMessage("interaction.option.unreadable", Locale.US, "{0}? I wanted {1}.");
        InteractionMessages messages = new InteractionMessages(application);

        assertThat(messages.get("interaction.done", Locale.US)).isEqualTo("All set!");
        assertThat(messages.get("interaction.done", Locale.GERMAN)).as("the application has no German text")
            .isEqualTo("Erledigt.");
        assertThat(messages.get(InteractionMessages.of("interaction.option.missing", "**sides**"), Locale.US))
            .isEqualTo("Please give **sides**.");
        assertThat(messages.get(InteractionMessages.of("interaction.option.unreadable", "**sides**",
                InteractionMessages.of("interaction.option.type.whole-number"), "`x`"), Locale.US))
            .isEqualTo("**sides**? I wanted a whole number.");
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = InteractionMessagesTests.class
            .getResourceAsStream("/" + InteractionMessages.BASENAME + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

}
