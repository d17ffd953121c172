package io.github.jdaboot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.RecordedRequest;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Users talking in channels, and what the bot answered. */
final class Traffic {

    private final DiscordEmulator discord;

    private final List<EmulatedChannel> channels;

    private final List<EmulatedUser> users;

    private List<EmulatedMessage> sent = List.of();

    private int next;

    /**
     * How often sending was held up past {@link #HELD_UP} by the harness's own stops, and
     * for how long in all.
     */
    private int heldUp;

    private long heldUpNanos;

    /**
     * How often sending was late past {@link #HELD_UP} otherwise, and for how long in
     * all.
     */
    private int caughtUp;

    private long caughtUpNanos;

    private final HarnessStops stops;

    Traffic(DiscordEmulator discord, List<EmulatedChannel> channels, List<EmulatedUser> users, HarnessStops stops) {
        this.discord = discord;
        this.stops = stops;
        this.channels = channels;
        this.users = users;
    }

    /**
     * Sends {@code count} messages, paced at {@code perSecond} (0: as fast as possible).
     */
    Traffic send(String content, int count, int perSecond) {
        List<EmulatedMessage> messages = new ArrayList<>(count);
        Pacer pacer = new Pacer(perSecond);
        for (int i = 0; i < count; i++) {
            pacer.next();
            int n = this.next++;
            messages.add(this.discord.world().as(user(n)).says(channel(n), content));
        }
        this.sent = messages;
        return this;
    }

    /**
     * The ingest flood: {@code count} ordinary messages nobody answers, round the
     * channels; before every tenth a user starts typing, and after it someone reacts to
     * the message sent ten before. Nothing is awaited.
     * @return how many gateway events that made
     */
    int flood(int count) {
        List<EmulatedMessage> recent = new ArrayList<>(count);
        int events = 0;
        for (int i = 0; i < count; i++) {
            int n = this.next++;
            if (i % 10 == 0) {
                this.discord.world().as(user(n)).types(channel(n));
                events++;
            }
            recent
                .add(this.discord.world().as(user(n)).says(channel(n), "just chatting, message " + i + " of " + count));
            events++;
            if (i % 10 == 0 && i >= 10) {
                this.discord.world().as(user(n + 1)).reacts(recent.get(i - 10), "\uD83D\uDC4D");
                events++;
            }
        }
        return events;
    }

    /**
     * Runs {@code count} slash commands {@code /name}, paced at {@code perSecond} (0: as
     * fast as possible).
     */
    List<EmulatedInteraction> slash(String name, int count, int perSecond) {
        List<EmulatedInteraction> interactions = new ArrayList<>(count);
        Pacer pacer = new Pacer(perSecond);
        for (int i = 0; i < count; i++) {
            pacer.next();
            int n = this.next++;
            interactions.add(this.discord.world().as(user(n)).runs(SlashCommand.of(name).in(channel(n))));
        }
        return interactions;
    }

    /**
     * Clicks the first button of each message, one click a message, paced at
     * {@code perSecond} (0: as fast as possible).
     */
    List<EmulatedInteraction> clicks(List<EmulatedMessage> messages, int perSecond) {
        List<EmulatedInteraction> interactions = new ArrayList<>(messages.size());
        Pacer pacer = new Pacer(perSecond);
        for (int i = 0; i < messages.size(); i++) {
            pacer.next();
            EmulatedMessage message = messages.get(i);
            interactions.add(this.discord.world().as(user(this.next++)).clicks(message, firstButton(message)));
        }
        return interactions;
    }

