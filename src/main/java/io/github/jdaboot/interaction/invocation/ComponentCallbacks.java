package io.github.jdaboot.interaction.invocation;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.github.jdaboot.interaction.ComponentCallback;
import io.github.jdaboot.interaction.Reply;

/**
 * The callbacks of components sent with one ({@link Reply#withButton}): kept in memory
 * under a random custom id starting with {@code ~}, at most {@code max} of them (the
 * least recently used go first), each for {@code expireAfter}. A click on one that is
 * gone finds nothing, and its user is told so.
 */
public class ComponentCallbacks {

    /**
     * Custom ids of components with callbacks start with this; templates of handlers may
     * not.
     */
    public static final String PREFIX = Reply.CALLBACK_PREFIX;

    private record Kept(ComponentCallback callback, long expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();

    private final Map<String, Kept> callbacks;

    private final Duration expireAfter;

    private final LongSupplier nanoClock;

    public ComponentCallbacks(int max, Duration expireAfter) {
        this(max, expireAfter, System::nanoTime);
    }

    public ComponentCallbacks(int max, Duration expireAfter, LongSupplier nanoClock) {
        this.callbacks = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                return size() > max;
            }
        };
        this.expireAfter = expireAfter;
        this.nanoClock = nanoClock;
    }

    /** Keeps the callback; its custom id. */
    String register(ComponentCallback callback) {
        String id = newId();
        register(id, callback);
        return id;
    }

    /**
     * A custom id for a callback, not yet kept: a reply's components get theirs before
     * its limits are checked, and the callbacks are kept once they passed.
     */
    String newId() {
        byte[] bytes = new byte[12];
        this.random.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** Keeps the callback under an id from {@link #newId()}. */
    synchronized void register(String id, ComponentCallback callback) {
        this.callbacks.put(id, new Kept(callback, this.nanoClock.getAsLong() + this.expireAfter.toNanos()));
    }

    /** The callback behind a custom id, while it has not expired. */
    public synchronized Optional<ComponentCallback> find(String customId) {
        Kept entry = this.callbacks.get(customId);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAt() - this.nanoClock.getAsLong() <= 0) {
            this.callbacks.remove(customId);
            return Optional.empty();
        }
        return Optional.of(entry.callback());
    }

    synchronized int size() {
        return this.callbacks.size();
    }

}
