package io.github.jdaboot.discord.emoji;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import io.github.jdaboot.discord.DiscordStartupException;
import io.github.jdaboot.emulator.EmulatedApplicationEmoji;
import io.github.jdaboot.emulator.RecordedRequest;
import net.dv8tion.jda.api.entities.emoji.ApplicationEmoji;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The application emojis synchronized with Discord at startup, over the wire against the
 * emulator, start after start: uploaded when missing, nothing written when nothing
 * changed, uploaded again when changed, deleted only with the switch, never touched when
 * uploaded by other means.
 */
@DisplayName("Application emojis synchronized at startup")
class ApplicationEmojiSyncTests {

    private static final String EMOJIS = "/applications/{application_id}/emojis";

    @RegisterExtension
    final EmojiStartup startup = new EmojiStartup();

    @Test
    @DisplayName("the first start uploads every image; the second reads the list and writes nothing")
    void uploadedOnceThenUnchanged() throws IOException {
        this.startup.write("bulb.png", EmojiImages.png(0xffcc00));
        this.startup.write("spark.gif", EmojiImages.gif());

        this.startup.runner().run((context) -> {
            assertThat(context).hasNotFailed();
            ApplicationEmojis emojis = context.getBean(ApplicationEmojis.class);
            assertThat(emojis.names()).containsExactly("bulb", "spark");
            ApplicationEmoji bulb = emojis.get("bulb");
            assertThat(bulb.getName()).matches("bulb_[0-9a-f]{6}");
            assertThat(bulb.getFormatted()).isEqualTo("<:" + bulb.getName() + ":" + bulb.getId() + ">");
            assertThat(emojis.get("spark").isAnimated()).isTrue();
        });
        assertThat(this.startup.discord().world().applicationEmojis()).extracting(EmulatedApplicationEmoji::name)
            .satisfiesExactlyInAnyOrder((name) -> assertThat(name).startsWith("bulb_"),
                    (name) -> assertThat(name).startsWith("spark_"));
        assertThat(emojiRequests()).extracting(RecordedRequest::route)
            .containsExactlyInAnyOrder("GET " + EMOJIS, "POST " + EMOJIS, "POST " + EMOJIS);
        EmulatedApplicationEmoji uploaded = emoji("bulb");
        assertThat(uploaded.image()).isEqualTo(EmojiImages.png(0xffcc00));
        assertThat(uploaded.contentType()).isEqualTo("image/png");

        int before = this.startup.discord().rest().requests().size();
        this.startup.runner().run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ApplicationEmojis.class).get("bulb").getIdLong()).isEqualTo(uploaded.id());
        });
        List<RecordedRequest> second = emojiRequests().subList(3, emojiRequests().size());
        assertThat(second).as("the second start only reads")
            .extracting(RecordedRequest::route)
            .containsExactly("GET " + EMOJIS);
        assertThat(this.startup.discord().rest().requests().size()).isGreaterThan(before);
    }

    @Test
    @DisplayName("a changed image is uploaded again and its old emoji deleted; the name finds the new one")
    void changedImage() throws IOException {
        this.startup.write("bulb.png", EmojiImages.png(0xffcc00));
        this.startup.runner().run((context) -> assertThat(context).hasNotFailed());
        EmulatedApplicationEmoji old = emoji("bulb");

        this.startup.write("bulb.png", EmojiImages.png(0x3366ff));
        this.startup.runner().run((context) -> {
            assertThat(context).hasNotFailed();
            ApplicationEmoji bulb = context.getBean(ApplicationEmojis.class).get("bulb");
            assertThat(bulb.getIdLong()).isNotEqualTo(old.id());
            assertThat(bulb.getName()).isNotEqualTo(old.name()).startsWith("bulb_");
        });

        assertThat(this.startup.discord().world().applicationEmojis()).singleElement()
            .satisfies((now) -> assertThat(now.image()).isEqualTo(EmojiImages.png(0x3366ff)));
    }

    @Test
    @DisplayName("an emoji whose image is gone stays without the switch (still found by name); with it, it is deleted")
    void removedImage() throws IOException {
        this.startup.write("bulb.png", EmojiImages.png(0xffcc00));
        this.startup.write("old.png", EmojiImages.png(0x00ff00));
        this.startup.runner().run((context) -> assertThat(context).hasNotFailed());
        Files.delete(this.startup.folder().resolve("old.png"));

        this.startup.runner().run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ApplicationEmojis.class).find("old")).isPresent();
        });
        assertThat(this.startup.discord().world().applicationEmojis()).hasSize(2);
        assertThat(emojiRequests()).noneMatch((request) -> request.method().equals("DELETE"));

        this.startup.runner().withPropertyValues("discord.emojis.delete-removed=true").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ApplicationEmojis.class).find("old")).isEmpty();
        });
        assertThat(this.startup.discord().world().applicationEmojis()).extracting(EmulatedApplicationEmoji::name)
            .singleElement()
            .satisfies((name) -> assertThat(name).startsWith("bulb_"));
    }

    @Test
    @DisplayName("emojis uploaded by other means are found by their names and never touched, even with the switch")
    void uploadedElsewhere() throws IOException {
        EmulatedApplicationEmoji portal = this.startup.discord()
            .world()
            .addApplicationEmoji("party", "image/png", EmojiImages.png(0xff00ff));
        this.startup.write("bulb.png", EmojiImages.png(0xffcc00));

        this.startup.runner().withPropertyValues("discord.emojis.delete-removed=true").run((context) -> {
            assertThat(context).hasNotFailed();
            ApplicationEmojis emojis = context.getBean(ApplicationEmojis.class);
            assertThat(emojis.get("party").getIdLong()).isEqualTo(portal.id());
            assertThat(emojis.names()).containsExactly("bulb", "party");
            assertThatIllegalArgumentException().isThrownBy(() -> emojis.get("nope"))
                .withMessageContaining("No application emoji 'nope'; there are [bulb, party]");
        });
        assertThat(this.startup.discord().world().applicationEmojis()).contains(portal);
    }

    @Test
    @DisplayName("discord.emojis.sync=false reads what Discord has and writes nothing")
    void readOnly() throws IOException {
        this.startup.write("bulb.png", EmojiImages.png(0xffcc00));

        this.startup.runner().withPropertyValues("discord.emojis.sync=false").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ApplicationEmojis.class).find("bulb")).isEmpty();
        });

        assertThat(emojiRequests()).extracting(RecordedRequest::route).containsExactly("GET " + EMOJIS);
        assertThat(this.startup.discord().world().applicationEmojis()).isEmpty();
    }

    @Test
    @DisplayName("an image Discord refuses (its 2,000 emojis reached) fails the start with Discord's reason")
    void refused() throws IOException {
        byte[] png = EmojiImages.png(0x123456);
        for (int i = 0; i < 2000; i++) {
            this.startup.discord().world().addApplicationEmoji("e" + i, "image/png", png);
        }
        this.startup.write("bulb.png", EmojiImages.png(0xffcc00));

        this.startup.runner().run((context) -> {
            assertThat(context).hasFailed();
            assertThat(cause(context.getStartupFailure(), DiscordStartupException.class))
                .hasMessageContaining("Discord refused the application emoji")
                .hasMessageContaining("bulb.png: Maximum number of emojis reached");
        });
    }

    /** The first failure of a type in a chain of causes. */
    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " caused " + failure, failure);
    }

    private EmulatedApplicationEmoji emoji(String name) {
        return this.startup.discord()
            .world()
            .applicationEmojis()
            .stream()
            .filter((emoji) -> emoji.name().startsWith(name + "_"))
            .findFirst()
            .orElseThrow();
    }

    private List<RecordedRequest> emojiRequests() {
        return this.startup.discord()
            .rest()
            .requests()
            .stream()
            .filter((request) -> request.route() != null && request.route().contains("/emojis"))
            .toList();
    }

}
