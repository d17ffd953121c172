package io.github.jdaboot.scaleout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.testing.Timeouts;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Users of every guild asking for an idea, {@code .idea}, once a second each, for as long
 * as it runs: the traffic that every scale-out test keeps up while it changes the fleet.
 * Each message is kept with when it was sent; a window of them tells how many were
 * answered, late, never, or twice (two replies, or a reply sent again that Discord's
 * nonce swallowed).
 */
final class IdeaTraffic implements AutoCloseable {

    /** One user message. */
    record Asked(int guild, long nanoTime, EmulatedMessage message) {

        @Override
        public String toString() {
            return "guild " + this.guild + " message " + this.message.id() + " at " + this.message.timestamp();
        }

    }

    /** What became of a window of messages. */
    record Outcome(int asked, int lost, int twice, double slowestAnswer, int late, List<Asked> unanswered,
            List<Asked> doubled, Asked slowest) {

        String describe() {
            return String.format(Locale.ROOT, "%d asked, %d lost, %d answered twice, slowest answer %.1f s (%s)",
                    this.asked, this.lost, this.twice, this.slowestAnswer, this.slowest);
        }

    }

    private final World world;

    private final EmulatedUser user;

    private final Map<Integer, EmulatedChannel> channels;

    private final List<Asked> asked = new CopyOnWriteArrayList<>();

    private final Thread users;

    private volatile boolean running = true;

    IdeaTraffic(World world, EmulatedUser user, Map<Integer, EmulatedChannel> channels) {
        this.world = world;
        this.user = user;
        this.channels = channels;
        this.users = Thread.ofPlatform().name("idea-traffic").daemon().start(this::run);
    }

    /**
     * A guild of the user's on each shard, each with a text channel {@code ideas}: where
     * the traffic asks.
     * @param world the emulator's world
     * @param owner the user who owns the guilds
     * @param shards how many shards
     * @return the channel of each shard's guild, by shard
     */
    static Map<Integer, EmulatedChannel> channelPerShard(World world, EmulatedUser owner, int shards) {
        Map<Integer, EmulatedChannel> channels = new LinkedHashMap<>();
        for (int shard = 0; shard < shards; shard++) {
            channels.put(shard, world.addTextChannel(world.addGuild("guild-" + shard, owner, shard, shards), "ideas"));
        }
        return channels;
    }

    /** The users' pace, not a wait: one {@code .idea} per guild per second. */
    private void run() {
        long next = System.nanoTime();
        while (this.running) {
            this.channels.forEach((guild, channel) -> this.asked
                .add(new Asked(guild, System.nanoTime(), this.world.as(this.user).says(channel, ".idea"))));
            next += 1_000_000_000L;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    /** A mark: the messages from now on. */
    int mark() {
        return this.asked.size();
    }

    /**
     * The messages since the mark, once each is answered or {@code timeout} has passed;
     * then watched for {@code quiet} more for second answers.
     */
    Outcome since(int mark, Duration timeout, Duration quiet) {
        List<Asked> window = List.copyOf(this.asked.subList(mark, this.asked.size()));
        try {
            await().atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> window.stream().allMatch((a) -> !this.world.repliesTo(a.message()).isEmpty()));
        }
        catch (ConditionTimeoutException ex) {
            // counted as lost below
        }
        // watched for a while: a second answer may come after the first
        int doubledBefore = doubled(window).size();
        try {
            await("no second answer").during(quiet)
                .atMost(quiet.plus(Timeouts.ANSWER))
                .until(() -> doubled(window).size() == doubledBefore);
        }
        catch (ConditionTimeoutException ex) {
            // counted below
        }
        Set<String> repeated = Set.copyOf(this.world.repeatedNonces());
        int lost = 0;
        int twice = 0;
        int late = 0;
        double slowest = 0;
        List<Asked> unanswered = new ArrayList<>();
        List<Asked> doubled = new ArrayList<>();
        Asked slowestAsked = null;
        for (Asked a : window) {
            List<EmulatedMessage> replies = this.world.repliesTo(a.message());
            if (replies.isEmpty()) {
                lost++;
                unanswered.add(a);
                continue;
            }
            if (replies.size() > 1 || repeated.contains("r" + a.message().id() + "-0")) {
                twice++;
                doubled.add(a);
            }
            double took = Duration.between(a.message().timestamp(), replies.getFirst().timestamp()).toMillis() / 1000.0;
            slowest = Math.max(slowest, took);
            if (took > 2) {
                late++;
            }
        }
        return new Outcome(window.size(), lost, twice, slowest, late, unanswered, doubled, slowestAsked);
    }

    private List<Asked> doubled(List<Asked> window) {
        Set<String> repeated = Set.copyOf(this.world.repeatedNonces());
        return window.stream()
            .filter((a) -> this.world.repliesTo(a.message()).size() > 1
                    || repeated.contains("r" + a.message().id() + "-0"))
            .toList();
    }

    @Override
    public void close() throws InterruptedException {
        this.running = false;
        this.users.join();
    }

}
