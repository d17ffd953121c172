package io.github.jdaboot.interaction.guard;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
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

    @Test
    @DisplayName("per user: cooldowns, at most 100,000 users even when all are cooling down at once")
    void cooldowns() {
        AtomicLong now = new AtomicLong();
        CooldownTracker cooldowns = new CooldownTracker(now::get);
        for (long user = 1; user <= 300_000; user++) {
            cooldowns.tryUse("roll", Duration.ofHours(1), user);
            now.addAndGet(1_000);
            if (user % 1_000 == 0) {
                assertThat(cooldowns.size()).isLessThanOrEqualTo(CooldownTracker.CAPACITY);
            }
        }
        assertThat(cooldowns.size()).isLessThanOrEqualTo(CooldownTracker.CAPACITY);
        assertThat(cooldowns.tryUse("roll", Duration.ofHours(1), 300_000)).as("the latest still wait").isPositive();
    }

    @Test
    @DisplayName("per user: expired cooldowns do not pile up")
    void expiredCooldowns() {
        AtomicLong now = new AtomicLong();
        CooldownTracker cooldowns = new CooldownTracker(now::get);
        for (long user = 1; user <= 100_000; user++) {
            cooldowns.tryUse("roll", Duration.ofSeconds(1), user);
            now.addAndGet(Duration.ofMillis(10).toNanos()); // a hundred users a second
        }
        assertThat(cooldowns.size()).isLessThanOrEqualTo(10_001);
    }

}
