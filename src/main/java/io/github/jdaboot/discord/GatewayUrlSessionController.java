package io.github.jdaboot.discord;

import java.net.URI;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Connects to the configured gateway URL instead of the one Discord's REST API announces,
 * keeping Discord's shard count and identify concurrency. This lets the bot talk to the
 * Discord emulator.
 */
class GatewayUrlSessionController extends ConcurrentSessionController {

    private final String gatewayUrl;

    /** JDA's controller starts with one IDENTIFY bucket. */
    private int concurrency = 1;

    GatewayUrlSessionController(URI gatewayUrl) {
        this.gatewayUrl = gatewayUrl.toString();
    }

    /**
     * The shard manager sets the concurrency each time it starts shards; JDA's controller
     * then replaces its bucket workers, forgetting that one identified less than 5 s ago,
     * and a shard started again at once (a context stopped and started) would get op 9.
     * Only a changed concurrency replaces them.
     */
    @Override
    public synchronized void setConcurrency(int level) {
        if (level != this.concurrency) {
            this.concurrency = level;
            super.setConcurrency(level);
        }
    }

    @Override
    public String getGateway() {
        return this.gatewayUrl;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
        ShardedGateway announced = super.getShardedGateway(api);
        return new ShardedGateway(this.gatewayUrl, announced.getShardTotal(), announced.getConcurrency());
    }

}
