package io.github.jdaboot.interaction.method;

import java.util.Locale;
import java.util.regex.Pattern;

import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * Discord's rules for the names and descriptions of slash commands, their groups and
 * their options, checked at startup so that a declaration Discord would refuse fails
 * then, naming the method.
 */
public final class DiscordNames {

    /** Discord's rule for command and option names (chat-input commands). */
    private static final Pattern NAME = Pattern
        .compile("^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1," + CommandData.MAX_NAME_LENGTH + "}$");

    private DiscordNames() {
    }

    /**
     * Checks a name: 1 to 32 lower-case letters, digits, '-' or '_'.
     * @param what what the name is, for the failure: "command name"
     */
    public static void checkName(HandlerMethod handler, String annotation, String what, String name) {
        if (!NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw handler.invalid(annotation, "invalid " + what + " '" + name + "': Discord requires 1-"
                    + CommandData.MAX_NAME_LENGTH + " lower-case letters, digits, '-' or '_', without spaces");
        }
    }

    /**
     * Checks a description: 1 to 100 characters.
     * @param what what it describes, for the failure: "command 'roll'"
     */
    public static void checkDescription(HandlerMethod handler, String annotation, String what, String description) {
        if (description.isBlank() || description.length() > CommandData.MAX_DESCRIPTION_LENGTH) {
            throw handler.invalid(annotation, "description of " + what + " is " + description.length()
                    + " characters long; Discord requires 1 to " + CommandData.MAX_DESCRIPTION_LENGTH);
        }
    }

}
