package io.github.jdaboot.interaction.option;

import java.util.Locale;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * {@code boolean} and {@code Boolean} options; prefix commands take yes/no, true/false,
 * on/off.
 */
public class BooleanOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == boolean.class || type == Boolean.class;
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.BOOLEAN;
    }

    @Override
    public String describe(Class<?> type) {
        return "yes or no";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.boolean");
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return mapping.getAsBoolean();
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "on", "1" -> true;
            case "no", "n", "false", "off", "0" -> false;
            default -> throw option.unreadable(text, description(Boolean.class));
        };
    }

}
