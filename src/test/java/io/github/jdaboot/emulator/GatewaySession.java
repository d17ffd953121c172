package io.github.jdaboot.emulator;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * One gateway session, as Discord keeps it between connections: its id, the shard it
 * serves, its sequence numbers and the events it dispatched, so that a RESUME can replay
 * what the bot missed.
 */
final class GatewaySession {

    /** One dispatched event, kept for replay. */
    record Dispatch(long seq, GatewayEvent event, String frame) {
    }

    private static final int MAX_REPLAY = 100_000;

    private final String id;

    private final int shardId;

    private final int shardCount;

    private final long intents;

    private final Deque<Dispatch> history = new ArrayDeque<>();

    private long seq;

    private @Nullable GatewayConnection connection;

    private boolean invalidated;

    GatewaySession(String id, int shardId, int shardCount, long intents) {
        this.id = id;
        this.shardId = shardId;
        this.shardCount = shardCount;
        this.intents = intents;
    }

    String id() {
        return this.id;
    }

    int shardId() {
        return this.shardId;
    }

    int shardCount() {
        return this.shardCount;
    }

    long intents() {
        return this.intents;
    }

    boolean has(Intent intent) {
        return intent.in(this.intents);
    }

    /** Whether the session's intents let the event from this guild (0: a DM) through. */
    boolean receives(GatewayEvent event, long guildId) {
        return event.reaches(this.intents, guildId);
    }

    /**
     * Whether events of this guild go to this session's shard, as Discord routes them.
     */
    boolean servesGuild(long guildId) {
        return (guildId == 0) ? this.shardId == 0 : ((guildId >>> 22) % this.shardCount) == this.shardId;
    }

    synchronized boolean isInvalidated() {
        return this.invalidated;
    }

    synchronized void invalidate() {
        this.invalidated = true;
        this.history.clear();
    }

    synchronized @Nullable GatewayConnection connection() {
        return this.connection;
    }

    /** Whether the session is attached to an open connection. */
    synchronized boolean isLive() {
        return !this.invalidated && this.connection != null && this.connection.isOpen();
    }

    /**
     * Assigns the next sequence number, keeps the event for replay and sends it when
     * connected.
     * @param event the event
     * @param dataJson the event's {@code d}, serialized
     */
    synchronized void dispatch(GatewayEvent event, String dataJson) {
        if (this.invalidated) {
            return;
        }
        long next = ++this.seq;
        String frame = frame(event, next, dataJson);
        this.history.addLast(new Dispatch(next, event, frame));
        if (this.history.size() > MAX_REPLAY) {
            this.history.removeFirst();
        }
        if (this.connection != null) {
            this.connection.send(frame);
        }
    }

    private static String frame(GatewayEvent event, long seq, String dataJson) {
        return "{\"op\":0,\"t\":\"" + event.name() + "\",\"s\":" + seq + ",\"d\":" + dataJson + "}";
    }

    /** Attaches a fresh connection after IDENTIFY. */
    synchronized void attach(GatewayConnection connection) {
        this.connection = connection;
    }

    /**
     * Attaches a connection that resumed from {@code lastSeq}: replays every later event
     * in order, then dispatches RESUMED.
     * @return how many events were replayed, or -1 when the history no longer reaches
     * back that far
     */
    synchronized int resume(GatewayConnection connection, long lastSeq) {
        if (this.invalidated || lastSeq > this.seq) {
            return -1;
        }
        Dispatch oldest = this.history.peekFirst();
        if (oldest != null && oldest.seq() > lastSeq + 1) {
            return -1;
        }
        this.connection = connection;
        int replayed = 0;
        for (Dispatch dispatch : this.history) {
            if (dispatch.seq() > lastSeq) {
                connection.send(dispatch.frame());
                replayed++;
            }
        }
        // RESUMED takes a sequence number but is not itself replayed by a later RESUME
        connection.send(frame(GatewayEvent.RESUMED, ++this.seq, "{}"));
        return replayed;
    }

    /** Forgets the connection if it is still the attached one. */
    synchronized void detach(GatewayConnection connection) {
        if (this.connection == connection) {
            this.connection = null;
        }
    }

    synchronized long seq() {
        return this.seq;
    }

}
