package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One Java type of {@link Option @Option} parameter: how Discord declares it, and how a
 * value is read from a slash command's option or from a prefix command's text. Adding a
 * type of option is one class: a bean of this type, consulted before the framework's
 * (which cover {@code String}, whole numbers, decimals, booleans, enums, {@code User},
 * {@code Member}, {@code Role}, channels and attachments).
 */
public interface OptionResolver {

    /** Whether this resolver reads options of the parameter type. */
    boolean supports(Class<?> type);

    /** Discord's option type for the parameter type. */
    OptionType optionType(Class<?> type);

    /**
     * What the user should give, in words, for help and error replies: "a whole number".
     * The text in English, as the default of {@link #description(Class)}.
     */
    String describe(Class<?> type);

    /**
     * What the user should give, in the user's language: by default
     * {@link #describe(Class)} as it is; the framework's resolvers look theirs up in the
     * {@code MessageSource} ({@code interaction.option.type.*}).
     */
    default MessageSourceResolvable description(Class<?> type) {
        return new DefaultMessageSourceResolvable(null, null, describe(type));
    }

    /** Adds the option's limits and choices to what is registered with Discord. */
    default void declare(OptionData data, OptionSpec option) {
    }

    /**
     * The value of a slash command's option.
     * @throws BadInputException when it cannot be used (its message is the reply)
     */
    @Nullable Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context);

    /**
     * The value of a prefix command's option, read from its text: usually
     * {@link PrefixInput#next()}, or {@link PrefixInput#rest()} for the option that takes
     * the rest of the text ({@link OptionSpec#rest()}).
     * @return null when the text has nothing left for it
     * @throws BadInputException when it cannot be used (its message is the reply)
     */
    @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context);

}
