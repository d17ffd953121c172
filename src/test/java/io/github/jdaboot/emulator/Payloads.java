package io.github.jdaboot.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord's JSON shapes (API v10) for what the emulator sends: users, members, roles,
 * channels, guilds, READY and messages. Field names follow Discord's OpenAPI spec.
 */
final class Payloads {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")
        .withZone(ZoneOffset.UTC);

    private static final String INVALID_FORM_BODY = "Invalid Form Body";

    /**
     * {@code <field path>: <text>}, the path in lower case with dots, such as
     * {@code options.0.name}.
     */
    private static final Pattern FIELD_ERROR = Pattern.compile("([a-z_][a-z0-9_]*(?:\\.[a-z0-9_]+)*): (.+)");

    private static final Map<Pattern, String> FIELD_ERROR_CODES = new LinkedHashMap<>();

    static {
        FIELD_ERROR_CODES.put(Pattern.compile("^Must be \\d+ or fewer in length"), "BASE_TYPE_MAX_LENGTH");
        FIELD_ERROR_CODES.put(Pattern.compile("^Must be between \\d+ and \\d+ in length"), "BASE_TYPE_BAD_LENGTH");
        FIELD_ERROR_CODES.put(Pattern.compile("^Unknown message"), "MESSAGE_REFERENCE_UNKNOWN_MESSAGE");
        FIELD_ERROR_CODES.put(Pattern.compile("^Value must be one of"), "BASE_TYPE_CHOICES");
        FIELD_ERROR_CODES.put(Pattern.compile("expected an array"), "LIST_TYPE_CONVERT");
    }

    private final EmulatorWorld world;

    private volatile String baseUrl = "";

    Payloads(EmulatorWorld world) {
        this.world = world;
    }

    void baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    static String id(long id) {
        return Long.toUnsignedString(id);
    }

    ObjectNode object() {
        return this.world.json().createObjectNode();
    }

    ArrayNode array() {
        return this.world.json().createArrayNode();
    }

    ObjectNode user(EmulatedUser user) {
        ObjectNode json = object();
        json.put("id", user.idString());
        json.put("username", user.username());
        json.put("discriminator", "0");
        json.put("global_name", user.username());
        json.putNull("avatar");
        json.put("bot", user.bot());
        json.put("system", false);
        json.put("public_flags", 0);
        json.put("flags", 0);
        json.putNull("banner");
        json.putNull("accent_color");
        json.putNull("avatar_decoration_data");
        json.putNull("collectibles");
        json.putNull("primary_guild");
        return json;
    }

    /** The bot's own user, as {@code GET /users/@me} and READY describe it. */
    ObjectNode selfUser() {
        ObjectNode json = user(this.world.botUser());
        json.put("verified", true);
        json.put("mfa_enabled", false);
        json.putNull("email");
        json.put("locale", "en-US");
        json.put("premium_type", 0);
        return json;
    }

    ObjectNode role(EmulatedRole role, long guildId) {
        ObjectNode json = object();
        json.put("id", role.idString());
        json.put("name", role.name());
        json.put("description", (String) null);
        json.put("color", role.color());
        ObjectNode colors = json.putObject("colors");
        colors.put("primary_color", role.color());
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        json.put("hoist", role.hoist());
        json.putNull("icon");
        json.putNull("unicode_emoji");
        json.put("position", role.position());
        json.put("permissions", Long.toString(role.permissions()));
        json.put("managed", false);
        json.put("mentionable", role.mentionable());
        json.put("flags", 0);
        return json;
    }

