package io.github.jdaboot.interaction.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;

/**
 * The guards, in order: {@link GuildOnly @GuildOnly},
 * {@link RequiresPermissions @RequiresPermissions}, users' guard beans, all before the
 * handler's arguments are read; then {@link Cooldown @Cooldown}, after them.
 */
public class Guards {

    private final List<InteractionGuard> beforeArguments;

    private final InteractionGuard cooldown;

    public Guards(List<InteractionGuard> userGuards, CooldownTracker cooldowns) {
        List<InteractionGuard> guards = new ArrayList<>(List.of(new GuildOnlyGuard(), new PermissionsGuard()));
        guards.addAll(userGuards);
        this.beforeArguments = List.copyOf(guards);
        this.cooldown = new CooldownGuard(cooldowns);
    }

    /** Why the run is refused before reading its arguments, or empty. */
    public Optional<String> beforeArguments(GuardedRun run) {
        for (InteractionGuard guard : this.beforeArguments) {
            Optional<String> denied = guard.check(run);
            if (denied.isPresent()) {
                return denied;
            }
        }
        return Optional.empty();
    }

    /** Why the run must wait (its cooldown), or empty. */
    public Optional<String> afterArguments(GuardedRun run) {
        return this.cooldown.check(run);
    }

}
