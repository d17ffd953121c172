package io.github.jdaboot.discord;

import java.util.ArrayList;
import java.util.List;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The stop logic of {@link DiscordRestRateLimiter} against a recording delegate. The
 * end-to-end effect (a shard stops promptly after a fatal close with a request on its
 * way) is in {@link DiscordStartupTests}.
 */
@DisplayName("REST rate limiter: a graceful stop ends when the last request is done")
class DiscordRestRateLimiterTests {

    private final RecordingRateLimiter delegate = new RecordingRateLimiter();

    private final DiscordRestRateLimiter limiter = new DiscordRestRateLimiter(this.delegate);

    private final List<FakeWork> enqueued = new ArrayList<>();

    @Test
    @DisplayName("a graceful stop with nothing on its way ends at once")
    void nothingPending() {
        stopGracefully();

        assertThat(this.delegate.stops).containsExactly(false, true);
    }

    @Test
    @DisplayName("a graceful stop waits for the request on its way, then ends the delegate")
    void endsWhenTheLastRequestIsDone() {
        FakeWork first = enqueue();
        FakeWork second = enqueue();

        stopGracefully();
        assertThat(this.delegate.stops).containsExactly(false);

        execute(first, true);
        assertThat(this.delegate.stops).containsExactly(false);
        assertThat(this.limiter.pendingRequests()).isOne();

        execute(second, true);
        assertThat(this.delegate.stops).containsExactly(false, true);
        assertThat(this.limiter.pendingRequests()).isZero();
    }

    @Test
    @DisplayName("a request that will be retried (a 429) still counts as on its way")
    void retriedRequestIsStillPending() {
        FakeWork work = enqueue();
        stopGracefully();

        execute(work, false);
        assertThat(this.delegate.stops).containsExactly(false);

        execute(work, true);
        assertThat(this.delegate.stops).containsExactly(false, true);
    }

    @Test
    @DisplayName("a cancelled request or one that failed with an exception no longer holds the stop")
    void cancelledAndFailedRequestsAreDone() {
        FakeWork cancelled = enqueue();
        FakeWork failing = enqueue();
        stopGracefully();

        this.delegate.works.get(this.enqueued.indexOf(cancelled)).cancel();
        assertThat(cancelled.cancelled).isTrue();
        assertThat(this.delegate.stops).containsExactly(false);

        failing.failure = new IllegalStateException("connection reset");
        assertThatIllegalStateException().isThrownBy(() -> execute(failing, false));
        assertThat(this.delegate.stops).containsExactly(false, true);
    }

    @Test
    @DisplayName("requests done before the stop do not count, and the delegate is ended only once")
    void endsOnce() {
        FakeWork work = enqueue();
        execute(work, true);

        stopGracefully();
        stopGracefully();
        this.limiter.cancelRequests();

        assertThat(this.delegate.stops).containsExactly(false, true, false);
    }

    @Test
    @DisplayName("an immediate stop is passed on as it is")
    void immediateStop() {
        enqueue();

        this.limiter.stop(true, () -> {
        });

        assertThat(this.delegate.stops).containsExactly(true);
    }

    /** A graceful stop, as JDA's shutdown and fatal closes ask for it. */
    private void stopGracefully() {
        this.limiter.stop(false, () -> {
        });
    }

    private FakeWork enqueue() {
        FakeWork work = new FakeWork();
        this.limiter.enqueue(work);
        this.enqueued.add(work);
        return work;
    }

    /**
     * Runs the request the delegate was handed for {@code work}, as a bucket worker does.
     */
    private void execute(FakeWork work, boolean doneAfterwards) {
        work.doneAfterExecute = doneAfterwards;
        this.delegate.works.get(this.enqueued.indexOf(work)).execute();
    }

    /**
     * Records what the decorator hands over and asks for, and runs requests when the test
     * says.
     */
    private static final class RecordingRateLimiter implements RestRateLimiter {

        final List<Work> works = new ArrayList<>();

        final List<Boolean> stops = new ArrayList<>();

        @Override
        public void enqueue(Work task) {
            this.works.add(task);
        }

        @Override
        public void stop(boolean shutdown, Runnable callback) {
            this.stops.add(shutdown);
        }

        @Override
        public boolean isStopped() {
            return !this.stops.isEmpty();
        }

        @Override
        public int cancelRequests() {
            return 0;
        }

    }

    /** A request as JDA's requester would hand over, minus the HTTP call. */
    private static final class FakeWork implements RestRateLimiter.Work {

        boolean doneAfterExecute;

        boolean done;

        boolean cancelled;

        @Nullable RuntimeException failure;

        @Override
        public Route.CompiledRoute getRoute() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JDA getJDA() {
            throw new UnsupportedOperationException();
        }

        @Override
        public @Nullable Response execute() {
            if (this.failure != null) {
                throw this.failure;
            }
            this.done = this.doneAfterExecute;
            return null;
        }

        @Override
        public boolean isSkipped() {
            return this.cancelled;
        }

        @Override
        public boolean isDone() {
            return this.done;
        }

        @Override
        public boolean isPriority() {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return this.cancelled;
        }

        @Override
        public void cancel() {
            this.cancelled = true;
        }

    }

}
