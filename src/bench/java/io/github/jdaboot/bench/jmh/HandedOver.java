package io.github.jdaboot.bench.jmh;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

import net.dv8tion.jda.api.requests.Request;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * Where the benchmarks cut: JDA's {@link RestRateLimiter}, to which JDA's requester hands
 * every queued request, its route compiled and its body serialized (in a connected bot
 * JDA's rate limiter then sends it over OkHttp). It counts the requests and keeps the
 * last one, and sends nothing.
 */
final class HandedOver implements RestRateLimiter {

    /** The request of JDA's {@code Work}, which JDA does not expose. */
    private static final Field REQUEST;

    static {
        try {
            REQUEST = Class.forName("net.dv8tion.jda.internal.requests.Requester$WorkTask").getDeclaredField("request");
            REQUEST.setAccessible(true);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final AtomicLong count = new AtomicLong();

    private volatile @Nullable Work last;

    private volatile boolean stopped;

    @Override
    public void enqueue(Work task) {
        this.last = task;
        this.count.incrementAndGet();
    }

    long count() {
        return this.count.get();
    }

    @Nullable Work last() {
        return this.last;
    }

    /**
     * Has the last request succeed, as if Discord had answered it, without sending it:
     * JDA runs its success callback on its callback pool, with no result (which the
     * framework's and the plain listener's callbacks do not read). Nothing when it was
     * executed already.
     */
    void answerLast() {
        Work work = this.last;
        if (work == null || work.isDone()) {
            return;
        }
        try {
            ((Request<?>) REQUEST.get(work)).onSuccess(null);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        this.stopped = true;
        callback.run();
    }

    @Override
    public boolean isStopped() {
        return this.stopped;
    }

    @Override
    public int cancelRequests() {
        return 0;
    }

}
