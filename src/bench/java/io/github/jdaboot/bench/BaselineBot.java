package io.github.jdaboot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.container.Container;
import net.dv8tion.jda.api.components.section.Section;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.separator.Separator;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.entities.Icon;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.emoji.ApplicationEmoji;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline: a plain JDA bot written the way JDA's README shows (a
 * {@code ListenerAdapter} on a {@code DefaultShardManagerBuilder}, as for a sharded bot),
 * with the same JDA version, intents ({@code GUILD_MESSAGES}, {@code DIRECT_MESSAGES},
 * {@code MESSAGE_CONTENT} unless {@code DISCORD_INTENTS} says otherwise, in the project's
 * spelling) and cache settings ({@code createLight}, no member cache) as the project. It
 * answers {@code .idea} and {@code /idea} like the project does (and, with the project's
 * payload, its "Another" button), and {@code .wait} naively: it sleeps for a second on
 * JDA's event thread, as a first listener often does.
 * <p>
 * With {@code BENCH_PAYLOAD=project} it sends the reply the project sends (the idea's
 * card with its buttons and topic menu, no mentions allowed, a nonce made from the
 * message id, the application emoji {@code idea} on "Suggest one"), so that the benchmark
 * can tell what the payload costs from what the framework costs. The emoji is the
 * project's image ({@code BENCH_EMOJI}, a path), uploaded at startup under the name the
 * project gives it ({@code idea_} and the first six hex digits of its SHA-256) unless the
 * application has it already, as the project does; {@code Logged on as} comes once it is
 * there. {@code DISCORD_SHARDS_TOTAL} sets the number of shards (Discord's recommendation
 * without it). Only the two URLs differ from a bot that talks to Discord:
 * {@code DISCORD_REST_URL} and {@code DISCORD_GATEWAY_URL} point it at the emulator.
 */
public final class BaselineBot extends ListenerAdapter {

    private static final Logger log = LoggerFactory.getLogger(BaselineBot.class);

    private static final List<String> IDEAS = List.of("a habit tracker that nudges you when a streak is about to break",
            "a meal planner that builds a shopping list for the week",
            "a log analyzer that spots the slowest endpoints of a web service",
            "a static site generator for a photo gallery with EXIF-based albums",
            "a flashcard app that schedules reviews with spaced repetition");

    /** The project's topics (application.yml), for its menu. */
    private static final List<String> TOPICS = List.of("bot", "game", "web", "reading", "learning", "finance");

    private final boolean projectPayload;

    /** The application emoji on "Suggest one", once uploaded or found. */
    private volatile @Nullable ApplicationEmoji emoji;

    private BaselineBot(boolean projectPayload) {
        this.projectPayload = projectPayload;
    }

    public static void main(String[] args) {
        String gatewayUrl = System.getenv("DISCORD_GATEWAY_URL");
        String shards = System.getenv("DISCORD_SHARDS_TOTAL");
        DefaultShardManagerBuilder.createLight(System.getenv("DISCORD_TOKEN"), intents())
            .setMemberCachePolicy(MemberCachePolicy.NONE)
            .setRestConfig(new RestConfig().setBaseUrl(System.getenv("DISCORD_REST_URL")))
            .setSessionController(new ConcurrentSessionController() {
                @Override
                public String getGateway() {
                    return gatewayUrl;
                }
            })
            .setShardsTotal((shards != null) ? Integer.parseInt(shards) : -1)
            .addEventListeners(new BaselineBot("project".equals(System.getenv("BENCH_PAYLOAD"))))
            .build();
    }

    private static List<GatewayIntent> intents() {
        String names = System.getenv()
            .getOrDefault("DISCORD_INTENTS", "guild-messages, direct-messages, message-content");
        return Stream.of(names.split(","))
            .map((name) -> GatewayIntent.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')))
            .toList();
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (this.projectPayload) {
            withEmoji(event.getJDA());
        }
        else {
            log.info("Logged on as {}", event.getJDA().getSelfUser().getName());
        }
        if (event.getJDA().getShardInfo().getShardId() == 0) {
            event.getJDA()
                .updateCommands()
                .addCommands(Commands.slash("idea", "Suggests a project idea")
                    .addOption(OptionType.STRING, "topic", "Topic to draw from", false))
                .queue();
        }
    }

    /**
     * Finds the application emoji {@code idea_<fingerprint>}, or uploads it, then logs
     * on.
     */
    private void withEmoji(JDA jda) {
        byte[] image = image();
        String name = "idea_" + HexFormat.of().formatHex(sha256(image)).substring(0, 6);
        jda.retrieveApplicationEmojis().queue((emojis) -> {
            ApplicationEmoji found = emojis.stream()
                .filter((emoji) -> emoji.getName().equals(name))
                .findFirst()
                .orElse(null);
            if (found != null) {
                loggedOn(jda, found);
            }
            else {
                jda.createApplicationEmoji(name, Icon.from(image, Icon.IconType.PNG))
                    .queue((created) -> loggedOn(jda, created));
            }
        });
    }

    private void loggedOn(JDA jda, ApplicationEmoji emoji) {
        this.emoji = emoji;
        log.info("Logged on as {}", jda.getSelfUser().getName());
    }

    private static byte[] image() {
        try {
            return Files.readAllBytes(Path.of(System.getenv("BENCH_EMOJI")));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (event.getAuthor().isBot()) {
            return;
        }
        String content = event.getMessage().getContentRaw();
        if (content.startsWith(".idea")) {
            if (this.projectPayload) {
                event.getMessage().reply(asTheProject(idea())).setNonce("r" + event.getMessageIdLong() + "-0").queue();
            }
            else {
                event.getMessage().reply(idea()).queue();
            }
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

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (event.getName().equals("idea")) {
            if (this.projectPayload) {
                event.reply(asTheProject(idea())).queue();
            }
            else {
                event.reply(idea()).queue();
            }
        }
    }

    /**
     * "Another" on the project's payload: a new idea in place of the old one, with the
     * same components, as the project answers it.
     */
    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        if (event.getComponentId().equals("idea:another")) {
            event.editMessage(MessageEditData.fromCreateData(asTheProject(idea()))).queue();
        }
    }

    private Button suggest() {
        Button suggest = Button.secondary("idea:suggest", "Suggest one");
        ApplicationEmoji emoji = this.emoji;
        return (emoji != null) ? suggest.withEmoji(emoji) : suggest;
    }

    private static String idea() {
        return "Okay, so how about this: " + IDEAS.get(ThreadLocalRandom.current().nextInt(IDEAS.size()));
    }

    /**
     * The message the project answers with: the idea as a card (Components V2), "Another"
     * beside it, the topic menu and the buttons below, and nobody pinged.
     */
    private MessageCreateData asTheProject(String text) {
        StringSelectMenu.Builder menu = StringSelectMenu.create("idea:topic").setPlaceholder("Pick a topic");
        TOPICS.forEach((topic) -> menu.addOption(topic, topic));
        Container card = Container
            .of(Section.of(Button.primary("idea:another", "Another"), TextDisplay.of(text)),
                    Separator.createDivider(Separator.Spacing.SMALL), ActionRow.of(menu.build()),
                    ActionRow.of(suggest(), Button.secondary("idea:poll", "Let the channel vote")))
            .withAccentColor(0x5865F2);
        return new MessageCreateBuilder().useComponentsV2(true)
            .setComponents(card)
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionRepliedUser(false)
            .build();
    }

}
