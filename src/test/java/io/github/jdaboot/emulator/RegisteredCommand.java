package io.github.jdaboot.emulator;

import tools.jackson.databind.JsonNode;

/**
 * An application command the bot registered with the emulator.
 *
 * @param id the command id
 * @param guildId the guild it is registered for, 0 when global
 * @param name the command name
 * @param description the description
 * @param definition the command as Discord stores it (options, contexts, permissions...)
 */
public record RegisteredCommand(long id, long guildId, String name, String description, JsonNode definition) {

    /** The option definitions, or those of a subcommand path such as {@code ["add"]}. */
    public JsonNode options() {
        return this.definition.path("options");
    }
}
