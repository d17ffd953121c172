package io.github.jdaboot.idea;

import java.util.List;
import java.util.Locale;

import io.github.jdaboot.discord.emoji.ApplicationEmojis;
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
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.radiogroup.RadioGroup;
import net.dv8tion.jda.api.components.radiogroup.RadioGroupOption;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The tutorial's command, {@code /idea} and {@code .idea}: a project idea, optionally on
 * a topic (suggested while typing), with an "Another" button that replaces it, a menu of
 * topics, a form to suggest an idea of one's own ({@code /suggest}, or the "Suggest one"
 * button, with the application emoji {@code idea}) filed under a topic and optionally
 * credited, and "Idea from this message" in Discord's menu on a message. Texts in the
 * user's language (messages*.properties).
 */
@Component
class IdeaCommands {

    private static final String ANOTHER = "idea:another";

    private final IdeaService ideas;

    private final MessageSource messages;

    private final ApplicationEmojis emojis;

    IdeaCommands(IdeaService ideas, MessageSource messages, ApplicationEmojis emojis) {
        this.ideas = ideas;
        this.messages = messages;
        this.emojis = emojis;
    }

    @Command(name = "idea", description = "Suggests a project idea")
    Reply idea(@Option(description = "Topic to draw from", required = false, maxLength = 100,
            autocomplete = true) @Nullable String topic, Locale locale) {
        return answer(Reply.of(pick(topic, locale)), topic, locale);
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
        return answer(Reply.of(pick(topic, locale)), topic, locale);
    }

    /** "Another": a new idea on the same topic, in place of the old one. */
    @ComponentHandler({ ANOTHER, ANOTHER + ":{topic}" })
    Reply another(@IdPart(required = false) @Nullable String topic, Locale locale) {
        return answer(Reply.update(pick(topic, locale)), topic, locale);
    }

    /** A topic chosen in the menu: an idea on it, in place of the old one. */
    @ComponentHandler("idea:topic")
    Reply topic(@Selected List<String> topics, Locale locale) {
        String topic = topics.isEmpty() ? null : topics.getFirst();
        return answer(Reply.update(pick(topic, locale)), topic, locale);
    }

    @Command(name = "suggest", description = "Suggests an idea of your own for the list")
    Modal suggest(Locale locale) {
        return form(locale);
    }

    @ComponentHandler("idea:suggest")
    Modal suggestFromButton(Locale locale) {
        return form(locale);
    }

    /**
     * A suggestion sent with the form: the idea, its topic (a radio group, or a menu when
     * there are more topics than a radio group holds), and whether to credit its author
     * when it comes up.
     */
    @ModalHandler("idea:suggestion")
    Reply suggested(@Field(value = "idea", maxLength = 300) String idea,
            @Field(value = "topic", required = false) @Nullable String topic, @Field("credit") boolean creditMe,
            User user, Locale locale) {
        if (!this.ideas.add(idea, topic, creditMe ? user.getEffectiveName() : null)) {
            return Reply.of(text("idea.full", locale)).ephemeral();
        }
        String thanks = (topic != null) ? text("idea.thanks.topic", locale, idea, topic)
                : text("idea.thanks", locale, idea);
        return Reply.of(this.emojis.find("idea").map((emoji) -> emoji.getFormatted() + " " + thanks).orElse(thanks))
            .ephemeral();
    }

    private String pick(@Nullable String topic, Locale locale) {
        IdeaService.Picked picked = this.ideas.pick(topic);
        String answer = text("idea.answer", locale, picked.idea());
        if (picked.credit() != null) {
            answer += " " + text("idea.credit", locale, picked.credit());
        }
        return (picked.onTopic() || topic == null) ? answer
                : answer + " " + text("idea.off-topic", locale, shortened(topic.strip()));
    }

    /**
     * The suggestion form: the idea, its topic (a radio group holds 2 to 10 options, a
     * menu up to 25), and whether to credit its author.
     */
    private Modal form(Locale locale) {
        Modal form = Modal.of("idea:suggestion", text("idea.form.title", locale))
            .withText(Modal.text("idea", text("idea.form.field", locale), Modal.Style.LONG)
                .length(10, 300)
                .placeholder(text("idea.form.placeholder", locale)));
        List<String> topics = this.ideas.topics();
        if (topics.size() >= 2 && topics.size() <= RadioGroup.OPTIONS_MAX_AMOUNT) {
            form = form.with(Label.of(text("idea.form.topic", locale),
                    RadioGroup.create("topic")
                        .setRequired(false)
                        .addOptions(topics.stream().map((topic) -> RadioGroupOption.of(topic, topic)).toList())
                        .build()));
        }
        else if (!topics.isEmpty()) {
            form = form.with(Label.of(text("idea.form.topic", locale),
                    StringSelectMenu.create("topic")
                        .setRequired(false)
                        .addOptions(topics.stream().map((topic) -> SelectOption.of(topic, topic)).toList())
                        .build()));
        }
        return form.with(Label.of(text("idea.form.credit", locale), text("idea.form.credit.description", locale),
                Checkbox.of("credit")));
    }

    /** The idea's buttons and, when there are topics, the topic menu. */
    private Reply answer(Reply reply, @Nullable String topic, Locale locale) {
        Button suggest = Button.secondary("idea:suggest", text("idea.suggest", locale));
        Reply withButtons = reply.withButtons(Button.primary(anotherId(topic), text("idea.another", locale)),
                this.emojis.find("idea").map(suggest::withEmoji).orElse(suggest));
        List<String> topics = this.ideas.topics();
        if (topics.isEmpty()) {
            return withButtons;
        }
        StringSelectMenu.Builder menu = StringSelectMenu.create("idea:topic")
            .setPlaceholder(text("idea.topic.placeholder", locale));
        topics.forEach((name) -> menu.addOption(name, name));
        return withButtons.withSelect(menu.build());
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
