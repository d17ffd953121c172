package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * {@code String} options; the last one of a prefix command takes the rest of the text.
 */
public class StringOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == String.class;
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.STRING;
    }

    @Override
    public String describe(Class<?> type) {
        return "text";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.text");
    }

    @Override
    public void declare(OptionData data, OptionSpec option) {
        if (option.maxLength() < OptionData.MAX_STRING_OPTION_LENGTH) {
            data.setMaxLength(option.maxLength());
        }
    }

    @Override
    public String fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return checked(mapping.getAsString(), option);
    }

    @Override
    public @Nullable String fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = option.rest() ? input.rest() : input.next();
        return (text != null) ? checked(text, option) : null;
    }

    private static String checked(String text, OptionSpec option) {
        if (text.codePointCount(0, text.length()) > option.maxLength()) {
            throw option.tooLong();
        }
        return text;
    }

}
