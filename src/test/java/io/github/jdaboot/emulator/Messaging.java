package io.github.jdaboot.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creating messages as Discord does: validation, nonces, mentions, storage, and the
 * MESSAGE_CREATE dispatch to every session that may see it (intents GUILD_MESSAGES /
 * DIRECT_MESSAGES, and content only with MESSAGE_CONTENT unless the bot is mentioned, it
 * is a DM or the bot wrote it); none for a DM between users or a group DM, which the bot
 * is not part of.
 */
final class Messaging {

    static final int MAX_CONTENT = 2000;

    /** Message flag: embeds are not shown. */
    private static final int SUPPRESS_EMBEDS = 1 << 2;

    private static final Duration NONCE_WINDOW = Duration.ofMinutes(5);

    private record NonceKey(long channelId, long authorId, String nonce) {
    }

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final Gateway gateway;

    /** Checks the SKUs of premium buttons. */
    private final Monetization monetization;

    private final Map<NonceKey, EmulatedMessage> nonces = new ConcurrentHashMap<>();

    private final Queue<String> repeatedNonces = new ConcurrentLinkedQueue<>();

    private final Polls polls;

    Messaging(EmulatorWorld world, Payloads payloads, Gateway gateway, Monetization monetization) {
        this.world = world;
        this.payloads = payloads;
        this.gateway = gateway;
        this.monetization = monetization;
        this.polls = new Polls(world, payloads, gateway, this);
    }

    /** The polls of messages: votes, their end, their voters. */
    Polls polls() {
        return this.polls;
    }

    /**
     * The nonces the bot sent again with enforce_nonce, each answered with the message it
     * first created: a second answer that Discord swallowed.
     */
    List<String> repeatedNonces() {
        return List.copyOf(this.repeatedNonces);
    }

    /** A user (not the bot) posts a message, as the Discord client would. */
    EmulatedMessage userSays(EmulatedChannel channel, EmulatedUser author, String content,
            List<EmulatedMessage.EmulatedAttachment> attachments) {
        EmulatedGuild guild = this.world.guild(channel.guildId()).orElse(null);
        if (guild != null && !guild.isMember(author.id())) {
            guild.addMember(author.id(), Set.of());
        }
        Mentions.Resolved mentions = Mentions.resolve(content, null, guild, author.id(), 0, this.world);
        EmulatedMessage message = new EmulatedMessage(this.world.nextId(), channel.id(), channel.guildId(), author,
                content, this.world.now(), null, 0, mentions.everyone(), mentions.users(), mentions.roles(),
                attachments, List.of(), List.of(), 0, null, 0, 0, 0);
        this.world.store(message);
        dispatchCreate(message);
        return message;
    }

    /**
     * A webhook posts: its author is a bot-flagged pseudo-user and the message carries
     * {@code webhook_id}.
     */
    EmulatedMessage webhookSays(EmulatedChannel channel, String name, String content) {
        long webhookId = this.world.nextId();
        EmulatedUser author = new EmulatedUser(webhookId, name, true);
        EmulatedMessage message = new EmulatedMessage(this.world.nextId(), channel.id(), channel.guildId(), author,
                content, this.world.now(), null, 0, false, List.of(), List.of(), List.of(), List.of(), List.of(), 0,
                null, webhookId, 0, 0);
        this.world.store(message);
        dispatchCreate(message);
        return message;
    }

