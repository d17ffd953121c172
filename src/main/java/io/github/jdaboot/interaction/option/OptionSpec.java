package io.github.jdaboot.interaction.option;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import net.dv8tion.jda.api.entities.channel.ChannelType;

import org.springframework.context.MessageSourceResolvable;

/**
 * An {@link Option @Option} parameter as declared, for an {@link OptionResolver}: its
 * name and limits, and the polite messages for input that cannot be used.
 *
 * @param name the option's name
 * @param description what it is
 * @param type the parameter's type
 * @param required whether the user must give it
 * @param min the smallest number accepted
 * @param max the largest number accepted
 * @param maxLength the longest text accepted
 * @param minLength the shortest text accepted, 0 for any
 * @param choices the only values offered, in order; none for any
 * @param channelTypes for channels, the types declared; none for those of the parameter's
 * type
 * @param rest for prefix commands: whether it takes the rest of the text (the last text
 * option)
 * @param autocomplete whether Discord suggests values from an
 * {@link Autocomplete @Autocomplete} method
 */
public record OptionSpec(String name, String description, Class<?> type, boolean required, double min, double max,
        int maxLength, int minLength, List<Choice> choices, Set<ChannelType> channelTypes, boolean rest,
        boolean autocomplete) {

    /**
     * A value offered, as declared with {@code @Choice}.
     *
     * @param name what the user sees
     * @param value what the handler gets, as text
     */
    public record Choice(String name, String value) {
    }

    public OptionSpec {
        choices = List.copyOf(choices);
        channelTypes = channelTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channelTypes));
    }

    /**
     * For a prefix command: the value of the choice the user named ("large" for the
     * choice "Large"), else the text as typed.
     */
    public String choiceValue(String text) {
        String wanted = text.strip();
        for (Choice choice : this.choices) {
            if (choice.name().equalsIgnoreCase(wanted)) {
                return choice.value();
            }
        }
        return text;
    }

    /**
     * The reply for a value that is none of the choices: "I couldn't read **size**:
     * expected one of `Small`, `Large`, got `huge`.".
     */
    public BadInputException notAChoice(String text) {
        String names = this.choices.stream()
            .map((choice) -> "`" + choice.name() + "`")
            .collect(Collectors.joining(", "));
        return unreadable(text, InteractionMessages.of("interaction.option.type.enum", names));
    }

    /** Whether {@code min} or {@code max} was set. */
    public boolean bounded() {
        return this.min != Double.NEGATIVE_INFINITY || this.max != Double.POSITIVE_INFINITY;
    }

    /** The reply when the option is missing: "**sides** is missing.". */
    public BadInputException missing() {
        return new BadInputException(InteractionMessages.of("interaction.option.missing", bold()));
    }

    /**
     * The reply when the text cannot be read: "I couldn't read **sides**: expected a
     * whole number, got `abc`.".
     * @param expected what was expected: a text, or one of the {@code MessageSource}
     * ({@link OptionResolver#description(Class)})
     */
    public BadInputException unreadable(String text, Object expected) {
        return new BadInputException(
                InteractionMessages.of("interaction.option.unreadable", bold(), expected, quoted(text)));
    }

    /**
     * The reply for a value out of range: "**sides** must be from 2 to 120, got `500`.".
     * @param range the range: a text, or one of the {@code MessageSource}
     * ({@link #range})
     */
    public BadInputException outOfRange(String text, Object range) {
        return new BadInputException(
                InteractionMessages.of("interaction.option.out-of-range", bold(), range, quoted(text)));
    }

    /** A range of numbers as the replies name it: "from 2 to 120". */
    public static MessageSourceResolvable range(Object min, Object max) {
        return InteractionMessages.of("interaction.option.range", String.valueOf(min), String.valueOf(max));
    }

    /**
     * The reply for text that is too short: "**text** is too short: at least 3 ...".
     */
    public BadInputException tooShort() {
        return new BadInputException(
                InteractionMessages.of("interaction.too-short", bold(), String.valueOf(this.minLength)));
    }

    /** The reply for text that is too long: "**text** is too long: at most 200 ...". */
    public BadInputException tooLong() {
        return new BadInputException(
                InteractionMessages.of("interaction.too-long", bold(), String.valueOf(this.maxLength)));
    }

    /** The option's name in bold, as replies name it. */
    public String bold() {
        return "**" + this.name + "**";
    }

    /** How the option reads in a usage line: {@code <name>} or {@code [name]}. */
    public String usage() {
        return this.required ? "<" + this.name + ">" : "[" + this.name + "]";
    }

    /**
     * User text shown back in a reply: in a code span, shortened, without backticks that
     * would break it.
     */
    public static String quote(String text) {
        String shown = shown(text);
        return shown.isBlank() ? "nothing" : "`" + shown + "`";
    }

    /**
     * User text shown back in a reply, as {@link #quote}, with "nothing" in the user's
     * language.
     */
    public static Object quoted(String text) {
        String shown = shown(text);
        return shown.isBlank() ? InteractionMessages.of("interaction.option.nothing") : "`" + shown + "`";
    }

    private static String shown(String text) {
        String shown = text.replace("`", "'").replace("\n", " ");
        if (shown.codePointCount(0, shown.length()) > 40) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, 40)) + "…";
        }
        return shown;
    }

}
