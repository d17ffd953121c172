package io.github.jdaboot.emulator;

import java.util.Set;
import java.util.TreeSet;

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

    /** Command type 1: a slash command. */
    public static final int SLASH = 1;

    /** Command type 2: a user command (a context menu on a user). */
    public static final int USER = 2;

    /** Command type 3: a message command (a context menu on a message). */
    public static final int MESSAGE = 3;

    /** The command type: {@link #SLASH}, {@link #USER} or {@link #MESSAGE}. */
    public int type() {
        return type(this.definition);
    }

    /** The option definitions, or those of a subcommand path such as {@code ["add"]}. */
    public JsonNode options() {
        return this.definition.path("options");
    }

    /**
     * Where it can be installed: {@code 0} to a server, {@code 1} to a user's account
     * (Discord's {@code integration_types}, stored as numbers).
     */
    public Set<Integer> integrationTypes() {
        Set<Integer> types = new TreeSet<>();
        this.definition.path("integration_types").forEach((type) -> types.add(type.asInt()));
        return types;
    }

    /**
     * Where it may run: {@code 0} servers, {@code 1} the bot's DM, {@code 2} DMs between
     * users and group DMs (Discord's {@code contexts}; all three when it has none).
     */
    public Set<Integer> contexts() {
        JsonNode contexts = this.definition.path("contexts");
        if (!contexts.isArray()) {
            return Set.of(0, 1, 2);
        }
        Set<Integer> result = new TreeSet<>();
        contexts.forEach((context) -> result.add(context.asInt()));
        return result;
    }

    /** Whether it is age-restricted. */
    public boolean nsfw() {
        return this.definition.path("nsfw").asBoolean(false);
    }

    /** The type of a command definition, a slash command when it names none. */
    static int type(JsonNode definition) {
        return definition.path("type").asInt(SLASH);
    }

}