    /**
     * A guild member; with {@code withUser=false} the partial member that MESSAGE_CREATE
     * carries.
     */
    ObjectNode member(EmulatedGuild guild, EmulatedUser user, boolean withUser) {
        ObjectNode json = object();
        if (withUser) {
            json.set("user", user(user));
        }
        json.put("nick", guild.nick(user.id()).orElse(null));
        json.putNull("avatar");
        json.putNull("banner");
        ArrayNode roles = json.putArray("roles");
        guild.rolesOf(user.id()).forEach((roleId) -> roles.add(id(roleId)));
        json.put("joined_at", timestamp(Instant.ofEpochMilli(Snowflakes.timestampOf(guild.id()))));
        json.putNull("premium_since");
        json.put("deaf", false);
        json.put("mute", false);
        json.put("flags", 0);
        json.put("pending", false);
        json.put("communication_disabled_until",
                guild.timeoutUntil(user.id())
                    .filter((until) -> until.isAfter(this.world.now()))
                    .map(Payloads::timestamp)
                    .orElse(null));
        return json;
    }

    ObjectNode channel(EmulatedChannel channel) {
        if (channel.isPrivate()) {
            return privateChannel(channel, null);
        }
        ObjectNode json = object();
        json.put("id", channel.idString());
        json.put("type", channel.type());
        json.put("flags", 0);
        json.putNull("last_message_id");
        if (channel.isDirect()) {
            ArrayNode recipients = json.putArray("recipients");
            this.world.user(channel.recipientId()).ifPresent((user) -> recipients.add(user(user)));
            return json;
        }
        json.put("guild_id", id(channel.guildId()));
        json.put("name", channel.name());
        json.put("position", channel.position());
        ArrayNode overwrites = json.putArray("permission_overwrites");
        for (EmulatedChannel.Overwrite overwrite : channel.overwrites()) {
            overwrites.addObject()
                .put("id", id(overwrite.id()))
                .put("type", overwrite.type())
                .put("allow", Long.toString(overwrite.allow()))
                .put("deny", Long.toString(overwrite.deny()));
        }
        json.put("nsfw", channel.nsfw());
        if (channel.type() == EmulatedChannel.GUILD_CATEGORY) {
            return json;
        }
        json.put("rate_limit_per_user", channel.rateLimitPerUser());
        if (channel.type() == EmulatedChannel.GUILD_VOICE) {
            json.put("parent_id", (channel.parentId() != 0) ? id(channel.parentId()) : null);
            json.put("bitrate", 64000);
            json.put("user_limit", 0);
            json.putNull("rtc_region");
            return json;
        }
        if (channel.isThread()) {
            json.put("parent_id", id(channel.parentId()));
            json.put("owner_id", this.world.botUser().idString());
            json.put("message_count", 0);
            json.put("member_count", 1);
            json.put("total_message_sent", 0);
            ObjectNode metadata = json.putObject("thread_metadata");
            metadata.put("archived", false);
            metadata.put("auto_archive_duration", 1440);
            metadata.put("archive_timestamp", timestamp(Instant.ofEpochMilli(Snowflakes.timestampOf(channel.id()))));
            metadata.put("locked", false);
            metadata.put("create_timestamp", timestamp(Instant.ofEpochMilli(Snowflakes.timestampOf(channel.id()))));
            json.putArray("applied_tags");
        }
        else {
            json.put("parent_id", (channel.parentId() != 0) ? id(channel.parentId()) : null);
            json.put("topic", channel.topic());
            json.put("last_pin_timestamp", this.world.lastPin(channel.id()).map(Payloads::timestamp).orElse(null));
            json.put("default_thread_rate_limit_per_user", 0);
        }
        return json;
    }

