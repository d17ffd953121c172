package io.github.jdaboot.interaction.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The observation {@code discord.commands}, one per handler run (commands, context menus,
 * clicks, forms, autocomplete): as metrics a timer (and a long task timer of runs in
 * progress) tagged with the kind, the command and the outcome (the long task timer has no
 * outcome yet), all bounded; as a trace a span named after the command, with the guild id
 * as a high-cardinality key, which never reaches metrics.
 */
public class DefaultInteractionObservationConvention implements InteractionObservationConvention {

    /** The observation's name, and so the timer's. */
    public static final String NAME = "discord.commands";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(InteractionObservationContext context) {
        return "discord " + context.getKind() + " " + context.getCommand();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(InteractionObservationContext context) {
        KeyValues keys = KeyValues.of(KeyValue.of("kind", context.getKind()),
                KeyValue.of("command", context.getCommand()));
        String outcome = context.getOutcome();
        return (outcome != null) ? keys.and("outcome", outcome) : keys;
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(InteractionObservationContext context) {
        String guild = context.getGuildId();
        return (guild != null) ? KeyValues.of("discord.guild.id", guild) : KeyValues.empty();
    }

}
