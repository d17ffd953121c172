package io.github.jdaboot.command;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.Permission;
import org.jspecify.annotations.Nullable;

/**
 * A command as discovered and validated: where it is offered, its options and how to fill each
 * parameter of the method, its guards, and the bean and method to call.
 *
 * @param group the group name for a subcommand, else null
 * @param groupDescription the group's description, else null
 * @param name the command (or subcommand) name
 * @param description what it does
 * @param surfaces slash, prefix or both
 * @param ephemeral whether slash replies are private
 * @param guildOnly whether it works only in servers
 * @param userPermissions what the user needs
 * @param botPermissions what the bot needs
 * @param cooldownSeconds seconds between two uses by one user, 0 for none
 * @param parameters how to fill each method parameter, in order
 * @param bean the bean
 * @param method the method to invoke on the bean
 * @param beanName the bean's name, for messages
 */
record CommandDefinition(@Nullable String group, @Nullable String groupDescription, String name, String description,
        Set<CommandSurface> surfaces, boolean ephemeral, boolean guildOnly, Set<Permission> userPermissions,
        Set<Permission> botPermissions, long cooldownSeconds, List<ParameterBinding> parameters, Object bean,
        Method method, String beanName) {

    /** The full name as typed after the prefix: {@code idea} or {@code tag add}. */
    String fullName() {
        return (this.group != null) ? this.group + " " + this.name : this.name;
    }

    /** The top-level name Discord knows: the group for a subcommand. */
    String topLevelName() {
        return (this.group != null) ? this.group : this.name;
    }

    boolean offers(CommandSurface surface) {
        return this.surfaces.contains(surface);
    }

    List<OptionDefinition> options() {
        return this.parameters.stream()
            .filter(ParameterBinding.OptionParameter.class::isInstance)
            .map((binding) -> ((ParameterBinding.OptionParameter) binding).option())
            .toList();
    }

    /** A usage line: {@code idea [topic]}. */
    String usage() {
        String options = options().stream().map(OptionDefinition::usage).collect(Collectors.joining(" "));
        return options.isEmpty() ? fullName() : fullName() + " " + options;
    }

    /** How messages refer to the method: {@code ideaCommands.idea(String)}. */
    String describeMethod() {
        return describe(this.beanName, this.method);
    }

    static String describe(String beanName, Method method) {
        String parameters = java.util.Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
        return beanName + "." + method.getName() + "(" + parameters + ")";
    }
}