    /**
     * A guild, as {@code GET /guilds/{guild_id}} answers; GUILD_CREATE adds its gateway
     * fields.
     */
    ObjectNode guild(EmulatedGuild guild) {
        ObjectNode json = object();
        json.put("id", guild.idString());
        json.put("name", guild.name());
        json.putNull("icon");
        json.putNull("description");
        json.putNull("home_header");
        json.putNull("splash");
        json.putNull("discovery_splash");
        json.putArray("features");
        json.putNull("banner");
        json.put("owner_id", id(guild.ownerId()));
        json.putNull("application_id");
        json.put("region", "deprecated");
        json.putNull("afk_channel_id");
        json.put("afk_timeout", 300);
        EmulatedChannel first = guild.channels().stream().filter((c) -> !c.isThread()).findFirst().orElse(null);
        if (first != null) {
            json.put("system_channel_id", first.idString());
        }
        else {
            json.putNull("system_channel_id");
        }
        json.put("system_channel_flags", 0);
        json.put("widget_enabled", false);
        json.putNull("widget_channel_id");
        json.put("verification_level", 0);
        ArrayNode roles = json.putArray("roles");
        guild.roles().forEach((role) -> roles.add(role(role, guild.id())));
        json.put("default_message_notifications", 0);
        json.put("mfa_level", 0);
        json.put("explicit_content_filter", 0);
        json.putNull("max_presences");
        json.put("max_members", 500000);
        json.put("max_stage_video_channel_users", 50);
        json.put("max_video_channel_users", 25);
        json.putNull("vanity_url_code");
        json.put("premium_tier", 0);
        json.put("premium_subscription_count", 0);
        json.put("preferred_locale", guild.preferredLocale());
        json.putNull("rules_channel_id");
        json.putNull("safety_alerts_channel_id");
        json.putNull("public_updates_channel_id");
        json.put("premium_progress_bar_enabled", false);
        json.put("nsfw", false);
        json.put("nsfw_level", 0);
        json.putArray("emojis");
        json.putArray("stickers");
        json.putNull("incidents_data");
        return json;
    }

    /**
     * GUILD_CREATE: the guild with its roles, channels, threads and the bot's own member.
     */
    ObjectNode guildCreate(EmulatedGuild guild) {
        ObjectNode json = guild(guild);
        json.put("joined_at", timestamp(Instant.ofEpochMilli(Snowflakes.timestampOf(guild.id()))));
        json.put("large", false);
        json.put("unavailable", false);
        json.put("member_count", guild.memberIds().size());
        json.putArray("voice_states");
        ArrayNode members = json.putArray("members");
        members.add(member(guild, this.world.botUser(), true));
        ArrayNode channels = json.putArray("channels");
        ArrayNode threads = json.putArray("threads");
        for (EmulatedChannel channel : guild.channels()) {
            ObjectNode channelJson = channel(channel);
            if (channel.isThread()) {
                ObjectNode member = channelJson.putObject("member");
                member.put("join_timestamp", timestamp(Instant.ofEpochMilli(Snowflakes.timestampOf(channel.id()))));
                member.put("flags", 0);
                threads.add(channelJson);
            }
            else {
                channelJson.remove("guild_id");
                channels.add(channelJson);
            }
        }
        json.putArray("presences");
        json.putArray("stage_instances");
        json.putArray("guild_scheduled_events");
        json.putArray("soundboard_sounds");
        return json;
    }

    /**
     * GUILD_DELETE for a guild the bot left (no {@code unavailable}: it is not an
     * outage).
     */
    ObjectNode guildDelete(EmulatedGuild guild) {
        ObjectNode json = object();
        json.put("id", guild.idString());
        return json;
    }

    /**
     * TYPING_START: who, where and when (Unix seconds); in a guild with the member, user
     * included.
     */
    ObjectNode typingStart(EmulatedChannel channel, EmulatedUser user, @Nullable EmulatedGuild guild) {
        ObjectNode json = object();
        json.put("channel_id", channel.idString());
        json.put("user_id", user.idString());
        json.put("timestamp", this.world.now().getEpochSecond());
        if (guild != null) {
            json.put("guild_id", guild.idString());
            json.set("member", member(guild, user, true));
        }
        return json;
    }

    /**
     * MESSAGE_REACTION_ADD with a Unicode emoji; in a guild with the member, user
     * included.
     */
    ObjectNode reactionAdd(EmulatedMessage message, EmulatedUser user, String emoji, @Nullable EmulatedGuild guild) {
        ObjectNode json = object();
        json.put("user_id", user.idString());
        json.put("channel_id", id(message.channelId()));
        json.put("message_id", message.idString());
        json.put("message_author_id", message.author().idString());
        json.set("emoji", emoji(emoji));
        json.put("burst", false);
        json.put("type", 0);
        if (guild != null) {
            json.put("guild_id", guild.idString());
            json.set("member", member(guild, user, true));
        }
        return json;
    }

