package io.github.jdaboot.idea;

import java.util.List;

import io.github.jdaboot.command.Command;
import io.github.jdaboot.command.ComponentHandler;
import io.github.jdaboot.command.Field;
import io.github.jdaboot.command.IdPart;
import io.github.jdaboot.command.Modal;
import io.github.jdaboot.command.ModalHandler;
import io.github.jdaboot.command.Option;
import io.github.jdaboot.command.Reply;
import io.github.jdaboot.command.Selected;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The tutorial's command, {@code /idea} and {@code .idea}: a project idea, optionally on a topic, with
 * an "Another" button that replaces it, a menu of topics, and a form to suggest an idea of one's own
 * ({@code /suggest}, or the "Suggest one" button).
 */
@Component
class IdeaCommands {

    static final String ANSWER = "Okay, so how about this: ";

    private static final String ANOTHER = "idea:another";

    private final IdeaService ideas;

    IdeaCommands(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Command(name = "idea", description = "Suggests a project idea")
    Reply idea(@Option(description = "Topic to draw from", required = false, maxLength = 100) @Nullable String topic) {
        return answer(Reply.of(ANSWER + this.ideas.pick(topic)), topic);
    }

    /** "Another": a new idea on the same topic, in place of the old one. */
    @ComponentHandler({ ANOTHER, ANOTHER + ":{topic}" })
    Reply another(@IdPart(required = false) @Nullable String topic) {
        return answer(Reply.update(ANSWER + this.ideas.pick(topic)), topic);
    }

    /** A topic chosen in the menu: an idea on it, in place of the old one. */
    @ComponentHandler("idea:topic")
    Reply topic(@Selected List<String> topics) {
        String topic = topics.isEmpty() ? null : topics.getFirst();
        return answer(Reply.update(ANSWER + this.ideas.pick(topic)), topic);
    }

    @Command(name = "suggest", description = "Suggests an idea of your own for the list")
    Modal suggest() {
        return form();
    }

    @ComponentHandler("idea:suggest")
    Modal suggestFromButton() {
        return form();
    }

    @ModalHandler("idea:suggestion")
    Reply suggested(@Field(value = "idea", maxLength = 300) String idea) {
        if (!this.ideas.add(idea)) {
            return Reply.of("Thanks! I have all the suggestions I can keep for now, though.").ephemeral();
        }
        return Reply.of("Thanks, added: " + idea).ephemeral();
    }

    private static Modal form() {
        return Modal.of("idea:suggestion", "Suggest a project idea")
            .withText(Modal.text("idea", "Your idea", Modal.Style.LONG).length(10, 300)
                .placeholder("a bot that reminds the team to drink water"));
    }

    /** The idea's buttons and, when there are topics, the topic menu. */
    private Reply answer(Reply reply, @Nullable String topic) {
        Reply withButtons = reply.withButtons(Button.primary(anotherId(topic), "Another"),
                Button.secondary("idea:suggest", "Suggest one"));
        List<String> topics = this.ideas.topics();
        if (topics.isEmpty()) {
            return withButtons;
        }
        StringSelectMenu.Builder menu = StringSelectMenu.create("idea:topic").setPlaceholder("Pick a topic");
        topics.forEach((name) -> menu.addOption(name, name));
        return withButtons.withSelect(menu.build());
    }

    /** The "Another" button's id: the topic travels in it, without colons and cut to Discord's 100 characters. */
    static String anotherId(@Nullable String topic) {
        String part = (topic != null) ? topic.replace(':', ' ').strip() : "";
        if (part.isEmpty()) {
            return ANOTHER;
        }
        int room = Button.ID_MAX_LENGTH - ANOTHER.length() - 1;
        return ANOTHER + ":" + ((part.length() > room) ? part.substring(0, room).strip() : part);
    }

}
