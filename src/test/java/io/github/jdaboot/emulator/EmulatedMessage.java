package io.github.jdaboot.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A message as the emulator stored it, users' and the bot's alike.
 *
 * @param id the message id
 * @param channelId the channel it was sent in
 * @param guildId the guild, 0 in a DM
 * @param author who sent it
 * @param content the text
 * @param timestamp when it was sent
 * @param editedTimestamp when it was last edited, null if never
 * @param referencedMessageId the message it replies to, 0 for none
 * @param mentionEveryone whether it pings {@code @everyone} or {@code @here} for real
 * @param mentionUserIds the users it pings for real
 * @param mentionRoleIds the roles it pings for real
 * @param attachments the files attached to it
 * @param embeds the embeds as sent
 * @param components the components as stored, with Discord's numeric ids
 * @param flags the message flags (64 = ephemeral)
 * @param nonce the nonce the sender gave, if any
 * @param webhookId the webhook (application id for interaction responses) that sent it, 0
 * for none
 * @param interactionId the interaction it answers, 0 for none
 * @param type Discord's message type: 0 default, 19 reply (also answering a component),
 * 20 chat input command
 */
public record EmulatedMessage(long id, long channelId, long guildId, EmulatedUser author, String content,
        Instant timestamp, @Nullable Instant editedTimestamp, long referencedMessageId, boolean mentionEveryone,
        List<Long> mentionUserIds, List<Long> mentionRoleIds, List<EmulatedAttachment> attachments,
        List<JsonNode> embeds, List<JsonNode> components, int flags, @Nullable String nonce, long webhookId,
        long interactionId, int type) {

    public static final int FLAG_EPHEMERAL = 64;

    public static final int FLAG_COMPONENTS_V2 = 1 << 15;

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    public boolean isReply() {
        return this.referencedMessageId != 0;
    }

    /** Whether this message replies to the given one. */
    public boolean repliesTo(EmulatedMessage other) {
        return this.referencedMessageId == other.id();
    }

    public boolean isEphemeral() {
        return (this.flags & FLAG_EPHEMERAL) != 0;
    }

    /** Whether it is laid out with components (flag IS_COMPONENTS_V2). */
    public boolean isLayout() {
        return (this.flags & FLAG_COMPONENTS_V2) != 0;
    }

    /**
     * What it says: its content, or for a layout the text of its text displays, one per
     * line, in order.
     */
    public String text() {
        if (!isLayout()) {
            return this.content;
        }
        List<String> texts = new ArrayList<>();
        this.components.forEach((component) -> texts(component, texts));
        return String.join("\n", texts);
    }

    private static void texts(JsonNode component, List<String> texts) {
        if (component.path("type").asInt(0) == 10) {
            texts.add(component.path("content").asString(""));
        }
        component.path("components").forEach((child) -> texts(child, texts));
    }

    /** The text of the message and of its attachments' names, for assertions. */
    @Override
    public String toString() {
        return "Message[" + idString() + " by " + this.author.username() + ": " + this.content
                + (this.attachments.isEmpty() ? "" : " +" + this.attachments) + "]";
    }

    /**
     * A file attached to a message.
     *
     * @param id the attachment id
     * @param filename the file name
     * @param contentType the media type, if given
     * @param data the bytes
     */
    public record EmulatedAttachment(long id, String filename, @Nullable String contentType, byte[] data) {

        public String text() {
            return new String(this.data, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return this.filename + " (" + this.data.length + " bytes)";
        }
    }
}
