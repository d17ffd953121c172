package io.github.jdaboot.interaction.method;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;

/**
 * The kinds of handler run: what an {@link InteractionArgumentResolver} declares it
 * serves, and what each handler is checked against at startup (a {@code @Command} offered
 * on both surfaces is a slash and a prefix handler, and every parameter must be filled
 * for both).
 */
public enum HandlerKind {

    /** A slash command: {@code @Command} offered as {@code /name}. */
    SLASH_COMMAND("slash", "@Command", SlashCommandInteractionEvent.class),

    /** A prefix command: {@code @Command} offered as {@code .name}. */
    PREFIX_COMMAND("prefix", "@Command", MessageReceivedEvent.class),

    /** A user command of Discord's "Apps" menu: {@code @UserCommand}. */
    USER_COMMAND("user", "@UserCommand", UserContextInteractionEvent.class),

    /** A message command of Discord's "Apps" menu: {@code @MessageCommand}. */
    MESSAGE_COMMAND("message", "@MessageCommand", MessageContextInteractionEvent.class),

    /** A click on a button or a choice in a select menu: {@code @ComponentHandler}. */
    COMPONENT("component", "@ComponentHandler", ButtonInteractionEvent.class, StringSelectInteractionEvent.class,
            EntitySelectInteractionEvent.class),

    /** A submitted form: {@code @ModalHandler}. */
    MODAL("modal", "@ModalHandler", ModalInteractionEvent.class),

    /** Suggestions while the user types an option: {@code @Autocomplete}. */
    AUTOCOMPLETE("autocomplete", "@Autocomplete", CommandAutoCompleteInteractionEvent.class);

    /** Every kind. */
    public static final Set<HandlerKind> ALL = Set.copyOf(EnumSet.allOf(HandlerKind.class));

    /** The two kinds of a {@code @Command}. */
    public static final Set<HandlerKind> COMMANDS = Set.copyOf(EnumSet.of(SLASH_COMMAND, PREFIX_COMMAND));

    private final String tag;

    private final String annotation;

    private final Set<Class<? extends GenericEvent>> eventTypes;

    @SafeVarargs
    HandlerKind(String tag, String annotation, Class<? extends GenericEvent>... eventTypes) {
        this.tag = tag;
        this.annotation = annotation;
        this.eventTypes = Set.of(eventTypes);
    }

    /**
     * The kind as the observations' {@code kind} tag: {@code slash}, {@code prefix},
     * {@code user}, {@code message}, {@code component}, {@code modal} or
     * {@code autocomplete}.
     */
    public String tag() {
        return this.tag;
    }

    /** The annotation that declares a handler of this kind, as messages name it. */
    public String annotation() {
        return this.annotation;
    }

    /** The JDA events behind runs of this kind. */
    public Set<Class<? extends GenericEvent>> eventTypes() {
        return this.eventTypes;
    }

    /**
     * The annotations of the kinds, as startup failures name them: "@Command methods".
     */
    public static String describe(Set<HandlerKind> kinds) {
        return String.join(" and ", kinds.stream().sorted().map(HandlerKind::annotation).distinct().toList())
                + " methods";
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

}
