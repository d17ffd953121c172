package io.github.jdaboot.interaction.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The newest message seen in each recently active channel, for at most {@code capacity}
 * channels: what {@link MissedCommandRecovery} reads after a new session. It is told of
 * every message, on JDA's event threads, so a message in a channel it knows takes neither
 * a lock nor an allocation: a lookup in an open-addressing table and one compare-and-set.
 * A channel seen for the first time takes a lock; when the table is full, the least
 * recently active quarter (by the time in their newest message's id) is dropped.
 */
final class ChannelActivity {

    /**
     * One channel: its newest message id, only ever raised, and for a direct-message
     * channel the other user.
     */
    static final class Channel {

        private final long id;

        private final AtomicLong lastMessageId = new AtomicLong();

        private volatile long directUserId;

        private Channel(long id) {
            this.id = id;
        }

        long id() {
            return this.id;
        }

        long lastMessageId() {
            return this.lastMessageId.get();
        }

        /**
         * The user at the other end of a direct-message channel, 0 for a guild channel.
         */
        long directUserId() {
            return this.directUserId;
        }

    }

    private final int capacity;

    /**
     * Open addressing, linear probing; replaced (never shrunk in place) when full.
     * Entries have final ids.
     */
    private volatile @Nullable Channel[] table;

    /** Channels in {@link #table}; guarded by {@code this}. */
    private int size;

    ChannelActivity(int capacity) {
        this.capacity = capacity;
        this.table = new Channel[tableLength(capacity)];
    }

    /**
     * A message was seen.
     * @param directUserId the user at the other end of a direct-message channel, else 0
     */
    void seen(long channelId, long messageId, long directUserId) {
        Channel channel = find(this.table, channelId);
        if (channel == null) {
            channel = add(channelId);
        }
        channel.lastMessageId.accumulateAndGet(messageId, Math::max);
        if (directUserId != 0) {
            channel.directUserId = directUserId;
        }
    }

    /** Whether any channel was seen. */
    synchronized boolean isEmpty() {
        return this.size == 0;
    }

    /** How many channels are kept. */
    synchronized int size() {
        return this.size;
    }

    /**
     * The channels kept whose newest message is at least this id (the first id of a
     * moment), newest first.
     */
    List<Channel> activeSince(long messageId) {
        List<Channel> active = new ArrayList<>();
        for (Channel channel : this.table) {
            if (channel != null && channel.lastMessageId() >= messageId) {
                active.add(channel);
            }
        }
        active.sort(Comparator.comparingLong(Channel::lastMessageId).reversed());
        return active;
    }

    private synchronized Channel add(long channelId) {
        Channel known = find(this.table, channelId);
        if (known != null) {
            return known;
        }
        if (this.size >= this.capacity) {
            dropLeastActive();
        }
        Channel channel = new Channel(channelId);
        place(this.table, channel);
        this.size++;
        return channel;
    }

    /** Keeps the most recently active three quarters, in a new table. */
    private void dropLeastActive() {
        Channel[] kept = Arrays.stream(this.table)
            .filter((channel) -> channel != null)
            .sorted(Comparator.comparingLong(Channel::lastMessageId).reversed())
            .limit(this.capacity * 3L / 4)
            .toArray(Channel[]::new);
        Channel[] next = new Channel[this.table.length];
        for (Channel channel : kept) {
            place(next, channel);
        }
        this.size = kept.length;
        this.table = next;
    }

    private static @Nullable Channel find(@Nullable Channel[] table, long channelId) {
        int mask = table.length - 1;
        for (int i = slot(channelId, mask);; i = (i + 1) & mask) {
            Channel channel = table[i];
            if (channel == null || channel.id == channelId) {
                return channel;
            }
        }
    }

    private static void place(@Nullable Channel[] table, Channel channel) {
        int mask = table.length - 1;
        int i = slot(channel.id, mask);
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = channel;
    }

    /**
     * Snowflakes vary most in their low (counter) and middle (time) bits: mixed, so that
     * neighbours spread.
     */
    private static int slot(long id, int mask) {
        long mixed = id * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & mask;
    }

    /** At least twice the capacity, a power of two: probes stay short. */
    private static int tableLength(int capacity) {
        return Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    }

}
