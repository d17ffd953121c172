package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The emulator's gateway, {@code discord.gateway()}: HELLO, IDENTIFY (token and intents
 * checked), READY and a GUILD_CREATE per guild, heartbeats and their ACKs, sequence
 * numbers, RESUME with in-order replay, op 7 and op 9, and close codes. Events reach the
 * sessions whose shard serves the guild. As on Discord, IDENTIFYs are limited to one per
 * 5 s per bucket ({@code shard_id % max_concurrency}; one sooner gets op 9), count
 * against the daily {@code session_start_limit}, and two live sessions may hold the same
 * shard (both get its events; counted, since a bot must never let it happen). Tests
 * inject faults (closes, drops, unanswered heartbeats, refused connections) and read
 * counters.
 */
public final class Gateway {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    static final int OP_DISPATCH = 0;
    static final int OP_HEARTBEAT = 1;
    static final int OP_IDENTIFY = 2;
    static final int OP_PRESENCE_UPDATE = 3;
    static final int OP_RESUME = 6;
    static final int OP_RECONNECT = 7;
    static final int OP_REQUEST_GUILD_MEMBERS = 8;
    static final int OP_INVALID_SESSION = 9;
    static final int OP_HELLO = 10;
    static final int OP_HEARTBEAT_ACK = 11;

    /**
     * Discord's identify rate limit with max_concurrency 1: one IDENTIFY per 5 seconds.
     */
    static final Duration IDENTIFY_INTERVAL = Duration.ofSeconds(5);

    /**
     * Intents Discord calls privileged: GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT.
     */
    static final long PRIVILEGED_INTENTS = Intent.bits(Intent.privileged());

    /**
     * Something that happened on the gateway.
     *
     * @param kind what happened
     * @param code a close code or a count where it applies
     * @param nanoTime when, by {@link System#nanoTime()}: a real time, to measure the
     * bot's behaviour by
     */
    public record Event(GatewayActivity kind, int code, long nanoTime) {
    }

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final TrafficChecks checks;

    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();

    private final Set<GatewayConnection> connections = ConcurrentHashMap.newKeySet();

    private final List<Event> events = new CopyOnWriteArrayList<>();

    /** Heartbeats still to acknowledge: -1 for all of them. */
    private final AtomicInteger acknowledgementsLeft = new AtomicInteger(-1);

    private final AtomicBoolean answerClientClose = new AtomicBoolean(true);

    private final AtomicInteger refuseResumes = new AtomicInteger();

    private final AtomicInteger failIdentifies = new AtomicInteger();

    private volatile int failIdentifyCode;

    private volatile boolean refuseConnections;

    private final AtomicInteger identifies = new AtomicInteger();

    private final AtomicInteger resumes = new AtomicInteger();

    private final AtomicInteger heartbeats = new AtomicInteger();

    private final Queue<Long> heartbeatNanos = new ConcurrentLinkedQueue<>();

    private final AtomicInteger identifyRateViolations = new AtomicInteger();

    private final AtomicInteger duplicateSessions = new AtomicInteger();

    private final Map<Integer, Instant> lastIdentifies = new ConcurrentHashMap<>();

    private final int maxConcurrency;

    private final AtomicInteger sessionStartsLeft;

    private volatile long allowedPrivilegedIntents = PRIVILEGED_INTENTS;

    private final Duration initialHeartbeatInterval;

    private volatile Duration heartbeatInterval;

    private volatile String resumeUrl = "";

    Gateway(EmulatorWorld world, Payloads payloads, TrafficChecks checks, Duration heartbeatInterval,
            int maxConcurrency, int sessionStarts) {
        this.world = world;
        this.payloads = payloads;
        this.checks = checks;
        this.maxConcurrency = maxConcurrency;
        this.sessionStartsLeft = new AtomicInteger(sessionStarts);
        this.heartbeatInterval = heartbeatInterval;
        this.initialHeartbeatInterval = heartbeatInterval;
    }

    void resumeUrl(String url) {
        this.resumeUrl = url;
    }

