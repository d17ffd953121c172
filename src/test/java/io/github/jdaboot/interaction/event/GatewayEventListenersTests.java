package io.github.jdaboot.interaction.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedGuild;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.BotLauncher;
import io.github.jdaboot.testing.Timeouts;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateway events reach Spring {@code @EventListener} methods off JDA's event thread, in
 * the order JDA received them for each guild, also while two guilds send at once; a
 * listener that throws is logged with an error id and does not keep the event from the
 * others.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Gateway events for @EventListener methods")
class GatewayEventListenersTests {

    private static final int PER_SENDER = 150;

    @RegisterExtension
    final BotLauncher bot = BotLauncher.withEmulator();

    @Test
    @DisplayName("in JDA's order per guild, on virtual threads, failures logged once and the other listeners served")
    void orderPerGuild(CapturedOutput output) throws Exception {
        World world = this.bot.discord().world();
        EmulatedGuild second = world.addGuild("Second Guild", world.user("alice"));
        EmulatedChannel lobby = world.addTextChannel(second, "lobby");
        EmulatedChannel general = world.channel("general");
        ConfigurableApplicationContext context = this.bot.start(new Class<?>[] { Listeners.class });
        Listeners listeners = context.getBean(Listeners.class);

        List<Thread> senders = new ArrayList<>();
        for (EmulatedChannel channel : List.of(general, general, lobby, lobby)) {
            String user = "sender" + senders.size();
            senders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < PER_SENDER; i++) {
                    world.as(user).says(channel, (i == 7) ? "boom" : user + "-" + i);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }

        await().atMost(Timeouts.RECOVERY).until(() -> listeners.recorded() == 4 * PER_SENDER);
        for (long guild : List.of(world.guild().id(), second.id())) {
            assertThat(listeners.delivered.get(guild)).as("guild %s, as the listener saw it", guild)
                .hasSize(2 * PER_SENDER)
                .containsExactlyElementsOf(listeners.received.get(guild));
        }
        assertThat(listeners.threads).as("never on JDA's threads")
            .allSatisfy((thread) -> assertThat(thread).startsWith("virtual discord-events"));
        assertThat(listeners.second.get()).as("the other listener got every event, the failing ones too")
            .isEqualTo(4 * PER_SENDER);
        assertThat(output.getAll().lines().filter((line) -> line.contains("failed on MessageReceivedEvent (error id")))
            .as("each sender's \"boom\", logged once")
            .hasSize(4);
    }

    /**
     * Records what JDA received, on its thread, and what the listener methods got, on
     * theirs.
     */
    static class Listeners {

        final Map<Long, List<String>> received = new ConcurrentHashMap<>();

        final Map<Long, List<String>> delivered = new ConcurrentHashMap<>();

        final Set<String> threads = ConcurrentHashMap.newKeySet();

        final AtomicInteger second = new AtomicInteger();

        @Bean
        net.dv8tion.jda.api.hooks.EventListener jdaThreadRecorder() {
            return (GenericEvent event) -> {
                if (event instanceof MessageReceivedEvent message && message.isFromGuild()) {
                    record(this.received, message);
                }
            };
        }

        @EventListener
        void onMessage(MessageReceivedEvent message) {
            this.threads.add(Thread.currentThread()
                .toString()
                .replaceFirst("^VirtualThread\\[#\\d+,", "virtual ")
                .replaceFirst("].*", ""));
            record(this.delivered, message);
            if (message.getMessage().getContentRaw().equals("boom")) {
                throw new IllegalStateException("boom");
            }
        }

        @EventListener
        void alsoOnMessage(MessageReceivedEvent message) {
            if (message.isFromGuild()) {
                this.second.incrementAndGet();
            }
        }

        int recorded() {
            return this.delivered.values().stream().mapToInt(List::size).sum();
        }

        private static void record(Map<Long, List<String>> into, MessageReceivedEvent message) {
            if (message.isFromGuild()) {
                into.computeIfAbsent(message.getGuild().getIdLong(), (guild) -> new CopyOnWriteArrayList<>())
                    .add(message.getMessage().getContentRaw());
            }
        }

    }

}
