package io.github.jdaboot.interaction.guard;

import java.time.Duration;
import java.util.Optional;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.annotation.Cooldown;

/**
 * {@link Cooldown @Cooldown}: after a use, the same user (or channel, or server) waits.
 * Checked after the handler's arguments were read, so that a mistyped command does not
 * cost a use.
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
        InteractionContext context = run.context();
        long who = switch (cooldown.scope()) {
            case USER -> context.user().getIdLong();
            case CHANNEL -> context.channel().getIdLong();
            case GUILD -> (context.guild() != null) ? context.guild().getIdLong() : context.channel().getIdLong();
        };
        Duration wait = this.tracker.tryUse(run.key() + "/" + cooldown.scope(), Duration.ofSeconds(cooldown.seconds()),
                who);
        if (wait.isZero()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String waiting = switch (cooldown.scope()) {
            case USER -> "you can";
            case CHANNEL -> "this channel can";
            case GUILD -> "this server can";
        };
        return Optional.of("Slow down, please: " + waiting + " use " + run.name() + " again in " + seconds
                + ((seconds == 1) ? " second." : " seconds."));
    }

}
