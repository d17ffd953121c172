package io.github.jdaboot.command;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the messages already taken as commands, the most recent ones, so that a message seen
 * twice (replayed on RESUME, or fetched again after a new session) is answered once.
 */
final class HandledMessages {

    private final Map<Long, Boolean> ids;

    HandledMessages(int capacity) {
        this.ids = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the id; false when it was already there. */
    synchronized boolean firstTime(long messageId) {
        return this.ids.put(messageId, Boolean.TRUE) == null;
    }
}
