package io.github.jdaboot.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.jdaboot.discord.emoji.ApplicationEmojis;
import io.github.jdaboot.interaction.Entitlements;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandConfig;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.MessageCommand;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.Typed;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.container.ContainerChildComponent;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.radiogroup.RadioGroup;
import net.dv8tion.jda.api.components.radiogroup.RadioGroupOption;
import net.dv8tion.jda.api.components.section.Section;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.SkuSnowflake;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The tutorial's command, {@code /idea} and {@code .idea}: a project idea as a card,
 * optionally on a topic (suggested while typing), with an "Another" button beside it that
 * replaces it, a menu of topics, a form to suggest an idea of one's own
 * ({@code /suggest}, or the "Suggest one" button, with the application emoji
 * {@code idea}) filed under a topic and optionally credited, a poll among three ideas
 * ({@link IdeaPolls}), and "Idea from this message" in Discord's menu on a message. Texts
 * in the user's language (messages*.properties). Installed to servers and to users'
 * accounts alike: a user who installed the app runs them in any DM or group DM too, where
 * the bot answers the interaction only.
 * <p>
 * Premium, when its SKUs are set ({@code idea.premium.*}): Idea Pro's topics (and their
 * ideas) need Idea Pro, checked with the run's {@link Entitlements} (its "More topics"
 * menu is guarded by {@code @RequiresEntitlement} in {@link IdeaProTopics}); a spotlight
 * bought is used up by the next suggestion, which becomes the next idea anyone gets.
 * <p>
 * Every handler but the form's answers from memory, so it is {@code @NonBlocking}: its
 * runs stay on JDA's event thread ({@code .idea} too: a message does not carry the user's
 * entitlements, but the application's are kept in memory; while they are not whole, it
 * takes a virtual thread and Discord is asked). The form's handler may consume a
 * purchase, which waits for Discord.
 */
@Component
@CommandConfig(integrationTypes = { IntegrationType.GUILD_INSTALL, IntegrationType.USER_INSTALL }, contexts = {
        InteractionContextType.GUILD, InteractionContextType.BOT_DM, InteractionContextType.PRIVATE_CHANNEL })
class IdeaCommands {

    private static final String ANOTHER = "idea:another";

    /** The card's accent bar: Discord's blurple. */
    private static final int ACCENT = 0x5865F2;

    private final IdeaService ideas;

    private final MessageSource messages;

    private final IdeaProperties.Premium premium;

    private final ApplicationEmojis emojis;

    IdeaCommands(IdeaService ideas, MessageSource messages, IdeaProperties properties, ApplicationEmojis emojis) {
        this.ideas = ideas;
        this.messages = messages;
        this.premium = properties.getPremium();
        this.emojis = emojis;
    }

    /**
     * An idea, on a topic if one is given; a topic of Idea Pro's needs Idea Pro (the
     * entitlements are looked at only then).
     */
    @NonBlocking
    @Command(name = "idea", description = "Suggests a project idea")
    Reply idea(@Option(description = "Topic to draw from", required = false, maxLength = 100,
            autocomplete = true) @Nullable String topic, Locale locale, Entitlements entitlements) {
        return withoutPro(topic, locale, entitlements).orElseGet(() -> Reply.layout(card(topic, locale)));
    }

    /** The topics that have ideas, for what the user typed so far; Idea Pro's too. */
    @NonBlocking
    @Autocomplete(command = "idea", option = "topic")
    List<String> topics(@Typed String typed) {
        if (proSku() == null) {
            return this.ideas.topics();
        }
        List<String> topics = new ArrayList<>(this.ideas.topics());
        topics.addAll(this.ideas.proTopics());
        return topics;
    }

    /**
     * "Idea from this message", in the menu on a message: an idea on what the message is
     * about.
     */
    @NonBlocking
    @MessageCommand("Idea from this message")
    Reply fromMessage(@TargetOf Message message, Locale locale, Entitlements entitlements) {
        String topic = message.getContentDisplay();
        return withoutPro(topic, locale, entitlements).orElseGet(() -> Reply.layout(card(topic, locale)));
    }

    /** "Another": a new idea on the same topic, in place of the old one. */
    @NonBlocking
    @ComponentHandler({ ANOTHER, ANOTHER + ":{topic}" })
    Reply another(@IdPart(required = false) @Nullable String topic, Locale locale, Entitlements entitlements) {
        return withoutPro(topic, locale, entitlements).orElseGet(() -> Reply.update(card(topic, locale)));
    }

