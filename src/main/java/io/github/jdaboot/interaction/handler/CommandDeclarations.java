package io.github.jdaboot.interaction.handler;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.github.jdaboot.interaction.annotation.CommandConfig;
import io.github.jdaboot.interaction.annotation.DisabledByDefault;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * What Discord keeps per top-level command, read from its declaration and checked: where
 * it is installed and may run (the command's own, else its class's
 * {@link CommandConfig @CommandConfig}, else the application's defaults), and who may use
 * it by default.
 */
final class CommandDeclarations {

    private CommandDeclarations() {
    }

    /**
     * The scope of a top-level command.
     * @param annotation what failures call the handler: "@Command"
     * @param types the integration types declared on the command itself (or its group)
     * @param contexts the contexts declared on the command itself (or its group)
     * @param declaringClass the class whose {@link CommandConfig @CommandConfig} applies
     * @param guildOnly whether it works only in servers
     * @param defaults the application's
     */
    static CommandScope scope(HandlerMethod handler, String annotation, IntegrationType[] types,
            InteractionContextType[] contexts, Class<?> declaringClass, boolean guildOnly, CommandScope defaults) {
        CommandConfig config = AnnotatedElementUtils.findMergedAnnotation(declaringClass, CommandConfig.class);
        String typesFrom;
        Set<IntegrationType> integrationTypes;
        if (types.length > 0) {
            typesFrom = "integrationTypes";
            integrationTypes = EnumSet.copyOf(Arrays.asList(types));
        }
        else if (config != null && config.integrationTypes().length > 0) {
            typesFrom = "@CommandConfig(integrationTypes) of " + declaringClass.getSimpleName();
            integrationTypes = EnumSet.copyOf(Arrays.asList(config.integrationTypes()));
        }
        else {
            typesFrom = "discord.commands.integration-types";
            integrationTypes = defaults.integrationTypes();
        }
        String contextsFrom;
        Set<InteractionContextType> where;
        if (contexts.length > 0) {
            contextsFrom = "contexts";
            where = EnumSet.copyOf(Arrays.asList(contexts));
        }
        else if (config != null && config.contexts().length > 0) {
            contextsFrom = "@CommandConfig(contexts) of " + declaringClass.getSimpleName();
            where = EnumSet.copyOf(Arrays.asList(config.contexts()));
        }
        else {
            contextsFrom = "discord.commands.contexts";
            where = defaults.contexts();
        }
        if (guildOnly) {
            Set<InteractionContextType> elsewhere = EnumSet.copyOf(where);
            elsewhere.remove(InteractionContextType.GUILD);
            if (contexts.length > 0 && !elsewhere.isEmpty()) {
                throw handler.invalid(annotation, "it works in servers only (@GuildOnly or @RequiresPermissions), but"
                        + " its contexts also name " + elsewhere + ": remove them, or let it work outside servers");
            }
            if (!where.contains(InteractionContextType.GUILD)) {
                throw handler.invalid(annotation,
                        "it works in servers only (@GuildOnly or @RequiresPermissions), but" + " " + contextsFrom + " "
                                + where + " lets it run outside servers only: give it" + " contexts = GUILD");
            }
            where = EnumSet.of(InteractionContextType.GUILD);
        }
        CommandScope scope = new CommandScope(integrationTypes, where);
        String problem = scope.problem((types.length > 0) ? typesFrom
                : "integrationTypes (it has " + integrationTypes + " from " + typesFrom + ")", contextsFrom);
        if (problem != null) {
            throw handler.invalid(annotation, problem);
        }
        return scope;
    }

    /**
     * Who may use a top-level command in a server by default: nobody but administrators
     * ({@link DisabledByDefault @DisabledByDefault}), those with the permissions the
     * command requires, or everyone.
     */
    static DefaultMemberPermissions defaultPermissions(HandlerMethod handler, String annotation,
            @Nullable DisabledByDefault disabled, Set<Permission> userPermissions) {
        if (disabled != null) {
            if (!userPermissions.isEmpty()) {
                throw handler.invalid(annotation,
                        "it is @DisabledByDefault and also requires " + userPermissions
                                + " of users (@RequiresPermissions), and Discord keeps one default for a command: keep"
                                + " one of the two");
            }
            return DefaultMemberPermissions.DISABLED;
        }
        return userPermissions.isEmpty() ? DefaultMemberPermissions.ENABLED
                : DefaultMemberPermissions.enabledFor(userPermissions);
    }

}
