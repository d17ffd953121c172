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
import io.github.jdaboot.testing.Timeouts;
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

    /**
     * Asks {@code count} times, {@code gap} apart: the users' pace (traffic spread over
     * the fault), not a wait for anything.
     */
    void ask(int count, Duration gap) {
        for (int i = 0; i < count; i++) {
            ask();
            pause(gap);
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
     * Waits until every message is answered (or the timeout), then watches for second
     * replies ({@link #watchForSecondReplies}), and counts.
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
        watchForSecondReplies(this.world, this.sent, Timeouts.SETTLE);
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

    /**
     * Watches for {@code watch} that no message gets a second reply (a retry that got
     * through twice arrives late); one that does is left to the caller to count (the
     * watch then ends at Awaitility's default timeout).
     */
    static void watchForSecondReplies(World world, List<EmulatedMessage> messages, Duration watch) {
        try {
            await("no second reply").during(watch)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> messages.stream().allMatch((message) -> world.repliesTo(message).size() <= 1));
        }
        catch (ConditionTimeoutException ex) {
            // a second reply: counted by the caller
        }
    }

    /**
     * Lets time pass for the users' pace or a fault's set length; never to wait for
     * something to happen (await that).
     */
    static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
