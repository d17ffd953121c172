package io.github.jdaboot.emulator;

/** Discord permission bits the emulator checks. */
final class Permissions {

    static final long CREATE_INSTANT_INVITE = 1L;
    static final long KICK_MEMBERS = 1L << 1;
    static final long BAN_MEMBERS = 1L << 2;
    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_CHANNELS = 1L << 4;
    static final long MANAGE_GUILD = 1L << 5;
    static final long ADD_REACTIONS = 1L << 6;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long MENTION_EVERYONE = 1L << 17;
    static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    static final long MUTE_MEMBERS = 1L << 22;
    static final long DEAFEN_MEMBERS = 1L << 23;
    static final long MOVE_MEMBERS = 1L << 24;
    static final long CHANGE_NICKNAME = 1L << 26;
    static final long MANAGE_NICKNAMES = 1L << 27;
    static final long MANAGE_ROLES = 1L << 28;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final long MODERATE_MEMBERS = 1L << 40;

    /**
     * What {@code @everyone} may do in a freshly made guild, roughly Discord's default.
     */
    static final long EVERYONE_DEFAULT = CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES
            | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS
            | SEND_MESSAGES_IN_THREADS;

    static final long ALL = (1L << 51) - 1;

    private Permissions() {
    }

    /**
     * Refuses, as Discord does with 403 and code 50013, when the user lacks any of the
     * permission bits in the guild (the emulator reads the guild's roles, not channel
     * overwrites).
     */
    static void require(EmulatedGuild guild, long userId, long bits) {
        if ((guild.permissionsOf(userId) & bits) != bits) {
            throw new RestApi.DiscordError(403, 50013, "Missing Permissions");
        }
    }

    /**
     * Refuses with 403 and code 50013 unless the user's highest role is above the
     * position: a role or member at or above it is out of their reach (the owner reaches
     * everything).
     */
    static void requireAbove(EmulatedGuild guild, long userId, int position) {
        if (guild.highestPosition(userId) <= position) {
            throw new RestApi.DiscordError(403, 50013, "Missing Permissions");
        }
    }

}
