package io.github.jdaboot.discord.emoji;

import java.nio.charset.StandardCharsets;

import net.dv8tion.jda.api.entities.Icon;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An emoji image's name on Discord")
class EmojiFileTests {

    @Test
    @DisplayName("is its name, _ and the first six hex digits of the image's SHA-256; another image, another name")
    void discordName() {
        // SHA-256("abc") = ba7816bf...
        EmojiFile file = new EmojiFile("idea", "discord/emojis/idea.png", Icon.IconType.PNG,
                "abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(file.discordName()).isEqualTo("idea_ba7816");
        assertThat(new EmojiFile("idea", "discord/emojis/idea.png", Icon.IconType.PNG,
                "abd".getBytes(StandardCharsets.US_ASCII))
            .discordName()).startsWith("idea_").isNotEqualTo("idea_ba7816");
    }

    @Test
    @DisplayName("is read back to the name; a name without a fingerprint is an emoji uploaded by other means")
    void nameOf() {
        assertThat(EmojiFile.nameOf("idea_ba7816")).isEqualTo("idea");
        assertThat(EmojiFile.nameOf("party_parrot_0a1b2c")).isEqualTo("party_parrot");
        assertThat(EmojiFile.nameOf("party_parrot")).isNull();
        assertThat(EmojiFile.nameOf("idea_BA7816")).as("upper case is not the framework's").isNull();
        assertThat(EmojiFile.nameOf("_ba7816")).isNull();
    }

}
