package io.github.jdaboot.discord.coordination;

import java.util.concurrent.atomic.AtomicBoolean;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
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
    private final class FencedWork implements Work {

        private final Work work;

        private final boolean takesTurn;

        private final AtomicBoolean pending = new AtomicBoolean(true);

        FencedWork(Work work, boolean takesTurn) {
            this.work = work;
            this.takesTurn = takesTurn;
            SharedRestRateLimiter.this.fleet.requestQueued(work.getJDA());
        }

        /** Tells the fleet, once, that the request is no longer waiting to be sent. */
        private void finished() {
            if (this.pending.compareAndSet(true, false)) {
                SharedRestRateLimiter.this.fleet.requestFinished(this.work.getJDA());
            }
        }

        @Override
        public @Nullable Response execute() {
            if (!SharedRestRateLimiter.this.fleet.maySend(this.work.getJDA())) {
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
            SENDING.set(this.work.getJDA());
            try {
                return this.work.execute();
            }
            finally {
                SENDING.remove();
                if (this.work.isDone() || this.work.isSkipped()) {
                    finished();
                }
            }
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return this.work.getRoute();
        }

        @Override
        public JDA getJDA() {
            return this.work.getJDA();
        }

        @Override
        public boolean isSkipped() {
            boolean skipped = this.work.isSkipped();
            if (skipped) {
                finished();
            }
            return skipped;
        }

        @Override
        public boolean isDone() {
            return this.work.isDone();
        }

        @Override
        public boolean isPriority() {
            return this.work.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return this.work.isCancelled();
        }

        @Override
        public void cancel() {
            this.work.cancel();
            finished();
        }

    }

}