    /**
     * The custom id of a message's first button with one, anywhere in its components
     * (rows, a layout's containers and sections), or null.
     */
    static @Nullable String firstButton(EmulatedMessage message) {
        for (JsonNode component : message.components()) {
            String found = firstButton(component);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static @Nullable String firstButton(JsonNode component) {
        if (component.path("type").asInt() == 2 && component.hasNonNull("custom_id")) {
            return component.path("custom_id").asString();
        }
        for (JsonNode child : component.path("components")) {
            String found = firstButton(child);
            if (found != null) {
                return found;
            }
        }
        return component.has("accessory") ? firstButton(component.path("accessory")) : null;
    }

    /**
     * How long an interaction goes unacknowledged before it is given up: Discord (and the
     * emulator) refuse a callback after 3 seconds.
     */
    private static final Duration UNACKNOWLEDGED_GIVEN_UP = Duration.ofSeconds(5);

    private static final String EDIT_ROUTE = "PATCH /webhooks/{application_id}/{interaction_token}/messages/{message_id}";

    /**
     * Waits until every interaction has its visible answer ({@link Answers}) or was not
     * acknowledged in time, or the timeout.
     * @return how many are still pending: 0 unless the timeout passed
     */
    static int awaitAnswers(DiscordEmulator discord, List<EmulatedInteraction> interactions, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<EmulatedInteraction> pending = new ArrayList<>(interactions);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Answers answers = new Answers(discord, pending);
            Instant expired = Instant.now().minus(UNACKNOWLEDGED_GIVEN_UP);
            pending.removeIf((interaction) -> answers.after(interaction) != null
                    || (interaction.callbackType() == 0 && interaction.created().isBefore(expired)));
            if (!pending.isEmpty()) {
                Thread.sleep(50);
            }
        }
        return pending.size();
    }

    /**
     * Sorted times from INTERACTION_CREATE to the answer the user sees, in microseconds,
     * of those answered ({@link Answers}).
     */
    static List<Long> answerLatenciesMicros(DiscordEmulator discord, List<EmulatedInteraction> interactions) {
        Answers answers = new Answers(discord, interactions);
        List<Long> latencies = new ArrayList<>();
        for (EmulatedInteraction interaction : interactions) {
            Duration after = answers.after(interaction);
            if (after != null) {
                latencies.add(after.toNanos() / 1000);
            }
        }
        latencies.sort(Long::compare);
        return latencies;
    }

    /**
     * Each interaction's latency as in {@link #answerLatenciesMicros}, in the order sent,
     * as a {@linkplain #trace trace}.
     */
    static List<String> answerTrace(DiscordEmulator discord, List<EmulatedInteraction> interactions) {
        Answers answers = new Answers(discord, interactions);
        List<Instant> sent = new ArrayList<>(interactions.size());
        List<@Nullable Duration> latencies = new ArrayList<>(interactions.size());
        for (EmulatedInteraction interaction : interactions) {
            sent.add(interaction.created());
            latencies.add(answers.after(interaction));
        }
        return trace(sent, latencies);
    }

    /**
     * A measured phase's latencies in the order sent, as CSV lines: a comment with when
     * the first was sent, a header, then each one's milliseconds after the first and its
     * latency in microseconds (empty when unanswered).
     */
    private static List<String> trace(List<Instant> sent, List<@Nullable Duration> latencies) {
        Instant first = sent.isEmpty() ? Instant.EPOCH : sent.getFirst();
        List<String> lines = new ArrayList<>(sent.size() + 2);
        lines.add("# first sent at " + first);
        lines.add("sent_ms,latency_us");
        for (int i = 0; i < sent.size(); i++) {
            Duration latency = latencies.get(i);
            lines.add(String.format(Locale.ROOT, "%.3f,%s", Duration.between(first, sent.get(i)).toNanos() / 1e6,
                    (latency != null) ? Long.toString(latency.toNanos() / 1000) : ""));
        }
        return lines;
    }

    /** Each interaction's response message, by interaction id. */
    static Map<Long, EmulatedMessage> responses(World world) {
        Map<Long, EmulatedMessage> responses = new HashMap<>();
        for (EmulatedMessage message : world.allMessages()) {
            if (message.interactionId() != 0) {
                responses.putIfAbsent(message.interactionId(), message);
            }
        }
        return responses;
    }

    /**
     * When the bot gave each interaction the answer the user sees: the callback when it
     * carries the answer (4 a reply, 7 an update); after a deferral (5 a deferred reply,
     * 6 a deferred update), the first edit of the original response
     * ({@code PATCH /webhooks/.../messages/...} with the interaction's token) that
     * succeeded.
     */
    static final class Answers {

        private final Map<String, Instant> firstEdits = new HashMap<>();

        Answers(DiscordEmulator discord, List<EmulatedInteraction> interactions) {
            if (interactions.stream()
                .noneMatch((interaction) -> interaction.isDeferred()
                        || interaction.callbackType() == EmulatedInteraction.DEFERRED_UPDATE_MESSAGE)) {
                return;
            }
            for (RecordedRequest request : discord.rest().requests()) {
                if (EDIT_ROUTE.equals(request.route()) && request.status() < 300) {
                    // /webhooks/{application_id}/{interaction_token}/messages/{message_id}
                    String[] parts = request.path().split("/");
                    for (int i = 0; i + 2 < parts.length; i++) {
                        if (parts[i].equals("webhooks")) {
                            this.firstEdits.putIfAbsent(parts[i + 2], request.receivedAt());
                        }
                    }
                }
            }
        }

        /** How long the bot took to give the answer, null while there is none. */
        @Nullable Duration after(EmulatedInteraction interaction) {
            return switch (interaction.callbackType()) {
                case EmulatedInteraction.CHANNEL_MESSAGE, EmulatedInteraction.UPDATE_MESSAGE ->
                    interaction.acknowledgedAfter().orElse(null);
                case EmulatedInteraction.DEFERRED_CHANNEL_MESSAGE, EmulatedInteraction.DEFERRED_UPDATE_MESSAGE -> {
                    Instant edited = this.firstEdits.get(interaction.token());
                    yield (edited != null) ? Duration.between(interaction.created(), edited) : null;
                }
                default -> null;
            };
        }

    }

    private EmulatedUser user(int n) {
        return this.users.get(n % this.users.size());
    }

    private EmulatedChannel channel(int n) {
        return this.channels.get(n % this.channels.size());
    }

    /**
     * How often sending was held up by the harness's own stops (its safepoints, GC pauses
     * among them) and for how long in all, and how often it was late otherwise and caught
     * up, since the last call, as a phrase for the harness's output.
     */
    String takeHeldUp() {
        String phrase = String.format(Locale.ROOT,
                "sending held up by the harness's own stops (the pace then went on): %d, %d ms in all;"
                        + " late otherwise and caught up %d, %d ms in all",
                this.heldUp, this.heldUpNanos / 1_000_000, this.caughtUp, this.caughtUpNanos / 1_000_000);
        this.heldUp = 0;
        this.heldUpNanos = 0;
        this.caughtUp = 0;
        this.caughtUpNanos = 0;
        return phrase;
    }

    /**
     * How late a send may be and still be caught up at once, whatever held it up; later,
     * and with the harness standing still as long meanwhile, the pace goes on from there.
     */
    private static final Duration HELD_UP = Duration.ofMillis(2);

    /**
     * Sends at a steady pace. The emulator, which sends, runs in the harness's JVM: when
     * that stood still (its own GC pauses, 25-210 ms on G1 with a bot's run in its heap)
     * for {@link #HELD_UP} or more since the last send ({@link HarnessStops}), and the
     * send is that late, the pace goes on from the moment it could send again, rather
     * than sending every message it missed at once: a burst made by the harness would be
     * measured as the bot's latency (it made the slowest percent of every bot's). A send
     * late for any other reason (both cores busy, the bot's work among it) is caught up,
     * as Discord would not wait for the bot's machine either.
     */
    private final class Pacer {

        private final double interval;

        private long anchor = System.nanoTime();

        private long sinceAnchor;

        Pacer(int perSecond) {
            this.interval = (perSecond > 0) ? 1e9 / perSecond : 0;
        }

        /** Waits until the next send is due. */
        void next() {
            if (this.interval == 0) {
                return;
            }
            long due = this.anchor + (long) (this.sinceAnchor * this.interval);
            long late = System.nanoTime() - due;
            long stoodStill = Traffic.this.stops.takeLongest();
            if (late > HELD_UP.toNanos()) {
                if (stoodStill >= HELD_UP.toNanos()) {
                    Traffic.this.heldUp++;
                    Traffic.this.heldUpNanos += late;
                    this.anchor = System.nanoTime();
                    this.sinceAnchor = 0;
                    due = this.anchor;
                }
                else {
                    Traffic.this.caughtUp++;
                    Traffic.this.caughtUpNanos += late;
                }
            }
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            this.sinceAnchor++;
        }

    }

    Outcome awaitReplies(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<EmulatedMessage> pending = new ArrayList<>(this.sent);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf((message) -> !this.discord.world().repliesTo(message).isEmpty());
            if (!pending.isEmpty()) {
                Thread.sleep(20);
            }
        }
        return new Outcome(this.sent, this.sent.stream().map(this.discord.world()::repliesTo).toList());
    }

