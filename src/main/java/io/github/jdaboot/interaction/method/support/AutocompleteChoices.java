package io.github.jdaboot.interaction.method.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.jdaboot.interaction.annotation.Autocomplete;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Autocomplete @Autocomplete} method returned, as Discord's choices:
 * strings, numbers or choices; those whose name contains what was typed (case ignored),
 * the ones that start with it first, at most {@link OptionType#MAX_CHOICES} of them,
 * names cut to Discord's 100 characters.
 */
public final class AutocompleteChoices {

    private AutocompleteChoices() {
    }

    public static List<Command.Choice> of(@Nullable Object returned, String typed) {
        List<Command.Choice> choices = new ArrayList<>();
        Stream<?> candidates = switch (returned) {
            case null -> Stream.empty();
            case Collection<?> collection -> collection.stream();
            case Stream<?> stream -> stream;
            default -> throw new IllegalStateException("Not a collection of choices: " + returned.getClass().getName());
        };
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        candidates
            .filter((candidate) -> !(candidate instanceof String text)
                    || (!text.isEmpty() && text.length() <= Command.Choice.MAX_STRING_VALUE_LENGTH))
            .map(AutocompleteChoices::choice)
            .filter((choice) -> choice.getName().toLowerCase(Locale.ROOT).contains(wanted))
            .sorted(Comparator
                .comparing((Command.Choice choice) -> !choice.getName().toLowerCase(Locale.ROOT).startsWith(wanted)))
            .limit(OptionData.MAX_CHOICES)
            .forEach(choices::add);
        return choices;
    }

    private static Command.Choice choice(@Nullable Object candidate) {
        return switch (candidate) {
            case Command.Choice choice -> choice;
            case String text -> new Command.Choice(text, text);
            case Long number -> new Command.Choice(number.toString(), number);
            case Integer number -> new Command.Choice(number.toString(), number.longValue());
            case Number number -> new Command.Choice(number.toString(), number.doubleValue());
            case null, default -> throw new IllegalStateException("Not a choice: " + candidate);
        };
    }

}
