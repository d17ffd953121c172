package io.github.jdaboot.interaction.handler;

import java.util.List;

import io.github.jdaboot.interaction.annotation.CommandConfig;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.DisabledByDefault;
import io.github.jdaboot.interaction.method.DiscordNames;
import io.github.jdaboot.interaction.method.HandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * The groups a {@code @Command} method is a subcommand of: its bean's
 * {@link CommandGroup @CommandGroup}, and the group of the class it is nested in, if that
 * has one. Discord nests one level: a command holds subcommand groups, a group holds
 * subcommands.
 */
final class CommandGroups {

    private CommandGroups() {
    }

    /** The groups of the handler, outermost first, checked; none for a command. */
    static List<CommandDefinition.Group> of(HandlerMethod handler) {
        Class<?> type = handler.beanType();
        CommandGroup own = group(type);
        if (own == null) {
            return List.of();
        }
        CommandDefinition.Group group = checked(handler, own);
        Class<?> enclosing = type.getEnclosingClass();
        CommandGroup outer = (enclosing != null) ? group(enclosing) : null;
        if (outer == null) {
            return List.of(group);
        }
        Class<?> outermost = enclosing.getEnclosingClass();
        CommandGroup third = (outermost != null) ? group(outermost) : null;
        if (third != null) {
            throw handler.invalid("@Command",
                    "@CommandGroup '" + own.name() + "' is nested in '" + outer.name() + "', which is nested in '"
                            + third.name() + "': Discord nests one level only (a command holds"
                            + " subcommand groups, a group holds subcommands)");
        }
        String top = "/" + outer.name();
        if (own.integrationTypes().length > 0 || own.contexts().length > 0 || own.nsfw()) {
            throw handler.invalid("@Command", "@CommandGroup '" + own.name() + "' is nested in " + top
                    + ", so it has no integrationTypes, contexts or nsfw of its own: Discord keeps them for the whole"
                    + " command, so declare them on the @CommandGroup of " + enclosing.getSimpleName());
        }
        if (type.isAnnotationPresent(CommandConfig.class) || type.isAnnotationPresent(DisabledByDefault.class)) {
            throw handler.invalid("@Command",
                    "@CommandGroup '" + own.name() + "' is nested in " + top
                            + ": @CommandConfig and @DisabledByDefault apply to the whole command, so annotate "
                            + enclosing.getSimpleName());
        }
        return List.of(checked(handler, outer), group);
    }

    /** The class whose {@code @CommandGroup} is the top-level command of the bean's. */
    static Class<?> outermost(Class<?> beanType) {
        Class<?> enclosing = beanType.getEnclosingClass();
        return (enclosing != null && group(enclosing) != null) ? enclosing : beanType;
    }

    private static @Nullable CommandGroup group(Class<?> type) {
        return AnnotatedElementUtils.findMergedAnnotation(type, CommandGroup.class);
    }

    private static CommandDefinition.Group checked(HandlerMethod handler, CommandGroup group) {
        DiscordNames.checkName(handler, "@Command", "command group name", group.name());
        DiscordNames.checkDescription(handler, "@Command", "command group '" + group.name() + "'", group.description());
        return new CommandDefinition.Group(group.name(), group.description());
    }

}