    /** The server's view: connections opening, payloads arriving, connections ending. */
    EmulatorServer.GatewayHandler connections() {
        return new EmulatorServer.GatewayHandler() {

            @Override
            public boolean accepts(EmulatorRequest upgrade) {
                if (Gateway.this.refuseConnections) {
                    record(GatewayActivity.CONNECT_REFUSED, 503);
                    return false;
                }
                return true;
            }

            @Override
            public void opened(GatewayConnection connection) {
                Gateway.this.connections.add(connection);
                record(GatewayActivity.CONNECT, 0);
                connection.send("{\"op\":10,\"d\":{\"heartbeat_interval\":" + Gateway.this.heartbeatInterval.toMillis()
                        + "}," + "\"s\":null,\"t\":null}");
            }

            @Override
            public void received(GatewayConnection connection, String text) {
                try {
                    handle(connection, Gateway.this.world.json().readTree(text));
                }
                catch (JacksonException ex) {
                    connection.close(4002, "Decode error");
                }
                catch (RuntimeException ex) {
                    log.warn("Emulator gateway failed; closing the connection with 4000", ex);
                    connection.close(4000, "Unknown error");
                }
            }

            @Override
            public void closedByClient(GatewayConnection connection, int code) {
                record(GatewayActivity.CLIENT_CLOSE, code);
                if (Gateway.this.answerClientClose.get()) {
                    connection.close(code, "");
                }
                // else a half-dead server: the close goes unanswered and the socket stays
                // open until the client drops it
            }

            @Override
            public void ended(GatewayConnection connection) {
                if (connection.droppedByClient()) {
                    record(GatewayActivity.CLIENT_DROP, 1006);
                }
                Gateway.this.connections.remove(connection);
                GatewaySession session = connection.session();
                if (session != null) {
                    session.detach(connection);
                }
            }

        };
    }

    private void handle(GatewayConnection connection, JsonNode payload) {
        int op = payload.path("op").asInt(-1);
        JsonNode d = payload.path("d");
        switch (op) {
            case OP_HEARTBEAT -> {
                this.heartbeats.incrementAndGet();
                this.heartbeatNanos.add(System.nanoTime());
                int left = this.acknowledgementsLeft.getAndUpdate((n) -> (n > 0) ? n - 1 : n);
                if (left != 0) {
                    connection.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                }
                if (left == 1) {
                    record(GatewayActivity.ACKS_OFF, 0);
                }
            }
            case OP_IDENTIFY -> identify(connection, d);
            case OP_RESUME -> resume(connection, d);
            case OP_PRESENCE_UPDATE, OP_REQUEST_GUILD_MEMBERS -> {
                // accepted; the emulator keeps no presence and sends no member chunks
            }
            default -> connection.close(4001, "Unknown opcode");
        }
    }

