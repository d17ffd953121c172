package io.github.jdaboot.interaction.handler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.annotation.MessageCommand;
import io.github.jdaboot.interaction.annotation.TargetOf;
import io.github.jdaboot.interaction.annotation.UserCommand;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.HandlerScanner;
import io.github.jdaboot.interaction.method.ReturnValueHandlers;
import io.github.jdaboot.interaction.method.annotation.ExceptionHandlers;
import io.github.jdaboot.interaction.method.support.ContextArgumentResolver;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.Event;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * Maps the names of user and message commands (the entries of Discord's "Apps" menu on a
 * user or a message) to {@link UserCommand @UserCommand} and
 * {@link MessageCommand @MessageCommand} methods, found and checked at startup.
 */
public class ContextCommandMapping implements SmartInitializingSingleton, BeanFactoryAware {

    /** A user or message command: its type, name and handler. */
    public record ContextCommand(Command.Type type, String name, HandlerMethod handler) {
    }

    private final ArgumentResolvers arguments;

    private final ReturnValueHandlers returns;

    private final ExceptionHandlers exceptions;

    private final Map<String, ContextCommand> commands = new LinkedHashMap<>();

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    public ContextCommandMapping(ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        this.arguments = arguments;
        this.returns = returns;
        this.exceptions = exceptions;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (this.beanFactory == null) {
            return;
        }
        HandlerScanner.scan(this.beanFactory, UserCommand.class,
                (handler, command) -> register(Command.Type.USER, command.value(), handler));
        HandlerScanner.scan(this.beanFactory, MessageCommand.class,
                (handler, command) -> register(Command.Type.MESSAGE, command.value(), handler));
    }

    void register(Command.Type type, String name, HandlerMethod handler) {
        String what = (type == Command.Type.USER) ? "@UserCommand" : "@MessageCommand";
        if (name.isBlank() || name.length() > CommandData.MAX_NAME_LENGTH) {
            throw handler.invalid(what, "invalid name '" + name + "': Discord requires 1 to "
                    + CommandData.MAX_NAME_LENGTH + " characters");
        }
        ContextCommand previous = this.commands.get(type + name);
        if (previous != null) {
            throw handler.invalid(what,
                    "duplicate name '" + name + "', also declared by " + previous.handler().describe());
        }
        long count = this.commands.values().stream().filter((command) -> command.type() == type).count();
        int max = (type == Command.Type.USER) ? Commands.MAX_USER_COMMANDS : Commands.MAX_MESSAGE_COMMANDS;
        if (count + 1 > max) {
            throw handler.invalid(what, "more than " + max + " commands of this kind, Discord's limit");
        }
        for (MethodParameter parameter : handler.parameters()) {
            check(type, what, handler, parameter);
        }
        if (!this.returns.supports(handler.returnType())) {
            throw handler
                .invalid(what, "unsupported return type " + handler.returnType().getParameterType().getSimpleName()
                        + "; return void, String, Reply, Modal, MessageCreateData or a CompletionStage of one of them");
        }
        this.commands.put(type + name, new ContextCommand(type, name, handler));
        this.exceptions.addLocal(handler.bean(), handler.beanName(), ClassUtils.getUserClass(handler.bean()));
    }

    private void check(Command.Type type, String what, HandlerMethod handler, MethodParameter parameter) {
        Class<?> parameterType = parameter.getParameterType();
        String name = "parameter '" + parameter.getParameterName() + "'";
        if (parameter.hasParameterAnnotation(TargetOf.class)) {
            boolean fits = (type == Command.Type.USER) ? (parameterType == User.class || parameterType == Member.class)
                    : parameterType == Message.class;
            if (!fits) {
                throw handler.invalid(what,
                        name + " is a @TargetOf " + parameterType.getSimpleName() + "; the target of "
                                + ((type == Command.Type.USER) ? "a user command is a User or Member"
                                        : "a message command is a" + " Message"));
            }
            return;
        }
        Class<?> event = (type == Command.Type.USER) ? UserContextInteractionEvent.class
                : MessageContextInteractionEvent.class;
        boolean otherEvent = GenericEvent.class.isAssignableFrom(parameterType) && parameterType != GenericEvent.class
                && parameterType != Event.class && !parameterType.isAssignableFrom(event);
        if (!ContextArgumentResolver.plain(parameter) || otherEvent || parameterType == CommandContext.class
                || parameterType == ComponentContext.class || !this.arguments.supports(parameter)) {
            throw handler.invalid(what, "unsupported parameter type " + parameterType.getSimpleName() + " for " + name
                    + ": take the @TargetOf user or message, the InteractionContext, the User who chose it, ...");
        }
    }

    public Optional<ContextCommand> find(Command.Type type, String name) {
        return Optional.ofNullable(this.commands.get(type + name));
    }

    public List<ContextCommand> all() {
        return List.copyOf(this.commands.values());
    }

}
