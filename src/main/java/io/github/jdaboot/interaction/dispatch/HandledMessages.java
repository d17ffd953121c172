package io.github.jdaboot.interaction.dispatch;

/**
 * The ids of the messages already taken as commands, the most recent {@code capacity} of
 * them, so that a message seen twice (replayed on RESUME, or fetched again after a new
 * session) is answered once.
 * <p>
 * Kept in primitive arrays allocated once: a ring of the ids in the order they came, and
 * an open-addressing set of them for the lookup. Boxed ids in a map would live as long as
 * they are remembered, and every one of them would be copied by the young collections it
 * survives before it reached the old generation.
 */
final class HandledMessages {

    private final int capacity;

    /**
     * The ids in the order they were taken; the oldest is overwritten once the ring is
     * full.
     */
    private final long[] ring;

    /** The same ids, in linear probing; 0 marks a free slot (no message has the id 0). */
    private final long[] set;

    private int next;

    private int size;

    HandledMessages(int capacity) {
        this.capacity = capacity;
        this.ring = new long[capacity];
        this.set = new long[Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1];
    }

    /** Records the id; false when it was already there. */
    synchronized boolean firstTime(long messageId) {
        if (messageId == 0) {
            return true; // no message has it: nothing to remember it by
        }
        if (slotOf(messageId) >= 0) {
            return false;
        }
        if (this.size == this.capacity) {
            remove(this.ring[this.next]);
            this.size--;
        }
        this.ring[this.next] = messageId;
        this.next = (this.next + 1) % this.capacity;
        add(messageId);
        this.size++;
        return true;
    }

    /** How many ids are remembered (at most the capacity). */
    synchronized int size() {
        return this.size;
    }

    private int slotOf(long id) {
        int mask = this.set.length - 1;
        for (int i = start(id, mask);; i = (i + 1) & mask) {
            if (this.set[i] == id) {
                return i;
            }
            if (this.set[i] == 0) {
                return -1;
            }
        }
    }

    private void add(long id) {
        int mask = this.set.length - 1;
        int i = start(id, mask);
        while (this.set[i] != 0) {
            i = (i + 1) & mask;
        }
        this.set[i] = id;
    }

    /**
     * Removes the id and moves back the ids after it that probed past its slot, so that
     * lookups still find them.
     */
    private void remove(long id) {
        int mask = this.set.length - 1;
        int free = slotOf(id);
        if (free < 0) {
            return;
        }
        this.set[free] = 0;
        for (int i = (free + 1) & mask; this.set[i] != 0; i = (i + 1) & mask) {
            int home = start(this.set[i], mask);
            // the id at i may move to the free slot if its home is not cyclically within
            // (free, i]
            boolean reachable = (free <= i) ? (home > free && home <= i) : (home > free || home <= i);
            if (!reachable) {
                this.set[free] = this.set[i];
                this.set[i] = 0;
                free = i;
            }
        }
    }

    private static int start(long id, int mask) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

}
