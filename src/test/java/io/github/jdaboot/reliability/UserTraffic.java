package io.github.jdaboot.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedUser;
import io.github.jdaboot.emulator.World;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * Users who keep asking for ideas while the tests break things, and the count of what
 * they got back: each message should get exactly one reply.
 */
final class UserTraffic {

    /**
     * What the users saw.
     *
     * @param sent messages sent
     * @param answered messages with at least one reply
     * @param duplicates replies beyond the first, summed
     * @param lost messages without a reply
     */
    record Outcome(int sent, int answered, int duplicates, int lost) {
    }

    private final World world;

    private final List<EmulatedChannel> channels;

    private final List<EmulatedUser> users;

    private final List<EmulatedMessage> sent = new CopyOnWriteArrayList<>();

    private int next;

    UserTraffic(World world, List<String> channels, List<String> users) {
        this.world = world;
        this.channels = channels.stream().map(world::channel).toList();
        this.users = users.stream().map(world::user).toList();
    }

    /** The next user, in the next channel, asks for an idea. */
    synchronized EmulatedMessage ask() {
        EmulatedChannel channel = this.channels.get(this.next % this.channels.size());
        EmulatedUser user = this.users.get(this.next % this.users.size());
        this.next++;
        EmulatedMessage message = this.world.as(user).says(channel, ".idea");
        this.sent.add(message);
        return message;
    }

    /** Asks {@code count} times, {@code gap} apart. */
    void ask(int count, Duration gap) {
        for (int i = 0; i < count; i++) {
            ask();
            sleep(gap);
        }
    }

    /**
     * Waits until every message sent so far is answered: no more replies are on their way
     * to the bot.
     */
    void awaitAnswered(Duration timeout) {
        await().atMost(timeout)
            .until(() -> this.sent.stream().allMatch((message) -> !this.world.repliesTo(message).isEmpty()));
    }

    /**
     * Waits until every message is answered (or the timeout), then for stragglers, and
     * counts.
     */
    Outcome outcome(Duration timeout) {
        try {
            await().atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> this.sent.stream().allMatch((message) -> !this.world.repliesTo(message).isEmpty()));
        }
        catch (ConditionTimeoutException ex) {
            // counted below as lost
        }
        sleep(Duration.ofMillis(500));
        int answered = 0;
        int duplicates = 0;
        for (EmulatedMessage message : this.sent) {
            int replies = this.world.repliesTo(message).size();
            answered += (replies > 0) ? 1 : 0;
            duplicates += Math.max(0, replies - 1);
        }
        return new Outcome(this.sent.size(), answered, duplicates, this.sent.size() - answered);
    }

    List<EmulatedMessage> sent() {
        return new ArrayList<>(this.sent);
    }

    static void sleep(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
