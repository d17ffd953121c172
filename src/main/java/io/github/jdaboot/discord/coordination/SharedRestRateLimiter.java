package io.github.jdaboot.discord.coordination;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * JDA's rate limiter, with each request taking its turn of the shared global limit
 * ({@link SharedRateLimit}) right before it is sent. Interaction callbacks go without
 * one: Discord leaves them out of the global limit.
 */
final class SharedRestRateLimiter implements RestRateLimiter {

    private final RestRateLimiter delegate;

    private final SharedRateLimit shared;

    SharedRestRateLimiter(RestRateLimiter delegate, SharedRateLimit shared) {
        this.delegate = delegate;
        this.shared = shared;
    }

    @Override
    public void enqueue(Work task) {
        this.delegate.enqueue(task.getRoute().getBaseRoute().isInteractionBucket() ? task : new TurnTakingWork(task));
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

    /** A request that waits for its turn before it is sent. */
    private final class TurnTakingWork implements Work {

        private final Work work;

        TurnTakingWork(Work work) {
            this.work = work;
        }

        @Override
        public @Nullable Response execute() {
            try {
                SharedRestRateLimiter.this.shared.awaitTurn();
            }
            catch (InterruptedException ex) {
                // not sent and not done: JDA's rate limiter tries it again, unless it is
                // stopping
                Thread.currentThread().interrupt();
                return null;
            }
            return this.work.execute();
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
            return this.work.isSkipped();
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
        }

    }

}
