package io.github.jdaboot.interaction.guard;

import java.util.Optional;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;

/**
 * {@link GuildOnly @GuildOnly} (and {@link RequiresPermissions @RequiresPermissions}):
 * not in direct messages.
 */
class GuildOnlyGuard implements InteractionGuard {

    @Override
    public Optional<String> check(GuardedRun run) {
        boolean guildOnly = run.annotation(GuildOnly.class) != null
                || run.annotation(RequiresPermissions.class) != null;
        if (guildOnly && run.context().guild() == null) {
            return Optional.of(capitalized(run.name()) + " only works in a server, not in direct messages.");
        }
        return Optional.empty();
    }

    private static String capitalized(String name) {
        return Character.isLetter(name.charAt(0)) ? Character.toUpperCase(name.charAt(0)) + name.substring(1) : name;
    }

}
