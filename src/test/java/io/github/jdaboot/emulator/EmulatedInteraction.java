package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Something a user did that the bot hears of as INTERACTION_CREATE: a slash, user or
 * message command, an option typed with autocomplete, a click or a pick on one of the
 * bot's components, or a modal submitted; and what the bot did about it: how and when it
 * acknowledged it (reply, defer, update the message, open a modal, suggest choices) and
 * the messages it sent in response.
 */
public final class EmulatedInteraction {

    /**
     * Interaction type 2: a slash command, or a user or message command (context menu).
     */
    public static final int APPLICATION_COMMAND = 2;

    /** Interaction type 3: a button clicked or a select picked. */
    public static final int MESSAGE_COMPONENT = 3;

    /** Interaction type 4: an option with autocomplete being typed. */
    public static final int APPLICATION_COMMAND_AUTOCOMPLETE = 4;

    /** Interaction type 5: a modal submitted. */
    public static final int MODAL_SUBMIT = 5;

    /** Callback type 4: a message in response. */
    public static final int CHANNEL_MESSAGE = 4;

    /** Callback type 5: deferred, "thinking...", the message follows. */
    public static final int DEFERRED_CHANNEL_MESSAGE = 5;

    /** Callback type 6: deferred, the message with the component is edited later. */
    public static final int DEFERRED_UPDATE_MESSAGE = 6;

    /** Callback type 7: the message with the component is edited. */
    public static final int UPDATE_MESSAGE = 7;

    /** Callback type 8: the choices suggested for an option being typed. */
    public static final int AUTOCOMPLETE_RESULT = 8;

    /** Callback type 9: a modal opens. */
    public static final int MODAL = 9;

    /**
     * A choice the bot suggested for an option being typed.
     *
     * @param name what the user sees
     * @param value what picking it gives the option: a {@link String}, {@link Long} or
     * {@link Double} by the option's type
     */
    public record Choice(String name, Object value) {
    }

    private final long id;

    private final String token;

    private final int type;

    private final JsonNode data;

    private final EmulatedChannel channel;

    private final EmulatedUser user;

    private final long messageId;

    private final @Nullable EmulatedInteraction source;

    private final Map<Integer, Long> owners;

    private final Instant created;

    private final EmulatorWorld world;

    private volatile int callbackType;

    private volatile @Nullable Instant acknowledged;

    private volatile long originalMessageId;

    private volatile boolean followedUpAfterDefer;

    private volatile @Nullable EmulatedModal modal;

    private volatile List<Choice> choices = List.of();

    /**
     * @param data the interaction's {@code data} as the bot receives it
     * @param messageId the message with the component (also for a modal opened from one),
     * 0 for none
     * @param source for a modal submitted, the interaction the bot answered with the
     * modal
     * @param owners who authorized the application for it, by integration type
     */
    EmulatedInteraction(long id, String token, int type, JsonNode data, EmulatedChannel channel, EmulatedUser user,
            long messageId, @Nullable EmulatedInteraction source, Map<Integer, Long> owners, EmulatorWorld world) {
        this.id = id;
        this.token = token;
        this.type = type;
        this.data = data;
        this.channel = channel;
        this.user = user;
        this.messageId = messageId;
        this.source = source;
        this.owners = Map.copyOf(owners);
        this.world = world;
        this.created = world.now();
    }

    /**
     * Who authorized the application for this interaction, Discord's
     * {@code authorizing_integration_owners}: by integration type ({@code 0} server
     * install, {@code 1} user install), the guild's id ({@code 0} in the bot's DM) or the
     * user's who installed it.
     */
    public Map<Integer, Long> integrationOwners() {
        return this.owners;
    }

    public long id() {
        return this.id;
    }

    /**
     * The interaction's token, as the bot uses it in its callback and webhook routes
     * ({@code /webhooks/{application_id}/{interaction_token}/...}).
     */
    public String token() {
        return this.token;
    }

    /** The interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return this.type;
    }

    /** The command's name, also for autocomplete; null for a component or a modal. */
    public @Nullable String commandName() {
        return isCommand() ? this.data.path("name").asString() : null;
    }

    /**
     * The command's type: 1 slash command, 2 user command, 3 message command; 0 for a
     * component or a modal.
     */
    public int commandType() {
        return isCommand() ? this.data.path("type").asInt() : 0;
    }

    /**
     * The custom id of the component clicked or picked, or of the modal submitted; null
     * for a command.
     */
    public @Nullable String customId() {
        return isCommand() ? null : this.data.path("custom_id").asString();
    }

    /**
     * The values picked in a select menu, Discord's {@code data.values}; empty for other
     * interactions.
     */
    public List<String> values() {
        return this.data.path("values").valueStream().map(JsonNode::asString).toList();
    }

    /**
     * The user or message a user or message command was run on; 0 for other interactions.
     */
    public long targetId() {
        return Long.parseUnsignedLong(this.data.path("target_id").asString("0"));
    }

    private boolean isCommand() {
        return this.type == APPLICATION_COMMAND || this.type == APPLICATION_COMMAND_AUTOCOMPLETE;
    }

    /** The {@code data} the bot received. */
    JsonNode data() {
        return this.data;
    }

