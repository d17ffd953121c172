package io.github.jdaboot.interaction.option;

import java.util.stream.Collectors;

import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

import org.springframework.context.MessageSourceResolvable;

/**
 * One option of a command, from an {@link Option @Option} parameter, with the resolver of
 * its type.
 *
 * @param spec the option as declared
 * @param resolver how its values are read
 */
public record OptionDefinition(OptionSpec spec, OptionResolver resolver) {

    public String name() {
        return this.spec.name();
    }

    public boolean required() {
        return this.spec.required();
    }

    /** The option as registered with Discord. */
    public OptionData data() {
        OptionData data = new OptionData(this.resolver.optionType(this.spec.type()), this.spec.name(),
                this.spec.description(), this.spec.required());
        this.resolver.declare(data, this.spec);
        if (this.spec.autocomplete()) {
            data.setAutoComplete(true);
        }
        return data;
    }

    /** What the user should give, in words (English). */
    public String describe() {
        return this.spec.choices().isEmpty() ? this.resolver.describe(this.spec.type()) : "one of " + choiceNames();
    }

    /** What the user should give, in words, to be read in the user's language. */
    public MessageSourceResolvable description() {
        return this.spec.choices().isEmpty() ? this.resolver.description(this.spec.type())
                : InteractionMessages.of("interaction.option.type.enum", choiceNames());
    }

    private String choiceNames() {
        return this.spec.choices()
            .stream()
            .map((choice) -> "`" + choice.name() + "`")
            .collect(Collectors.joining(", "));
    }

}
