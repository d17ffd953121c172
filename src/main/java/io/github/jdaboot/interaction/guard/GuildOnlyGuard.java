package io.github.jdaboot.interaction.guard;

import java.util.Optional;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.InteractionGuard;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.i18n.InteractionMessages;

/**
 * {@link GuildOnly @GuildOnly} (and {@link RequiresPermissions @RequiresPermissions}):
 * not in direct messages.
 */
class GuildOnlyGuard implements InteractionGuard {

    private final InteractionMessages messages;

    GuildOnlyGuard(InteractionMessages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<String> check(GuardedRun run) {
        boolean guildOnly = run.annotation(GuildOnly.class) != null
                || run.annotation(RequiresPermissions.class) != null;
        if (guildOnly && run.context().guild() == null) {
            return Optional
                .of(capitalized(this.messages.get("interaction.guard.guild-only", run.context().locale(), run.name())));
        }
        return Optional.empty();
    }

    /** "this button only works ..." starts a sentence: "This button only works ...". */
    static String capitalized(String text) {
        return (!text.isEmpty() && Character.isLowerCase(text.charAt(0)))
                ? Character.toUpperCase(text.charAt(0)) + text.substring(1) : text;
    }

}