    /**
     * The bot creates a message through REST (channel messages, or webhook/interaction
     * messages). A message answering a component, or a modal opened from one, replies to
     * the message the component is on.
     * @param channel where
     * @param body the JSON body (content, embeds, allowed_mentions, message_reference,
     * nonce, ...)
     * @param files the attached files
     * @param webhookId 0 for a plain channel message, else the application id
     * @param interactionId the interaction it answers, or 0
     * @param extraFlags flags to add (ephemeral, loading)
     * @return the stored message, or an earlier one with the same enforced nonce
     */
    EmulatedMessage botSends(EmulatedChannel channel, JsonNode body, List<EmulatedMessage.EmulatedAttachment> files,
            long webhookId, long interactionId, int extraFlags) {
        EmulatedUser bot = this.world.botUser();
        EmulatedGuild guild = this.world.guild(channel.guildId()).orElse(null);
        if (guild != null && webhookId == 0) {
            long permissions = guild.permissionsOf(bot.id());
            long needed = Permissions.VIEW_CHANNEL
                    | (channel.isThread() ? Permissions.SEND_MESSAGES_IN_THREADS : Permissions.SEND_MESSAGES);
            if ((permissions & needed) != needed) {
                throw new RestApi.DiscordError(403, 50013, "Missing Permissions");
            }
        }
        String nonce = Payloads.text(body, "nonce");
        boolean enforceNonce = body.path("enforce_nonce").asBoolean(false);
        NonceKey nonceKey = (nonce != null && enforceNonce) ? new NonceKey(channel.id(), bot.id(), nonce) : null;
        if (nonceKey != null) {
            EmulatedMessage earlier = this.nonces.get(nonceKey);
            if (earlier != null && earlier.timestamp().isAfter(this.world.now().minus(NONCE_WINDOW))) {
                this.repeatedNonces.add(nonce);
                return earlier;
            }
        }
        String content = body.path("content").asString("");
        if (content.length() > MAX_CONTENT) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: content: Must be " + MAX_CONTENT + " or fewer in length.");
        }
        List<JsonNode> embeds = embeds(body.path("embeds"));
        int flags = body.path("flags").asInt(0) | extraFlags;
        FormErrors errors = new FormErrors();
        if ((flags & Components.FLAG_COMPONENTS_V2) != 0) {
            legacyFields(body, errors, "poll", "sticker_ids");
        }
        Polls.Draft poll = Polls.draft(body, errors);
        errors.refuse();
        List<JsonNode> components = Components.forMessage(body.path("components"), flags, media(channel, files));
        this.monetization.checkPremiumButtons(components);
        boolean loading = (extraFlags & 128) != 0;
        if (!loading && content.isBlank() && embeds.isEmpty() && files.isEmpty() && components.isEmpty()
                && !body.path("sticker_ids").isArray() && poll == null) {
            throw new RestApi.DiscordError(400, 50006, "Cannot send an empty message");
        }
        long referenced = 0;
        long repliedUser = 0;
        JsonNode reference = body.path("message_reference");
        if (reference.isObject() && reference.hasNonNull("message_id")) {
            long id = Long.parseUnsignedLong(reference.get("message_id").asString());
            EmulatedMessage target = this.world.message(id).filter((m) -> m.channelId() == channel.id()).orElse(null);
            if (target != null) {
                referenced = id;
                repliedUser = target.author().id();
            }
            else if (reference.path("fail_if_not_exists").asBoolean(true)) {
                throw new RestApi.DiscordError(400, 50035, "Invalid Form Body: message_reference: Unknown message");
            }
        }
        EmulatedInteraction interaction = this.world.interaction(interactionId).orElse(null);
        if (interaction != null && interaction.messageId() != 0) {
            referenced = interaction.messageId();
        }
        JsonNode allowed = body.get("allowed_mentions");
        Mentions.Resolved mentions = Mentions.resolve(content, (allowed == null || allowed.isNull()) ? null : allowed,
                guild, bot.id(), repliedUser, this.world);
        int type = (referenced != 0) ? 19 : (interactionId != 0) ? 20 : 0;
        EmulatedMessage message = new EmulatedMessage(this.world.nextId(), channel.id(), channel.guildId(), bot,
                content, this.world.now(), null, referenced, mentions.everyone(), mentions.users(), mentions.roles(),
                files, embeds, components, flags, nonce, webhookId, interactionId, type);
        if (nonceKey != null) {
            this.nonces.put(nonceKey, message);
        }
        if (poll != null) {
            this.polls.open(message, poll); // before it is stored: whoever sees the
                                            // message sees its poll
        }
        this.world.store(message);
        if (!message.isEphemeral()) {
            dispatchCreate(message);
        }
        return message;
    }

    /**
     * Refuses what a Components V2 message cannot have beside its components: text,
     * embeds, and the given fields ({@code poll}, {@code sticker_ids}), as Discord's 400
     * names them.
     */
    private static void legacyFields(JsonNode body, FormErrors errors, String... more) {
        List<String> fields = new ArrayList<>(List.of("content", "embeds"));
        fields.addAll(List.of(more));
        for (String field : fields) {
            JsonNode value = body.path(field);
            boolean empty = value.isMissingNode() || value.isNull() || (value.isString() && value.asString().isEmpty())
                    || (value.isArray() && value.isEmpty());
            if (!empty) {
                errors.add(field, "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                        "The '" + field + "' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
            }
        }
    }

    /**
     * How a layout's media are unfurled: {@code attachment://name} to the message's file
     * of that name, with its URL, id and type; other URLs as they are.
     */
    private Layouts.Media media(EmulatedChannel channel, List<EmulatedMessage.EmulatedAttachment> files) {
        return new Layouts.Media() {

            @Override
            public @Nullable ObjectNode unfurl(String url) {
                ObjectNode media = Messaging.this.payloads.object();
                if (!url.startsWith("attachment://")) {
                    media.put("id", Payloads.id(Messaging.this.world.nextId()));
                    media.put("url", url);
                    media.put("proxy_url", url);
                    return media;
                }
                EmulatedMessage.EmulatedAttachment file = file(url.substring("attachment://".length()));
                if (file == null) {
                    return null;
                }
                String location = Messaging.this.payloads.attachmentUrl(channel.id(), file);
                media.put("id", Payloads.id(file.id()));
                media.put("url", location);
                media.put("proxy_url", location);
                media.put("attachment_id", Payloads.id(file.id()));
                if (file.contentType() != null) {
                    media.put("content_type", file.contentType());
                }
                return media;
            }

            @Override
            public int size(String filename) {
                EmulatedMessage.EmulatedAttachment file = file(filename);
                return (file != null) ? file.data().length : 0;
            }

            private EmulatedMessage.@Nullable EmulatedAttachment file(String filename) {
                return files.stream().filter((file) -> file.filename().equals(filename)).findFirst().orElse(null);
            }

        };
    }

    /**
     * Applies an edit (content, embeds, components, flags) to a message and dispatches
     * MESSAGE_UPDATE; filling in a deferred response ("thinking") does not count as an
     * edit.
     */
    EmulatedMessage edit(EmulatedMessage original, JsonNode body, List<EmulatedMessage.EmulatedAttachment> files,
            boolean clearLoading) {
        if (this.world.poll(original.id()).isPresent()) {
            throw new RestApi.DiscordError(400, 520003, "Cannot edit a poll message");
        }
        FormErrors pollErrors = new FormErrors();
        Polls.Draft poll = Polls.draft(body, pollErrors);
        if (poll != null && (original.flags() & 128) == 0) {
            pollErrors.add("poll", "BASE_TYPE_INVALID",
                    "Polls can only be added when editing a deferred interaction response.");
        }
        pollErrors.refuse();
        String content = body.has("content") ? body.path("content").asString("") : original.content();
        if (content.length() > MAX_CONTENT) {
            throw new RestApi.DiscordError(400, 50035,
                    "Invalid Form Body: content: Must be " + MAX_CONTENT + " or fewer in length.");
        }
        List<JsonNode> embeds = body.has("embeds") ? embeds(body.path("embeds")) : original.embeds();
        int flags = flags(original, body, clearLoading);
        if ((flags & Components.FLAG_COMPONENTS_V2) != 0) {
            // what stays of the message must fit a layout: text and embeds are reset to
            // empty
            FormErrors errors = new FormErrors();
            ObjectNode after = this.payloads.object();
            after.put("content", content);
            after.set("embeds", this.payloads.array().addAll(embeds));
            legacyFields(after, errors);
            errors.refuse();
        }
        List<EmulatedMessage.EmulatedAttachment> attachments = kept(original, body);
        attachments.addAll(files);
        EmulatedChannel channel = this.world.channel(original.channelId()).orElseThrow();
        List<JsonNode> components = body.has("components")
                ? Components.forMessage(body.path("components"), flags, media(channel, attachments))
                : original.components();
        this.monetization.checkPremiumButtons(components);
        EmulatedGuild guild = this.world.guild(original.guildId()).orElse(null);
        JsonNode allowed = body.get("allowed_mentions");
        Mentions.Resolved mentions = Mentions.resolve(content, (allowed == null || allowed.isNull()) ? null : allowed,
                guild, original.author().id(), 0, this.world);
        EmulatedMessage edited = new EmulatedMessage(original.id(), original.channelId(), original.guildId(),
                original.author(), content, original.timestamp(),
                ((original.flags() & 128) != 0) ? original.editedTimestamp() : this.world.now(),
                original.referencedMessageId(), mentions.everyone(), mentions.users(), mentions.roles(), attachments,
                embeds, components, flags, original.nonce(), original.webhookId(), original.interactionId(),
                original.type());
        if (poll != null) {
            this.polls.open(edited, poll);
        }
        this.world.replace(edited);
        if (!edited.isEphemeral()) {
            dispatch(edited, GatewayEvent.MESSAGE_UPDATE);
        }
        return edited;
    }

    /**
     * The flags after an edit: only SUPPRESS_EMBEDS and IS_COMPONENTS_V2 can be edited,
     * and IS_COMPONENTS_V2 only set; a deferred response's "loading" is cleared when it
     * is filled in.
     * @throws RestApi.DiscordError 400 for an edit that takes IS_COMPONENTS_V2 off
     */
    private static int flags(EmulatedMessage original, JsonNode body, boolean clearLoading) {
        int flags = clearLoading ? (original.flags() & ~128) : original.flags();
        JsonNode edited = body.path("flags");
        if (edited.isMissingNode() || edited.isNull()) {
            return flags;
        }
        int editable = Components.FLAG_COMPONENTS_V2 | SUPPRESS_EMBEDS;
        int requested = edited.asInt(0);
        if ((flags & Components.FLAG_COMPONENTS_V2) != 0 && (requested & Components.FLAG_COMPONENTS_V2) == 0) {
            new FormErrors()
                .add("flags", "MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG",
                        "The IS_COMPONENTS_V2 flag cannot be removed from a message that has it")
                .refuse();
        }
        return (flags & ~editable) | (requested & editable);
    }

    /**
     * The attachments an edit keeps: those its {@code attachments} list by id, or all
     * when it has none.
     */
    private static List<EmulatedMessage.EmulatedAttachment> kept(EmulatedMessage original, JsonNode body) {
        List<EmulatedMessage.EmulatedAttachment> kept = new ArrayList<>(original.attachments());
        JsonNode listed = body.path("attachments");
        if (listed.isArray()) {
            Set<String> ids = new java.util.HashSet<>();
            listed.forEach((attachment) -> ids.add(attachment.path("id").asString("")));
            kept.removeIf((attachment) -> !ids.contains(Payloads.id(attachment.id())));
        }
        return kept;
    }

    /** Dispatches MESSAGE_UPDATE for a message whose poll changed, as Discord does. */
    void updated(EmulatedMessage message) {
        this.world.changed();
        if (!message.isEphemeral()) {
            dispatch(message, GatewayEvent.MESSAGE_UPDATE);
        }
    }

    /**
     * Posts the result message of a poll that ended: by the poll's author, replying to it
     * and mentioning the author, with the {@code poll_result} embed.
     */
    void pollResult(EmulatedMessage poll, ObjectNode embed, int type) {
        EmulatedMessage result = new EmulatedMessage(this.world.nextId(), poll.channelId(), poll.guildId(),
                poll.author(), "", this.world.now(), null, poll.id(), false, List.of(poll.author().id()), List.of(),
                List.of(), List.of(embed), List.of(), 0, null, 0, 0, type);
        this.world.store(result);
        dispatchCreate(result);
    }

    /**
     * Sets a flag of a message, such as crossposted, and dispatches MESSAGE_UPDATE; not
     * an edit of its content.
     */
    EmulatedMessage flag(EmulatedMessage message, int flag) {
        EmulatedMessage flagged = new EmulatedMessage(message.id(), message.channelId(), message.guildId(),
                message.author(), message.content(), message.timestamp(), message.editedTimestamp(),
                message.referencedMessageId(), message.mentionEveryone(), message.mentionUserIds(),
                message.mentionRoleIds(), message.attachments(), message.embeds(), message.components(),
                message.flags() | flag, message.nonce(), message.webhookId(), message.interactionId(), message.type());
        this.world.replace(flagged);
        dispatch(flagged, GatewayEvent.MESSAGE_UPDATE);
        return flagged;
    }

    /**
     * A user starts typing: TYPING_START to the sessions with the typing intent of that
     * kind of channel.
     */
    void typing(EmulatedChannel channel, EmulatedUser user) {
        if (channel.isPrivate()) {
            return;
        }
        EmulatedGuild guild = this.world.guild(channel.guildId()).orElse(null);
        this.gateway.dispatch(GatewayEvent.TYPING_START, channel.guildId(),
                () -> this.payloads.typingStart(channel, user, guild).toString());
    }

    /**
     * A user (or the bot) reacts to a message, once per emoji: MESSAGE_REACTION_ADD to
     * the sessions with the reactions intent.
     */
    void react(EmulatedMessage message, EmulatedUser user, String emoji) {
        if (!this.world.react(message.id(), emoji, user.id()) || unseen(message)) {
            return;
        }
        EmulatedGuild guild = this.world.guild(message.guildId()).orElse(null);
        this.gateway.dispatch(GatewayEvent.MESSAGE_REACTION_ADD, message.guildId(),
                () -> this.payloads.reactionAdd(message, user, emoji, guild).toString());
    }

    /**
     * A user takes a reaction off a message: MESSAGE_REACTION_REMOVE to the sessions with
     * the reactions intent.
     */
    void unreact(EmulatedMessage message, EmulatedUser user, String emoji) {
        if (this.world.unreact(message.id(), emoji, user.id()) && !unseen(message)) {
            this.gateway.dispatch(GatewayEvent.MESSAGE_REACTION_REMOVE, message.guildId(),
                    () -> this.payloads.reactionRemove(message, user, emoji).toString());
        }
    }

    void dispatchCreate(EmulatedMessage message) {
        dispatch(message, GatewayEvent.MESSAGE_CREATE);
    }

    /**
     * Whether the message is in a DM between users or a group DM: the bot is not there,
     * and hears of nothing in it.
     */
    private boolean unseen(EmulatedMessage message) {
        return this.world.channel(message.channelId()).map(EmulatedChannel::isPrivate).orElse(false);
    }

    private void dispatch(EmulatedMessage message, GatewayEvent event) {
        if (unseen(message)) {
            return;
        }
        ObjectNode full = this.payloads.message(message, true);
        boolean direct = message.guildId() == 0;
        boolean fromBot = message.author().id() == this.world.botUser().id();
        boolean mentionsBot = message.mentionUserIds().contains(this.world.botUser().id());
        boolean seesContent = direct || fromBot || mentionsBot;
        this.gateway.dispatch(event, message.guildId(), full::toString,
                (session) -> seesContent || session.has(Intent.MESSAGE_CONTENT));
        // the content is left out for sessions without MESSAGE_CONTENT: made only when
        // one of them is there
        this.gateway.dispatch(event, message.guildId(), () -> {
            ObjectNode redacted = full.deepCopy();
            redacted.put("content", "");
            redacted.putArray("embeds");
            redacted.putArray("attachments");
            redacted.putArray("components");
            return redacted.toString();
        }, (session) -> !seesContent && !session.has(Intent.MESSAGE_CONTENT));
    }

    private static List<JsonNode> list(@Nullable JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(result::add);
        }
        return result;
    }

    /**
     * Embeds as Discord stores them: JDA sends no {@code type}, Discord answers with
     * {@code rich}.
     */
    private static List<JsonNode> embeds(@Nullable JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode embed : list(array)) {
            if (embed instanceof ObjectNode object && !object.has("type")) {
                ObjectNode copy = object.deepCopy();
                copy.put("type", "rich");
                result.add(copy);
            }
            else {
                result.add(embed);
            }
        }
        return result;
    }

}