    /** A Unicode emoji, as reactions carry it. */
    ObjectNode emoji(String emoji) {
        ObjectNode json = object();
        json.putNull("id");
        json.put("name", emoji);
        return json;
    }

    /**
     * MESSAGE_REACTION_REMOVE: who took which reaction off which message; in a guild the
     * guild's id.
     */
    ObjectNode reactionRemove(EmulatedMessage message, EmulatedUser user, String emoji) {
        ObjectNode json = object();
        json.put("user_id", user.idString());
        json.put("channel_id", id(message.channelId()));
        json.put("message_id", message.idString());
        json.set("emoji", emoji(emoji));
        json.put("burst", false);
        json.put("type", 0);
        if (message.guildId() != 0) {
            json.put("guild_id", id(message.guildId()));
        }
        return json;
    }

    /**
     * The ids a message event carries without the message: {@code id} (or, with
     * {@code message}, {@code message_id}), {@code channel_id} and, in a guild,
     * {@code guild_id}.
     */
    ObjectNode messageIds(EmulatedMessage message, String idField) {
        ObjectNode json = object();
        json.put(idField, message.idString());
        json.put("channel_id", id(message.channelId()));
        if (message.guildId() != 0) {
            json.put("guild_id", id(message.guildId()));
        }
        return json;
    }

    /** GUILD_ROLE_CREATE and GUILD_ROLE_UPDATE: the guild's id and the role. */
    ObjectNode roleEvent(EmulatedGuild guild, EmulatedRole role) {
        ObjectNode json = object();
        json.put("guild_id", guild.idString());
        json.set("role", role(role, guild.id()));
        return json;
    }

    /**
     * GUILD_MEMBER_ADD and GUILD_MEMBER_UPDATE: the member, with its user, and the
     * guild's id.
     */
    ObjectNode memberEvent(EmulatedGuild guild, EmulatedUser user) {
        return member(guild, user, true).put("guild_id", guild.idString());
    }

    /**
     * GUILD_MEMBER_REMOVE, GUILD_BAN_ADD and GUILD_BAN_REMOVE: the guild's id and the
     * user.
     */
    ObjectNode userEvent(EmulatedGuild guild, EmulatedUser user) {
        ObjectNode json = object();
        json.put("guild_id", guild.idString());
        json.set("user", user(user));
        return json;
    }

    ObjectNode ready(GatewaySession session, List<EmulatedGuild> guilds, String resumeUrl) {
        ObjectNode json = object();
        json.put("v", 10);
        json.set("user", selfUser());
        ArrayNode guildStubs = json.putArray("guilds");
        for (EmulatedGuild guild : guilds) {
            ObjectNode stub = guildStubs.addObject();
            stub.put("id", guild.idString());
            stub.put("unavailable", true);
        }
        json.put("session_id", session.id());
        json.put("session_type", "normal");
        json.put("resume_gateway_url", resumeUrl);
        ArrayNode shard = json.putArray("shard");
        shard.add(session.shardId());
        shard.add(session.shardCount());
        ObjectNode application = json.putObject("application");
        application.put("id", id(this.world.applicationId()));
        application.put("flags", 0);
        json.putArray("private_channels");
        json.putArray("relationships");
        json.putArray("presences");
        json.putArray("guild_join_requests");
        json.putArray("geo_ordered_rtc_regions").add("emulator");
        json.putObject("user_settings");
        json.putArray("_trace").add("[\"discord-emulator\",{\"micros\":0}]");
        return json;
    }

