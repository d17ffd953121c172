package io.github.jdaboot.discord;

import java.net.URI;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Connects to the configured gateway URL instead of the one Discord's REST API announces, keeping
 * Discord's shard count and identify concurrency. This lets the bot talk to the Discord emulator.
 */
class GatewayUrlSessionController extends ConcurrentSessionController {

    private final String gatewayUrl;

    GatewayUrlSessionController(URI gatewayUrl) {
        this.gatewayUrl = gatewayUrl.toString();
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
