package io.github.jdaboot.bench.peers.jdacommands;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.github.kaktushose.jda.commands.JDACommands;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's jda-commands bot: JDA started as the plain baseline starts it (a light
 * {@code DefaultShardManagerBuilder}, no member cache, the same intents), and
 * jda-commands started on it as its documentation's entry point shows
 * ({@code JDACommands.start} with a class of the package to scan). The interactions are
 * in {@link IdeaInteraction}. Only the two URLs differ from a bot that talks to Discord:
 * {@code DISCORD_REST_URL} and {@code DISCORD_GATEWAY_URL} point it at the emulator.
 * <p>
 * jda-commands' defaults are kept, among them
 * {@code ExpirationStrategy.AFTER_15_MINUTES}: every interaction is a runtime kept until
 * 15 minutes without activity, and every interaction checks all live runtimes on JDA's
 * event thread ({@code JDAEventListener.checkRuntimesAlive}), so the benchmark's warm-up
 * makes each later interaction cost more, until its answers miss Discord's 3-second
 * deadline.
 */
public final class JdaCommandsBot {

    private static final Logger log = LoggerFactory.getLogger(JdaCommandsBot.class);

    private JdaCommandsBot() {
    }

    public static void main(String[] args) {
        String gatewayUrl = System.getenv("DISCORD_GATEWAY_URL");
        String shards = System.getenv("DISCORD_SHARDS_TOTAL");
        ShardManager shardManager = DefaultShardManagerBuilder.createLight(System.getenv("DISCORD_TOKEN"), intents())
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .setRestConfig(new RestConfig().setBaseUrl(System.getenv("DISCORD_REST_URL")))
            .setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gatewayUrl;
                }
            })
            .setShardsTotal((shards != null) ? Integer.parseInt(shards) : -1)
            .addEventListeners(new ReadyLog())
            .build();
        JDACommands.start(shardManager, JdaCommandsBot.class);
    }

    private static List<GatewayIntent> intents() {
        String names = System.getenv()
            .getOrDefault("DISCORD_INTENTS", "guild-messages, direct-messages, message-content");
        return Stream.of(names.split(","))
            .map((name) -> GatewayIntent.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')))
            .toList();
    }

    /** The line the benchmark waits for, as the baseline logs it. */
    private static final class ReadyLog extends ListenerAdapter {

        @Override
        public void onReady(ReadyEvent event) {
            log.info("Logged on as {}", event.getJDA().getSelfUser().getName());
        }

    }

}