    /**
     * A message object. With {@code gateway=true} it carries {@code guild_id} and the
     * author's partial {@code member}, as MESSAGE_CREATE does.
     */
    ObjectNode message(EmulatedMessage message, boolean gateway) {
        ObjectNode json = object();
        json.put("id", message.idString());
        json.put("type", message.type());
        json.put("content", message.content());
        json.put("channel_id", id(message.channelId()));
        json.set("author", user(message.author()));
        ArrayNode attachments = json.putArray("attachments");
        for (EmulatedMessage.EmulatedAttachment attachment : message.attachments()) {
            attachments.add(attachment(message, attachment));
        }
        ArrayNode embeds = json.putArray("embeds");
        message.embeds().forEach(embeds::add);
        EmulatedGuild guild = this.world.guild(message.guildId()).orElse(null);
        ArrayNode mentions = json.putArray("mentions");
        for (long userId : message.mentionUserIds()) {
            this.world.user(userId).ifPresent((user) -> {
                ObjectNode mentioned = user(user);
                if (guild != null && guild.isMember(user.id())) {
                    mentioned.set("member", member(guild, user, false));
                }
                mentions.add(mentioned);
            });
        }
        ArrayNode mentionRoles = json.putArray("mention_roles");
        message.mentionRoleIds().forEach((roleId) -> mentionRoles.add(id(roleId)));
        json.put("mention_everyone", message.mentionEveryone());
        json.put("pinned", this.world.pinnedAt(message.id()).isPresent());
        json.put("tts", false);
        json.put("timestamp", timestamp(message.timestamp()));
        json.put("edited_timestamp", (message.editedTimestamp() != null) ? timestamp(message.editedTimestamp()) : null);
        json.put("flags", message.flags());
        ArrayNode components = json.putArray("components");
        message.components().forEach(components::add);
        this.world.poll(message.id()).ifPresent((poll) -> json.set("poll", poll(poll)));
        List<EmulatedReaction> reactions = this.world.reactions(message.id());
        if (!reactions.isEmpty()) {
            ArrayNode array = json.putArray("reactions");
            for (EmulatedReaction reaction : reactions) {
                ObjectNode item = array.addObject();
                item.set("emoji", emoji(reaction.emoji()));
                item.put("count", reaction.userIds().size());
                item.putObject("count_details").put("burst", 0).put("normal", reaction.userIds().size());
                item.putArray("burst_colors");
                item.put("me", reaction.userIds().contains(this.world.botUser().id()));
                item.put("me_burst", false);
            }
        }
        if (message.nonce() != null) {
            json.put("nonce", message.nonce());
        }
        if (message.webhookId() != 0) {
            json.put("webhook_id", id(message.webhookId()));
            if (message.webhookId() == this.world.applicationId()) {
                json.put("application_id", id(this.world.applicationId()));
            }
        }
        EmulatedInteraction interaction = this.world.interaction(message.interactionId()).orElse(null);
        if (interaction != null) {
            ObjectNode metadata = interactionMetadata(interaction);
            if (interaction.originalMessageId() != 0 && interaction.originalMessageId() != message.id()) {
                metadata.put("original_response_message_id", id(interaction.originalMessageId()));
            }
            json.set("interaction_metadata", metadata);
            if (interaction.type() == EmulatedInteraction.APPLICATION_COMMAND) {
                // deprecated, still sent: a client shows "alice used /idea" from it
                ObjectNode about = json.putObject("interaction");
                about.put("id", id(interaction.id()));
                about.put("type", interaction.type());
                about.put("name", interaction.commandName());
                about.set("user", user(interaction.user()));
            }
        }
        if (message.referencedMessageId() != 0) {
            ObjectNode reference = json.putObject("message_reference");
            reference.put("type", 0);
            reference.put("message_id", id(message.referencedMessageId()));
            reference.put("channel_id", id(message.channelId()));
            if (message.guildId() != 0) {
                reference.put("guild_id", id(message.guildId()));
            }
            EmulatedMessage referenced = this.world.message(message.referencedMessageId()).orElse(null);
            if (referenced != null && referenced.referencedMessageId() == 0) {
                json.set("referenced_message", message(referenced, false));
            }
            else {
                json.putNull("referenced_message");
            }
        }
        if (gateway) {
            this.world.channel(message.channelId()).ifPresent((channel) -> json.put("channel_type", channel.type()));
        }
        if (gateway && message.guildId() != 0) {
            json.put("guild_id", id(message.guildId()));
            if (guild != null && guild.isMember(message.author().id())) {
                json.set("member", member(guild, message.author(), false));
            }
        }
        return json;
    }

