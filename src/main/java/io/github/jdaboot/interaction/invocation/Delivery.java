package io.github.jdaboot.interaction.invocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.jdaboot.discord.DiscordRequests;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a reply through JDA's request queue, without holding any thread while it waits:
 * the command's virtual thread ends with its handler. Discord server errors, dropped
 * connections and JDA's request queue refusing a request while its lock is held are
 * retried with backoff (JDA itself retries only 502-504, a few times): each attempt is
 * built afresh with the same nonce, so a retry of a message Discord did store returns
 * that message instead of posting it twice. Rate limits are JDA's to wait out.
 */
public final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /** Waits before each retry: 0.5, 1, 2, 4 and 8 seconds. */
    static final int ATTEMPTS = 6;

    private Delivery() {
    }

    /**
     * Sends, retrying what may be retried.
     * @return completes with whether Discord took it; never completes exceptionally
     */
    public static CompletableFuture<Boolean> send(String what, Supplier<? extends RestAction<?>> action) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        attempt(what, action, 1, result);
        return result;
    }

    private static void attempt(String what, Supplier<? extends RestAction<?>> action, int attempt,
            CompletableFuture<Boolean> result) {
        try {
            // from JDA's interrupted gateway thread too, where a @NonBlocking run may be
            DiscordRequests.queue(action.get(), (sent) -> result.complete(true),
                    (failure) -> retryOrGiveUp(what, action, attempt, result, failure));
        }
        catch (RuntimeException ex) {
            if (DiscordRequests.isRetryable(ex)) {
                // JDA's request queue refused it while its lock was held: never queued
                retryOrGiveUp(what, action, attempt, result, ex);
                return;
            }
            // building the message failed, or JDA no longer takes requests
            // (RejectedExecutionException)
            String why = (ex instanceof RejectedExecutionException) ? "JDA is shut down" : ex.toString();
            log.warn("Could not {} (attempt {} of {}): {}", what, attempt, ATTEMPTS, why);
            result.complete(false);
        }
    }

    private static void retryOrGiveUp(String what, Supplier<? extends RestAction<?>> action, int attempt,
            CompletableFuture<Boolean> result, Throwable failure) {
        if (!DiscordRequests.isRetryable(failure) || attempt == ATTEMPTS) {
            log.warn("Could not {} (attempt {} of {}): {}", what, attempt, ATTEMPTS, failure.toString());
            result.complete(false);
            return;
        }
        log.debug("Retrying to {} after {}", what, failure.toString());
        Executor later = CompletableFuture.delayedExecutor(500L << (attempt - 1), TimeUnit.MILLISECONDS);
        later.execute(() -> attempt(what, action, attempt + 1, result));
    }

}
