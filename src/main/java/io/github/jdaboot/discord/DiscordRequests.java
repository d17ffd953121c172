package io.github.jdaboot.discord;

import java.io.IOException;
import java.util.function.Consumer;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.RestAction;
import org.jspecify.annotations.Nullable;

/**
 * Queues requests with JDA from any thread, JDA's interrupted gateway thread included.
 * JDA interrupts the thread that reads a shard's connection when it drops that connection
 * (missed heartbeats, a reconnect) and still dispatches the events it had read on it; its
 * request queue ({@code MiscUtil.tryLock}) refuses an interrupted thread when another
 * holds its lock, with an {@link IllegalStateException} out of {@code queue()}. The flag
 * is JDA's: it is cleared for the request and set again.
 */
public final class DiscordRequests {

    private DiscordRequests() {
    }

    /**
     * Queues the request, as {@link RestAction#queue(Consumer, Consumer)} does, with the
     * calling thread's interrupt flag cleared while JDA takes it.
     * @param <T> what the request returns
     * @param action the request
     * @param success what to do with its result, or {@code null}
     * @param failure what to do when it fails
     */
    public static <T> void queue(RestAction<T> action, @Nullable Consumer<? super T> success,
            Consumer<? super Throwable> failure) {
        run(() -> action.queue(success, failure));
    }

    /**
     * Runs what queues requests with JDA (a paginated read's {@code forEachAsync}, say)
     * with the calling thread's interrupt flag cleared.
     * @param queueing what queues the requests; it must not wait
     */
    public static void run(Runnable queueing) {
        boolean interrupted = Thread.interrupted();
        try {
            queueing.run();
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether a request that failed so may succeed when sent again: a Discord server
     * error, a dropped connection (JDA itself retries only 502-504, a few times), or
     * JDA's request queue refusing it while its lock is held ({@link #isRefusedByLock}).
     * @param failure what the request failed with
     */
    public static boolean isRetryable(Throwable failure) {
        if (isRefusedByLock(failure)) {
            return true;
        }
        if (failure instanceof ErrorResponseException error) {
            return error.isServerError() || error.getResponse().code >= 500;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether JDA's request queue refused the request because it could not take its lock
     * ({@code MiscUtil.tryLock}: held by another thread for 10 s, or the waiting thread
     * interrupted by a reconnect): the request was never queued, so sending it again
     * sends it once. JDA has no type for this refusal, only its message.
     * @param failure what {@code queue()} threw
     */
    static boolean isRefusedByLock(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getMessage() != null
                && failure.getMessage().contains("acquire lock");
    }

}
