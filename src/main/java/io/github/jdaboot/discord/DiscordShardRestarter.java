package io.github.jdaboot.discord;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a shard again when JDA shut it down while reconnecting although nobody asked it
 * to. JDA 6.5 ({@code WebSocketClient.reconnect}) treats an interrupt of the thread that
 * waits to reconnect as a shutdown and stops the shard, logging it at debug level only;
 * that thread is the socket's reading thread, which nv-websocket-client interrupts when
 * the bot closes a connection itself (after missed heartbeats), and the interrupt can
 * arrive after JDA chose to reconnect on that thread. A requested shutdown (the shard
 * manager's, the application's, a fatal close code's) always passes through
 * {@code SHUTTING_DOWN} first and is left alone, as is a shard with auto-reconnect off or
 * one the shard manager no longer holds.
 */
class DiscordShardRestarter implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(DiscordShardRestarter.class);

    /**
     * Where the interrupted reconnect leaves the shard; a fatal close code goes from
     * {@code DISCONNECTED} and a session the controller refused from
     * {@code RECONNECT_QUEUED}, with JDA's own error, and are not retried.
     */
    private static final Set<JDA.Status> RECONNECTING = Set.of(JDA.Status.WAITING_TO_RECONNECT,
            JDA.Status.ATTEMPTING_TO_RECONNECT);

    /** Shards asked to shut down, until they did (JDA instances compare by identity). */
    private final Set<JDA> stopping = ConcurrentHashMap.newKeySet();

    @Override
    public void onEvent(GenericEvent event) {
        if (!(event instanceof StatusChangeEvent change)) {
            return;
        }
        JDA jda = change.getJDA();
        if (change.getNewStatus() == JDA.Status.SHUTTING_DOWN) {
            this.stopping.add(jda);
        }
        else if (change.getNewStatus() == JDA.Status.SHUTDOWN) {
            boolean requested = this.stopping.remove(jda);
            if (!requested && RECONNECTING.contains(change.getOldStatus()) && jda.isAutoReconnect()) {
                restart(jda, change.getOldStatus());
            }
        }
    }

    private void restart(JDA jda, JDA.Status was) {
        ShardManager manager = jda.getShardManager();
        int shardId = jda.getShardInfo().getShardId();
        if (manager == null || manager.getShardById(shardId) != jda) {
            return;
        }
        log.error("Discord {}: JDA shut the shard down while reconnecting ({} -> SHUTDOWN) although nobody asked it"
                + " to; starting it again", DiscordConnectionTracker.shard(jda), was);
        // off JDA's thread: the shard manager's restart queues the shard on its own
        // worker
        Thread.ofVirtual().name("discord-shard-restart-", shardId).start(() -> {
            if (manager.getShardById(shardId) == jda) {
                manager.restart(shardId);
            }
        });
    }

}
