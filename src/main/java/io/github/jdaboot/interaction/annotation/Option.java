package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * Marks a parameter of a {@link Command @Command} method as one of the command's options.
 * <p>
 * For prefix commands options are read in order from the message text: words,
 * {@code "quoted text"}, mentions or ids; the last {@code String} option takes the rest
 * of the text.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Option {

    /**
     * The option name; by default the parameter name in snake_case. Lower case, 1-32
     * characters.
     */
    String name() default "";

    /** What the option is, 1-100 characters. */
    String description();

    /**
     * Whether the user must give it. Optional options must be reference types and come
     * last.
     */
    boolean required() default true;

    /** For whole numbers and decimals: the smallest value accepted. */
    double min() default Double.NEGATIVE_INFINITY;

    /** For whole numbers and decimals: the largest value accepted. */
    double max() default Double.POSITIVE_INFINITY;

    /** For text: the longest value accepted, at most 6,000 (Discord's limit). */
    int maxLength() default OptionData.MAX_STRING_OPTION_LENGTH;

    /** For text: the shortest value accepted; 0 for any. */
    int minLength() default 0;

    /**
     * For text, whole numbers and decimals: the only values offered, at most 25 (an enum
     * parameter offers its constants instead).
     */
    Choice[] choices() default {};

    /**
     * For channels: the channel types Discord offers; empty for those of the parameter's
     * type ({@code TextChannel}: text channels; {@code GuildChannel}: all). Each must be
     * a type the parameter can hold.
     */
    ChannelType[] channelTypes() default {};

    /**
     * Whether Discord suggests values while the user types, from the
     * {@link Autocomplete @Autocomplete} method for this option (text, whole numbers and
     * decimals only).
     */
    boolean autocomplete() default false;

}
