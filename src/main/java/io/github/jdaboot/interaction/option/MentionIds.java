package io.github.jdaboot.interaction.option;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import net.dv8tion.jda.api.entities.Guild;
import org.jspecify.annotations.Nullable;

/**
 * Ids in prefix command text: a mention ({@code <@id>}, {@code <@&id>}, {@code <#id>}) or
 * a bare id.
 */
final class MentionIds {

    static final Pattern USER = Pattern.compile("<@!?(\\d{1,20})>");
    static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");
    static final Pattern CHANNEL = Pattern.compile("<#(\\d{1,20})>");

    private static final Pattern ID = Pattern.compile("\\d{15,20}");

    private MentionIds() {
    }

    /**
     * The id in a mention matching the pattern, or a bare id; null when the text is
     * neither.
     */
    static @Nullable Long id(Pattern mention, String text) {
        Matcher matcher = mention.matcher(text);
        String digits = matcher.matches() ? matcher.group(1) : ID.matcher(text).matches() ? text : null;
        if (digits == null) {
            return null;
        }
        try {
            return Long.parseUnsignedLong(digits);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /** The server the option is read in; a polite refusal in a direct message. */
    static Guild guild(OptionSpec option, InteractionContext context) {
        Guild guild = context.guild();
        if (guild == null) {
            throw new BadInputException(InteractionMessages.of("interaction.option.guild-only", option.bold()));
        }
        return guild;
    }

}
