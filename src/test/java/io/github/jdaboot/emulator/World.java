package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The emulated Discord's world, {@code discord.world()}: the bot, guilds, channels,
 * roles, users (and their locales) and messages. Users act through it
 * ({@code world.as(alice).says(general, ".idea")}), and tests wait for and read what the
 * bot answered.
 */
public final class World {

    private final EmulatorWorld state;

    private final Payloads payloads;

    private final Messaging messaging;

    private final CommandRegistry commands;

    private final InteractionDispatcher interactions;

    private final Gateway gateway;

    private final Monetization monetization;

    World(EmulatorWorld state, Payloads payloads, Messaging messaging, CommandRegistry commands,
            InteractionDispatcher interactions, Gateway gateway, Monetization monetization) {
        this.state = state;
        this.payloads = payloads;
        this.messaging = messaging;
        this.commands = commands;
        this.interactions = interactions;
        this.gateway = gateway;
        this.monetization = monetization;
    }

    public EmulatedUser bot() {
        return this.state.botUser();
    }

    public long applicationId() {
        return this.state.applicationId();
    }

    /** The first guild. */
    public EmulatedGuild guild() {
        EmulatedGuild first = this.state.firstGuild();
        if (first == null) {
            throw new IllegalStateException("The world has no guild");
        }
        return first;
    }

    public List<EmulatedGuild> guilds() {
        return this.state.guilds();
    }

