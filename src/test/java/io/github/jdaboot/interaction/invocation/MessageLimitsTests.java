package io.github.jdaboot.interaction.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.github.jdaboot.interaction.MessageLimitException;
import io.github.jdaboot.interaction.Poll;
import io.github.jdaboot.interaction.Reply;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.container.ContainerChildComponent;
import net.dv8tion.jda.api.components.filedisplay.FileDisplay;
import net.dv8tion.jda.api.components.mediagallery.MediaGallery;
import net.dv8tion.jda.api.components.mediagallery.MediaGalleryItem;
import net.dv8tion.jda.api.components.section.Section;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.thumbnail.Thumbnail;
import net.dv8tion.jda.api.components.utils.ComponentDeserializer;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every limit the framework checks before a reply is sent, just within and just over it;
 * and the ones JDA checks itself when a component is made.
 */
@DisplayName("Discord's message limits, checked when the reply is built")
class MessageLimitsTests {

    private static final String HANDLER = "IdeaCommands.idea";

    @Test
    @DisplayName("a layout holds at most 40 components, nested ones counted")
    void fortyComponents() {
        // a container with 39 text displays is 40 components
        assertThatCode(() -> check(Reply.layout(container(39)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(Reply.layout(container(40)))).isInstanceOf(MessageLimitException.class)
            .hasMessage("IdeaCommands.idea: a Components V2 message holds at most 40 components, this one has 41");
        assertThatThrownBy(() -> check(Reply.layout(container(39)).withButtons(Button.primary("a", "A"))))
            .as("rows after the layout count too")
            .hasMessageContaining("this one has 42");
    }

    @Test
    @DisplayName("a layout holds at most 4,000 characters of text across its text displays")
    void fourThousandCharacters() {
        assertThatCode(() -> check(Reply.layout(TextDisplay.of("x".repeat(2000)), TextDisplay.of("y".repeat(2000)))))
            .doesNotThrowAnyException();
        assertThatThrownBy(
                () -> check(Reply.layout(TextDisplay.of("x".repeat(2000)), TextDisplay.of("y".repeat(2001)))))
            .isInstanceOf(MessageLimitException.class)
            .hasMessage("IdeaCommands.idea: a Components V2 message holds at most 4,000 characters of text"
                    + " in its text displays, this one has 4,001");
    }

    @Test
    @DisplayName("a message of text holds at most 5 rows")
    void fiveRows() {
        Reply five = Reply.of("rows");
        for (int i = 0; i < 5; i++) {
            five = five.withButtons(Button.primary("b" + i, "B"));
        }
        Reply fiveRows = five;
        assertThatCode(() -> check(fiveRows)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(fiveRows.withButtons(Button.primary("b5", "B"))))
            .hasMessage("IdeaCommands.idea: a message holds at most 5 rows of components, this one has 6");
    }

    @Test
    @DisplayName("a message carries at most 10 files, those of its components included")
    void tenFiles() {
        Reply ten = Reply.of("files");
        for (int i = 0; i < 10; i++) {
            ten = ten.withFile(i + ".txt", "text");
        }
        Reply tenFiles = ten;
        assertThatCode(() -> check(tenFiles)).doesNotThrowAnyException();
        Reply layout = Reply.layout(FileDisplay.fromFile(FileUpload.fromData(new byte[1], "extra.bin")));
        for (int i = 0; i < 10; i++) {
            layout = layout.withFile(i + ".txt", "text");
        }
        Reply eleven = layout;
        assertThatThrownBy(() -> check(eleven))
            .hasMessage("IdeaCommands.idea: a message carries at most 10 files, this one has 11");
    }

    @Test
    @DisplayName("custom ids are unique in a message, wherever the components are")
    void uniqueCustomIds() {
        Reply twice = Reply
            .layout(Container.of(Section.of(Button.primary("idea:another", "Another"), TextDisplay.of("an idea")),
                    ActionRow.of(Button.secondary("idea:another", "Again"))));
        assertThatThrownBy(() -> check(twice))
            .hasMessage("IdeaCommands.idea: custom ids must be unique in a message: 'idea:another' is used 2 times");
        assertThatThrownBy(() -> check(
                Reply.of("rows").withButtons(Button.primary("same", "A")).withButtons(Button.primary("same", "B"))))
            .hasMessageContaining("'same' is used 2 times");
    }

    @Test
    @DisplayName("numeric component ids are unique in a message")
    void uniqueComponentIds() {
        Reply twice = Reply.layout(TextDisplay.of("one").withUniqueId(7), TextDisplay.of("two").withUniqueId(7));
        assertThatThrownBy(() -> check(twice))
            .hasMessage("IdeaCommands.idea: component ids must be unique in a message: 7 is used 2 times");
        assertThatCode(() -> check(Reply.layout(TextDisplay.of("one").withUniqueId(7), TextDisplay.of("two"))))
            .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a component of a type JDA does not know (taken from a received message) is refused")
    void unknownComponents() {
        MessageTopLevelComponent unknown = new ComponentDeserializer(List.of())
            .deserializeAs(MessageTopLevelComponent.class, DataObject.empty().put("type", 99).put("id", 1));
        assertThatThrownBy(() -> check(Reply.layout(unknown)))
            .hasMessage("IdeaCommands.idea: a message cannot hold a component of type UNKNOWN");
    }

    @Test
    @DisplayName("attachment:// refers to a file of the message: attached, or given to the component")
    void attachments() {
        MediaGallery gallery = MediaGallery.of(MediaGalleryItem.fromUrl("attachment://cat.png"),
                MediaGalleryItem.fromUrl("https://example.org/dog.png"));
        assertThatThrownBy(() -> check(Reply.layout(gallery)))
            .hasMessage("IdeaCommands.idea: 'attachment://cat.png' in a MEDIA_GALLERY refers to no file of the"
                    + " message: attach it with withFile(\"cat.png\", ...)");
        assertThatCode(() -> check(Reply.layout(gallery).withFile("cat.png", new byte[1]))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(Reply.layout(FileDisplay.fromFileName("notes.txt"))))
            .hasMessageContaining("'attachment://notes.txt' in a FILE_DISPLAY refers to no file");
        assertThatThrownBy(
                () -> check(Reply.layout(Section.of(Thumbnail.fromUrl("attachment://me.png"), TextDisplay.of("me")))))
            .hasMessageContaining("in a THUMBNAIL");
        assertThatCode(() -> check(Reply.layout(FileDisplay.fromFile(FileUpload.fromData(new byte[1], "notes.txt")))))
            .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a ~ custom id needs its callback, and a callback its component")
    void callbacks() {
        Reply delete = Reply.layout(Section.of(Button.danger("~delete", "Delete"), TextDisplay.of("the tag")));
        assertThatThrownBy(() -> check(delete)).hasMessage("IdeaCommands.idea: the BUTTON with custom id '~delete'"
                + " has no callback: add withCallback(\"~delete\", ...) to the reply");
        assertThatCode(() -> check(delete.withCallback("~delete", (click) -> "deleted"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(Reply.layout(TextDisplay.of("nothing")).withCallback("~gone", (click) -> "")))
            .hasMessage("IdeaCommands.idea: the callback for '~gone' has no component with that custom id");
        assertThatIllegalArgumentException().isThrownBy(() -> Reply.of("x").withCallback("delete", (click) -> ""))
            .withMessageContaining("starts with ~");
    }

    @Test
    @DisplayName("a layout has at least one component and no poll; no poll comes with an update")
    void layoutsAndPolls() {
        assertThatThrownBy(() -> check(Reply.layout(List.of())))
            .hasMessage("IdeaCommands.idea: a Components V2 message needs at least one component");
        Poll poll = Poll.question("Which?").answer("This").answer("That");
        assertThatThrownBy(() -> check(Reply.layout(TextDisplay.of("vote")).withPoll(poll)))
            .hasMessageContaining("a Components V2 message cannot carry a poll");
        assertThatThrownBy(() -> MessageLimits.check(HANDLER, Reply.update("vote").withPoll(poll), List.of(), Set.of(),
                true, false))
            .hasMessageContaining("a poll cannot be added to a message that exists");
        assertThatCode(() -> check(Reply.update("vote").withPoll(poll)))
            .as("an update where there is nothing to update is a new message")
            .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an update of a Components V2 message is a layout: it has no text of its own")
    void updatesOfLayouts() {
        assertThatThrownBy(() -> MessageLimits.check(HANDLER, Reply.update("text"), List.of(), Set.of(), true, true))
            .hasMessage("IdeaCommands.idea: the clicked message is a Components V2 message, which has no text of"
                    + " its own: update it with Reply.update(components...)");
        Reply layout = Reply.update(TextDisplay.of("text"));
        assertThatCode(() -> MessageLimits.check(HANDLER, layout, layout.layout(), Set.of(), true, true))
            .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a poll: a question of 1 to 300 characters, 1 to 10 answers of 1 to 55, 1 to 768 whole hours")
    void polls() {
        Poll poll = Poll.question("q".repeat(300)).answer("a".repeat(55)).lasting(Duration.ofHours(768));
        assertThatCode(() -> check(Reply.poll(poll))).doesNotThrowAnyException();
        assertThatThrownBy(() -> check(Reply.poll(Poll.question("q".repeat(301)).answer("a"))))
            .hasMessage("IdeaCommands.idea: a poll's question has at most 300 characters, this one has 301");
        assertThatThrownBy(() -> check(Reply.poll(Poll.question(" ").answer("a"))))
            .hasMessageContaining("a poll needs a question");
        assertThatThrownBy(() -> check(Reply.poll(Poll.question("q"))))
            .hasMessage("IdeaCommands.idea: a poll has 1 to 10 answers, this one has 0");
        Poll eleven = Poll.question("q");
        for (int i = 0; i < 11; i++) {
            eleven = eleven.answer("answer " + i);
        }
        Poll tooMany = eleven;
        assertThatThrownBy(() -> check(Reply.poll(tooMany))).hasMessageContaining("this one has 11");
        assertThatThrownBy(() -> check(Reply.poll(Poll.question("q").answer("a".repeat(56)))))
            .hasMessageContaining("a poll's answer has at most 55 characters, 'aaaaaaaaaaaaaaaaaaa\u2026' has 56");
        assertThatThrownBy(() -> check(Reply.poll(Poll.question("q").answer(""))))
            .hasMessageContaining("a poll's answer needs a text");
        for (Duration wrong : List.of(Duration.ZERO, Duration.ofMinutes(30), Duration.ofMinutes(90),
                Duration.ofHours(769))) {
            assertThatThrownBy(() -> check(Reply.poll(poll.lasting(wrong))))
                .hasMessage("IdeaCommands.idea: a poll is open for whole hours, from 1 to 768, not " + wrong);
        }
    }

    @Test
    @DisplayName("JDA's poll is checked the same way, beyond the 7 days JDA's builder allows")
    void jdaPolls() {
        MessagePollData jda = MessagePollData.builder("Which?").addAnswer("This").addAnswer("That").build();
        assertThatCode(() -> check(Reply.poll(jda))).doesNotThrowAnyException();
        Poll read = Poll.from(jda);
        assertThatCode(() -> check(Reply.poll(read.lasting(Duration.ofDays(32))))).doesNotThrowAnyException();
        assertThatIllegalArgumentException()
            .isThrownBy(() -> MessagePollData.builder("Which?").setDuration(Duration.ofDays(8)));
    }

    @Test
    @DisplayName("a handler's own MessageCreateData: what JDA's builder leaves out is checked too")
    void ownMessages() {
        var twice = new MessageCreateBuilder().useComponentsV2(true)
            .setComponents(TextDisplay.of("x"), ActionRow.of(Button.primary("a", "A"), Button.primary("a", "B")))
            .build();
        assertThatThrownBy(() -> MessageLimits.check(HANDLER, twice))
            .hasMessage("IdeaCommands.idea: custom ids must be unique in a message: 'a' is used 2 times");
        var tilde = new MessageCreateBuilder().setContent("x")
            .setComponents(ActionRow.of(Button.primary("~a", "A")))
            .build();
        assertThatThrownBy(() -> MessageLimits.check(HANDLER, tilde))
            .hasMessageContaining("'~a' starts with ~, which is for components with callbacks");
        var tooLong = new MessageCreateBuilder().setContent("x")
            .setPoll(Poll.question("q").answer("a").lasting(Duration.ofMinutes(30)).toJda())
            .build();
        assertThatThrownBy(() -> MessageLimits.check(HANDLER, tooLong))
            .hasMessageContaining("a poll is open for whole hours");
    }

    @Test
    @DisplayName("the limits JDA checks itself when a component is made")
    void checkedByJda() {
        List<TextDisplay> four = IntStream.range(0, 4).mapToObj((i) -> TextDisplay.of("t" + i)).toList();
        assertThatIllegalArgumentException().as("a section holds 1 to 3 text displays")
            .isThrownBy(() -> Section.of(Button.primary("a", "A"), four));
        assertThatIllegalArgumentException().isThrownBy(() -> Section.of(Button.primary("a", "A"), List.of()));
        List<MediaGalleryItem> eleven = Collections.nCopies(11, MediaGalleryItem.fromUrl("https://example.org/a.png"));
        assertThatIllegalArgumentException().as("a gallery holds 1 to 10 items")
            .isThrownBy(() -> MediaGallery.of(eleven));
        assertThatCode(() -> MediaGallery.of(eleven.subList(0, 10))).doesNotThrowAnyException();
        assertThatIllegalArgumentException().as("a row holds at most 5 buttons")
            .isThrownBy(
                    () -> ActionRow.of(IntStream.range(0, 6).mapToObj((i) -> Button.primary("b" + i, "B")).toList()));
        assertThatIllegalArgumentException().as("a custom id has at most 100 characters")
            .isThrownBy(() -> Button.primary("x".repeat(101), "B"));
    }

    /** A container of a separator and text displays: {@code count} + 1 components. */
    private static Container container(int count) {
        List<ContainerChildComponent> children = new ArrayList<>();
        children.add(Separator.createDivider(Separator.Spacing.SMALL));
        for (int i = 1; i < count; i++) {
            children.add(TextDisplay.of("text " + i));
        }
        return Container.of(children);
    }

    /** Checks as a run does: the layout, then its rows; a new message. */
    private static void check(Reply reply) {
        List<MessageTopLevelComponent> components = new ArrayList<>();
        if (reply.layout() != null) {
            components.addAll(reply.layout());
        }
        if (reply.componentRows() != null) {
            reply.componentRows()
                .forEach((row) -> components.add(ActionRow.of(row.stream()
                    .map(net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent.class::cast)
                    .toList())));
        }
        MessageLimits.check(HANDLER, reply, components, new HashSet<>(reply.callbacks().keySet()), false, false);
    }

}
