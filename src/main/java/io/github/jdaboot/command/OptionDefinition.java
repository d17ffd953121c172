package io.github.jdaboot.command;

import java.util.List;
import java.util.Set;

import net.dv8tion.jda.api.entities.channel.ChannelType;

/**
 * One option of a command, from an {@link Option @Option} parameter.
 *
 * @param name the option name
 * @param description what it is
 * @param kind its kind
 * @param javaType the parameter type
 * @param required whether the user must give it
 * @param min the smallest number accepted
 * @param max the largest number accepted
 * @param maxLength the longest text accepted
 * @param channelTypes the channel types accepted, empty for any
 * @param choices for enums, the constants offered
 * @param rest whether it takes the rest of a prefix command's text
 */
record OptionDefinition(String name, String description, OptionKind kind, Class<?> javaType, boolean required,
        double min, double max, int maxLength, Set<ChannelType> channelTypes, List<Enum<?>> choices, boolean rest) {

    /** How the option reads in a usage line: {@code <name>} or {@code [name]}. */
    String usage() {
        return this.required ? "<" + this.name + ">" : "[" + this.name + "]";
    }

    /** The name users see for an enum constant: its name in lower case with spaces. */
    static String choiceName(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
