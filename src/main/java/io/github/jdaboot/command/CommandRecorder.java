package io.github.jdaboot.command;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * Receives what the framework measures about command runs; the metrics implementation records it.
 */
interface CommandRecorder {

    /** Records nothing. */
    CommandRecorder NONE = new CommandRecorder() {
    };

    /** A run started and is now in flight. */
    default void started(CommandDefinition command, CommandSurface surface) {
    }

    /** A run ended. */
    default void finished(CommandDefinition command, CommandSurface surface, CommandOutcome outcome,
            long durationNanos) {
    }

    /** A slash command was acknowledged (replied to or deferred), measured against Discord's 3 s deadline. */
    default void acknowledged(SlashCommandInteractionEvent event, boolean deferred) {
    }
}
