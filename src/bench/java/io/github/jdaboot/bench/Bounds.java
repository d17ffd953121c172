package io.github.jdaboot.bench;

import java.time.Duration;

/**
 * The one place every wait on a bot is bounded: a phase may take {@value #FACTOR} times
 * what it is expected to take, plus {@link #SLACK} (a loaded 2-core machine, a GC, a JIT
 * backlog), and no longer. A bound that passes is a {@link DidNotFinish}, never a wait
 * forever.
 */
final class Bounds {

    /** How many times its expected duration a phase may take. */
    static final int FACTOR = 4;

    /** Added to every bound: what a loaded machine costs a short phase. */
    static final Duration SLACK = Duration.ofSeconds(30);

    /**
     * Replies (or events) a second the slowest bot is expected to manage when traffic
     * comes at once; the project managed over 2,000 in the last run.
     */
    static final int BURST_PER_SECOND = 500;

    /** Events a second the slowest bot is expected to drain in the ingest flood. */
    static final int INGEST_PER_SECOND = 5_000;

    /** Guilds a second a bot is expected to load at startup. */
    static final int GUILDS_PER_SECOND = 200;

    /** A JVM's start to its bot being logged on. */
    static final Duration STARTUP = Duration.ofSeconds(10);

    /** A single command, a jcmd, a process's shutdown. */
    static final Duration SHORT = Duration.ofSeconds(5);

    private Bounds() {
    }

    /** The bound of a phase expected to take {@code expected}. */
    static Duration of(Duration expected) {
        return expected.multipliedBy(FACTOR).plus(SLACK);
    }

    /** The bound of {@code count} answers paced at {@code perSecond} (0: at once). */
    static Duration traffic(int count, int perSecond) {
        double seconds = (perSecond > 0) ? (double) count / perSecond + 1 : (double) count / BURST_PER_SECOND;
        return of(Duration.ofMillis((long) (seconds * 1000)));
    }

}
