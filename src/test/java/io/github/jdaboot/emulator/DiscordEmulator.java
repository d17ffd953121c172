package io.github.jdaboot.emulator;

import java.net.InetAddress;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A wire-level Discord stand-in for tests and local runs: Discord's gateway (WebSocket,
 * JSON, optional zlib-stream) and REST API (v10) on one loopback port, an HTTP control
 * API under {@code /emulator/} with a chat page, and a Java API in the style of OkHttp's
 * MockWebServer: start it, shape the world, act as users, then assert on what the bot
 * sent and requested. The Java API is split by concern: {@link #gateway()} (connections
 * and their faults), {@link #rest()} (requests, faults, rate limits) and {@link #world()}
 * (guilds, channels, users, messages).
 *
 * <pre>{@code
 * try (DiscordEmulator discord = DiscordEmulator.builder().build().start()) {
 *     // point the bot at discord.restUrl() and discord.gatewayUrl() with discord.token()
 *     World world = discord.world();
 *     EmulatedMessage asked = world.as("alice").says(world.channel("general"), ".idea");
 *     EmulatedMessage reply = world.awaitReply(asked, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class DiscordEmulator implements AutoCloseable {

    /** The token the emulator accepts unless told otherwise. */
    public static final String DEFAULT_TOKEN = "emulator-bot-token";

    private final EmulatorWorld state;

    private final Payloads payloads;

    private final Gateway gateway;

    private final RestApi rest;

    private final DiscordRoutes routes;

    private final InteractionDispatcher interactions;

    private final Monetization monetization;

    private final World world;

    private final EmulatorServer server;

    /** The clock the emulator made for itself and stops with it; null when given one. */
    private final @Nullable SystemClock ownClock;

    private DiscordEmulator(Builder builder) {
        this.ownClock = (builder.clock != null) ? null : new SystemClock();
        EmulatorClock clock = (builder.clock != null) ? builder.clock : this.ownClock;
        this.state = new EmulatorWorld(builder.token, builder.botName, clock);
        this.payloads = new Payloads(this.state);
        TrafficChecks checks = builder.trafficChecks ? TrafficChecks.onClassPath() : TrafficChecks.none();
        this.gateway = new Gateway(this.state, this.payloads, checks, builder.heartbeatInterval, builder.maxConcurrency,
                builder.sessionStartsLeft);
        this.monetization = new Monetization(this.state, this.payloads, this.gateway);
        Messaging messaging = new Messaging(this.state, this.payloads, this.gateway, this.monetization);
        this.rest = new RestApi(this.state, this.payloads, new RateLimits(clock), checks);
        this.routes = new DiscordRoutes(this.state, this.payloads, this.gateway, builder.shards,
                builder.sessionStartTotal);
        this.routes.register(this.rest);
        new MessageRoutes(this.state, this.payloads, messaging, this.gateway).register(this.rest);
        new ReactionRoutes(this.state, this.payloads, messaging, this.gateway).register(this.rest);
        new PollRoutes(this.state, this.payloads, messaging.polls()).register(this.rest);
        new ChannelRoutes(this.state, this.payloads, this.gateway).register(this.rest);
        new MemberRoutes(this.state, this.payloads, this.gateway).register(this.rest);
        new RoleRoutes(this.state, this.payloads, this.gateway).register(this.rest);
        new ApplicationEmojiRoutes(this.state, this.payloads).register(this.rest);
        CommandRegistry commands = new CommandRegistry(this.state, this.payloads);
        commands.register(this.rest);
        new InteractionCallbacks(this.state, this.payloads, messaging).register(this.rest);
        this.monetization.register(this.rest);
        this.interactions = new InteractionDispatcher(this.state, this.payloads, this.gateway, commands,
                this.monetization);
        this.world = new World(this.state, this.payloads, messaging, commands, this.interactions, this.gateway,
                this.monetization);
        ControlApi control = new ControlApi(this);
        this.server = new EmulatorServer(InetAddress.getLoopbackAddress(), builder.port,
                (request) -> request.path().startsWith(RestApi.PREFIX) ? this.rest.handle(request)
                        : control.handle(request),
                this.gateway.connections(), clock);
        if (builder.defaultWorld) {
            DefaultWorld.populate(this.world);
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
        if (this.ownClock != null) {
            this.ownClock.close();
        }
    }

    /**
     * Makes the emulator vanish: the port closes and every connection drops without a
     * close frame.
     */
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
        return this.state.token();
    }

    /** The gateway: connections, faults on them, and counters. */
    public Gateway gateway() {
        return this.gateway;
    }

    /** The REST API: the requests the bot made, injected faults, rate limits. */
    public RestApi rest() {
        return this.rest;
    }

    /** The world: guilds, channels, users and messages; users act through it. */
    public World world() {
        return this.world;
    }

    /**
     * Takes back every fault and limit a test injected or changed, on the gateway and on
     * REST: what one test does to a shared emulator does not leak into the next.
     */
    public void resetFaults() {
        this.gateway.resetFaults();
        this.rest.resetFaults();
    }

    /** How many TCP connections the server accepted (REST, gateway and control alike). */
    public int acceptedConnections() {
        return this.server.acceptedConnections();
    }

    EmulatorWorld state() {
        return this.state;
    }

    Payloads payloads() {
        return this.payloads;
    }

    InteractionDispatcher interactions() {
        return this.interactions;
    }

    /** Settings for a new emulator. */
    public static final class Builder {

        private int port;

        private String token = DEFAULT_TOKEN;

        private String botName = "IdeaBot";

        private Duration heartbeatInterval = Duration.ofMillis(41_250);

        private boolean defaultWorld = true;

        private int shards = 1;

        private int sessionStartTotal = 1000;

        private int sessionStartsLeft = 1000;

        private int maxConcurrency = 1;

        private @Nullable EmulatorClock clock;

        private boolean trafficChecks = Boolean.parseBoolean(System.getProperty("emulator.traffic-checks", "true"));

        private Builder() {
        }

        /**
         * Whether the {@link TrafficCheck}s on the class path see what the emulator sends
         * (on by default: in the test suite, every response and dispatch is checked
         * against Discord's OpenAPI spec). Off for load tests, benchmarks and the running
         * application, where the check would cost time and nobody reads its verdict. The
         * default is the system property {@code emulator.traffic-checks}, true unless set
         * (so {@code ./mvnw test -Demulator.traffic-checks=false} runs the suite
         * without).
         */
        public Builder trafficChecks(boolean trafficChecks) {
            this.trafficChecks = trafficChecks;
            return this;
        }

        /**
         * The emulator's time: a {@link ManualClock} lets a test move past Discord's
         * waits (IDENTIFY spacing, callback deadlines, token lifetimes, rate-limit
         * windows) instead of sleeping through them. The system's time by default. The
         * emulator does not stop a clock it is given.
         */
        public Builder clock(EmulatorClock clock) {
            this.clock = clock;
            return this;
        }

        /** The shard count {@code GET /gateway/bot} recommends (1 by default). */
        public Builder shards(int shards) {
            this.shards = shards;
            return this;
        }

        /**
         * The {@code session_start_limit} of {@code GET /gateway/bot}: the daily IDENTIFY
         * budget, what is left of it (each IDENTIFY takes one), and
         * {@code max_concurrency}, the number of IDENTIFY buckets (1000, 1000, 1 by
         * default).
         */
        public Builder sessionStartLimit(int total, int remaining, int maxConcurrency) {
            this.sessionStartTotal = total;
            this.sessionStartsLeft = remaining;
            this.maxConcurrency = maxConcurrency;
            return this;
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

        /**
         * The heartbeat interval sent in HELLO; Discord's is about 41 s, tests use less.
         */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = heartbeatInterval;
            return this;
        }

        /**
         * Whether to start with the default guild, channels and users (true by default).
         */
        public Builder defaultWorld(boolean defaultWorld) {
            this.defaultWorld = defaultWorld;
            return this;
        }

        public DiscordEmulator build() {
            return new DiscordEmulator(this);
        }

    }

}
