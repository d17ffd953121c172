package io.github.jdaboot.command;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a reply and waits for Discord to take it, on the command's virtual thread. Discord server
 * errors and dropped connections are retried with backoff (JDA itself retries only 502-504, a few
 * times): each attempt is built afresh with the same nonce, so a retry of a message Discord did store
 * returns that message instead of posting it twice. Rate limits are JDA's to wait out.
 */
final class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    /** Waits before each retry: 0.5, 1, 2, 4 and 8 seconds. */
    static final int ATTEMPTS = 6;

    private Delivery() {
    }

    /** @return whether Discord took it */
    static boolean send(String what, Supplier<? extends RestAction<?>> action) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                action.get().complete();
                return true;
            }
            catch (RuntimeException ex) {
                if (!retryable(ex) || attempt == ATTEMPTS) {
                    log.warn("Could not {} (attempt {} of {}): {}", what, attempt, ATTEMPTS, ex.toString());
                    return false;
                }
                log.debug("Retrying to {} after {}", what, ex.toString());
                try {
                    TimeUnit.MILLISECONDS.sleep(500L << (attempt - 1));
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    log.warn("Could not {}: interrupted while retrying after {}", what, ex.toString());
                    return false;
                }
            }
        }
        return false;
    }

    static boolean retryable(Throwable failure) {
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
}