    /** A topic chosen in a menu: an idea on it, in place of the old one. */
    @NonBlocking
    @ComponentHandler("idea:topic")
    Reply topic(@Selected List<String> topics, Locale locale, Entitlements entitlements) {
        String topic = topics.isEmpty() ? null : topics.getFirst();
        return withoutPro(topic, locale, entitlements).orElseGet(() -> Reply.update(card(topic, locale)));
    }

    @NonBlocking
    @Command(name = "suggest", description = "Suggests an idea of your own for the list")
    Modal suggest(Locale locale) {
        return form(locale);
    }

    @NonBlocking
    @ComponentHandler("idea:suggest")
    Modal suggestFromButton(Locale locale) {
        return form(locale);
    }

    /**
     * A suggestion sent with the form: the idea, its topic (a radio group, or a menu when
     * there are more topics than a radio group holds), and whether to credit its author
     * when it comes up. With a spotlight bought (a consumable purchase), it is used up
     * and the idea becomes the next one anyone gets; without, the thanks offer one.
     */
    @ModalHandler("idea:suggestion")
    Reply suggested(@Field(value = "idea", maxLength = 300) String idea,
            @Field(value = "topic", required = false) @Nullable String topic, @Field("credit") boolean creditMe,
            User user, Locale locale, Entitlements entitlements) {
        if (!this.ideas.add(idea, topic, creditMe ? user.getEffectiveName() : null)) {
            return Reply.of(text("idea.full", locale)).ephemeral();
        }
        String thanks = withEmoji(
                (topic != null) ? text("idea.thanks.topic", locale, idea, topic) : text("idea.thanks", locale, idea));
        String spotlight = sku(this.premium.getSpotlightSku());
        if (spotlight == null) {
            return Reply.of(thanks).ephemeral();
        }
        if (entitlements.consume(spotlight)) {
            this.ideas.spotlight(idea);
            return Reply.of(withEmoji(text("idea.spotlight.done", locale, idea))).ephemeral();
        }
        return Reply.of(thanks + "\n" + text("idea.spotlight.offer", locale))
            .ephemeral()
            .withButtons(Button.premium(SkuSnowflake.fromId(spotlight)));
    }

    /** The text after the application emoji {@code idea}, when Discord has it. */
    private String withEmoji(String text) {
        return this.emojis.find("idea").map((emoji) -> emoji.getFormatted() + " " + text).orElse(text);
    }

    /**
     * For a topic of Idea Pro's, without Idea Pro: what it is, with Discord's button to
     * buy it.
     */
    private Optional<Reply> withoutPro(@Nullable String topic, Locale locale, Entitlements entitlements) {
        String sku = proSku();
        if (sku == null || topic == null || !this.ideas.isProTopic(topic) || entitlements.has(sku)) {
            return Optional.empty();
        }
        return Optional.of(Reply.of(text("idea.pro.topic", locale, topic.strip()))
            .ephemeral()
            .withButtons(Button.premium(SkuSnowflake.fromId(sku))));
    }

    private @Nullable String proSku() {
        return sku(this.premium.getSku());
    }

    private static @Nullable String sku(@Nullable String configured) {
        return (configured == null || configured.isBlank()) ? null : configured.strip();
    }

    private String pick(@Nullable String topic, Locale locale) {
        // a topic of Idea Pro's comes here only with Idea Pro (withoutPro)
        IdeaService.Picked picked = this.ideas.pick(topic, proSku() != null && this.ideas.isProTopic(topic));
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

    /**
     * The idea as a card: the idea with "Another" beside it, then the topic menu (when
     * there are topics) and the buttons to suggest an idea, let the channel vote, and
     * (with Idea Pro on sale) see Idea Pro's topics.
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
        Button suggest = Button.secondary("idea:suggest", text("idea.suggest", locale));
        List<Button> buttons = new ArrayList<>(List.of(this.emojis.find("idea").map(suggest::withEmoji).orElse(suggest),
                Button.secondary(IdeaPolls.POLL, text("idea.poll", locale))));
        if (proSku() != null && !this.ideas.proTopics().isEmpty()) {
            buttons.add(Button.secondary(IdeaProTopics.MORE_TOPICS, text("idea.pro.more", locale)));
        }
        parts.add(ActionRow.of(buttons));
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
