package io.github.jdaboot.interaction.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.i18n.InteractionMessages;

/**
 * The guards, in order: {@link GuildOnly @GuildOnly},
 * {@link RequiresPermissions @RequiresPermissions}, the application's guard beans, all
 * before the handler's arguments are read; then {@link Cooldown @Cooldown}, after them (a
 * mistyped command costs no use).
 */
public class GuardChain {

    private final List<InteractionGuard> beforeArguments;

    private final InteractionGuard cooldown;

    /**
     * The built-in guards and the application's.
     * @param applicationGuards the application's, in their order
     * @param cooldowns who is cooling down
     * @param messages the built-in guards' texts
     */
    public GuardChain(List<InteractionGuard> applicationGuards, CooldownTracker cooldowns,
            InteractionMessages messages) {
        List<InteractionGuard> guards = new ArrayList<>(
                List.of(new GuildOnlyGuard(messages), new PermissionsGuard(messages)));
        guards.addAll(applicationGuards);
        this.beforeArguments = List.copyOf(guards);
        this.cooldown = new CooldownGuard(cooldowns, messages);
    }

    /**
     * The answer to a run refused before reading its arguments (the refusing guard's
     * {@link InteractionGuard#refusal}), or empty.
     */
    public Optional<Reply> beforeArguments(GuardedRun run) {
        for (InteractionGuard guard : this.beforeArguments) {
            Optional<String> denied = guard.check(run);
            if (denied.isPresent()) {
                return Optional.of(guard.refusal(run, denied.get()));
            }
        }
        return Optional.empty();
    }

    /** Why the run must wait (its cooldown), or empty. */
    public Optional<String> afterArguments(GuardedRun run) {
        return this.cooldown.check(run);
    }

}
