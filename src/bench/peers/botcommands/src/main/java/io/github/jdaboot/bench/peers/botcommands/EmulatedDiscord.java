package io.github.jdaboot.bench.peers.botcommands;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.freya022.botcommands.api.core.JDAService;
import io.github.freya022.botcommands.api.core.events.BReadyEvent;
import io.github.freya022.botcommands.api.core.service.annotations.BService;
import net.dv8tion.jda.api.hooks.IEventManager;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;

/**
 * BotCommands' {@link JDAService}: JDA started as the plain baseline starts it (a light
 * sharded builder, no member cache, the same intents, JDA's REST rate limiter), with
 * BotCommands' event manager. Only the two URLs differ from a bot that talks to Discord:
 * {@code DISCORD_REST_URL} and {@code DISCORD_GATEWAY_URL} point it at the emulator.
 */
@BService
public class EmulatedDiscord extends JDAService {

    @Override
    public Set<GatewayIntent> getIntents() {
        String names = System.getenv()
            .getOrDefault("DISCORD_INTENTS", "guild-messages, direct-messages, message-content");
        return Stream.of(names.split(","))
            .map((name) -> GatewayIntent.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(GatewayIntent.class)));
    }

    @Override
    public Set<CacheFlag> getCacheFlags() {
        return EnumSet.noneOf(CacheFlag.class);
    }

    @Override
    protected void createJDA(BReadyEvent event, IEventManager eventManager) {
        String gatewayUrl = System.getenv("DISCORD_GATEWAY_URL");
        String shards = System.getenv("DISCORD_SHARDS_TOTAL");
        createLightSharded(System.getenv("DISCORD_TOKEN")).setMemberCachePolicy(MemberCachePolicy.NONE)
            // JDA's own rate limiter, as the other bots have, not BotCommands' default
            // one, which
            // holds all requests to Discord's global 50 a second: the emulator lifts
            // Discord's
            // limits for every bot, and the benchmark sends 250 a second
            .setRestConfig(new RestConfig().setBaseUrl(System.getenv("DISCORD_REST_URL")))
            .setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gatewayUrl;
                }
            })
            .setShardsTotal((shards != null) ? Integer.parseInt(shards) : -1)
            .build();
    }

}
