package io.github.jdaboot.interaction.option;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * Enum options, offered as choices named after the constants in lower case
 * ({@code SALTED_CARAMEL} is "salted caramel").
 */
public class EnumOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type.isEnum();
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.STRING;
    }

    @Override
    public String describe(Class<?> type) {
        return "one of " + choices(type);
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.enum", choices(type));
    }

    private static String choices(Class<?> type) {
        return constants(type).stream()
            .map(EnumOptionResolver::choiceName)
            .map((name) -> "`" + name + "`")
            .collect(Collectors.joining(", "));
    }

    @Override
    public void declare(OptionData data, OptionSpec option) {
        int count = constants(option.type()).size();
        if (count < 1 || count > OptionData.MAX_CHOICES) {
            throw new IllegalArgumentException("enum " + option.type().getSimpleName() + " has " + count
                    + " constants; Discord offers 1 to " + OptionData.MAX_CHOICES + " choices");
        }
        constants(option.type()).forEach((constant) -> data.addChoice(choiceName(constant), constant.name()));
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return read(mapping.getAsString(), option);
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        return (text != null) ? read(text, option) : null;
    }

    private Enum<?> read(String text, OptionSpec option) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        for (Enum<?> constant : constants(option.type())) {
            if (choiceName(constant).equals(wanted) || constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw option.unreadable(text, description(option.type()));
    }

    static List<Enum<?>> constants(Class<?> type) {
        return List.of((Enum<?>[]) type.getEnumConstants());
    }

    static String choiceName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

}
