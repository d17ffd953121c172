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
 * {@code String} options, with their lengths or their choices; the last one of a prefix
 * command takes the rest of the text.
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
        if (option.minLength() > 0) {
            data.setMinLength(option.minLength());
        }
        option.choices().forEach((choice) -> data.addChoice(choice.name(), choice.value()));
    }

    @Override
    public String fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return checked(mapping.getAsString(), mapping.getAsString(), option);
    }

    @Override
    public @Nullable String fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = option.rest() ? input.rest() : input.next();
        return (text != null) ? checked(option.choiceValue(text), text, option) : null;
    }

    private static String checked(String value, String text, OptionSpec option) {
        if (!option.choices().isEmpty()) {
            if (option.choices().stream().noneMatch((choice) -> choice.value().equals(value))) {
                throw option.notAChoice(text);
            }
            return value;
        }
        int length = value.codePointCount(0, value.length());
        if (length > option.maxLength()) {
            throw option.tooLong();
        }
        if (length < option.minLength()) {
            throw option.tooShort();
        }
        return value;
    }

}
