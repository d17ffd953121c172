package io.github.jdaboot.bench;

/**
 * A phase that waited on a bot longer than its bound ({@link Bounds}), or whose bot
 * exited: the harness kills the bot, records the phase as "did not finish (reason)"
 * instead of a figure, and goes on with the next bot or phase.
 */
final class DidNotFinish extends RuntimeException {

    private final String phase;

    private final String reason;

    DidNotFinish(String phase, String reason) {
        super(phase + " did not finish (" + reason + ")");
        this.phase = phase;
        this.reason = reason;
    }

    String phase() {
        return this.phase;
    }

    String reason() {
        return this.reason;
    }

}
