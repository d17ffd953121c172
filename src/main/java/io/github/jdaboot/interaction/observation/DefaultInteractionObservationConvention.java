package io.github.jdaboot.interaction.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

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

    private static final int OUTCOMES = CommandOutcome.values().length;

    /**
     * What is the same for every run of a command, by kind and command (both bounded, as
     * metric tags must be).
     */
    private final Map<String, Map<String, Command>> commands = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(InteractionObservationContext context) {
        return command(context).contextualName;
    }

    /**
     * The kind, the command and the outcome, made once for each outcome of each command.
     */
    @Override
    public KeyValues getLowCardinalityKeyValues(InteractionObservationContext context) {
        Command command = command(context);
        CommandOutcome outcome = context.outcome();
        int index = (outcome != null) ? outcome.ordinal() + 1 : 0;
        KeyValues keys = command.keyValues[index];
        if (keys == null) {
            keys = KeyValues.of(KeyValue.of("kind", context.getKind()), KeyValue.of("command", context.getCommand()));
            keys = (outcome != null) ? keys.and("outcome", outcome.tag()) : keys;
            command.keyValues[index] = keys; // immutable: safely shared
        }
        return keys;
    }

    private Command command(InteractionObservationContext context) {
        String kind = context.getKind();
        Map<String, Command> byCommand = this.commands.get(kind);
        if (byCommand == null) {
            byCommand = this.commands.computeIfAbsent(kind, (unknown) -> new ConcurrentHashMap<>());
        }
        Command command = byCommand.get(context.getCommand());
        return (command != null) ? command
                : byCommand.computeIfAbsent(context.getCommand(), (name) -> new Command(kind, name));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(InteractionObservationContext context) {
        String guild = context.getGuildId();
        return (guild != null) ? KeyValues.of("discord.guild.id", guild) : KeyValues.empty();
    }

    /**
     * A command's span name, and its key values while running (0) and for each outcome.
     */
    private static final class Command {

        private final String contextualName;

        private final @Nullable KeyValues[] keyValues = new KeyValues[OUTCOMES + 1];

        Command(String kind, String command) {
            this.contextualName = "discord " + kind + " " + command;
        }

    }

}
