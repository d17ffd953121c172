package io.github.jdaboot.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.MessageCommand;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.Typed;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.container.ContainerChildComponent;
import net.dv8tion.jda.api.components.section.Section;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.entities.Message;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The tutorial's command, {@code /idea} and {@code .idea}: a project idea as a card,
 * optionally on a topic (suggested while typing), with an "Another" button beside it that
 * replaces it, a menu of topics, a form to suggest an idea of one's own
 * ({@code /suggest}, or the "Suggest one" button), a poll among three ideas
 * ({@link IdeaPolls}), and "Idea from this message" in Discord's menu on a message. Texts
 * in the user's language (messages*.properties).
 */
@Component
class IdeaCommands {

    private static final String ANOTHER = "idea:another";

    /** The card's accent bar: Discord's blurple. */
    private static final int ACCENT = 0x5865F2;

    private final IdeaService ideas;

    private final MessageSource messages;

    IdeaCommands(IdeaService ideas, MessageSource messages) {
        this.ideas = ideas;
        this.messages = messages;
    }

    @Command(name = "idea", description = "Suggests a project idea")
    Reply idea(@Option(description = "Topic to draw from", required = false, maxLength = 100,
            autocomplete = true) @Nullable String topic, Locale locale) {
        return Reply.layout(card(topic, locale));
    }

    /** The topics that have ideas, for what the user typed so far. */
    @Autocomplete(command = "idea", option = "topic")
    List<String> topics(@Typed String typed) {
        return this.ideas.topics();
    }

    /**
     * "Idea from this message", in the menu on a message: an idea on what the message is
     * about.
     */
    @MessageCommand("Idea from this message")
    Reply fromMessage(@TargetOf Message message, Locale locale) {
        String topic = message.getContentDisplay();
        return Reply.layout(card(topic, locale));
    }

    /** "Another": a new idea on the same topic, in place of the old one. */
    @ComponentHandler({ ANOTHER, ANOTHER + ":{topic}" })
    Reply another(@IdPart(required = false) @Nullable String topic, Locale locale) {
        return Reply.update(card(topic, locale));
    }

    /** A topic chosen in the menu: an idea on it, in place of the old one. */
    @ComponentHandler("idea:topic")
    Reply topic(@Selected List<String> topics, Locale locale) {
        String topic = topics.isEmpty() ? null : topics.getFirst();
        return Reply.update(card(topic, locale));
    }

    @Command(name = "suggest", description = "Suggests an idea of your own for the list")
    Modal suggest(Locale locale) {
        return form(locale);
    }

    @ComponentHandler("idea:suggest")
    Modal suggestFromButton(Locale locale) {
        return form(locale);
    }

    @ModalHandler("idea:suggestion")
    Reply suggested(@Field(value = "idea", maxLength = 300) String idea, Locale locale) {
        if (!this.ideas.add(idea)) {
            return Reply.of(text("idea.full", locale)).ephemeral();
        }
        return Reply.of(text("idea.thanks", locale, idea)).ephemeral();
    }

    private String pick(@Nullable String topic, Locale locale) {
        IdeaService.Picked picked = this.ideas.pick(topic);
        String answer = text("idea.answer", locale, picked.idea());
        return (picked.onTopic() || topic == null) ? answer
                : answer + " " + text("idea.off-topic", locale, shortened(topic.strip()));
    }

    private Modal form(Locale locale) {
        return Modal.of("idea:suggestion", text("idea.form.title", locale))
            .withText(Modal.text("idea", text("idea.form.field", locale), Modal.Style.LONG)
                .length(10, 300)
                .placeholder(text("idea.form.placeholder", locale)));
    }

    /**
     * The idea as a card: the idea with "Another" beside it, then the topic menu (when
     * there are topics) and the buttons to suggest an idea or let the channel vote.
     */
    private Container card(@Nullable String topic, Locale locale) {
        List<ContainerChildComponent> parts = new ArrayList<>();
        parts.add(Section.of(Button.primary(anotherId(topic), text("idea.another", locale)),
                TextDisplay.of(pick(topic, locale))));
        parts.add(Separator.createDivider(Separator.Spacing.SMALL));
        List<String> topics = this.ideas.topics();
        if (!topics.isEmpty()) {
            StringSelectMenu.Builder menu = StringSelectMenu.create("idea:topic")
                .setPlaceholder(text("idea.topic.placeholder", locale));
            topics.forEach((name) -> menu.addOption(name, name));
            parts.add(ActionRow.of(menu.build()));
        }
        parts.add(ActionRow.of(Button.secondary("idea:suggest", text("idea.suggest", locale)),
                Button.secondary(IdeaPolls.POLL, text("idea.poll", locale))));
        return Container.of(parts).withAccentColor(ACCENT);
    }

    private String text(String code, Locale locale, Object... arguments) {
        return this.messages.getMessage(code, arguments, locale);
    }

    /**
     * A topic as quoted back: a message's whole text may be the topic ("Idea from this
     * message").
     */
    private static String shortened(String topic) {
        return (topic.length() <= 60) ? topic : topic.substring(0, 59).strip() + "\u2026";
    }

    /**
     * The "Another" button's id: the topic travels in it, without colons and cut to
     * Discord's 100 characters.
     */
    static String anotherId(@Nullable String topic) {
        String part = (topic != null) ? topic.replace(':', ' ').strip() : "";
        if (part.isEmpty()) {
            return ANOTHER;
        }
        int room = Button.ID_MAX_LENGTH - ANOTHER.length() - 1;
        return ANOTHER + ":" + ((part.length() > room) ? part.substring(0, room).strip() : part);
    }

}
