package io.github.jdaboot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.SlashCommand;

/** Users talking in channels, and what the bot answered. */
final class Traffic {

    private final DiscordEmulator discord;

    private final List<EmulatedChannel> channels;

    private final List<EmulatedUser> users;

    private List<EmulatedMessage> sent = List.of();

    private int next;

    Traffic(DiscordEmulator discord, List<EmulatedChannel> channels, List<EmulatedUser> users) {
        this.discord = discord;
        this.channels = channels;
        this.users = users;
    }

    /**
     * Sends {@code count} messages, paced at {@code perSecond} (0: as fast as possible).
     */
    Traffic send(String content, int count, int perSecond) {
        List<EmulatedMessage> messages = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pace(start, i, perSecond);
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
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            pace(start, i, perSecond);
            int n = this.next++;
            interactions.add(this.discord.world().as(user(n)).runs(SlashCommand.of(name).in(channel(n))));
        }
        return interactions;
    }

    /** Waits until every interaction is acknowledged, or the timeout. */
    static void awaitCallbacks(List<EmulatedInteraction> interactions, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<EmulatedInteraction> pending = new ArrayList<>(interactions);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf((interaction) -> interaction.callbackType() != 0);
            if (!pending.isEmpty()) {
                Thread.sleep(20);
            }
        }
    }

    /**
     * Sorted times from INTERACTION_CREATE to the callback, in microseconds, of those
     * acknowledged.
     */
    static List<Long> callbackLatenciesMicros(List<EmulatedInteraction> interactions) {
        List<Long> latencies = new ArrayList<>();
        for (EmulatedInteraction interaction : interactions) {
            interaction.acknowledgedAfter().ifPresent((after) -> latencies.add(after.toNanos() / 1000));
        }
        latencies.sort(Long::compare);
        return latencies;
    }

    private EmulatedUser user(int n) {
        return this.users.get(n % this.users.size());
    }

    private EmulatedChannel channel(int n) {
        return this.channels.get(n % this.channels.size());
    }

    private static void pace(long start, int i, int perSecond) {
        if (perSecond > 0) {
            long due = start + (long) (i * 1e9 / perSecond);
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
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
