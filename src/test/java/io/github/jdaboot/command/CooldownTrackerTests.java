package io.github.jdaboot.command;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CooldownTrackerTests {

    private final AtomicLong now = new AtomicLong();

    private final CooldownTracker tracker = new CooldownTracker(this.now::get);

    @Test
    void secondUseWaitsUntilTheCooldownEnds() {
        CommandDefinition command = command(10);
        assertThat(this.tracker.tryUse(command, 1)).isZero();
        this.now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(this.tracker.tryUse(command, 1)).isEqualTo(Duration.ofSeconds(6));
        assertThat(this.tracker.tryUse(command, 2)).as("another user").isZero();
        this.now.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(this.tracker.tryUse(command, 1)).isZero();
    }

    @Test
    void noCooldownNeverWaits() {
        CommandDefinition command = command(0);
        assertThat(this.tracker.tryUse(command, 1)).isZero();
        assertThat(this.tracker.tryUse(command, 1)).isZero();
    }

    private static CommandDefinition command(long cooldown) {
        try {
            return new CommandDefinition(null, null, "cool", "Cool", Set.of(CommandSurface.PREFIX), false, false,
                    Set.of(), Set.of(), cooldown, List.of(), new Object(), Object.class.getMethod("toString"), "bean");
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