    record Outcome(List<EmulatedMessage> sent, List<List<EmulatedMessage>> answers) {

        int replies() {
            return (int) this.answers.stream().filter((r) -> !r.isEmpty()).count();
        }

        int lost() {
            return this.sent.size() - replies();
        }

        boolean complete() {
            return lost() == 0;
        }

        int duplicates() {
            return this.answers.stream().mapToInt((r) -> Math.max(0, r.size() - 1)).sum();
        }

        /** Sorted latencies in microseconds. */
        List<Long> latenciesMicros() {
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < this.sent.size(); i++) {
                if (!this.answers.get(i).isEmpty()) {
                    latencies
                        .add(Duration.between(this.sent.get(i).timestamp(), this.answers.get(i).getFirst().timestamp())
                            .toNanos() / 1000);
                }
            }
            latencies.sort(Long::compare);
            return latencies;
        }

        /**
         * Each message's reply latency, in the order sent, as a {@linkplain Traffic#trace
         * trace}.
         */
        List<String> trace() {
            List<Instant> sent = new ArrayList<>(this.sent.size());
            List<@Nullable Duration> latencies = new ArrayList<>(this.sent.size());
            for (int i = 0; i < this.sent.size(); i++) {
                Instant sentAt = this.sent.get(i).timestamp();
                sent.add(sentAt);
                latencies.add(this.answers.get(i).isEmpty() ? null
                        : Duration.between(sentAt, this.answers.get(i).getFirst().timestamp()));
            }
            return Traffic.trace(sent, latencies);
        }

        /** Seconds from the first message to each reply, in order. */
        List<Double> replyOffsetsSeconds() {
            Instant first = this.sent.getFirst().timestamp();
            return this.answers.stream()
                .filter((r) -> !r.isEmpty())
                .map((r) -> Duration.between(first, r.getFirst().timestamp()).toNanos() / 1e9)
                .sorted()
                .toList();
        }

        /** From the first message sent to the last reply received. */
        Duration wall() {
            Instant first = this.sent.getFirst().timestamp();
            return this.answers.stream()
                .filter((r) -> !r.isEmpty())
                .map((r) -> Duration.between(first, r.getFirst().timestamp()))
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        }
    }

}
