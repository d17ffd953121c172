package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/** Whole-number options between the Java type's bounds and Discord's (±2^53 - 1). */
abstract class WholeNumberOptionResolver implements OptionResolver {

    private final long floor;

    private final long ceiling;

    WholeNumberOptionResolver(long floor, long ceiling) {
        this.floor = Math.max(floor, (long) OptionData.MIN_NEGATIVE_NUMBER);
        this.ceiling = Math.min(ceiling, (long) OptionData.MAX_POSITIVE_NUMBER);
    }

    /** The value as the parameter's type. */
    abstract Object convert(long value);

    /**
     * Whether the type's bounds are narrower than Discord's, so that they are always
     * declared.
     */
    abstract boolean narrow();

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.INTEGER;
    }

    @Override
    public String describe(Class<?> type) {
        return "a whole number";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.whole-number");
    }

    @Override
    public void declare(OptionData data, OptionSpec option) {
        if (narrow() || option.bounded()) {
            data.setRequiredRange(min(option), max(option));
        }
        option.choices().forEach((choice) -> data.addChoice(choice.name(), Long.parseLong(choice.value())));
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return checked(mapping.getAsLong(), mapping.getAsString(), option);
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        if (text == null) {
            return null;
        }
        try {
            return checked(Long.parseLong(option.choiceValue(text).replace("_", "")), text, option);
        }
        catch (NumberFormatException ex) {
            if (!option.choices().isEmpty()) {
                throw option.notAChoice(text);
            }
            if (text.matches("[-+]?\\d+")) {
                throw outOfRange(text, option);
            }
            throw option.unreadable(text, description(Long.class));
        }
    }

    private Object checked(long value, String text, OptionSpec option) {
        if (!option.choices().isEmpty()
                && option.choices().stream().noneMatch((choice) -> Long.parseLong(choice.value()) == value)) {
            throw option.notAChoice(text);
        }
        if (value < min(option) || value > max(option)) {
            throw outOfRange(text, option);
        }
        return convert(value);
    }

    private BadInputException outOfRange(String text, OptionSpec option) {
        return option.outOfRange(text, OptionSpec.range(min(option), max(option)));
    }

    private long min(OptionSpec option) {
        return (long) Math.max(option.min(), this.floor);
    }

    private long max(OptionSpec option) {
        return (long) Math.min(option.max(), this.ceiling);
    }

}
