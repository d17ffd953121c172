package io.github.jdaboot.discord;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the gateway sessions: logs JDA's status changes and the tutorial's {@code Logged on as}
 * line, and tells startup whether the first session became ready or was closed for good.
 */
class DiscordConnectionTracker implements EventListener {

    /** Close codes after which Discord will not accept the session again without a configuration change. */
    static final Set<Integer> FATAL_CLOSE_CODES = Set.of(4004, 4010, 4011, 4012, 4013, 4014);

    private static final Logger log = LoggerFactory.getLogger(DiscordConnectionTracker.class);

    private final CompletableFuture<Integer> firstOutcome = new CompletableFuture<>();

    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case StatusChangeEvent change -> log.info("Discord {}: {} -> {}", shard(change.getJDA()),
                    change.getOldStatus(), change.getNewStatus());
            case ReadyEvent ready -> {
                log.info("Logged on as {}", ready.getJDA().getSelfUser().getName());
                this.firstOutcome.complete(0);
            }
            case ShutdownEvent shutdown when FATAL_CLOSE_CODES.contains(shutdown.getCode()) ->
                this.firstOutcome.complete(shutdown.getCode());
            default -> {
                // not about the connection
            }
        }
    }

    /**
     * Waits until the first session is ready or was closed with a fatal code.
     * @param timeout how long to wait
     * @return 0 when ready, else the fatal close code
     * @throws TimeoutException when neither happened in time
     */
    int awaitFirstOutcome(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return this.firstOutcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String shard(JDA jda) {
        JDA.ShardInfo info = jda.getShardInfo();
        return "shard " + info.getShardId() + "/" + info.getShardTotal();
    }
}
