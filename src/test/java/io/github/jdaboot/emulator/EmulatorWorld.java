package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the emulated Discord knows: the bot, users, guilds, channels, messages and
 * interactions. Thread-safe; waiting is done on one condition signalled whenever a
 * message is stored or changed or an interaction acknowledged.
 */
final class EmulatorWorld {

    /**
     * Discord's locales, as the OpenAPI spec's {@code AvailableLocalesEnum} lists them.
     */
    static final List<String> LOCALES = List.of("ar", "bg", "cs", "da", "de", "el", "en-GB", "en-US", "es-419", "es-ES",
            "fi", "fr", "he", "hi", "hr", "hu", "id", "it", "ja", "ko", "lt", "nl", "no", "pl", "pt-BR", "ro", "ru",
            "sv-SE", "th", "tr", "uk", "vi", "zh-CN", "zh-TW");

    static final String DEFAULT_LOCALE = "en-US";

    private final JsonMapper json = JsonMapper.builder().build();

    private final EmulatorClock clock;

    private final Snowflakes ids;

    private final String token;

    private final EmulatedUser botUser;

    private final Map<Long, EmulatedUser> users = new ConcurrentHashMap<>();

    private final Map<Long, String> locales = new ConcurrentHashMap<>();

    private final List<EmulatedGuild> guilds = new CopyOnWriteArrayList<>();

    private final Map<Long, EmulatedGuild> guildsById = new ConcurrentHashMap<>();

    private final Map<Long, EmulatedChannel> channels = new ConcurrentHashMap<>();

    /** The users who installed the application to their account. */
    private final Set<Long> installs = ConcurrentHashMap.newKeySet();

    /**
     * Each channel's messages by id, which is the order Discord keeps them in: a message
     * stored, edited or deleted costs a lookup, however many the channel holds (the
     * benchmark stores over 100,000 a run).
     */
    private final Map<Long, NavigableMap<Long, EmulatedMessage>> messagesByChannel = new ConcurrentHashMap<>();

    private final Map<Long, EmulatedMessage> messagesById = new ConcurrentHashMap<>();

    private final Map<Long, List<EmulatedMessage>> repliesByReference = new ConcurrentHashMap<>();

    private final NavigableMap<Long, EmulatedInteraction> interactions = new ConcurrentSkipListMap<>();

    private final Map<String, EmulatedInteraction> interactionsByToken = new ConcurrentHashMap<>();

    /**
     * The reactions of each message: emoji to who reacted, both in the order they came.
     */
    private final Map<Long, Map<String, Set<Long>>> reactions = new ConcurrentHashMap<>();

    /** When each pinned message was pinned. */
    private final Map<Long, Instant> pins = new ConcurrentHashMap<>();

    /** The polls, by the id of their message. */
    private final Map<Long, EmulatedPoll> polls = new ConcurrentHashMap<>();

    /** The application's emojis, by id. */
    private final NavigableMap<Long, EmulatedApplicationEmoji> applicationEmojis = new ConcurrentSkipListMap<>();

    /**
     * Files users uploaded in forms, by attachment id: served like messages' attachments.
     */
    private final Map<Long, EmulatedMessage.EmulatedAttachment> uploads = new ConcurrentHashMap<>();

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition change = this.lock.newCondition();

    EmulatorWorld(String token, String botName, EmulatorClock clock) {
        this.clock = clock;
        this.ids = new Snowflakes(clock);
        this.token = token;
        this.botUser = new EmulatedUser(this.ids.next(), botName, true);
        this.users.put(this.botUser.id(), this.botUser);
    }

    /** The emulator's time, by which it stamps things and measures Discord's waits. */
    EmulatorClock clock() {
        return this.clock;
    }

    /** Now, by the emulator's clock. */
    Instant now() {
        return this.clock.instant();
    }

    JsonMapper json() {
        return this.json;
    }

    long nextId() {
        return this.ids.next();
    }

    String token() {
        return this.token;
    }

    EmulatedUser botUser() {
        return this.botUser;
    }

    /**
     * The application id; for bots made since 2020 Discord gives the application the bot
     * user's id.
     */
    long applicationId() {
        return this.botUser.id();
    }

    EmulatedUser addUser(String name, boolean bot) {
        EmulatedUser user = new EmulatedUser(this.ids.next(), name, bot);
        this.users.put(user.id(), user);
        return user;
    }

    Optional<EmulatedUser> user(long id) {
        return Optional.ofNullable(this.users.get(id));
    }

    Optional<EmulatedUser> userNamed(String name) {
        return this.users.values().stream().filter((user) -> user.username().equals(name)).findFirst();
    }

    List<EmulatedUser> users() {
        return List.copyOf(this.users.values());
    }

