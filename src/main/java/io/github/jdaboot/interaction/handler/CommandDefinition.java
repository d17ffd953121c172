package io.github.jdaboot.interaction.handler;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import org.jspecify.annotations.Nullable;

/**
 * A command as discovered and validated: where it is offered, its options, its handler,
 * and what Discord keeps for its top-level command (where it is installed and may run,
 * whether it is age-restricted, who may use it by default).
 *
 * @param groups the groups it is a subcommand of, outermost first: none for a command,
 * one for {@code /tag add}, two for {@code /config channels set}
 * @param name the command (or subcommand) name
 * @param description what it does
 * @param surfaces slash, prefix or both
 * @param ephemeral whether slash replies are private
 * @param options its options, in order
 * @param scope where its top-level command is installed and may run
 * @param nsfw whether its top-level command is age-restricted
 * @param defaultPermissions who may use its top-level command in a server until the
 * server's managers decide otherwise
 * @param handler the method that runs it
 */
public record CommandDefinition(List<Group> groups, String name, String description, Set<CommandSurface> surfaces,
        boolean ephemeral, List<OptionDefinition> options, CommandScope scope, boolean nsfw,
        DefaultMemberPermissions defaultPermissions, HandlerMethod handler) {

    /**
     * A group a command is in.
     *
     * @param name its name
     * @param description what it is for
     */
    public record Group(String name, String description) {
    }

    public CommandDefinition {
        groups = List.copyOf(groups);
        options = List.copyOf(options);
    }

    /**
     * The full name as typed after the prefix: {@code idea}, {@code tag add} or
     * {@code config channels set}.
     */
    public String fullName() {
        if (this.groups.isEmpty()) {
            return this.name; // a top-level command, looked up on every run: no stream
        }
        return Stream.concat(this.groups.stream().map(Group::name), Stream.of(this.name))
            .collect(Collectors.joining(" "));
    }

    /** The outermost group's name for a subcommand, else null. */
    public @Nullable String group() {
        return this.groups.isEmpty() ? null : this.groups.getFirst().name();
    }

    /** The outermost group's description for a subcommand, else null. */
    public @Nullable String groupDescription() {
        return this.groups.isEmpty() ? null : this.groups.getFirst().description();
    }

    /**
     * The groups' names as typed, {@code config channels}, or null for a command that is
     * in none.
     */
    public @Nullable String groupPath() {
        return this.groups.isEmpty() ? null : this.groups.stream().map(Group::name).collect(Collectors.joining(" "));
    }

    /** The top-level name Discord knows: the outermost group for a subcommand. */
    public String topLevelName() {
        return this.groups.isEmpty() ? this.name : this.groups.getFirst().name();
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
     * What the user needs ({@link RequiresPermissions @RequiresPermissions}); checked
     * when it runs, and for a command that is in no group sent to Discord as its default
     * member permissions.
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
