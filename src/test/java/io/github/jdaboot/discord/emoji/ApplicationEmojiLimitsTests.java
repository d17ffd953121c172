package io.github.jdaboot.discord.emoji;

import java.io.IOException;
import java.nio.file.Files;

import io.github.jdaboot.discord.DiscordStartupException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of Discord's limits on application emojis fails the start, before anything
 * connects, with a message that names the file and the limit.
 */
@DisplayName("Application emojis: Discord's limits checked at startup")
class ApplicationEmojiLimitsTests {

    @RegisterExtension
    final EmojiStartup startup = new EmojiStartup();

    @Test
    @DisplayName("a name with other characters than letters, digits and _ names the file and the rule")
    void nameCharacters() throws IOException {
        this.startup.write("light-bulb.png", EmojiImages.png(0xffcc00));

        assertFails("light-bulb.png: an application emoji's name is its file's name, which must be 2 to 25 letters",
                "Rename the file, e.g. to light_bulb.png.");
    }

    @Test
    @DisplayName("a name of one character, or longer than the 25 the fingerprint leaves of Discord's 32")
    void nameLength() throws IOException {
        this.startup.write("x.png", EmojiImages.png(0xffcc00));
        assertFails("x.png: an application emoji's name is its file's name, which must be 2 to 25", null);

        Files.delete(this.startup.folder().resolve("x.png"));
        this.startup.write("a".repeat(26) + ".png", EmojiImages.png(0xffcc00));
        assertFails("a".repeat(26) + ".png: an application emoji's name", null);

        Files.delete(this.startup.folder().resolve("a".repeat(26) + ".png"));
        this.startup.write("a".repeat(25) + ".png", EmojiImages.png(0xffcc00));
        this.startup.runner()
            .withPropertyValues("discord.emojis.sync=false")
            .run((context) -> assertThat(context.getBean(EmojiFiles.class).files()).singleElement()
                .satisfies((file) -> assertThat(file.discordName()).hasSize(32)));
    }

    @Test
    @DisplayName("an image over 256 KiB names its size and the limit")
    void size() throws IOException {
        byte[] png = EmojiImages.png(0xffcc00);
        byte[] big = new byte[256 * 1024 + 1];
        System.arraycopy(png, 0, big, 0, png.length);
        this.startup.write("big.png", big);

        assertFails("big.png is 262,145 bytes: Discord takes application emojis of at most 256 KiB (262,144 bytes)",
                null);
    }

    @Test
    @DisplayName("a file that is no PNG, GIF or WebP, by its extension or by its content")
    void format() throws IOException {
        this.startup.write("photo.jpg", new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });
        assertFails("photo.jpg is not a PNG, GIF or WebP image (by its extension)", null);

        Files.delete(this.startup.folder().resolve("photo.jpg"));
        this.startup.write("fake.png", EmojiImages.gif());
        assertFails("fake.png does not hold a PNG image", null);
    }

    @Test
    @DisplayName("more than Discord's 2,000 application emojis")
    void count() throws IOException {
        byte[] png = EmojiImages.png(0xffcc00);
        for (int i = 0; i < 2001; i++) {
            this.startup.write("e" + i + ".png", png);
        }

        assertFails("holds 2,001 images: Discord allows at most 2,000 application emojis", null);
    }

    @Test
    @DisplayName("two files of one name")
    void sameName() throws IOException {
        this.startup.write("idea.png", EmojiImages.png(0xffcc00));
        this.startup.write("idea.gif", EmojiImages.gif());

        assertFails("idea.gif and " + this.startup.folder() + "/idea.png would both be the application emoji 'idea'",
                null);
    }

    @Test
    @DisplayName("PNG, GIF and WebP images of valid names pass, and hidden files are no images")
    void valid() throws IOException {
        this.startup.write("bulb.png", EmojiImages.png(0xffcc00));
        this.startup.write("spark_2.gif", EmojiImages.gif());
        this.startup.write("Wave.webp", EmojiImages.webp());
        this.startup.write(".gitkeep", new byte[0]);

        this.startup.runner()
            .withPropertyValues("discord.emojis.sync=false")
            .run((context) -> assertThat(context.getBean(EmojiFiles.class).files()).extracting(EmojiFile::name)
                .containsExactly("Wave", "bulb", "spark_2"));
    }

    private void assertFails(String message, @Nullable String action) {
        this.startup.runner().run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(DiscordStartupException.class)
                .hasMessageContaining(message)
                .satisfies((failure) -> {
                    if (action != null) {
                        assertThat(((DiscordStartupException) failure).getAction()).isEqualTo(action);
                    }
                });
        });
        assertThat(this.startup.discord().rest().requests()).as("nothing reached Discord").isEmpty();
    }

}