    /**
     * A channel of any guild by name ({@code general}, or {@code brainstorm} for a
     * thread).
     */
    public EmulatedChannel channel(String name) {
        return this.state.guilds()
            .stream()
            .flatMap((guild) -> guild.channels().stream())
            .filter((channel) -> channel.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No channel named " + name));
    }

    public Optional<EmulatedChannel> channel(long id) {
        return this.state.channel(id);
    }

    /** A human user by name, created (and added to every guild) on first use. */
    public EmulatedUser user(String name) {
        return this.state.userNamed(name).orElseGet(() -> {
            EmulatedUser user = this.state.addUser(name, false);
            this.state.guilds().forEach((guild) -> guild.addMember(user.id(), Set.of()));
            return user;
        });
    }

    public Optional<EmulatedUser> user(long id) {
        return this.state.user(id);
    }

    public List<EmulatedUser> users() {
        return this.state.users();
    }

    /** Another bot account, member of every guild. */
    public EmulatedUser addBotUser(String name) {
        EmulatedUser user = this.state.addUser(name, true);
        this.state.guilds().forEach((guild) -> guild.addMember(user.id(), Set.of()));
        return user;
    }

    /**
     * A guild owned by the user, with the bot as a member holding a role that may read
     * and write.
     */
    public EmulatedGuild addGuild(String name, EmulatedUser owner) {
        return withMembers(this.state.addGuild(name, owner.id()), owner);
    }

    /**
     * A guild as {@link #addGuild(String, EmulatedUser)}, with an id Discord routes to
     * the shard of {@code shardCount}.
     */
    public EmulatedGuild addGuild(String name, EmulatedUser owner, int shardId, int shardCount) {
        return withMembers(this.state.addGuild(name, owner.id(), shardId, shardCount), owner);
    }

    private EmulatedGuild withMembers(EmulatedGuild guild, EmulatedUser owner) {
        guild.addMember(owner.id(), Set.of());
        EmulatedRole botRole = addRole(guild, bot().username(),
                Permissions.EVERYONE_DEFAULT | Permissions.EMBED_LINKS | Permissions.ATTACH_FILES, false);
        guild.addMember(bot().id(), Set.of(botRole.id()));
        return guild;
    }

    /**
     * The bot leaves the guild (kicked, or the guild deleted): the guild is gone from the
     * world, and a connected bot hears of it through GUILD_DELETE, as from Discord.
     */
    public void removeGuild(EmulatedGuild guild) {
        this.state.removeGuild(guild);
        this.gateway.dispatch(GatewayEvent.GUILD_DELETE, guild.id(), () -> this.payloads.guildDelete(guild).toString());
    }

    public EmulatedRole addRole(EmulatedGuild guild, String name, long permissions, boolean mentionable) {
        EmulatedRole role = new EmulatedRole(this.state.nextId(), name, permissions, mentionable, guild.roles().size(),
                0, false);
        guild.addRole(role);
        return role;
    }

    public void grantRole(EmulatedGuild guild, EmulatedUser user, EmulatedRole role) {
        guild.grantRole(user.id(), role.id());
    }

    /**
     * A new text channel; a connected bot hears of it through CHANNEL_CREATE, as from
     * Discord.
     */
    public EmulatedChannel addTextChannel(EmulatedGuild guild, String name) {
        return addTextChannel(guild, name, false);
    }

    /**
     * A new text channel, age-restricted (nsfw) or not; the bot receives CHANNEL_CREATE.
     */
    public EmulatedChannel addTextChannel(EmulatedGuild guild, String name, boolean nsfw) {
        EmulatedChannel channel = this.state.addChannel(new EmulatedChannel(this.state.nextId(), guild.id(), name,
                EmulatedChannel.GUILD_TEXT, 0, 0, null, nsfw, 0, 0, List.of(), List.of()));
        this.gateway.dispatch(GatewayEvent.CHANNEL_CREATE, guild.id(), () -> this.payloads.channel(channel).toString());
        return channel;
    }

    public EmulatedChannel addThread(EmulatedChannel parent, String name) {
        return this.state.addChannel(new EmulatedChannel(this.state.nextId(), parent.guildId(), name,
                EmulatedChannel.PUBLIC_THREAD, parent.id(), 0));
    }

    /** The direct-message channel between the bot and the user. */
    public EmulatedChannel directChannel(EmulatedUser user) {
        return this.state.directChannel(user);
    }

    /**
     * The DM between two users, opened on first use: the bot is not in it, and only
     * commands of an app one of them installed to their account ({@link #installApp}) run
     * there.
     */
    public EmulatedChannel directChannel(EmulatedUser user, EmulatedUser other) {
        return this.state.privateChannel(List.of(user, other), null);
    }

    /** A new group DM of its owner and the others (2 to 10 users), without the bot. */
    public EmulatedChannel groupChannel(String name, EmulatedUser owner, EmulatedUser... others) {
        List<EmulatedUser> members = new ArrayList<>(List.of(owner));
        members.addAll(List.of(others));
        return this.state.privateChannel(members, name);
    }

    /** The DMs between users and the group DMs. */
    public List<EmulatedChannel> privateChannels() {
        return this.state.privateChannels();
    }

    /**
     * Installs the application to the user's account (Discord's user install): its
     * commands that allow it then run for this user in DMs and group DMs, and in servers
     * without the bot.
     */
    public void installApp(EmulatedUser user) {
        this.state.installed(user, true);
    }

    /** Takes the application off the user's account. */
    public void uninstallApp(EmulatedUser user) {
        this.state.installed(user, false);
    }

    /** Whether the user installed the application to their account. */
    public boolean hasInstalledApp(EmulatedUser user) {
        return this.state.installed(user.id());
    }

    /**
     * What the user does, as the Discord client would do it:
     * {@code world.as(alice).says(general, ".idea")}.
     */
    public Acting as(EmulatedUser user) {
        return new Acting(user);
    }

    /** What the user of this name does; the user is created on first use. */
    public Acting as(String name) {
        return as(user(name));
    }

    /** A webhook (an integration, not a user) posts a message in the channel. */
    public EmulatedMessage webhookSays(EmulatedChannel channel, String name, String content) {
        return this.messaging.webhookSays(channel, name, content);
    }

    public List<EmulatedMessage> messages(EmulatedChannel channel) {
        return this.state.messages(channel.id());
    }

    /** A stored message as it is now, edits included. */
    public Optional<EmulatedMessage> message(long id) {
        return this.state.message(id);
    }

    /** Every stored message, in id order. */
    public List<EmulatedMessage> allMessages() {
        return this.state.allMessages();
    }

    /** The reactions on the message, in the order their emojis were first used. */
    public List<EmulatedReaction> reactions(EmulatedMessage message) {
        return this.state.reactions(message.id());
    }

    /** When the message was pinned, if it is. */
    public Optional<Instant> pinnedAt(EmulatedMessage message) {
        return this.state.pinnedAt(message.id());
    }

    /** The poll of a message, with its votes, if it has one. */
    public Optional<EmulatedPoll> poll(EmulatedMessage message) {
        return this.state.poll(message.id());
    }

    /**
     * Ends a message's poll now, as its time running out would: final results,
     * MESSAGE_UPDATE, and the poll result message.
     */
    public void endPoll(EmulatedMessage message) {
        this.messaging.polls().end(message.id());
    }

    /**
     * The nonces of messages the bot sent a second time with {@code enforce_nonce}:
     * Discord answered each with the first message, so no user saw it, but the bot
     * answered twice.
     */
    public List<String> repeatedNonces() {
        return this.messaging.repeatedNonces();
    }

    /** The bot's messages that reply to this one. */
    public List<EmulatedMessage> repliesTo(EmulatedMessage message) {
        return this.state.repliesTo(message.id());
    }

    /**
     * Waits for the bot's first reply to the message.
     * @throws AssertionError when none arrives in time
     */
    public EmulatedMessage awaitReply(EmulatedMessage message, Duration timeout) {
        return awaitMessage((candidate) -> candidate.repliesTo(message), timeout)
            .orElseThrow(() -> new AssertionError("The bot did not reply to " + message + " within " + timeout));
    }

    /** Waits for a stored message that matches. */
    public Optional<EmulatedMessage> awaitMessage(Predicate<EmulatedMessage> predicate, Duration timeout) {
        return this.state.awaitMessage(predicate, timeout);
    }

    /**
     * The language the user set in Discord's client, an interaction's {@code locale};
     * {@code en-US} by default.
     */
    public String locale(EmulatedUser user) {
        return this.state.locale(user);
    }

    /**
     * Sets the user's language, one of Discord's locales such as {@code de},
     * {@code en-GB} or {@code pt-BR}.
     * @throws IllegalArgumentException for anything else
     */
    public void locale(EmulatedUser user, String locale) {
        this.state.locale(user, locale);
    }

    /**
     * Sets the guild's preferred locale, one of Discord's ({@code en-US} unless changed),
     * sent in the guild object and as an interaction's {@code guild_locale}; a connected
     * bot hears of it through GUILD_UPDATE.
     * @throws IllegalArgumentException for a locale Discord does not have
     */
    public void locale(EmulatedGuild guild, String locale) {
        guild.preferredLocale(locale);
        this.gateway.dispatch(GatewayEvent.GUILD_UPDATE, guild.id(), () -> this.payloads.guild(guild).toString());
    }

    /** The application commands registered globally (guild 0) or for a guild. */
    public List<RegisteredCommand> commands(long guildId) {
        return this.commands.commands(guildId);
    }

    /** Every interaction users started, in the order they started them. */
    public List<EmulatedInteraction> interactions() {
        return this.state.interactions();
    }

    /**
     * A file a user picked to upload in a form ({@code submits(modal, Map.of("sketch",
     * world.file(...)))}), with an id of its own.
     */
    public EmulatedMessage.EmulatedAttachment file(String filename, String contentType, byte[] data) {
        return new EmulatedMessage.EmulatedAttachment(this.state.nextId(), filename, contentType, data);
    }

    /** The application's emojis, oldest first. */
    public List<EmulatedApplicationEmoji> applicationEmojis() {
        return this.state.applicationEmojis();
    }

    /**
     * Adds an application emoji as the Developer Portal does, not through the bot.
     * @param contentType {@code image/png}, {@code image/gif}, {@code image/webp} or
     * {@code image/jpeg}
     */
    public EmulatedApplicationEmoji addApplicationEmoji(String name, String contentType, byte[] image) {
        if (!ApplicationEmojiRoutes.matches(contentType, image)) {
            throw new IllegalArgumentException("Not an image of type " + contentType);
        }
        EmulatedApplicationEmoji emoji = new EmulatedApplicationEmoji(this.state.nextId(), name, contentType, image,
                contentType.equals("image/gif"));
        this.state.store(emoji);
        return emoji;
    }

    /**
     * Adds an SKU to the application, for sale: {@link EmulatedSku#DURABLE},
     * {@link EmulatedSku#CONSUMABLE}, or a {@link EmulatedSku#SUBSCRIPTION} for each user
     * (Discord then adds its group, type 6, with the same name).
     * @param price what Discord's client would show, such as {@code $2.99}
     */
    public EmulatedSku addSku(String name, int type, String price) {
        return this.monetization.addSku(name, type,
                (type == EmulatedSku.SUBSCRIPTION) ? EmulatedSku.USER_SUBSCRIPTION : 0, price);
    }

    /**
     * As {@link #addSku(String, int, String)}, with a given id (a subscription's group:
     * the next one).
     */
    EmulatedSku addSku(long id, String name, int type, String price) {
        return this.monetization.addSku(id, id + 1, name, type,
                (type == EmulatedSku.SUBSCRIPTION) ? EmulatedSku.USER_SUBSCRIPTION : 0, price);
    }

    /** Adds a subscription for guilds: bought by a member, for everyone in the guild. */
    public EmulatedSku addGuildSubscription(String name, String price) {
        return this.monetization.addSku(name, EmulatedSku.SUBSCRIPTION, EmulatedSku.GUILD_SUBSCRIPTION, price);
    }

    /** The application's SKUs, as {@code GET /applications/{id}/skus} lists them. */
    public List<EmulatedSku> skus() {
        return this.monetization.skus();
    }

    /** The SKU of that name (a subscription's own, not its group). */
    public EmulatedSku sku(String name) {
        return this.monetization.skus()
            .stream()
            .filter((sku) -> sku.name().equals(name) && sku.type() != EmulatedSku.SUBSCRIPTION_GROUP)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No SKU named " + name));
    }

    /** Every entitlement, deleted, ended and consumed ones too, oldest first. */
    public List<EmulatedEntitlement> entitlements() {
        return this.monetization.entitlements();
    }

    /** The entitlement as it is now (consumed, deleted, ended). */
    public Optional<EmulatedEntitlement> entitlement(long id) {
        return this.monetization.entitlement(id);
    }

    /**
     * The active entitlements the user's interactions in the guild (0: elsewhere) carry:
     * the user's own and the guild's.
     */
    public List<EmulatedEntitlement> activeEntitlements(EmulatedUser user, long guildId) {
        return this.monetization.forInteraction(user, guildId);
    }

    /** Takes an entitlement back, as Discord does for a refund: ENTITLEMENT_DELETE. */
    public EmulatedEntitlement revoke(EmulatedEntitlement entitlement) {
        return this.monetization.revoke(entitlement);
    }

    /** Ends a subscription now, as when it is cancelled: ENTITLEMENT_UPDATE. */
    public EmulatedEntitlement endSubscription(EmulatedEntitlement entitlement) {
        return this.monetization.end(entitlement);
    }

    /** One user's actions. */
    public final class Acting {

        private final EmulatedUser user;

        private Acting(EmulatedUser user) {
            this.user = user;
        }

        /**
         * Posts a message in the channel; the bot receives MESSAGE_CREATE if its intents
         * allow.
         */
        /**
         * Buys an SKU, as through Discord's purchase dialog (what a premium button
         * opens): ENTITLEMENT_CREATE, and the user's interactions carry it. A guild
         * subscription is bought for the first guild.
         * @throws IllegalStateException when Discord would not sell it: the user has it
         * (a consumable: not yet consumed)
         */
        public EmulatedEntitlement buys(EmulatedSku sku) {
            return World.this.monetization.buys(this.user, sku,
                    World.this.state.guilds().isEmpty() ? null : World.this.state.guilds().getFirst());
        }

        /** Buys a guild subscription for this guild. */
        public EmulatedEntitlement buys(EmulatedSku sku, EmulatedGuild guild) {
            return World.this.monetization.buys(this.user, sku, guild);
        }

        public EmulatedMessage says(EmulatedChannel channel, String content) {
            return World.this.messaging.userSays(channel, this.user, content, List.of());
        }

        /**
         * Starts typing in the channel; the bot receives TYPING_START if its intents
         * allow.
         */
        public void types(EmulatedChannel channel) {
            World.this.messaging.typing(channel, this.user);
        }

        /**
         * Reacts to a message with a Unicode emoji; the bot receives MESSAGE_REACTION_ADD
         * if its intents allow.
         */
        public void reacts(EmulatedMessage message, String emoji) {
            World.this.messaging.react(message, this.user, emoji);
        }

        /**
         * Takes the user's reaction off a message; the bot receives
         * MESSAGE_REACTION_REMOVE if its intents allow.
         */
        public void unreacts(EmulatedMessage message, String emoji) {
            World.this.messaging.unreact(message, this.user, emoji);
        }

        /**
         * Votes in the message's poll, for one answer or (when the poll allows several)
         * more, as Discord's client sends them; the bot receives MESSAGE_POLL_VOTE_ADD
         * for each if its intents allow.
         * @param answerIds the answers' ids, from 1
         * @throws InteractionRejectedException 404 when the message is gone; 400 when it
         * has no poll (520006), the poll ended (520001), an answer is not the poll's,
         * several are given to a poll of one answer, or the user has voted already
         */
        public void votes(EmulatedMessage message, int... answerIds) {
            World.this.messaging.polls().vote(this.user, message, java.util.Arrays.stream(answerIds).boxed().toList());
        }

        /**
         * Takes back the user's votes in the message's poll; the bot receives
         * MESSAGE_POLL_VOTE_REMOVE for each if its intents allow.
         * @throws InteractionRejectedException as for {@link #votes}, when the message is
         * gone, has no poll or the poll ended
         */
        public void removesVote(EmulatedMessage message) {
            World.this.messaging.polls().removeVotes(this.user, message);
        }

        /** Posts a message with an attached file. */
        public EmulatedMessage saysWithFile(EmulatedChannel channel, String content, String filename, byte[] data) {
            return World.this.messaging.userSays(channel, this.user, content,
                    List.of(new EmulatedMessage.EmulatedAttachment(World.this.state.nextId(), filename, null, data)));
        }

        /**
         * Runs a slash command; see {@link SlashCommand}. Refused with 404 as Discord's
         * client offers no command where it may not run: outside its {@code contexts},
         * where it is not installed (a DM between users or a group DM needs a user who
         * installed the app, and a command for {@code USER_INSTALL}), or age-restricted
         * outside an age-restricted channel.
         */
        public EmulatedInteraction runs(SlashCommand command) {
            return World.this.interactions.invoke(command.by(this.user), null, "", false);
        }

        /**
         * Types into an option registered with autocomplete: the bot hears of the command
         * with the options given so far and this one {@code focused}, its value the text
         * typed, and answers with choices ({@link EmulatedInteraction#awaitChoices}).
         * @param command the command, with the options given so far (checked as for
         * {@link #runs}, none required)
         * @param option the option being typed, in the command's subcommand if it has one
         * @param typed the text typed so far, possibly empty; for a number option, the
         * start of a number
         * @throws IllegalArgumentException when the option is unknown or not registered
         * with autocomplete: Discord's client sends no autocomplete for it
         * @throws InteractionRejectedException as for {@link #runs}
         */
        public EmulatedInteraction autocompletes(SlashCommand command, String option, String typed) {
            return World.this.interactions.invoke(command.by(this.user), option, typed, false);
        }

        /**
         * Runs a user command (a context menu on a user) on the target, in the first text
         * channel.
         * @throws InteractionRejectedException 404 when the bot registered no user
         * command of that name
         */
        public EmulatedInteraction runsUserCommand(String name, EmulatedUser target) {
            return World.this.interactions.context(this.user, name, target, null, false);
        }

        /**
         * Runs a user command on the target in a channel, or a direct-message channel.
         */
        public EmulatedInteraction runsUserCommand(String name, EmulatedUser target, EmulatedChannel channel) {
            return World.this.interactions.context(this.user, name, target, channel, false);
        }

        /**
         * Runs a message command (a context menu on a message) on the target, in the
         * message's channel.
         * @throws InteractionRejectedException 404 when the bot registered no message
         * command of that name, or the message is gone
         */
        public EmulatedInteraction runsMessageCommand(String name, EmulatedMessage target) {
            return World.this.interactions.context(this.user, name, target, null, false);
        }

        /**
         * Clicks a button on one of the bot's messages (as it is now, edits included).
         * @throws InteractionRejectedException as Discord's client refuses: 404 for a
         * deleted message, 400 when the message has no such button, it is disabled, or it
         * is a select
         */
        public EmulatedInteraction clicks(EmulatedMessage message, String customId) {
            return World.this.interactions.component(this.user, message, customId, null, false);
        }

        /**
         * Picks values in a select of one of the bot's messages: option values in a
         * string select; users, roles or channels of the guild (ids, mentions or names
         * such as {@code "@bob"}, {@code "#general"}) in the others.
         * @throws InteractionRejectedException as Discord's client refuses: 404 for a
         * deleted message, 400 when the message has no such select, it is disabled, a
         * value is not offered, or too few or many are picked
         */
        public EmulatedInteraction selects(EmulatedMessage message, String customId, String... values) {
            return World.this.interactions.component(this.user, message, customId, List.of(values), false);
        }

        /**
         * Fills in and submits a modal the bot opened for this user
         * ({@link EmulatedInteraction#modal()}).
         * @param values each field's answer by its custom id: a text; a select's or
         * checkbox group's values, as a list or separated by commas (users, roles and
         * channels by name, mention or id); a radio group's value; a checkbox's
         * {@code true} or {@code false}; a file upload's files ({@link #file}), one or a
         * list. A field left out keeps what the bot set.
         * @throws InteractionRejectedException 400 as Discord's client refuses: the modal
         * was opened for someone else or already submitted, a field is unknown, a
         * required one empty, a text's length out of bounds, a value not offered, too few
         * or too many values or files
         */
        public EmulatedInteraction submits(EmulatedModal modal, Map<String, ?> values) {
            return World.this.interactions.submit(this.user, modal, values, false);
        }

        /**
         * What a modified client could send, for tests of how the bot copes with bad
         * input: clicks, picks and modal submits that reach the bot unchecked, e.g.
         * {@code world.as(alice).forging().clicks(message,
         * "anything:at:all")}.
         */
        public Forging forging() {
            return new Forging(this.user);
        }

    }

    /**
     * One user's forged interactions: sent to the bot as given, without the checks of
     * Discord's client. The custom id need not be on the message (nor the message still
     * exist); select values need not be offered, nor within
     * {@code min_values}..{@code max_values}; a modal may be submitted by anyone, again,
     * with unknown fields (sent as text inputs), required ones missing and lengths out of
     * bounds; a command may run where Discord's client does not offer it.
     */
    public final class Forging {

        private final EmulatedUser user;

        private Forging(EmulatedUser user) {
            this.user = user;
        }

        /**
         * Runs a slash command where Discord's client would not offer it: outside its
         * contexts, where it is not installed, age-restricted in any channel (its options
         * are checked still).
         */
        public EmulatedInteraction runs(SlashCommand command) {
            return World.this.interactions.invoke(command.by(this.user), null, "", true);
        }

        /** Runs a message command where Discord's client would not offer it. */
        public EmulatedInteraction runsMessageCommand(String name, EmulatedMessage target) {
            return World.this.interactions.context(this.user, name, target, null, true);
        }

        /** Clicks a button with any custom id on the message. */
        public EmulatedInteraction clicks(EmulatedMessage message, String customId) {
            return World.this.interactions.component(this.user, message, customId, null, true);
        }

        /** Picks any values in a select with any custom id on the message. */
        public EmulatedInteraction selects(EmulatedMessage message, String customId, String... values) {
            return World.this.interactions.component(this.user, message, customId, List.of(values), true);
        }

        /** Submits the modal with any values. */
        public EmulatedInteraction submits(EmulatedModal modal, Map<String, ?> values) {
            return World.this.interactions.submit(this.user, modal, values, true);
        }

    }

}
