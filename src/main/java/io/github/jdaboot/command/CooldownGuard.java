package io.github.jdaboot.command;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link Cooldown @Cooldown}: after a use, the same user waits. Checked after the handler's arguments
 * were read, so that a mistyped command does not cost a use.
 */
class CooldownGuard implements InteractionGuard {

    private final CooldownTracker tracker;

    CooldownGuard(CooldownTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public Optional<String> check(GuardedRun run) {
        Cooldown cooldown = run.annotation(Cooldown.class);
        if (cooldown == null) {
            return Optional.empty();
        }
        Duration wait = this.tracker.tryUse(run.key(), Duration.ofSeconds(cooldown.seconds()),
                run.context().user().getIdLong());
        if (wait.isZero()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Optional.of("Slow down, please: you can use " + run.name() + " again in " + seconds
                + ((seconds == 1) ? " second." : " seconds."));
    }

}
