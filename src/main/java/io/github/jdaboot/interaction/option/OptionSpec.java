package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Option;

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
 * @param rest for prefix commands: whether it takes the rest of the text (the last text
 * option)
 * @param autocomplete whether Discord suggests values from an
 * {@link Autocomplete @Autocomplete} method
 */
public record OptionSpec(String name, String description, Class<?> type, boolean required, double min, double max,
        int maxLength, boolean rest, boolean autocomplete) {

    /** Whether {@code min} or {@code max} was set. */
    public boolean bounded() {
        return this.min != Double.NEGATIVE_INFINITY || this.max != Double.POSITIVE_INFINITY;
    }

    /** The reply when the option is missing: "**sides** is missing.". */
    public BadInputException missing() {
        return new BadInputException(bold() + " is missing.");
    }

    /**
     * The reply when the text cannot be read: "I couldn't read **sides**: expected a
     * whole number, got `abc`.".
     */
    public BadInputException unreadable(String text, String expected) {
        return new BadInputException(
                "I couldn't read " + bold() + ": expected " + expected + ", got " + quote(text) + ".");
    }

    /**
     * The reply for a value out of range: "**sides** must be from 2 to 120, got `500`.".
     */
    public BadInputException outOfRange(String text, String range) {
        return new BadInputException(bold() + " must be " + range + ", got " + quote(text) + ".");
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
        String shown = text.replace("`", "'").replace("\n", " ");
        if (shown.codePointCount(0, shown.length()) > 40) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, 40)) + "…";
        }
        return shown.isBlank() ? "nothing" : "`" + shown + "`";
    }

}