    /**
     * Who ran the interaction a message answers, and how: a command, a component (with
     * the message it was on) or a modal (with the interaction that opened it).
     */
    private ObjectNode interactionMetadata(EmulatedInteraction interaction) {
        ObjectNode json = object();
        json.put("id", id(interaction.id()));
        json.put("type", interaction.type());
        json.set("user", user(interaction.user()));
        json.set("authorizing_integration_owners", owners(interaction.integrationOwners()));
        if (interaction.type() == EmulatedInteraction.MESSAGE_COMPONENT) {
            json.put("interacted_message_id", id(interaction.messageId()));
        }
        if (interaction.commandType() == RegisteredCommand.USER) {
            this.world.user(interaction.targetId()).ifPresent((target) -> json.set("target_user", user(target)));
        }
        if (interaction.commandType() == RegisteredCommand.MESSAGE) {
            json.put("target_message_id", id(interaction.targetId()));
        }
        if (interaction.source() != null) {
            json.set("triggering_interaction_metadata", interactionMetadata(interaction.source()));
        }
        return json;
    }

    /**
     * Who authorized the application for an interaction, as Discord's
     * {@code authorizing_integration_owners}: {@code "0"} (server install) the guild's
     * id, {@code "0"} in the bot's DM; {@code "1"} (user install) the user's id.
     */
    ObjectNode owners(Map<Integer, Long> owners) {
        ObjectNode json = object();
        owners.forEach((type, id) -> json.put(String.valueOf(type), id(id)));
        return json;
    }

    /**
     * A DM between users or a group DM as an interaction's {@code channel} carries it:
     * its recipients are the others than the user who acted (all its users when null).
     */
    ObjectNode privateChannel(EmulatedChannel channel, @Nullable EmulatedUser user) {
        ObjectNode json = object();
        json.put("id", channel.idString());
        json.put("type", channel.type());
        json.put("flags", 0);
        json.putNull("last_message_id");
        ArrayNode recipients = json.putArray("recipients");
        channel.members()
            .stream()
            .filter((member) -> user == null || member != user.id())
            .forEach((member) -> this.world.user(member).ifPresent((other) -> recipients.add(user(other))));
        if (channel.type() == EmulatedChannel.GROUP_DM) {
            json.put("name", channel.name());
            json.putNull("icon");
            json.put("owner_id", id(channel.members().getFirst()));
        }
        return json;
    }

    /**
     * Adds a user (with the member in a guild), role or channel to an interaction's
     * {@code resolved} data.
     */
    void resolve(ObjectNode resolved, Object entity, @Nullable EmulatedGuild guild) {
        switch (entity) {
            case EmulatedUser user -> {
                resolved.withObjectProperty("users").set(user.idString(), user(user));
                if (guild != null && guild.isMember(user.id())) {
                    ObjectNode member = member(guild, user, false);
                    member.put("permissions", Long.toString(guild.permissionsOf(user.id())));
                    resolved.withObjectProperty("members").set(user.idString(), member);
                }
            }
            case EmulatedRole role -> resolved.withObjectProperty("roles").set(role.idString(), role(role, 0));
            case EmulatedChannel channel -> {
                ObjectNode channelJson = channel(channel);
                channelJson.put("permissions", Long.toString(Permissions.ALL));
                resolved.withObjectProperty("channels").set(channel.idString(), channelJson);
            }
            default -> throw new IllegalArgumentException("Not a user, role or channel: " + entity);
        }
    }

    ObjectNode attachment(EmulatedMessage message, EmulatedMessage.EmulatedAttachment attachment) {
        ObjectNode json = object();
        json.put("id", id(attachment.id()));
        json.put("filename", attachment.filename());
        json.put("size", attachment.data().length);
        String url = attachmentUrl(message.channelId(), attachment);
        json.put("url", url);
        json.put("proxy_url", url);
        if (attachment.contentType() != null) {
            json.put("content_type", attachment.contentType());
        }
        json.put("flags", 0);
        return json;
    }

