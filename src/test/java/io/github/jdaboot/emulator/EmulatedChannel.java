package io.github.jdaboot.emulator;

/**
 * A channel known to the emulator.
 *
 * @param id the channel's id
 * @param guildId the guild's id, 0 for a direct-message channel
 * @param name the channel's name (the other user's name for a DM)
 * @param type Discord's channel type: 0 text, 1 DM, 11 public thread
 * @param parentId the parent text channel of a thread, else 0
 * @param recipientId the other user of a DM, else 0
 */
public record EmulatedChannel(long id, long guildId, String name, int type, long parentId, long recipientId) {

    static final int GUILD_TEXT = 0;
    static final int DM = 1;
    static final int PUBLIC_THREAD = 11;

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    public boolean isDirect() {
        return this.type == DM;
    }

    public boolean isThread() {
        return this.type == PUBLIC_THREAD;
    }

    /** The mention markup for this channel, {@code <#id>}. */
    public String mention() {
        return "<#" + idString() + ">";
    }
}
