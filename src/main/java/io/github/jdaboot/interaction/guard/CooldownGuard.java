package io.github.jdaboot.interaction.guard;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.i18n.InteractionMessages;

/**
 * {@link Cooldown @Cooldown}: after a use, the same user (or channel, or server) waits.
 * Checked after the handler's arguments were read, so that a mistyped command does not
 * cost a use.
 */
class CooldownGuard implements InteractionGuard {

    private final CooldownTracker tracker;

    private final InteractionMessages messages;

    CooldownGuard(CooldownTracker tracker, InteractionMessages messages) {
        this.tracker = tracker;
        this.messages = messages;
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
        return Optional
            .of(this.messages.get("interaction.guard.cooldown." + cooldown.scope().name().toLowerCase(Locale.ROOT),
                    context.locale(), run.name(), seconds));
    }

}
