package io.github.jdaboot.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline: a plain JDA bot written the way JDA's README shows, with the same JDA version, intents
 * ({@code GUILD_MESSAGES}, {@code DIRECT_MESSAGES}, {@code MESSAGE_CONTENT}) and cache settings
 * ({@code createLight}, no member cache) as the project. It answers {@code .idea} like the project does, and
 * {@code .wait} naively: it sleeps for a second on JDA's event thread, as a first listener often does.
 * <p>
 * Only the two URLs differ from a bot that talks to Discord: {@code DISCORD_REST_URL} and
 * {@code DISCORD_GATEWAY_URL} point it at the emulator.
 */
public final class BaselineBot extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(BaselineBot.class);

    private static final List<String> IDEAS = List.of("a habit tracker that nudges you when a streak is about to break",
            "a meal planner that builds a shopping list for the week",
            "a log analyzer that spots the slowest endpoints of a web service",
            "a static site generator for a photo gallery with EXIF-based albums",
            "a flashcard app that schedules reviews with spaced repetition");

    public static void main(String[] args) {
        String gatewayUrl = System.getenv("DISCORD_GATEWAY_URL");
        JDABuilder.createLight(System.getenv("DISCORD_TOKEN"), GatewayIntent.GUILD_MESSAGES,
                GatewayIntent.DIRECT_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .setRestConfig(new RestConfig().setBaseUrl(System.getenv("DISCORD_REST_URL")))
            .setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gatewayUrl;
                }
            })
            .addEventListeners(new BaselineBot())
            .build();
    }

    @Override
    public void onReady(ReadyEvent event) {
        JDA jda = event.getJDA();
        log.info("Logged on as {}", jda.getSelfUser().getName());
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot()) {
            return;
        }
        String content = event.getMessage().getContentRaw();
        if (content.startsWith(".idea")) {
            String idea = IDEAS.get(ThreadLocalRandom.current().nextInt(IDEAS.size()));
            event.getMessage().reply("Okay, so how about this: " + idea).queue();
        }
        else if (content.startsWith(".wait")) {
            try {
                Thread.sleep(1000); // the naive way: blocks JDA's event thread
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            event.getMessage().reply("Done waiting.").queue();
        }
    }
}