    /** The language the user set in Discord's client, {@code en-US} unless changed. */
    String locale(EmulatedUser user) {
        return this.locales.getOrDefault(user.id(), DEFAULT_LOCALE);
    }

    void locale(EmulatedUser user, String locale) {
        this.locales.put(user.id(), checkedLocale(locale));
    }

    /**
     * @return the locale, when it is one of Discord's
     * @throws IllegalArgumentException otherwise
     */
    static String checkedLocale(String locale) {
        if (!LOCALES.contains(locale)) {
            throw new IllegalArgumentException("locale must be one of Discord's locales " + String.join(", ", LOCALES)
                    + ", not \"" + locale + "\"");
        }
        return locale;
    }

    EmulatedGuild addGuild(String name, long ownerId) {
        return addGuild(this.ids.next(), name, ownerId);
    }

    /** A guild whose events Discord sends to this shard of {@code shardCount}. */
    EmulatedGuild addGuild(String name, long ownerId, int shardId, int shardCount) {
        return addGuild(this.ids.nextOnShard(shardId, shardCount), name, ownerId);
    }

    private EmulatedGuild addGuild(long id, String name, long ownerId) {
        EmulatedGuild guild = new EmulatedGuild(id, name, ownerId);
        guild.addRole(new EmulatedRole(guild.id(), "@everyone", Permissions.EVERYONE_DEFAULT, false, 0, 0, false));
        this.guildsById.put(guild.id(), guild);
        this.guilds.add(guild);
        return guild;
    }

    /** Forgets the guild and its channels. */
    void removeGuild(EmulatedGuild guild) {
        this.guilds.remove(guild);
        this.guildsById.remove(guild.id());
        for (EmulatedChannel channel : guild.channels()) {
            this.channels.remove(channel.id());
        }
    }

    List<EmulatedGuild> guilds() {
        return List.copyOf(this.guilds);
    }

    Optional<EmulatedGuild> guild(long id) {
        return Optional.ofNullable(this.guildsById.get(id));
    }

    /** The first guild, if any, without copying the list. */
    @Nullable EmulatedGuild firstGuild() {
        return this.guilds.isEmpty() ? null : this.guilds.getFirst();
    }

    EmulatedChannel addChannel(EmulatedChannel channel) {
        this.channels.put(channel.id(), channel);
        this.guild(channel.guildId()).ifPresent((guild) -> guild.addChannel(channel));
        this.messagesByChannel.putIfAbsent(channel.id(), new ConcurrentSkipListMap<>());
        return channel;
    }

    Optional<EmulatedChannel> channel(long id) {
        return Optional.ofNullable(this.channels.get(id));
    }

    /** Replaces a channel with a changed version (same id), in its guild too. */
    void replaceChannel(EmulatedChannel changed) {
        this.channels.put(changed.id(), changed);
        guild(changed.guildId()).ifPresent((guild) -> guild.replaceChannel(changed));
    }

    /** Forgets a channel and its messages. */
    void removeChannel(EmulatedChannel channel) {
        this.channels.remove(channel.id());
        guild(channel.guildId()).ifPresent((guild) -> guild.removeChannel(channel.id()));
        for (EmulatedMessage message : messages(channel.id())) {
            remove(message);
        }
        this.messagesByChannel.remove(channel.id());
    }

    /** The DM channel between the bot and a user, made on first use. */
    EmulatedChannel directChannel(EmulatedUser user) {
        return this.channels.values()
            .stream()
            .filter((channel) -> channel.isDirect() && channel.recipientId() == user.id())
            .findFirst()
            .orElseGet(() -> addChannel(
                    new EmulatedChannel(this.ids.next(), 0, user.username(), EmulatedChannel.DM, 0, user.id())));
    }

