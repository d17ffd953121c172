package io.github.jdaboot.emulator;

import java.util.EnumSet;
import java.util.Set;

/**
 * Discord's gateway intents (API v10), by the bit a bot sets in IDENTIFY's
 * {@code intents}: what the emulator sends a session depends on them, as on Discord.
 */
public enum Intent {

    GUILDS(0, false),

    /** Privileged: the Developer Portal must allow it. */
    GUILD_MEMBERS(1, true),

    GUILD_MODERATION(2, false),

    GUILD_EXPRESSIONS(3, false),

    GUILD_INTEGRATIONS(4, false),

    GUILD_WEBHOOKS(5, false),

    GUILD_INVITES(6, false),

    GUILD_VOICE_STATES(7, false),

    /** Privileged: the Developer Portal must allow it. */
    GUILD_PRESENCES(8, true),

    GUILD_MESSAGES(9, false),

    GUILD_MESSAGE_REACTIONS(10, false),

    GUILD_MESSAGE_TYPING(11, false),

    DIRECT_MESSAGES(12, false),

    DIRECT_MESSAGE_REACTIONS(13, false),

    DIRECT_MESSAGE_TYPING(14, false),

    /**
     * Privileged: without it, messages reach the bot without their content unless they
     * mention it, are direct messages or are its own.
     */
    MESSAGE_CONTENT(15, true),

    GUILD_SCHEDULED_EVENTS(16, false),

    AUTO_MODERATION_CONFIGURATION(20, false),

    AUTO_MODERATION_EXECUTION(21, false),

    GUILD_MESSAGE_POLLS(24, false),

    DIRECT_MESSAGE_POLLS(25, false);

    /** Every bit at or above this one is an invalid intent (close code 4013). */
    static final long LIMIT = 1L << 26;

    private final long bit;

    private final boolean privileged;

    Intent(int shift, boolean privileged) {
        this.bit = 1L << shift;
        this.privileged = privileged;
    }

    /** The intent's bit in IDENTIFY's {@code intents}. */
    public long bit() {
        return this.bit;
    }

    /** Whether Discord calls it privileged: the application must be allowed it. */
    public boolean isPrivileged() {
        return this.privileged;
    }

    /** Whether the bits include this intent. */
    public boolean in(long intents) {
        return (intents & this.bit) != 0;
    }

    /** The bits of these intents. */
    public static long bits(Set<Intent> intents) {
        long bits = 0;
        for (Intent intent : intents) {
            bits |= intent.bit;
        }
        return bits;
    }

    /** The privileged intents: GUILD_MEMBERS, GUILD_PRESENCES and MESSAGE_CONTENT. */
    static Set<Intent> privileged() {
        Set<Intent> privileged = EnumSet.noneOf(Intent.class);
        for (Intent intent : values()) {
            if (intent.privileged) {
                privileged.add(intent);
            }
        }
        return privileged;
    }

}
