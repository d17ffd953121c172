package io.github.jdaboot.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.filedisplay.FileDisplay;
import net.dv8tion.jda.api.components.mediagallery.MediaGallery;
import net.dv8tion.jda.api.components.mediagallery.MediaGalleryItem;
import net.dv8tion.jda.api.components.section.Section;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.messages.MessagePoll;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.message.poll.MessagePollVoteAddEvent;
import net.dv8tion.jda.api.events.message.poll.MessagePollVoteRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A plain JDA 6.5 client (no Spring) against the emulator with Components V2 and polls:
 * JDA sends a layout with uploaded media and a poll, reads back what the emulator
 * answers, updates a layout from a click in a section, hears votes (with the poll intent)
 * and the poll's end, ends its own poll and pages its voters. JDA drops an event it
 * cannot parse with only a WARN, so each test asserts that the listener ran.
 */
@DisplayName("JDA 6.5 with layouts (Components V2) and polls against the emulator")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaLayoutsAndPollsCompatibilityTests {

    @RegisterExtension
    static final PlainJda plainJda = PlainJda.withIntents(GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.GUILD_MESSAGE_POLLS);

    /** A 1x1 PNG. */
    private static final byte[] PNG = Base64.getDecoder()
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/Q0dyNwAAAABJRU5ErkJggg==");

    private final List<String> handled = new CopyOnWriteArrayList<>();

    private World world;

    private JDA jda;

    @BeforeAll
    void start() throws Exception {
        this.world = plainJda.world();
        this.jda = plainJda.login(new Bot());
    }

    @BeforeEach
    void forget() {
        this.handled.clear();
    }

    @Test
    @DisplayName("JDA's layout with uploaded media: the V2 flag, media unfurled to the files; JDA reads its tree back")
    void layout() {
        Message sent = channel()
            .sendMessageComponents(
                    Container
                        .of(Section.of(Button.primary("count", "Count"), TextDisplay.of("## Hello")),
                                MediaGallery.of(MediaGalleryItem.fromFile(FileUpload.fromData(PNG, "chart.png"))),
                                Separator.createDivider(Separator.Spacing.SMALL), FileDisplay.fromFile(FileUpload
                                    .fromData("some notes".getBytes(StandardCharsets.UTF_8), "notes.txt")))
                        .withAccentColor(0xED4245))
            .useComponentsV2()
            .complete();

        assertThat(sent.isUsingComponentsV2()).isTrue();
        assertThat(sent.getContentRaw()).isEmpty();
        assertThat(sent.getComponentTree().findAll(TextDisplay.class)).extracting(TextDisplay::getContent)
            .containsExactly("## Hello");
        assertThat(sent.getComponentTree().findAll(MediaGallery.class).getFirst().getItems().getFirst().getUrl())
            .startsWith("http")
            .endsWith("/chart.png");
        assertThat(sent.getComponentTree().findAll(FileDisplay.class)).hasSize(1);
        EmulatedMessage stored = this.world.message(sent.getIdLong()).orElseThrow();
        assertThat(stored.isLayout()).isTrue();
        assertThat(stored.attachments()).extracting(EmulatedMessage.EmulatedAttachment::filename)
            .containsExactlyInAnyOrder("chart.png", "notes.txt");
        JsonNode container = stored.components().getFirst();
        assertThat(container.path("type").asInt()).isEqualTo(17);
        assertThat(container.path("accent_color").asInt()).isEqualTo(0xED4245);
        assertThat(container.path("components").get(3).path("size").asInt()).isEqualTo("some notes".length());
    }

    @Test
    @DisplayName("a click on a section's button: JDA edits the layout with another, which stays Components V2")
    void clickInASection() {
        Message sent = channel()
            .sendMessageComponents(Section.of(Button.primary("count", "Count"), TextDisplay.of("count 0")))
            .useComponentsV2()
            .complete();

        EmulatedInteraction click = this.world.as("alice")
            .clicks(this.world.message(sent.getIdLong()).orElseThrow(), "count");

        assertThat(click.awaitCallback(Timeouts.ANSWER)).isEqualTo(EmulatedInteraction.UPDATE_MESSAGE);
        EmulatedMessage edited = click.awaitResponse(Timeouts.ANSWER);
        assertThat(edited.isLayout()).isTrue();
        assertThat(edited.text()).isEqualTo("counted by alice");
        assertThat(this.handled).containsExactly("button count by alice, a layout: true");
    }

    @Test
    @DisplayName("JDA's poll: votes heard with the poll intent, a vote Discord refuses, JDA ends it and pages voters")
    void poll() {
        Message sent = channel()
            .sendMessagePoll(MessagePollData.builder("Tea or coffee?")
                .addAnswer("Tea", Emoji.fromUnicode("🍵"))
                .addAnswer("Coffee")
                .setDuration(Duration.ofHours(1))
                .build())
            .complete();
        assertThat(sent.getPoll()).isNotNull();
        assertThat(sent.getPoll().getAnswers()).extracting(MessagePoll.Answer::getText)
            .containsExactly("Tea", "Coffee");
        EmulatedMessage message = this.world.message(sent.getIdLong()).orElseThrow();

        this.world.as("bob").votes(message, 1);
        this.world.as("carol").votes(message, 2);
        this.world.as("carol").removesVote(message);
        this.world.as("carol").votes(message, 1);
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as("dave").votes(message, 3))
            .satisfies((rejected) -> {
                assertThat(rejected.status()).isEqualTo(400);
                assertThat(rejected.errors().toString()).contains("Value must be one of {1, 2}.");
            });
        long bob = this.world.user("bob").id();
        long carol = this.world.user("carol").id();
        await().atMost(Timeouts.ANSWER)
            .untilAsserted(() -> assertThat(this.handled).containsExactly("add 1 by " + bob, "add 2 by " + carol,
                    "remove 2 by " + carol, "add 1 by " + carol));

        List<User> voters = sent.retrievePollVoters(1).complete();
        assertThat(voters).extracting(User::getName).containsExactlyInAnyOrder("bob", "carol");
        sent.endPoll().complete();

        await().atMost(Timeouts.ANSWER).untilAsserted(() -> assertThat(this.handled).contains("ended 1:2 2:0"));
        assertThatExceptionOfType(InteractionRejectedException.class)
            .isThrownBy(() -> this.world.as("dave").votes(message, 2))
            .satisfies((rejected) -> assertThat(rejected.code()).isEqualTo(520001));
    }

    private TextChannel channel() {
        TextChannel channel = this.jda.getTextChannelById(this.world.channel("general").id());
        assertThat(channel).isNotNull();
        return channel;
    }

    /** The bot: counts clicks on a layout, records poll votes and ends. */
    private final class Bot extends ListenerAdapter {

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            JdaLayoutsAndPollsCompatibilityTests.this.handled.add("button " + event.getComponentId() + " by "
                    + event.getUser().getName() + ", a layout: " + event.getMessage().isUsingComponentsV2());
            event.editComponents(Container.of(TextDisplay.of("counted by " + event.getUser().getName())))
                .useComponentsV2()
                .queue();
        }

        @Override
        public void onMessagePollVoteAdd(MessagePollVoteAddEvent event) {
            JdaLayoutsAndPollsCompatibilityTests.this.handled
                .add("add " + event.getAnswerId() + " by " + event.getUserIdLong());
        }

        @Override
        public void onMessagePollVoteRemove(MessagePollVoteRemoveEvent event) {
            JdaLayoutsAndPollsCompatibilityTests.this.handled
                .add("remove " + event.getAnswerId() + " by " + event.getUserIdLong());
        }

        @Override
        public void onMessageUpdate(MessageUpdateEvent event) {
            MessagePoll poll = event.getMessage().getPoll();
            if (poll != null && poll.isFinalizedVotes()) {
                StringBuilder counts = new StringBuilder("ended");
                poll.getAnswers()
                    .forEach((
                            answer) -> counts.append(' ').append(answer.getId()).append(':').append(answer.getVotes()));
                JdaLayoutsAndPollsCompatibilityTests.this.handled.add(counts.toString());
            }
        }

    }

}
