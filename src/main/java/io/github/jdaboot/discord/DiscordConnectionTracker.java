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
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the gateway sessions: logs JDA's status changes and the tutorial's {@code Logged on as}
 * line, stops a shard on every fatal close code (4012 included, which JDA would retry), and tells
 * startup whether the first session became ready or was closed for good.
 */
class DiscordConnectionTracker implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(DiscordConnectionTracker.class);

    private final Set<GatewayIntent> intents;
    private final CompletableFuture<Integer> firstOutcome = new CompletableFuture<>();

    DiscordConnectionTracker(Set<GatewayIntent> intents) {
        this.intents = intents;
    }

    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case StatusChangeEvent change -> log.info("Discord {}: {} -> {}", shard(change.getJDA()),
                    change.getOldStatus(), change.getNewStatus());
            case ReadyEvent ready -> {
                log.info("Logged on as {}", ready.getJDA().getSelfUser().getName());
                this.firstOutcome.complete(0);
            }
            case SessionDisconnectEvent disconnect when disconnect.getServiceCloseFrame() != null -> {
                int code = disconnect.getServiceCloseFrame().getCloseCode();
                CloseCode known = CloseCode.from(code);
                if (DiscordCloseCodes.isFatal(code) && (known == null || known.isReconnect())) {
                    // JDA would reconnect and be closed again, forever: stop this shard instead
                    disconnect.getJDA().shutdown();
                    fatal(disconnect.getJDA(), code);
                }
            }
            case ShutdownEvent shutdown when DiscordCloseCodes.isFatal(shutdown.getCode()) ->
                fatal(shutdown.getJDA(), shutdown.getCode());
            default -> {
                // not about the connection
            }
        }
    }

    private void fatal(JDA jda, int code) {
        if (!this.firstOutcome.complete(code)) {
            // startup is over, so nobody else reports it: say what happened and what to set
            log.error("Discord {} stopped: {}", shard(jda), DiscordCloseCodes.explain(code, this.intents).getMessage());
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
