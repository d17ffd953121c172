package io.github.jdaboot.interaction.handler;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.Permission;
import org.jspecify.annotations.Nullable;

/**
 * A command as discovered and validated: where it is offered, its options, and its
 * handler.
 *
 * @param group the group name for a subcommand, else null
 * @param groupDescription the group's description, else null
 * @param name the command (or subcommand) name
 * @param description what it does
 * @param surfaces slash, prefix or both
 * @param ephemeral whether slash replies are private
 * @param options its options, in order
 * @param handler the method that runs it
 */
public record CommandDefinition(@Nullable String group, @Nullable String groupDescription, String name,
        String description, Set<CommandSurface> surfaces, boolean ephemeral, List<OptionDefinition> options,
        HandlerMethod handler) {

    /** The full name as typed after the prefix: {@code idea} or {@code tag add}. */
    public String fullName() {
        return (this.group != null) ? this.group + " " + this.name : this.name;
    }

    /** The top-level name Discord knows: the group for a subcommand. */
    String topLevelName() {
        return (this.group != null) ? this.group : this.name;
    }

    public boolean offers(CommandSurface surface) {
        return this.surfaces.contains(surface);
    }

    /** A usage line: {@code idea [topic]}. */
    public String usage() {
        String options = this.options.stream().map((option) -> option.spec().usage()).collect(Collectors.joining(" "));
        return options.isEmpty() ? fullName() : fullName() + " " + options;
    }

    /**
     * Whether it works only in servers ({@link GuildOnly @GuildOnly}, or permissions
     * required).
     */
    public boolean guildOnly() {
        return this.handler.annotation(GuildOnly.class) != null
                || this.handler.annotation(RequiresPermissions.class) != null;
    }

    /**
     * What the user needs; sent to Discord as the command's default member permissions.
     */
    public Set<Permission> userPermissions() {
        RequiresPermissions permissions = this.handler.annotation(RequiresPermissions.class);
        return (permissions == null || permissions.user().length == 0) ? Set.of()
                : EnumSet.copyOf(Arrays.asList(permissions.user()));
    }

    /** Seconds between two uses by one user, 0 for none. */
    public long cooldownSeconds() {
        Cooldown cooldown = this.handler.annotation(Cooldown.class);
        return (cooldown != null) ? cooldown.seconds() : 0;
    }

}
