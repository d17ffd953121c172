package io.github.jdaboot.interaction;

import java.util.Optional;

import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;

/**
 * Decides, before a handler runs, whether it may run for this user here, as a Spring MVC
 * {@code HandlerInterceptor} does before a controller. Guards see the user who acted (for
 * a click, the user who clicked, not the one who ran the original command). The
 * framework's guards implement {@link GuildOnly @GuildOnly},
 * {@link RequiresPermissions @RequiresPermissions}, {@link Cooldown @Cooldown} and
 * {@link RequiresEntitlement @RequiresEntitlement} (a bean); beans of this type add their
 * own and run after the first two.
 */
public interface InteractionGuard {

    /**
     * Why the handler may not run, as a polite sentence for the user, or empty to let it
     * run. A guard that does not apply to the handler (no annotation of its own) lets it
     * run.
     */
    Optional<String> check(GuardedRun run);

    /**
     * The answer to a run this guard refused, for the reason {@link #check} gave: by
     * default that sentence, visible only to the user. A guard overrides it to answer
     * with more than text, as {@link RequiresEntitlement @RequiresEntitlement} adds
     * Discord's premium button.
     */
    default Reply refusal(GuardedRun run, String reason) {
        return Reply.of(reason).ephemeral();
    }

}
