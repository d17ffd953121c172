package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A slash command a user ran, and what the bot did about it: when and how it acknowledged it
 * (reply, or defer) and the messages it sent in response.
 */
public final class EmulatedInteraction {

    /** Callback type 4: a message in response. */
    public static final int CHANNEL_MESSAGE = 4;

    /** Callback type 5: deferred, "thinking...", the message follows. */
    public static final int DEFERRED_CHANNEL_MESSAGE = 5;

    private final long id;
    private final String token;
    private final String commandName;
    private final EmulatedChannel channel;
    private final EmulatedUser user;
    private final long createdNanos = System.nanoTime();
    private final EmulatorWorld world;
    private volatile int callbackType;
    private volatile long acknowledgedNanos;
    private volatile long originalMessageId;
    private volatile boolean followedUpAfterDefer;

    EmulatedInteraction(long id, String token, String commandName, EmulatedChannel channel, EmulatedUser user,
            EmulatorWorld world) {
        this.id = id;
        this.token = token;
        this.commandName = commandName;
        this.channel = channel;
        this.user = user;
        this.world = world;
    }

    public long id() {
        return this.id;
    }

    String token() {
        return this.token;
    }

    public String commandName() {
        return this.commandName;
    }

    public EmulatedChannel channel() {
        return this.channel;
    }

    public EmulatedUser user() {
        return this.user;
    }

    /** The callback type the bot acknowledged with (4 reply, 5 deferred), 0 while unacknowledged. */
    public int callbackType() {
        return this.callbackType;
    }

    public boolean isDeferred() {
        return this.callbackType == DEFERRED_CHANNEL_MESSAGE;
    }

    /** How long the bot took to acknowledge, if it did. */
    public Optional<Duration> acknowledgedAfter() {
        long at = this.acknowledgedNanos;
        return (this.callbackType == 0) ? Optional.empty() : Optional.of(Duration.ofNanos(at - this.createdNanos));
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - this.createdNanos);
    }

    synchronized void acknowledge(int type, long originalMessageId) {
        this.callbackType = type;
        this.acknowledgedNanos = System.nanoTime();
        this.originalMessageId = originalMessageId;
    }

    long originalMessageId() {
        return this.originalMessageId;
    }

    /** True the first time it is called after a deferral: that follow-up edits the "thinking" message. */
    synchronized boolean takeFirstFollowUpAfterDefer() {
        if (this.callbackType == DEFERRED_CHANNEL_MESSAGE && !this.followedUpAfterDefer) {
            this.followedUpAfterDefer = true;
            return true;
        }
        return false;
    }

    /** The messages the bot sent for this interaction, the original response first. */
    public List<EmulatedMessage> responses() {
        return this.world.allMessages().stream().filter((message) -> message.interactionId() == this.id).toList();
    }

    /**
     * Waits for the bot's visible response: the original reply, or the deferred message once it has content.
     * @throws AssertionError when none arrives in time
     */
    public EmulatedMessage awaitResponse(Duration timeout) {
        return this.world
            .awaitMessage((message) -> message.interactionId() == this.id && (message.flags() & 128) == 0, timeout)
            .orElseThrow(() -> new AssertionError("The bot did not respond to /" + this.commandName + " within "
                    + timeout + " (acknowledged with type " + this.callbackType + ")"));
    }

    @Override
    public String toString() {
        return "Interaction[/" + this.commandName + " " + Long.toUnsignedString(this.id) + "]";
    }
}
