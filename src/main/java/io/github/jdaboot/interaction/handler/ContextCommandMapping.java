package io.github.jdaboot.interaction.handler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.jdaboot.interaction.annotation.DisabledByDefault;
import io.github.jdaboot.interaction.annotation.GuildOnly;
import io.github.jdaboot.interaction.annotation.MessageCommand;
import io.github.jdaboot.interaction.annotation.RequiresPermissions;
import io.github.jdaboot.interaction.annotation.UserCommand;
import io.github.jdaboot.interaction.invocation.ContextCommandInvocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericContextInteractionEvent;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Maps the names of user and message commands (the entries of Discord's "Apps" menu on a
 * user or a message) to {@link UserCommand @UserCommand} and
 * {@link MessageCommand @MessageCommand} methods, found and checked at startup (with
 * where they are installed and may run). A command the bot no longer has, or one chosen
 * where it may not run, is answered so.
 */
public class ContextCommandMapping extends AbstractInteractionHandlerMapping<ContextCommandMapping.ContextCommand> {

    /**
     * A user or message command.
     *
     * @param type user or message
     * @param name its name in the menu
     * @param scope where it is installed and may run
     * @param nsfw whether it is age-restricted
     * @param defaultPermissions who may use it in a server until the server's managers
     * decide otherwise
     * @param handler its method
     */
    public record ContextCommand(Command.Type type, String name, CommandScope scope, boolean nsfw,
            DefaultMemberPermissions defaultPermissions, HandlerMethod handler) {

        String key() {
            return this.type + " " + this.name;
        }

        HandlerKind kind() {
            return (this.type == Command.Type.USER) ? HandlerKind.USER_COMMAND : HandlerKind.MESSAGE_COMMAND;
        }

    }

    private CommandScope defaultScope = CommandScope.DEFAULT;

    public ContextCommandMapping(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        super(arguments, returns, exceptions);
    }

    /**
     * Where commands are installed and may run unless they say otherwise
     * ({@code discord.commands.integration-types} and {@code discord.commands.contexts}).
     */
    public void setDefaultScope(CommandScope defaultScope) {
        this.defaultScope = defaultScope;
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof GenericContextInteractionEvent<?> menu)) {
            return null;
        }
        Registration<ContextCommand> registration = getRegistration(menu.getCommandType() + " " + menu.getName());
        if (registration == null) {
            return HandlerMatch.notFound("interaction.unknown.context", menu.getName());
        }
        ContextCommand command = registration.mapping();
        HandlerMatch refused = CommandRestrictions.refusal(command.scope(), command.nsfw(), menu.getContext(),
                menu.getChannel(), false, "\u201C" + command.name() + "\u201D");
        if (refused != null) {
            return refused;
        }
        HandlerMethod handler = registration.handler();
        return HandlerMatch.found(handler,
                (support) -> new ContextCommandInvocation(handler, menu.getName(), menu, support));
    }

    /** The user and message commands, in the order found. */
    public List<ContextCommand> getContextCommands() {
        return getRegistrations().stream().map(Registration::mapping).toList();
    }

    @Override
    protected boolean isHandlerMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, UserCommand.class)
                || AnnotatedElementUtils.hasAnnotation(method, MessageCommand.class);
    }

    @Override
    protected Object getMappingKey(ContextCommand mapping) {
        return mapping.key();
    }

    @Override
    protected String describeMapping(ContextCommand mapping) {
        return mapping.type().name().toLowerCase(Locale.ROOT) + " command '" + mapping.name() + "'";
    }

    @Override
    protected Set<HandlerKind> getHandlerKinds(ContextCommand mapping) {
        return Set.of(mapping.kind());
    }

    @Override
    protected String getAnnotationName(HandlerMethod handler) {
        return (handler.annotation(UserCommand.class) != null) ? "@UserCommand" : "@MessageCommand";
    }

    @Override
    protected String getParameterHint() {
        return ": take the @TargetOf user or message, the InteractionContext, the User who chose it, ...";
    }

    @Override
    protected List<ContextCommand> getMappingsForMethod(HandlerMethod handler) {
        List<ContextCommand> commands = new ArrayList<>();
        UserCommand user = handler.annotation(UserCommand.class);
        if (user != null) {
            commands.add(define(handler, Command.Type.USER, user.value(), user.integrationTypes(), user.contexts(),
                    user.nsfw()));
        }
        MessageCommand message = handler.annotation(MessageCommand.class);
        if (message != null) {
            commands.add(define(handler, Command.Type.MESSAGE, message.value(), message.integrationTypes(),
                    message.contexts(), message.nsfw()));
        }
        return commands;
    }

    private ContextCommand define(HandlerMethod handler, Command.Type type, String name, IntegrationType[] types,
            InteractionContextType[] contexts, boolean nsfw) {
        String what = (type == Command.Type.USER) ? "@UserCommand" : "@MessageCommand";
        if (name.isBlank() || name.length() > CommandData.MAX_NAME_LENGTH) {
            throw handler.invalid(what, "invalid name '" + name + "': Discord requires 1 to "
                    + CommandData.MAX_NAME_LENGTH + " characters");
        }
        long count = getRegistrations().stream()
            .filter((registration) -> registration.mapping().type() == type)
            .count();
        int max = (type == Command.Type.USER) ? Commands.MAX_USER_COMMANDS : Commands.MAX_MESSAGE_COMMANDS;
        if (count + 1 > max) {
            throw handler.invalid(what, "more than " + max + " commands of this kind, Discord's limit");
        }
        RequiresPermissions permissions = handler.annotation(RequiresPermissions.class);
        boolean guildOnly = handler.annotation(GuildOnly.class) != null || permissions != null;
        CommandScope scope = CommandDeclarations.scope(handler, what, types, contexts, handler.beanType(), guildOnly,
                this.defaultScope);
        DefaultMemberPermissions defaultPermissions = CommandDeclarations.defaultPermissions(handler, what,
                handler.annotation(DisabledByDefault.class),
                (permissions != null) ? Set.of(permissions.user()) : Set.of());
        return new ContextCommand(type, name, scope, nsfw, defaultPermissions, handler);
    }

}