    /** Where the emulator serves a file attached to a message of the channel. */
    String attachmentUrl(long channelId, EmulatedMessage.EmulatedAttachment attachment) {
        return this.baseUrl + "/attachments/" + id(channelId) + "/" + id(attachment.id()) + "/" + attachment.filename();
    }

    /**
     * A message's poll: question, answers, expiry and the results, as the bot sees them
     * (it never votes).
     */
    ObjectNode poll(EmulatedPoll poll) {
        ObjectNode json = object();
        json.putObject("question").put("text", poll.question());
        ArrayNode answers = json.putArray("answers");
        for (EmulatedPoll.Answer answer : poll.answers()) {
            ObjectNode item = answers.addObject();
            item.put("answer_id", answer.id());
            ObjectNode media = item.putObject("poll_media");
            media.put("text", answer.text());
            if (answer.emoji() != null) {
                media.set("emoji", answer.emoji().deepCopy());
            }
        }
        json.put("expiry", timestamp(poll.expiry()));
        json.put("allow_multiselect", poll.isMultiselect());
        json.put("layout_type", 1);
        ObjectNode results = json.putObject("results");
        results.put("is_finalized", poll.isFinalized());
        ArrayNode counts = results.putArray("answer_counts");
        poll.counts().forEach((answer, count) -> {
            if (count > 0) {
                counts.addObject().put("id", answer).put("count", count).put("me_voted", false);
            }
        });
        return json;
    }

    /** MESSAGE_POLL_VOTE_ADD and _REMOVE: who, on which message, which answer. */
    ObjectNode pollVote(EmulatedMessage message, EmulatedUser user, int answer) {
        ObjectNode json = object();
        json.put("user_id", user.idString());
        json.put("channel_id", id(message.channelId()));
        json.put("message_id", message.idString());
        if (message.guildId() != 0) {
            json.put("guild_id", id(message.guildId()));
        }
        json.put("answer_id", answer);
        return json;
    }

    /**
     * Discord's JSON error body for an error: with its {@code errors} object when it has
     * one.
     */
    String error(RestApi.DiscordError error) {
        if (error.errors() == null) {
            return error(error.code(), error.getMessage());
        }
        ObjectNode json = object();
        json.put("code", error.code());
        json.put("message", INVALID_FORM_BODY);
        json.set("errors", error.errors());
        return json.toString();
    }

    /**
     * Discord's JSON error body: {@code code} and {@code message}. For 50035 a message
     * {@code "Invalid Form Body: <field path>: <text>"} becomes Discord's field errors,
     * {@code "errors": {"<field>": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH",
     * "message": "<text>"}]}}}, with a dotted path ({@code options.0.name}) nested key by
     * key; without a field path the error is the request's own, in
     * {@code errors._errors}.
     */
    String error(int code, String message) {
        ObjectNode json = object();
        json.put("code", code);
        if (code != 50035 || !message.startsWith(INVALID_FORM_BODY)) {
            json.put("message", message);
            return json.toString();
        }
        json.put("message", INVALID_FORM_BODY);
        String detail = message.substring(INVALID_FORM_BODY.length()).replaceFirst("^:\\s*", "");
        ObjectNode at = json.putObject("errors");
        Matcher field = FIELD_ERROR.matcher(detail);
        if (field.matches()) {
            for (String key : field.group(1).split("\\.")) {
                at = at.putObject(key);
            }
            detail = field.group(2);
        }
        ObjectNode error = at.putArray("_errors").addObject();
        error.put("code", fieldErrorCode(detail));
        error.put("message", detail.isEmpty() ? INVALID_FORM_BODY : detail);
        return json.toString();
    }

    /** Discord's code for a field error, from the emulator's message for it. */
    private static String fieldErrorCode(String message) {
        for (Map.Entry<Pattern, String> code : FIELD_ERROR_CODES.entrySet()) {
            if (code.getKey().matcher(message).find()) {
                return code.getValue();
            }
        }
        return "BASE_TYPE_INVALID";
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return (value == null || value.isNull()) ? null : value.asString();
    }

}
