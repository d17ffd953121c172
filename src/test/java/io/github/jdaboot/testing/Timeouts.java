package io.github.jdaboot.testing;

import java.time.Duration;

/**
 * Every timeout of the test suite, in one place. They bound how long a test waits for
 * something that should happen; they are sized for a shared 2-core machine with both
 * cores busy (a reply normally takes milliseconds), so that a slow machine makes a test
 * slower, never red. On a slower machine scale them all with
 * {@code -Dtest.timeout-scale=2}.
 */
public final class Timeouts {

    private static final double SCALE = Double.parseDouble(System.getProperty("test.timeout-scale", "1"));

    /**
     * The bot answering one event: a reply, an acknowledgement, a status or health
     * change.
     */
    public static final Duration ANSWER = scaled(Duration.ofSeconds(20));

    /**
     * Recovering from a fault whose recovery waits by design: Discord's 5-second IDENTIFY
     * limit, JDA's reconnect backoff, a WebSocket close timeout.
     */
    public static final Duration RECOVERY = scaled(Duration.ofSeconds(60));

    /**
     * How long to watch that something does not happen (no retry, no second reply). Not
     * scaled: a slower machine only makes the check stricter.
     */
    public static final Duration QUIET = Duration.ofSeconds(3);

    /**
     * A shorter {@link #QUIET}, for the watches that the reliability tests keep in each
     * of their many fault scenarios (no message answered a second time once all have
     * their first reply; health staying DOWN). Not scaled either.
     */
    public static final Duration SETTLE = Duration.ofMillis(500);

    private Timeouts() {
    }

    /**
     * Any other time bound a test waits for or asserts (a load test's total time, "JDA
     * gives up within four heartbeat intervals"), scaled like the others: every such
     * threshold goes through here.
     */
    public static Duration scaled(Duration timeout) {
        return Duration.ofMillis((long) (timeout.toMillis() * SCALE));
    }

}
