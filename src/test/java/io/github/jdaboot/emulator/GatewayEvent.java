package io.github.jdaboot.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The dispatch events (op 0) the emulator sends, each named as on the wire ({@code t})
 * and with the intent that gates it: in a guild and, for events that also happen in
 * direct messages, in a DM. A session receives an event only when it identified with that
 * intent; READY, RESUMED and INTERACTION_CREATE reach every session.
 */
public enum GatewayEvent {

    /**
     * The session is ready: the bot user, the guilds (unavailable until GUILD_CREATE).
     */
    READY(null, null),

    /** A RESUME replayed what the session missed. */
    RESUMED(null, null),

    GUILD_CREATE(Intent.GUILDS, null),

    GUILD_UPDATE(Intent.GUILDS, null),

    /** The bot left the guild, or the guild became unavailable. */
    GUILD_DELETE(Intent.GUILDS, null),

    GUILD_ROLE_CREATE(Intent.GUILDS, null),

    GUILD_ROLE_UPDATE(Intent.GUILDS, null),

    GUILD_ROLE_DELETE(Intent.GUILDS, null),

    CHANNEL_CREATE(Intent.GUILDS, null),

    CHANNEL_UPDATE(Intent.GUILDS, null),

    CHANNEL_DELETE(Intent.GUILDS, null),

    CHANNEL_PINS_UPDATE(Intent.GUILDS, Intent.DIRECT_MESSAGES),

    THREAD_UPDATE(Intent.GUILDS, null),

    THREAD_DELETE(Intent.GUILDS, null),

    GUILD_MEMBER_ADD(Intent.GUILD_MEMBERS, null),

    GUILD_MEMBER_UPDATE(Intent.GUILD_MEMBERS, null),

    GUILD_MEMBER_REMOVE(Intent.GUILD_MEMBERS, null),

    GUILD_BAN_ADD(Intent.GUILD_MODERATION, null),

    GUILD_BAN_REMOVE(Intent.GUILD_MODERATION, null),

    MESSAGE_CREATE(Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES),

    MESSAGE_UPDATE(Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES),

    MESSAGE_DELETE(Intent.GUILD_MESSAGES, Intent.DIRECT_MESSAGES),

    MESSAGE_DELETE_BULK(Intent.GUILD_MESSAGES, null),

    MESSAGE_REACTION_ADD(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),

    MESSAGE_REACTION_REMOVE(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),

    MESSAGE_REACTION_REMOVE_ALL(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),

    MESSAGE_REACTION_REMOVE_EMOJI(Intent.GUILD_MESSAGE_REACTIONS, Intent.DIRECT_MESSAGE_REACTIONS),

    TYPING_START(Intent.GUILD_MESSAGE_TYPING, Intent.DIRECT_MESSAGE_TYPING),

    MESSAGE_POLL_VOTE_ADD(Intent.GUILD_MESSAGE_POLLS, Intent.DIRECT_MESSAGE_POLLS),

    MESSAGE_POLL_VOTE_REMOVE(Intent.GUILD_MESSAGE_POLLS, Intent.DIRECT_MESSAGE_POLLS),

    /** A user interacted with the bot: sent whatever the intents. */
    INTERACTION_CREATE(null, null),

    /**
     * A user bought an SKU, or the app made a test entitlement: sent whatever the
     * intents.
     */
    ENTITLEMENT_CREATE(null, null),

    /** An entitlement changed, as a subscription that ends: sent whatever the intents. */
    ENTITLEMENT_UPDATE(null, null),

    /** An entitlement was taken back (a refund, a test entitlement deleted). */
    ENTITLEMENT_DELETE(null, null);

    private final @Nullable Intent inGuild;

    private final @Nullable Intent inDirectMessage;

    GatewayEvent(@Nullable Intent inGuild, @Nullable Intent inDirectMessage) {
        this.inGuild = inGuild;
        this.inDirectMessage = inDirectMessage;
    }

    /**
     * The intent a session needs for this event in a guild, or in a direct message
     * ({@code guildId} 0); null when every session receives it.
     * @throws IllegalArgumentException for a guild-only event outside a guild
     */
    public @Nullable Intent intent(long guildId) {
        if (guildId != 0 || isUngated()) {
            return this.inGuild;
        }
        if (this.inDirectMessage == null) {
            throw new IllegalArgumentException(this + " happens only in guilds");
        }
        return this.inDirectMessage;
    }

    /** Whether a session with these intents receives the event from this guild. */
    public boolean reaches(long intents, long guildId) {
        Intent needed = intent(guildId);
        return needed == null || needed.in(intents);
    }

    private boolean isUngated() {
        return this.inGuild == null && this.inDirectMessage == null;
    }

}