    private void identify(GatewayConnection connection, JsonNode d) {
        this.identifies.incrementAndGet();
        this.sessionStartsLeft.decrementAndGet();
        record(GatewayActivity.IDENTIFY, 0);
        if (connection.session() != null) {
            connection.close(4005, "Already authenticated");
            return;
        }
        if (!this.world.token().equals(d.path("token").asString(""))) {
            connection.close(4004, "Authentication failed");
            return;
        }
        if (this.failIdentifies.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
            connection.close(this.failIdentifyCode, closeReason(this.failIdentifyCode));
            return;
        }
        long intents = d.path("intents").asLong(-1);
        if (intents < 0 || intents >= Intent.LIMIT) {
            connection.close(4013, "Invalid intent(s)");
            return;
        }
        if ((intents & PRIVILEGED_INTENTS & ~this.allowedPrivilegedIntents) != 0) {
            connection.close(4014, "Disallowed intent(s)");
            return;
        }
        int shardId = 0;
        int shardCount = 1;
        JsonNode shard = d.path("shard");
        if (shard.isArray() && shard.size() == 2) {
            shardId = shard.get(0).asInt();
            shardCount = shard.get(1).asInt();
            if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
                connection.close(4010, "Invalid shard");
                return;
            }
        }
        if (identifiedTooSoon(shardId)) {
            this.identifyRateViolations.incrementAndGet();
            record(GatewayActivity.IDENTIFY_RATE_LIMITED, shardId);
            connection.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
            return;
        }
        String sessionId = HexFormat.of().formatHex(randomBytes());
        GatewaySession session = new GatewaySession(sessionId, shardId, shardCount, intents);
        // a fresh IDENTIFY replaces the shard's sessions that have no connection; a live
        // one stays, as on Discord
        for (GatewaySession old : this.sessions.values()) {
            if (old.shardId() == shardId && old.shardCount() == shardCount) {
                if (old.isLive()) {
                    this.duplicateSessions.incrementAndGet();
                    record(GatewayActivity.DUPLICATE_SESSION, shardId);
                }
                else {
                    old.invalidate();
                    this.sessions.remove(old.id());
                }
            }
        }
        this.sessions.put(sessionId, session);
        connection.session(session);
        session.attach(connection);
        List<EmulatedGuild> guilds = new ArrayList<>();
        for (EmulatedGuild guild : this.world.guilds()) {
            if (session.servesGuild(guild.id())) {
                guilds.add(guild);
            }
        }
        session.dispatch(GatewayEvent.READY,
                checked(GatewayEvent.READY, this.payloads.ready(session, guilds, this.resumeUrl).toString()));
        for (EmulatedGuild guild : guilds) {
            if (session.receives(GatewayEvent.GUILD_CREATE, guild.id())) {
                session.dispatch(GatewayEvent.GUILD_CREATE,
                        checked(GatewayEvent.GUILD_CREATE, this.payloads.guildCreate(guild).toString()));
            }
        }
        record(GatewayActivity.READY, 0);
    }

    /**
     * Whether another IDENTIFY of this shard's bucket
     * ({@code shard_id % max_concurrency}) came within 5 s, by the emulator's clock.
     */
    private boolean identifiedTooSoon(int shardId) {
        Instant now = this.world.now();
        Instant last = this.lastIdentifies.put(shardId % this.maxConcurrency, now);
        return last != null && Duration.between(last, now).compareTo(IDENTIFY_INTERVAL) < 0;
    }

    private void resume(GatewayConnection connection, JsonNode d) {
        this.resumes.incrementAndGet();
        record(GatewayActivity.RESUME, 0);
        GatewaySession session = this.sessions.get(d.path("session_id").asString(""));
        if (!this.world.token().equals(d.path("token").asString(""))) {
            connection.close(4004, "Authentication failed");
            return;
        }
        if (session != null && this.refuseResumes.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
            session = null;
        }
        int replayed = (session != null) ? session.resume(connection, d.path("seq").asLong(0)) : -1;
        if (replayed < 0) {
            record(GatewayActivity.RESUME_REFUSED, 0);
            connection.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
            return;
        }
        connection.session(session);
        record(GatewayActivity.RESUMED, replayed);
    }

    /**
     * Sends the event to every session that serves the guild (0 = direct messages, shard
     * 0) and has the intent it needs.
     * @param data the event's {@code d}, made only when some session takes it, and then
     * once
     */
    void dispatch(GatewayEvent event, long guildId, Supplier<String> data) {
        dispatch(event, guildId, data, (session) -> true);
    }

    /** As above, to the sessions that also pass the filter. */
    void dispatch(GatewayEvent event, long guildId, Supplier<String> data, Predicate<GatewaySession> filter) {
        String json = null;
        for (GatewaySession session : this.sessions.values()) {
            if (!session.isInvalidated() && session.servesGuild(guildId) && session.receives(event, guildId)
                    && filter.test(session)) {
                json = (json != null) ? json : checked(event, data.get());
                session.dispatch(event, json);
            }
        }
    }

    /** Shows a dispatch's {@code d} to the traffic checks, once, before it is sent. */
    private String checked(GatewayEvent event, String data) {
        if (this.checks.isActive()) {
            this.checks.dispatch(event, data);
        }
        return data;
    }

    /**
     * Closes every gateway connection with the code. As on Discord, 4007 (invalid seq)
     * and 4009 (session timed out) end the session too: a RESUME after them is refused
     * and the bot must IDENTIFY anew.
     */
    public void close(int code) {
        String reason = closeReason(code);
        record(GatewayActivity.SERVER_CLOSE, code);
        if (code == 4007 || code == 4009) {
            for (GatewaySession session : this.sessions.values()) {
                session.invalidate();
            }
            this.sessions.clear();
        }
        for (GatewayConnection connection : this.connections) {
            connection.close(code, reason);
        }
    }

    /** Drops every gateway connection without a close frame (the bot sees 1006). */
    public void drop() {
        record(GatewayActivity.SERVER_DROP, 1006);
        for (GatewayConnection connection : this.connections) {
            connection.abort();
        }
    }

    void sendToAll(String json, GatewayActivity kind) {
        record(kind, 0);
        for (GatewayConnection connection : this.connections) {
            connection.send(json);
        }
    }

    /**
     * Takes back every fault a test injected: heartbeats acknowledged, closes answered,
     * connections accepted.
     */
    void resetFaults() {
        this.acknowledgementsLeft.set(-1);
        this.answerClientClose.set(true);
        this.refuseConnections = false;
        this.failIdentifies.set(0);
        this.refuseResumes.set(0);
        this.allowedPrivilegedIntents = PRIVILEGED_INTENTS;
        this.heartbeatInterval = this.initialHeartbeatInterval;
    }

    /** Sends op 7 RECONNECT. */
    public void requestReconnect() {
        sendToAll("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}", GatewayActivity.RECONNECT_REQUEST);
    }

    /**
     * Sends op 9 INVALID_SESSION; with {@code resumable=false} the sessions are
     * forgotten.
     */
    public void invalidateSession(boolean resumable) {
        if (!resumable) {
            for (GatewaySession session : this.sessions.values()) {
                session.invalidate();
            }
            this.sessions.clear();
        }
        sendToAll("{\"op\":9,\"d\":" + resumable + ",\"s\":null,\"t\":null}", GatewayActivity.INVALID_SESSION);
    }

    /**
     * Stops or resumes answering heartbeats with op 11 ACK, leaving the socket open (a
     * zombie connection).
     */
    public void acknowledgeHeartbeats(boolean acknowledge) {
        this.acknowledgementsLeft.set(acknowledge ? -1 : 0);
        record(acknowledge ? GatewayActivity.ACKS_ON : GatewayActivity.ACKS_OFF, 0);
    }

    /**
     * Acknowledges the next heartbeat, then no more: the connection turns zombie just
     * after an ACK, so the bot's time to notice is the same in every run. The
     * {@code acks-off} event marks the moment.
     */
    public void stopAcknowledgingAfterNextHeartbeat() {
        this.acknowledgementsLeft.set(1);
    }

    /** Whether to answer the bot's close frame (a half-dead connection does not). */
    public void answerClientClose(boolean answer) {
        this.answerClientClose.set(answer);
    }

    /**
     * Refuses (503) or accepts again new gateway connections; open ones are not affected.
     */
    public void refuseConnections(boolean refuse) {
        this.refuseConnections = refuse;
    }

    /**
     * Closes the next {@code count} IDENTIFY attempts with the code, e.g. 4004 or 4014.
     */
    public void failNextIdentifies(int count, int closeCode) {
        this.failIdentifyCode = closeCode;
        this.failIdentifies.set(count);
    }

    /** Answers the next RESUME attempts with op 9 {@code d=false}. */
    public void refuseNextResumes(int count) {
        this.refuseResumes.set(count);
    }

    /**
     * Which privileged intents the application may use, as enabled in the Developer
     * Portal; others get 4014.
     */
    public void allowPrivilegedIntents(boolean members, boolean presences, boolean messageContent) {
        this.allowedPrivilegedIntents = (members ? 1L << 1 : 0) | (presences ? 1L << 8 : 0)
                | (messageContent ? 1L << 15 : 0);
    }

    /** The heartbeat interval sent in the next HELLO. */
    public void heartbeatInterval(Duration interval) {
        this.heartbeatInterval = interval;
    }

    public Duration heartbeatInterval() {
        return this.heartbeatInterval;
    }

    /** How many IDENTIFYs arrived. */
    public int identifyCount() {
        return this.identifies.get();
    }

    /** How many RESUMEs arrived. */
    public int resumeCount() {
        return this.resumes.get();
    }

    /** When each heartbeat arrived ({@link System#nanoTime()}), in order. */
    public List<Long> heartbeatTimes() {
        return List.copyOf(this.heartbeatNanos);
    }

    /** How many heartbeats arrived. */
    public int heartbeatCount() {
        return this.heartbeats.get();
    }

    /**
     * How many IDENTIFYs came less than 5 s after the previous one of their bucket; each
     * got op 9.
     */
    public int identifyRateViolations() {
        return this.identifyRateViolations.get();
    }

    /** How many IDENTIFYs started a second session on a shard that had a live one. */
    public int duplicateSessions() {
        return this.duplicateSessions.get();
    }

    /** How many sessions of the shard are attached to an open connection now. */
    public int liveSessions(int shardId) {
        return (int) this.sessions.values()
            .stream()
            .filter((session) -> session.shardId() == shardId && session.isLive())
            .count();
    }

    /**
     * The {@code session_start_limit.remaining} of {@code GET /gateway/bot}: the start
     * budget less every IDENTIFY.
     */
    public int sessionStartsLeft() {
        return Math.max(0, this.sessionStartsLeft.get());
    }

    int maxConcurrency() {
        return this.maxConcurrency;
    }

    /** How many gateway connections are open. */
    public int openConnections() {
        int open = 0;
        for (GatewayConnection connection : this.connections) {
            if (connection.isOpen()) {
                open++;
            }
        }
        return open;
    }

    /** Whether some session is attached to an open connection. */
    public boolean hasLiveSession() {
        return this.sessions.values().stream().anyMatch(GatewaySession::isLive);
    }

    @Nullable GatewaySession sessionForShard(int shardId) {
        for (GatewaySession session : this.sessions.values()) {
            if (session.shardId() == shardId && !session.isInvalidated()) {
                return session;
            }
        }
        return null;
    }

    /** What happened on the gateway so far, in order. */
    public List<Event> events() {
        return List.copyOf(this.events);
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

    private void record(GatewayActivity kind, int code) {
        this.events.add(new Event(kind, code, System.nanoTime()));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

}
