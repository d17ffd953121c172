package io.github.jdaboot.command;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CooldownTrackerTests {

    private final AtomicLong now = new AtomicLong();

    private final CooldownTracker tracker = new CooldownTracker(this.now::get);

    @Test
    void secondUseWaitsUntilTheCooldownEnds() {
        Duration command = Duration.ofSeconds(10);
        assertThat(this.tracker.tryUse("cool", command, 1)).isZero();
        this.now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(this.tracker.tryUse("cool", command, 1)).isEqualTo(Duration.ofSeconds(6));
        assertThat(this.tracker.tryUse("cool", command, 2)).as("another user").isZero();
        this.now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(this.tracker.tryUse("cool", command, 1)).isZero();
    }

    @Test
    void noCooldownNeverWaits() {
        Duration command = Duration.ZERO;
        assertThat(this.tracker.tryUse("cool", command, 1)).isZero();
        assertThat(this.tracker.tryUse("cool", command, 1)).isZero();
    }

}
