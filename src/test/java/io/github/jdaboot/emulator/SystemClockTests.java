package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's system clock against a wall clock and a monotonic clock the test moves:
 * what Discord, off the machine, would see of the machine's time.
 */
@DisplayName("The emulator's system clock")
class SystemClockTests {

    private static final Instant START = Instant.parse("2026-12-08T00:01:54Z");

    private final AtomicReference<Instant> wall = new AtomicReference<>(START);

    private final AtomicLong nanos = new AtomicLong(1_000);

    private final SystemClock clock = new SystemClock(this::wall, this.nanos::get);

    private Instant wall() {
        return this.wall.get();
    }

    @AfterEach
    void close() {
        this.clock.close();
    }

    private void pass(Duration wallTime, Duration monotonicTime) {
        this.wall.set(this.wall.get().plus(wallTime));
        this.nanos.addAndGet(monotonicTime.toNanos());
    }

    @Test
    @DisplayName("moves on with the monotonic clock, not with small steps of the wall clock")
    void monotonic() {
        pass(Duration.ofMillis(1_900), Duration.ofSeconds(2));
        assertThat(this.clock.instant()).isEqualTo(START.plusSeconds(2));
        pass(Duration.ofMillis(1_150), Duration.ofSeconds(1));
        assertThat(this.clock.instant()).as("the wall clock 50 ms ahead: no pause").isEqualTo(START.plusSeconds(3));
        pass(Duration.ofMillis(-1500), Duration.ofSeconds(1));
        assertThat(this.clock.instant()).isEqualTo(START.plusSeconds(4));
    }

    @Test
    @DisplayName("counts a pause of the machine, its wall clock put forward while its monotonic clock stood, as time passed")
    void pause() {
        pass(Duration.ofSeconds(1), Duration.ofSeconds(1));
        Instant beforePause = this.clock.instant();
        // a snapshot of the virtual machine: 13 s pass outside, about none on it
        pass(Duration.ofSeconds(13), Duration.ofMillis(5));
        Instant afterPause = this.clock.instant();
        assertThat(Duration.between(beforePause, afterPause)).isEqualTo(Duration.ofSeconds(13));
        // then on with the monotonic clock again, the pause kept once
        pass(Duration.ofSeconds(2), Duration.ofSeconds(2));
        assertThat(this.clock.instant()).isEqualTo(afterPause.plusSeconds(2));
    }

    @Test
    @DisplayName("counts a pause under a second too: a CI run's two IDENTIFYs 5.7 s apart by the wall clock")
    void shortPause() {
        Instant identify = this.clock.instant();
        pass(Duration.ofMillis(5_700), Duration.ofMillis(4_950));
        assertThat(Duration.between(identify, this.clock.instant())).isEqualTo(Duration.ofMillis(5_700));
    }

    @Test
    @DisplayName("never goes back when the wall clock is set back after a pause")
    void setBack() {
        pass(Duration.ofSeconds(10), Duration.ZERO);
        Instant afterPause = this.clock.instant();
        pass(Duration.ofSeconds(-30), Duration.ofSeconds(1));
        assertThat(this.clock.instant()).isEqualTo(afterPause.plusSeconds(1));
    }

}
