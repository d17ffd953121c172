package io.github.jdaboot.discord.coordination;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.jdaboot.discord.ForwardingRestWork;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * JDA's rate limiter, with each request taking its turn of the shared global limit
 * ({@link SharedRateLimit}) right before it is sent (interaction callbacks go without
 * one: Discord leaves them out of the global limit), and none sent for a session whose
 * lease this process lost or whose deadline passed ({@link ShardFleet#maySend}): it is
 * cancelled instead. The check is made again just before the request's bytes leave
 * ({@link LeaseFencingInterceptor}), for a process may pause in between.
 */
final class SharedRestRateLimiter implements RestRateLimiter {

    /** The session whose request this thread is sending, for the interceptor. */
    static final ThreadLocal<JDA> SENDING = new ThreadLocal<>();

    private final RestRateLimiter delegate;

    private final SharedRateLimit shared;

    private final ShardFleet fleet;

    SharedRestRateLimiter(RestRateLimiter delegate, SharedRateLimit shared, ShardFleet fleet) {
        this.delegate = delegate;
        this.shared = shared;
        this.fleet = fleet;
    }

    @Override
    public void enqueue(Work task) {
        this.delegate.enqueue(new FencedWork(task, !task.getRoute().getBaseRoute().isInteractionBucket()));
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        this.delegate.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
        return this.delegate.isStopped();
    }

    @Override
    public int cancelRequests() {
        return this.delegate.cancelRequests();
    }

    /**
     * A request that is sent only while its session may send, after its turn when it
     * takes one.
     */
    private final class FencedWork extends ForwardingRestWork {

        private final boolean takesTurn;

        private final AtomicBoolean pending = new AtomicBoolean(true);

        FencedWork(Work work, boolean takesTurn) {
            super(work);
            this.takesTurn = takesTurn;
            SharedRestRateLimiter.this.fleet.requestQueued(work.getJDA());
        }

        /** Tells the fleet, once, that the request is no longer waiting to be sent. */
        private void finished() {
            if (this.pending.compareAndSet(true, false)) {
                SharedRestRateLimiter.this.fleet.requestFinished(getJDA());
            }
        }

        @Override
        public @Nullable Response execute() {
            if (!SharedRestRateLimiter.this.fleet.maySend(getJDA())) {
                cancel();
                return null;
            }
            if (this.takesTurn) {
                try {
                    SharedRestRateLimiter.this.shared.awaitTurn();
                }
                catch (InterruptedException ex) {
                    // not sent and not done: JDA's rate limiter tries it again, unless it
                    // is stopping
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            SENDING.set(getJDA());
            try {
                return delegate().execute();
            }
            finally {
                SENDING.remove();
                if (delegate().isDone() || delegate().isSkipped()) {
                    finished();
                }
            }
        }

        @Override
        public boolean isSkipped() {
            boolean skipped = delegate().isSkipped();
            if (skipped) {
                finished();
            }
            return skipped;
        }

        @Override
        public void cancel() {
            delegate().cancel();
            finished();
        }

    }

}
