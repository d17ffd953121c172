package io.github.jdaboot.bench.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.SlashCommand;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The gateway frames a bot receives for {@code /idea}, for a click on its answer's button
 * and for a user's message {@code .idea}, as the project's Discord emulator sends them: a
 * plain JDA bot is connected to the emulator once (with the message content intent),
 * registers {@code /idea}, answers it and {@code .idea} (a reply to the message) with one
 * "Another" button, and every dispatch it receives is kept as JSON ({@code READY},
 * {@code GUILD_CREATE}, the two {@code INTERACTION_CREATE}s, the user's
 * {@code MESSAGE_CREATE} and its reply's). The benchmarks then feed these frames to a JDA
 * that never connects.
 *
 * @param ready the {@code READY} frame
 * @param guildCreate the {@code GUILD_CREATE} frame of the guild the interactions are in
 * @param slash the {@code INTERACTION_CREATE} frame of {@code /idea}
 * @param click the {@code INTERACTION_CREATE} frame of a click on the answer's "Another"
 * button (custom id {@code idea:another})
 * @param prefix the {@code MESSAGE_CREATE} frame of the user's message {@code .idea}
 * @param reply the {@code MESSAGE_CREATE} frame of the bot's reply to it: its message is
 * what Discord answers the request that sent it with ({@link CannedDiscord})
 */
record GatewayCapture(String ready, String guildCreate, String slash, String click, String prefix, String reply) {

    static final String CUSTOM_ID = "idea:another";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static GatewayCapture fromEmulator() throws InterruptedException {
        try (DiscordEmulator discord = DiscordEmulator.builder().port(0).build().start()) {
            discord.rest().rateLimits(false);
            Recorder recorder = new Recorder();
            JDA jda = JDABuilder
                .createLight(discord.token(), List.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT))
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return discord.gatewayUrl();
                    }
                })
                .setRawEventsEnabled(true)
                .setEnableShutdownHook(false)
                .addEventListeners(recorder)
                .build();
            try {
                jda.awaitReady();
                jda.updateCommands().addCommands(Commands.slash("idea", "Suggests a project idea")).complete();
                EmulatedChannel channel = discord.world().guild().channels().getFirst();
                EmulatedUser user = discord.world().user("bench-user");
                EmulatedInteraction slash = discord.world().as(user).runs(SlashCommand.of("idea").in(channel));
                slash.awaitCallback(TIMEOUT);
                EmulatedMessage answer = slash.responses().getFirst();
                discord.world().as(user).clicks(answer, CUSTOM_ID).awaitCallback(TIMEOUT);
                discord.world().as(user).says(channel, ".idea");
                // sent: the emulator dispatches the reply before it answers the request
                recorder.replied.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
                return new GatewayCapture(recorder.frame("READY"), recorder.frame("GUILD_CREATE"),
                        recorder.frame("slash"), recorder.frame("click"), recorder.frame("prefix " + user.id()),
                        recorder.frame("reply"));
            }
            finally {
                // what is still queued (the emulator's answers to the callbacks) is sent,
                // rather than interrupted
                jda.shutdown();
                jda.awaitShutdown(TIMEOUT);
            }
        }
    }

    /**
     * Keeps the frames and answers as a plain bot: a user's message {@code .idea} is kept
     * under {@code prefix} and its author's id, a reply (message type 19) under
     * {@code reply}.
     */
    private static final class Recorder extends ListenerAdapter {

        private final Map<String, String> frames = new ConcurrentHashMap<>();

        /** Completes once the reply to {@code .idea} is sent. */
        private final CompletableFuture<Message> replied = new CompletableFuture<>();

        @Override
        public void onRawGateway(RawGatewayEvent event) {
            String key = switch (event.getType()) {
                case "INTERACTION_CREATE" -> (event.getPayload().getInt("type") == 2) ? "slash" : "click";
                case "MESSAGE_CREATE" -> message(event.getPayload());
                default -> event.getType();
            };
            // the first of each: the guild the emulator creates first is the one it runs
            // the interactions in
            this.frames.putIfAbsent(key, event.getPackage().toString());
        }

        private static String message(DataObject message) {
            if (".idea".equals(message.getString("content", null))) {
                return "prefix " + message.getObject("author").getString("id");
            }
            return (message.getInt("type") == 19) ? "reply" : "MESSAGE_CREATE";
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            event.reply("Okay, so how about this: a habit tracker")
                .addComponents(ActionRow.of(Button.primary(CUSTOM_ID, "Another")))
                .queue();
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event.editMessage("Okay, so how about this: a meal planner").queue();
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            if (!event.getAuthor().isBot() && event.getMessage().getContentRaw().equals(".idea")) {
                event.getMessage()
                    .reply("Okay, so how about this: a habit tracker")
                    .addComponents(ActionRow.of(Button.primary(CUSTOM_ID, "Another")))
                    .queue(this.replied::complete, this.replied::completeExceptionally);
            }
        }

        /**
         * The frame, once JDA has fired its raw event (after the listeners, which may
         * have answered already).
         */
        String frame(String key) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            String frame;
            while ((frame = this.frames.get(key)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "The emulator sent no " + key + " (got " + this.frames.keySet() + ")");
                }
                Thread.sleep(10);
            }
            return frame;
        }

    }

}
