package io.github.jdaboot.bench.jmh;

import java.util.concurrent.atomic.AtomicLong;

import net.dv8tion.jda.api.requests.RestRateLimiter;
import org.jspecify.annotations.Nullable;

/**
 * Where the benchmarks cut: JDA's {@link RestRateLimiter}, to which JDA's requester hands
 * every queued request, its route compiled and its body serialized (in a connected bot
 * JDA's rate limiter then sends it over OkHttp). It counts the requests and keeps the
 * last one, and sends nothing.
 */
final class HandedOver implements RestRateLimiter {

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
