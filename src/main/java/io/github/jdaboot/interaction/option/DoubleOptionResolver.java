package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/** {@code double} and {@code Double} options. */
public class DoubleOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == double.class || type == Double.class;
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.NUMBER;
    }

    @Override
    public String describe(Class<?> type) {
        return "a number";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.number");
    }

    @Override
    public void declare(OptionData data, OptionSpec option) {
        if (option.min() != Double.NEGATIVE_INFINITY) {
            data.setMinValue(option.min());
        }
        if (option.max() != Double.POSITIVE_INFINITY) {
            data.setMaxValue(option.max());
        }
        option.choices().forEach((choice) -> data.addChoice(choice.name(), Double.parseDouble(choice.value())));
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return checked(mapping.getAsDouble(), mapping.getAsString(), option);
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        if (text == null) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(option.choiceValue(text));
        }
        catch (NumberFormatException ex) {
            throw option.choices().isEmpty() ? option.unreadable(text, description(Double.class))
                    : option.notAChoice(text);
        }
        return checked(value, text, option);
    }

    private static double checked(double value, String text, OptionSpec option) {
        if (!option.choices().isEmpty() && option.choices()
            .stream()
            .noneMatch((choice) -> Double.compare(Double.parseDouble(choice.value()), value) == 0)) {
            throw option.notAChoice(text);
        }
        if (Double.isNaN(value) || value < option.min() || value > option.max()) {
            throw option.outOfRange(text, OptionSpec.range(option.min(), option.max()));
        }
        return value;
    }

}