    public EmulatedChannel channel() {
        return this.channel;
    }

    public EmulatedUser user() {
        return this.user;
    }

    /**
     * The message with the component, as it is now; for a modal submitted, the message
     * the modal was opened from.
     */
    public Optional<EmulatedMessage> message() {
        return (this.messageId == 0) ? Optional.empty() : this.world.message(this.messageId);
    }

    long messageId() {
        return this.messageId;
    }

    @Nullable EmulatedInteraction source() {
        return this.source;
    }

    /** The modal the bot opened in answer (callback 9), if it did. */
    public Optional<EmulatedModal> modal() {
        return Optional.ofNullable(this.modal);
    }

    /** The choices the bot suggested (callback 8), empty until then. */
    public List<Choice> choices() {
        return this.choices;
    }

    /**
     * The callback type the bot acknowledged with (4 reply, 5 deferred, 6/7 update, 8
     * choices, 9 modal), 0 until then.
     */
    public int callbackType() {
        return this.callbackType;
    }

    public boolean isDeferred() {
        return this.callbackType == DEFERRED_CHANNEL_MESSAGE;
    }

    /**
     * When the interaction was sent to the bot (INTERACTION_CREATE), by the emulator's
     * clock.
     */
    public Instant created() {
        return this.created;
    }

    /** How long the bot took to acknowledge, by the emulator's clock, if it did. */
    public Optional<Duration> acknowledgedAfter() {
        Instant at = this.acknowledged;
        return (at != null) ? Optional.of(Duration.between(this.created, at)) : Optional.empty();
    }

    /** How long ago a user started it, by the emulator's clock. */
    Duration age() {
        return Duration.between(this.created, this.world.now());
    }

    void acknowledge(int type, long originalMessageId, @Nullable EmulatedModal modal, List<Choice> choices) {
        synchronized (this) {
            this.modal = modal;
            this.choices = List.copyOf(choices);
            this.originalMessageId = originalMessageId;
            this.acknowledged = this.world.now();
            this.callbackType = type;
        }
        this.world.changed();
    }

    long originalMessageId() {
        return this.originalMessageId;
    }

    /**
     * True the first time it is called after a deferral: that follow-up edits the
     * "thinking" message.
     */
    synchronized boolean takeFirstFollowUpAfterDefer() {
        if (this.callbackType == DEFERRED_CHANNEL_MESSAGE && !this.followedUpAfterDefer) {
            this.followedUpAfterDefer = true;
            return true;
        }
        return false;
    }

    /**
     * The messages the bot sent for this interaction, the original response first (not
     * the message it updated).
     */
    public List<EmulatedMessage> responses() {
        return this.world.allMessages().stream().filter((message) -> message.interactionId() == this.id).toList();
    }

    /**
     * Waits for the bot to acknowledge the interaction.
     * @return the callback type
     * @throws AssertionError when it does not in time
     */
    public int awaitCallback(Duration timeout) {
        if (!this.world.await(() -> this.callbackType != 0, timeout)) {
            throw new AssertionError("The bot did not acknowledge " + this + " within " + timeout);
        }
        return this.callbackType;
    }

    /**
     * Waits for the bot to answer with a modal.
     * @throws AssertionError when it does not in time, or answers otherwise
     */
    public EmulatedModal awaitModal(Duration timeout) {
        int callback = awaitCallback(timeout);
        EmulatedModal opened = this.modal;
        if (opened == null) {
            throw new AssertionError("The bot answered " + this + " with callback type " + callback + ", not a modal");
        }
        return opened;
    }

    /**
     * Waits for the bot's choices for an option being typed.
     * @throws AssertionError when it does not answer in time
     */
    public List<Choice> awaitChoices(Duration timeout) {
        awaitCallback(timeout);
        return this.choices;
    }

    /**
     * Waits for the bot's visible response: the original reply, the deferred message once
     * it has content, or the message with the component once the bot updated it (callback
     * 7, or an edit after callback 6).
     * @throws AssertionError when none arrives in time
     */
    public EmulatedMessage awaitResponse(Duration timeout) {
        return this.world
            .awaitMessage((message) -> (message.interactionId() == this.id && (message.flags() & 128) == 0)
                    || (message.id() == this.messageId
                            && (this.callbackType == UPDATE_MESSAGE || this.callbackType == DEFERRED_UPDATE_MESSAGE)
                            && message.editedTimestamp() != null && !message.editedTimestamp().isBefore(this.created)),
                    timeout)
            .orElseThrow(() -> new AssertionError("The bot did not respond to " + this + " within " + timeout
                    + " (acknowledged with type " + this.callbackType + ")"));
    }

    @Override
    public String toString() {
        String what = switch (this.type) {
            case APPLICATION_COMMAND -> switch (commandType()) {
                case 2 -> "user command " + commandName();
                case 3 -> "message command " + commandName();
                default -> "/" + commandName();
            };
            case APPLICATION_COMMAND_AUTOCOMPLETE -> "autocomplete /" + commandName();
            case MESSAGE_COMPONENT -> "component " + customId();
            default -> "modal " + customId();
        };
        return "Interaction[" + what + " " + Long.toUnsignedString(this.id) + "]";
    }

}