    /**
     * A DM between two users ({@code name} null) or a group DM, the bot in neither; a DM
     * between the same two users is the one they already have.
     */
    EmulatedChannel privateChannel(List<EmulatedUser> members, @Nullable String name) {
        List<Long> ids = members.stream().map(EmulatedUser::id).distinct().toList();
        if (ids.contains(this.botUser.id())) {
            throw new IllegalArgumentException("The bot's own DMs are directChannel(user)");
        }
        boolean group = name != null || ids.size() > 2;
        if (ids.size() < 2 || ids.size() > 10 || (!group && ids.size() != 2)) {
            throw new IllegalArgumentException("A DM has two users, a group DM 2 to 10: " + members);
        }
        if (!group) {
            Optional<EmulatedChannel> existing = this.channels.values()
                .stream()
                .filter((channel) -> channel.type() == EmulatedChannel.DM && channel.isPrivate()
                        && Set.copyOf(channel.members()).equals(Set.copyOf(ids)))
                .findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        String shown = (name != null) ? name
                : members.stream().map(EmulatedUser::username).collect(Collectors.joining(", "));
        return addChannel(new EmulatedChannel(this.ids.next(), 0, shown,
                group ? EmulatedChannel.GROUP_DM : EmulatedChannel.DM, 0, 0, null, false, 0, 0, List.of(), ids));
    }

    /** The DMs between users and the group DMs, in the order they were opened. */
    List<EmulatedChannel> privateChannels() {
        return this.channels.values()
            .stream()
            .filter(EmulatedChannel::isPrivate)
            .sorted((a, b) -> Long.compareUnsigned(a.id(), b.id()))
            .toList();
    }

    /**
     * Installs the application to the user's account (Discord's {@code USER_INSTALL}), or
     * takes it off.
     */
    void installed(EmulatedUser user, boolean installed) {
        if (installed) {
            this.installs.add(user.id());
        }
        else {
            this.installs.remove(user.id());
        }
    }

    /** Whether the user installed the application to their account. */
    boolean installed(long userId) {
        return this.installs.contains(userId);
    }

    List<EmulatedChannel> textChannels() {
        List<EmulatedChannel> result = new ArrayList<>();
        for (EmulatedGuild guild : this.guilds) {
            guild.channels()
                .stream()
                .filter((channel) -> channel.type() == EmulatedChannel.GUILD_TEXT)
                .forEach(result::add);
        }
        return result;
    }

    void store(EmulatedMessage message) {
        this.lock.lock();
        try {
            this.messagesById.put(message.id(), message);
            this.messagesByChannel.computeIfAbsent(message.channelId(), (k) -> new ConcurrentSkipListMap<>())
                .put(message.id(), message);
            if (message.referencedMessageId() != 0) {
                this.repliesByReference
                    .computeIfAbsent(message.referencedMessageId(), (k) -> new CopyOnWriteArrayList<>())
                    .add(message);
            }
            this.change.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Replaces a stored message with an edited version (same id). */
    void replace(EmulatedMessage edited) {
        this.lock.lock();
        try {
            this.messagesById.put(edited.id(), edited);
            NavigableMap<Long, EmulatedMessage> channel = this.messagesByChannel.get(edited.channelId());
            if (channel != null) {
                channel.replace(edited.id(), edited);
            }
            this.change.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    void remove(EmulatedMessage message) {
        this.lock.lock();
        try {
            this.reactions.remove(message.id());
            this.pins.remove(message.id());
            this.polls.remove(message.id());
            this.messagesById.remove(message.id());
            NavigableMap<Long, EmulatedMessage> channel = this.messagesByChannel.get(message.channelId());
            if (channel != null) {
                channel.remove(message.id());
            }
        }
        finally {
            this.lock.unlock();
        }
    }

    Optional<EmulatedMessage> message(long id) {
        return Optional.ofNullable(this.messagesById.get(id));
    }

    /** The messages that reply to the given one, in the order they were sent. */
    List<EmulatedMessage> repliesTo(long messageId) {
        return List.copyOf(this.repliesByReference.getOrDefault(messageId, List.of()));
    }

    List<EmulatedMessage> messages(long channelId) {
        NavigableMap<Long, EmulatedMessage> channel = this.messagesByChannel.get(channelId);
        return (channel != null) ? List.copyOf(channel.values()) : List.of();
    }

    List<EmulatedMessage> allMessages() {
        List<EmulatedMessage> all = new ArrayList<>(this.messagesById.values());
        all.sort((a, b) -> Long.compareUnsigned(a.id(), b.id()));
        return all;
    }

    /**
     * Adds the user's reaction with the emoji to the message.
     * @return whether it is new: a user reacts with an emoji once
     */
    boolean react(long messageId, String emoji, long userId) {
        synchronized (this.reactions) {
            return this.reactions.computeIfAbsent(messageId, (id) -> new LinkedHashMap<>())
                .computeIfAbsent(emoji, (key) -> new LinkedHashSet<>())
                .add(userId);
        }
    }

    /**
     * Takes the user's reaction with the emoji off the message.
     * @return whether there was one
     */
    boolean unreact(long messageId, String emoji, long userId) {
        synchronized (this.reactions) {
            Map<String, Set<Long>> byEmoji = this.reactions.get(messageId);
            Set<Long> users = (byEmoji != null) ? byEmoji.get(emoji) : null;
            boolean removed = users != null && users.remove(userId);
            if (users != null && users.isEmpty()) {
                byEmoji.remove(emoji);
            }
            return removed;
        }
    }

    /**
     * Takes every reaction with the emoji off the message, or every reaction when the
     * emoji is null.
     * @return whether there was one
     */
    boolean clearReactions(long messageId, @Nullable String emoji) {
        synchronized (this.reactions) {
            Map<String, Set<Long>> byEmoji = this.reactions.get(messageId);
            if (byEmoji == null) {
                return false;
            }
            if (emoji == null) {
                this.reactions.remove(messageId);
                return !byEmoji.isEmpty();
            }
            return byEmoji.remove(emoji) != null;
        }
    }

    /** The message's reactions, in the order their emojis were first used. */
    List<EmulatedReaction> reactions(long messageId) {
        synchronized (this.reactions) {
            Map<String, Set<Long>> byEmoji = this.reactions.getOrDefault(messageId, Map.of());
            List<EmulatedReaction> result = new ArrayList<>();
            byEmoji.forEach((emoji, users) -> result.add(new EmulatedReaction(emoji, List.copyOf(users))));
            return result;
        }
    }

    /** Keeps the poll of a message. */
    void poll(EmulatedPoll poll) {
        this.polls.put(poll.messageId(), poll);
    }

    /** The poll of a message, if it has one. */
    Optional<EmulatedPoll> poll(long messageId) {
        return Optional.ofNullable(this.polls.get(messageId));
    }

    /** Pins the message now; a message pinned already keeps its time. */
    void pin(EmulatedMessage message) {
        this.pins.putIfAbsent(message.id(), now());
    }

    boolean unpin(EmulatedMessage message) {
        return this.pins.remove(message.id()) != null;
    }

    /** When the message was pinned, if it is. */
    Optional<Instant> pinnedAt(long messageId) {
        return Optional.ofNullable(this.pins.get(messageId));
    }

    /** When the channel's latest pin was made, if it has a pinned message. */
    Optional<Instant> lastPin(long channelId) {
        return messages(channelId).stream()
            .map((message) -> this.pins.get(message.id()))
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder());
    }

    /** The application's emojis, oldest first. */
    List<EmulatedApplicationEmoji> applicationEmojis() {
        return List.copyOf(this.applicationEmojis.values());
    }

    Optional<EmulatedApplicationEmoji> applicationEmoji(long id) {
        return Optional.ofNullable(this.applicationEmojis.get(id));
    }

    /** Adds or replaces one of the application's emojis. */
    void store(EmulatedApplicationEmoji emoji) {
        this.applicationEmojis.put(emoji.id(), emoji);
    }

    boolean removeApplicationEmoji(long id) {
        return this.applicationEmojis.remove(id) != null;
    }

    /** Keeps a file a user uploaded in a form. */
    void upload(EmulatedMessage.EmulatedAttachment attachment) {
        this.uploads.put(attachment.id(), attachment);
    }

    /** A file a user uploaded in a form. */
    Optional<EmulatedMessage.EmulatedAttachment> upload(long id) {
        return Optional.ofNullable(this.uploads.get(id));
    }

    void add(EmulatedInteraction interaction) {
        this.interactions.put(interaction.id(), interaction);
        this.interactionsByToken.put(interaction.token(), interaction);
    }

    /** The interaction whose token the bot's callback or webhook request carries. */
    Optional<EmulatedInteraction> interactionByToken(String token) {
        return Optional.ofNullable(this.interactionsByToken.get(token));
    }

    Optional<EmulatedInteraction> interaction(long id) {
        return Optional.ofNullable(this.interactions.get(id));
    }

    /** Every interaction, in the order users started them. */
    List<EmulatedInteraction> interactions() {
        return List.copyOf(this.interactions.values());
    }

    /**
     * Waits until some stored message matches.
     * @return the first match in id order, or empty after the timeout
     */
    Optional<EmulatedMessage> awaitMessage(Predicate<EmulatedMessage> predicate, Duration timeout) {
        AtomicReference<EmulatedMessage> found = new AtomicReference<>();
        await(() -> {
            allMessages().stream().filter(predicate).findFirst().ifPresent(found::set);
            return found.get() != null;
        }, timeout);
        return Optional.ofNullable(found.get());
    }

    /**
     * Waits until the condition holds, checking it whenever a message is stored or
     * changed and when an interaction is acknowledged.
     * @return whether it held before the timeout
     */
    boolean await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        this.lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                this.change.await(left, TimeUnit.NANOSECONDS);
            }
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Wakes whoever waits in {@link #await}. */
    void changed() {
        this.lock.lock();
        try {
            this.change.signalAll();
        }
        finally {
            this.lock.unlock();
        }
    }

    Set<Long> channelIds() {
        return Set.copyOf(this.channels.keySet());
    }

    @Nullable EmulatedChannel firstTextChannel() {
        List<EmulatedChannel> text = textChannels();
        return text.isEmpty() ? null : text.getFirst();
    }

}
