package io.github.jdaboot.discord;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import net.dv8tion.jda.api.requests.RestRateLimiter;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * JDA's rate limiter, made to finish a graceful stop as soon as the last request it holds
 * is done, instead of at the next bucket cleanup up to 30 seconds later (README, "Known
 * JDA issues": a stopping shard stays DISCONNECTED). Counts the requests it hands over
 * and, once a graceful stop was asked for and the last of them is done, asks the delegate
 * to stop at once.
 */
final class DiscordRestRateLimiter implements RestRateLimiter {

    private final RestRateLimiter delegate;

    private final Set<TrackedWork> pending = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;

    private final AtomicBoolean stopped = new AtomicBoolean();

    DiscordRestRateLimiter(RestRateLimiter delegate) {
        this.delegate = delegate;
    }

    @Override
    public void enqueue(Work task) {
        TrackedWork tracked = new TrackedWork(task);
        this.pending.add(tracked);
        try {
            this.delegate.enqueue(tracked);
        }
        catch (RuntimeException ex) {
            this.pending.remove(tracked);
            throw ex;
        }
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        this.delegate.stop(shutdown, callback);
        if (!shutdown) {
            this.stopping = true;
            stopIfDrained();
        }
    }

    @Override
    public boolean isStopped() {
        return this.delegate.isStopped();
    }

    @Override
    public int cancelRequests() {
        int cancelled = this.delegate.cancelRequests();
        stopIfDrained();
        return cancelled;
    }

    /** How many requests were handed over and are not done yet. */
    int pendingRequests() {
        this.pending.removeIf(TrackedWork::isSkipped);
        return this.pending.size();
    }

    private void done(TrackedWork work) {
        this.pending.remove(work);
        stopIfDrained();
    }

    private void stopIfDrained() {
        if (this.stopping && pendingRequests() == 0 && this.stopped.compareAndSet(false, true)) {
            // the delegate is stopped already, so this only ends it; the callback given
            // first is the one run
            this.delegate.stop(true, () -> {
            });
        }
    }

    /** A request as JDA made it, reporting back when it is done. */
    private final class TrackedWork extends ForwardingRestWork {

        TrackedWork(Work work) {
            super(work);
        }

        @Override
        public @Nullable Response execute() {
            boolean failed = true;
            try {
                Response response = delegate().execute();
                failed = false;
                return response;
            }
            finally {
                // not done and no failure: the rate limiter retries it (a 429, a server
                // error)
                if (failed || delegate().isDone() || delegate().isSkipped()) {
                    done(this);
                }
            }
        }

        @Override
        public void cancel() {
            delegate().cancel();
            done(this);
        }

    }

}
