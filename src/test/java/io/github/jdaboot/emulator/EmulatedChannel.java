package io.github.jdaboot.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A channel known to the emulator.
 *
 * @param id the channel's id
 * @param guildId the guild's id, 0 for a direct-message channel
 * @param name the channel's name (the other user's name for a DM)
 * @param type Discord's channel type: 0 text, 1 DM, 2 voice, 3 group DM, 4 category, 5
 * announcement, 11 public thread
 * @param parentId the parent text channel of a thread, the category of a guild channel,
 * else 0
 * @param recipientId the other user of a DM, else 0
 * @param topic the topic of a text or announcement channel, null for none
 * @param nsfw whether it is age-restricted
 * @param rateLimitPerUser the slowmode, seconds a user waits between messages
 * @param position its place in the guild's list
 * @param overwrites its permission overwrites, stored and sent (the emulator's own
 * permission checks use the guild's roles only)
 * @param members for a DM between users or a group DM, the users in it (the first owns a
 * group DM); empty for every other channel, the bot's DMs included
 */
public record EmulatedChannel(long id, long guildId, String name, int type, long parentId, long recipientId,
        @Nullable String topic, boolean nsfw, int rateLimitPerUser, int position, List<Overwrite> overwrites,
        List<Long> members) {

    static final int GUILD_TEXT = 0;
    static final int DM = 1;
    static final int GUILD_VOICE = 2;
    static final int GROUP_DM = 3;
    static final int GUILD_CATEGORY = 4;
    static final int GUILD_ANNOUNCEMENT = 5;
    static final int PUBLIC_THREAD = 11;

    /**
     * A permission overwrite of a channel.
     *
     * @param id the role's or the member's id
     * @param type 0 for a role, 1 for a member
     * @param allow the permission bits allowed
     * @param deny the permission bits denied
     */
    public record Overwrite(long id, int type, long allow, long deny) {
    }

    public EmulatedChannel {
        overwrites = List.copyOf(overwrites);
        members = List.copyOf(members);
    }

    /** A new channel of a type, without topic, slowmode or overwrites. */
    EmulatedChannel(long id, long guildId, String name, int type, long parentId, long recipientId) {
        this(id, guildId, name, type, parentId, recipientId, null, false, 0, 0, List.of(), List.of());
    }

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    /** Whether it is the bot's DM with a user. */
    public boolean isDirect() {
        return this.type == DM && this.members.isEmpty();
    }

    /**
     * Whether it is a DM between users or a group DM: the bot is not part of it, and only
     * the commands of an app a user installed to their account reach it.
     */
    public boolean isPrivate() {
        return !this.members.isEmpty();
    }

    public boolean isThread() {
        return this.type == PUBLIC_THREAD;
    }

    /**
     * Whether messages can be sent to it: a text or announcement channel, a thread, a DM,
     * a group DM.
     */
    public boolean isTextBased() {
        return this.type == GUILD_TEXT || this.type == GUILD_ANNOUNCEMENT || this.type == DM || this.type == GROUP_DM
                || isThread();
    }

    /** The mention markup for this channel, {@code <#id>}. */
    public String mention() {
        return "<#" + idString() + ">";
    }

}
