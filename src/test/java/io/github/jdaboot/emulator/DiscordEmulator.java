package io.github.jdaboot.emulator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A wire-level Discord stand-in for tests and local runs: Discord's gateway (WebSocket, JSON,
 * optional zlib-stream) and REST API (v10) on one loopback port, an HTTP control API under
 * {@code /emulator/} with a chat page, and a Java API in the style of OkHttp's MockWebServer:
 * start it, shape the world, act as users, then assert on what the bot sent and requested.
 *
 * <pre>{@code
 * try (DiscordEmulator discord = DiscordEmulator.builder().build().start()) {
 *     // point the bot at discord.restUrl() and discord.gatewayUrl() with discord.token()
 *     EmulatedMessage asked = discord.userSays(discord.channel("general"), discord.user("alice"), ".idea");
 *     EmulatedMessage reply = discord.awaitReply(asked, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class DiscordEmulator implements AutoCloseable {

    /** The token the emulator accepts unless told otherwise. */
    public static final String DEFAULT_TOKEN = "emulator-bot-token";

    private final EmulatorWorld world;
    private final Payloads payloads;
    private final Gateway gateway;
    private final RateLimits rateLimits = new RateLimits();
    private final RestApi rest;
    private final Messaging messaging;
    private final DiscordRoutes routes;
    private final Interactions interactions;
    private final EmulatorServer server;

    private DiscordEmulator(Builder builder) {
        this.world = new EmulatorWorld(builder.token, builder.botName);
        this.payloads = new Payloads(this.world);
        this.gateway = new Gateway(this.world, this.payloads, builder.heartbeatInterval);
        this.messaging = new Messaging(this.world, this.payloads, this.gateway);
        this.rest = new RestApi(this.world, this.payloads, this.rateLimits);
        this.routes = new DiscordRoutes(this.world, this.payloads, this.messaging, this.gateway);
        this.routes.register(this.rest);
        this.interactions = new Interactions(this.world, this.payloads, this.messaging, this.gateway);
        this.interactions.register(this.rest);
        ControlApi control = new ControlApi(this);
        this.server = new EmulatorServer(InetAddress.getLoopbackAddress(), builder.port,
                (request) -> request.path().startsWith(RestApi.PREFIX) ? this.rest.handle(request)
                        : control.handle(request),
                this.gateway);
        if (builder.defaultWorld) {
            DefaultWorld.populate(this);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving. */
    public DiscordEmulator start() {
        this.server.start();
        String base = "http://127.0.0.1:" + this.server.port();
        this.payloads.baseUrl(base);
        this.routes.gatewayUrl(gatewayUrl());
        this.gateway.resumeUrl(gatewayUrl());
        return this;
    }

    /** Stops serving and drops every connection. */
    @Override
    public void close() {
        this.server.close();
    }

    /** Makes the emulator vanish: the port closes and every connection drops without a close frame. */
    public void disappear() {
        this.server.disappear();
    }

    /** Brings the emulator back on the same port after {@link #disappear()}. */
    public void reappear() {
        start();
    }

    public boolean isRunning() {
        return this.server.isRunning();
    }

    public int port() {
        return this.server.port();
    }

    /** The REST base URL to give JDA, e.g. {@code http://127.0.0.1:8090/api/v10/}. */
    public String restUrl() {
        return "http://127.0.0.1:" + port() + RestApi.PREFIX;
    }

    /** The gateway URL to give JDA, e.g. {@code ws://127.0.0.1:8090/}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + port() + "/";
    }

    /** The chat page for people, e.g. {@code http://127.0.0.1:8090/emulator/}. */
    public String chatUrl() {
        return "http://127.0.0.1:" + port() + "/emulator/";
    }

    public String token() {
        return this.world.token();
    }

    /* ---------------------------------------------------------------- the world */

    public EmulatedUser bot() {
        return this.world.botUser();
    }

    public long applicationId() {
        return this.world.applicationId();
    }

    /** The first guild. */
    public EmulatedGuild guild() {
        return this.world.guilds().getFirst();
    }

    public List<EmulatedGuild> guilds() {
        return this.world.guilds();
    }

    /** A channel of any guild by name ({@code general}, or {@code brainstorm} for a thread). */
    public EmulatedChannel channel(String name) {
        return this.world.guilds().stream()
            .flatMap((guild) -> guild.channels().stream())
            .filter((channel) -> channel.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No channel named " + name));
    }

    public Optional<EmulatedChannel> channel(long id) {
        return this.world.channel(id);
    }

    /** A human user by name, created (and added to every guild) on first use. */
    public EmulatedUser user(String name) {
        return this.world.userNamed(name).orElseGet(() -> {
            EmulatedUser user = this.world.addUser(name, false);
            this.world.guilds().forEach((guild) -> guild.addMember(user.id(), Set.of()));
            return user;
        });
    }

    public Optional<EmulatedUser> user(long id) {
        return this.world.user(id);
    }

    public List<EmulatedUser> users() {
        return this.world.users();
    }

    /** Another bot account, member of every guild. */
    public EmulatedUser addBotUser(String name) {
        EmulatedUser user = this.world.addUser(name, true);
        this.world.guilds().forEach((guild) -> guild.addMember(user.id(), Set.of()));
        return user;
    }

    /** A guild owned by the user, with the bot as a member holding a role that may read and write. */
    public EmulatedGuild addGuild(String name, EmulatedUser owner) {
        EmulatedGuild guild = this.world.addGuild(name, owner.id());
        guild.addMember(owner.id(), Set.of());
        EmulatedRole botRole = addRole(guild, bot().username(), Permissions.EVERYONE_DEFAULT | Permissions.EMBED_LINKS
                | Permissions.ATTACH_FILES, false);
        guild.addMember(bot().id(), Set.of(botRole.id()));
        return guild;
    }

    public EmulatedRole addRole(EmulatedGuild guild, String name, long permissions, boolean mentionable) {
        EmulatedRole role = new EmulatedRole(this.world.nextId(), name, permissions, mentionable, guild.roles().size());
        guild.addRole(role);
        return role;
    }

    public void grantRole(EmulatedGuild guild, EmulatedUser user, EmulatedRole role) {
        guild.grantRole(user.id(), role.id());
    }

    /** A new text channel; a connected bot hears of it through CHANNEL_CREATE, as from Discord. */
    public EmulatedChannel addTextChannel(EmulatedGuild guild, String name) {
        EmulatedChannel channel = this.world.addChannel(new EmulatedChannel(this.world.nextId(), guild.id(), name,
                EmulatedChannel.GUILD_TEXT, 0, 0));
        this.gateway.dispatch(guild.id(), "CHANNEL_CREATE", this.payloads.channel(channel).toString(),
                (session) -> true);
        return channel;
    }

    public EmulatedChannel addThread(EmulatedChannel parent, String name) {
        return this.world.addChannel(new EmulatedChannel(this.world.nextId(), parent.guildId(), name,
                EmulatedChannel.PUBLIC_THREAD, parent.id(), 0));
    }

    /** The direct-message channel between the bot and the user. */
    public EmulatedChannel directChannel(EmulatedUser user) {
        return this.world.directChannel(user);
    }

    /* ---------------------------------------------------------------- acting as users */

    /** The user posts a message in the channel; the bot receives MESSAGE_CREATE if its intents allow. */
    public EmulatedMessage userSays(EmulatedChannel channel, EmulatedUser user, String content) {
        return this.messaging.userSays(channel, user, content, List.of());
    }

    /** The user posts a message with an attached file. */
    public EmulatedMessage userSaysWithFile(EmulatedChannel channel, EmulatedUser user, String content,
            String filename, byte[] data) {
        return this.messaging.userSays(channel, user, content, List.of(
                new EmulatedMessage.EmulatedAttachment(this.world.nextId(), filename, null, data)));
    }

    /** A webhook (an integration, not a user) posts a message in the channel. */
    public EmulatedMessage webhookSays(EmulatedChannel channel, String name, String content) {
        return this.messaging.webhookSays(channel, name, content);
    }

    /** The user runs a slash command; see {@link SlashCommand}. */
    public EmulatedInteraction slashCommand(SlashCommand command) {
        return this.interactions.invoke(command);
    }

    /* ---------------------------------------------------------------- observing the bot */

    public List<EmulatedMessage> messages(EmulatedChannel channel) {
        return this.world.messages(channel.id());
    }

    /** Every stored message, in id order. */
    public List<EmulatedMessage> allMessages() {
        return this.world.allMessages();
    }

    /** The bot's messages that reply to this one. */
    public List<EmulatedMessage> repliesTo(EmulatedMessage message) {
        return this.world.repliesTo(message.id());
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
        return this.world.awaitMessage(predicate, timeout);
    }

    /** Every REST request the bot made so far, in order. */
    public List<RecordedRequest> requests() {
        return this.rest.recorded();
    }

    /** The next REST request not yet taken, waiting up to the timeout; null when none came. */
    public @Nullable RecordedRequest takeRequest(Duration timeout) {
        try {
            return this.rest.taken().poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The application commands registered globally (guild 0) or for a guild. */
    public List<RegisteredCommand> commands(long guildId) {
        return this.interactions.commands(guildId);
    }

    /* ---------------------------------------------------------------- gateway faults */

    /**
     * Closes the bot's gateway connections with a close code, e.g. 4000 (resumable) or 4004 (fatal).
     * 4007 and 4009 also end the session, as on Discord: the bot must identify anew.
     */
    public void closeGateway(int code) {
        this.gateway.closeAll(code, closeReason(code));
    }

    /** Drops the bot's gateway connections without a close frame; the bot sees 1006. */
    public void dropGateway() {
        this.gateway.dropAll();
    }

    /** Sends op 7 RECONNECT. */
    public void requestReconnect() {
        this.gateway.requestReconnect();
    }

    /** Sends op 9 INVALID_SESSION. */
    public void invalidateSession(boolean resumable) {
        this.gateway.invalidateSessions(resumable);
    }

    /** Stops or resumes answering heartbeats with op 11 ACK, leaving the socket open. */
    public void acknowledgeHeartbeats(boolean acknowledge) {
        this.gateway.acknowledgeHeartbeats(acknowledge);
    }

    /** Whether to answer the bot's close frame (a half-dead connection does not). */
    public void answerClientClose(boolean answer) {
        this.gateway.answerClientClose(answer);
    }

    /** Refuses new gateway connections (HTTP 503 on the upgrade) until called with false; the bot keeps retrying. */
    public void refuseGatewayConnections(boolean refuse) {
        this.gateway.refuseConnections(refuse);
    }

    /** Closes the next IDENTIFY attempts with the close code, as Discord does for 4004 or 4014. */
    public void failNextIdentifies(int count, int closeCode) {
        this.gateway.failNextIdentifies(count, closeCode);
    }

    /** Answers the next RESUME attempts with op 9 {@code d=false}. */
    public void refuseNextResumes(int count) {
        this.gateway.refuseNextResumes(count);
    }

    /** Which privileged intents the application may use, as enabled in the Developer Portal; others get 4014. */
    public void allowPrivilegedIntents(boolean members, boolean presences, boolean messageContent) {
        this.gateway.allowPrivilegedIntents((members ? 1L << 1 : 0) | (presences ? 1L << 8 : 0)
                | (messageContent ? 1L << 15 : 0));
    }

    public void heartbeatInterval(Duration interval) {
        this.gateway.heartbeatInterval(interval);
    }

    public Duration heartbeatInterval() {
        return this.gateway.heartbeatInterval();
    }

    public int identifyCount() {
        return this.gateway.identifies();
    }

    /** How many IDENTIFYs came less than 5 s after the previous one (Discord's limit with max_concurrency 1). */
    public int identifyRateViolations() {
        return this.gateway.identifyRateViolations();
    }

    public int resumeCount() {
        return this.gateway.resumes();
    }

    /** When each heartbeat arrived ({@link System#nanoTime()}), in order. */
    public List<Long> heartbeatTimes() {
        return this.gateway.heartbeatNanos();
    }

    public int heartbeatCount() {
        return this.gateway.heartbeats();
    }

    /** How many TCP connections the server accepted (REST, gateway and control alike). */
    public int acceptedConnections() {
        return this.server.acceptedConnections();
    }

    public int openGatewayConnections() {
        return this.gateway.openConnections();
    }

    /** Whether a gateway session is attached to an open connection (after READY or RESUMED). */
    public boolean hasLiveSession() {
        return this.gateway.hasLiveSession();
    }

    /** What happened on the gateway, in order: connect, identify, ready, resume, resumed, closes. */
    public List<GatewayEvent> gatewayEvents() {
        return this.gateway.events().stream().map((e) -> new GatewayEvent(e.kind(), e.code(), e.nanoTime())).toList();
    }

    /* ---------------------------------------------------------------- REST faults */

    /**
     * Answers the next {@code count} requests to the route with 429 and {@code retry_after}.
     * @param route a route such as {@code POST /channels/{channel_id}/messages}
     * @param scope {@code user}, {@code global} or {@code shared}
     */
    public void rateLimitNext(String route, int count, Duration retryAfter, String scope) {
        this.rest.fail(route::equals, count, 429, retryAfter, scope, false);
    }

    /** Answers the next {@code count} requests to the route with a server error such as 500, 502 or 503. */
    public void failNext(String route, int count, int status) {
        this.rest.fail(route::equals, count, status, Duration.ZERO, null, false);
    }

    /**
     * Handles the next {@code count} requests to the route, then answers them with a server error anyway:
     * the message is stored but the bot never hears so, as when Discord fails after doing the work.
     */
    public void failNextAfterProcessing(String route, int count, int status) {
        this.rest.fail(route::equals, count, status, Duration.ZERO, null, true);
    }

    /** Sets the rate limit of one route, e.g. {@code POST /channels/{channel_id}/messages}, per channel. */
    public void rateLimit(String route, int requests, Duration window) {
        this.rateLimits.override(route, new RateLimits.Limit(requests, window));
    }

    /** Sets the global limit of requests per bot (Discord's is 50 per second). */
    public void globalRateLimit(int requests, Duration window) {
        this.rateLimits.globalLimit(new RateLimits.Limit(requests, window));
    }

    /** Turns Discord's rate limits on or off (off for benchmarks). */
    public void rateLimits(boolean enabled) {
        this.rateLimits.enabled(enabled);
    }

    /** How many requests the emulator answered with 429 because a limit was reached. */
    public int rateLimitedRequests() {
        return this.rateLimits.limited();
    }

    /** How many requests arrived while their bucket had already answered 429 and had not reset. */
    public int rateLimitViolations() {
        return this.rateLimits.violations();
    }

    /* ---------------------------------------------------------------- internals for the control API */

    EmulatorWorld world() {
        return this.world;
    }

    Payloads payloads() {
        return this.payloads;
    }

    Interactions interactions() {
        return this.interactions;
    }

    static String closeReason(int code) {
        return switch (code) {
            case 4000 -> "Unknown error";
            case 4001 -> "Unknown opcode";
            case 4002 -> "Decode error";
            case 4003 -> "Not authenticated";
            case 4004 -> "Authentication failed";
            case 4005 -> "Already authenticated";
            case 4007 -> "Invalid seq";
            case 4008 -> "Rate limited";
            case 4009 -> "Session timed out";
            case 4010 -> "Invalid shard";
            case 4011 -> "Sharding required";
            case 4012 -> "Invalid API version";
            case 4013 -> "Invalid intent(s)";
            case 4014 -> "Disallowed intent(s)";
            default -> "";
        };
    }

    /**
     * Something that happened on the gateway.
     *
     * @param kind connect, identify, ready, resume, resumed, resume-refused, client-close, client-drop,
     * server-close, server-drop, reconnect-request, invalid-session, acks-on, acks-off
     * @param code a close code or a count where it applies
     * @param nanoTime when, by {@link System#nanoTime()}
     */
    public record GatewayEvent(String kind, int code, long nanoTime) {
    }

    /** Settings for a new emulator. */
    public static final class Builder {

        private int port;
        private String token = DEFAULT_TOKEN;
        private String botName = "IdeaBot";
        private Duration heartbeatInterval = Duration.ofMillis(41_250);
        private boolean defaultWorld = true;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder botName(String botName) {
            this.botName = botName;
            return this;
        }

        /** The heartbeat interval sent in HELLO; Discord's is about 41 s, tests use less. */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
            return this;
        }

        /** Whether to start with the default guild, channels and users (true by default). */
        public Builder defaultWorld(boolean defaultWorld) {
            this.defaultWorld = defaultWorld;
            return this;
        }

        public DiscordEmulator build() {
            return new DiscordEmulator(this);
        }
    }
}
