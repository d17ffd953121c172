package io.github.jdaboot.interaction.handler;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.Cooldown;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.HandlerScanner;
import io.github.jdaboot.interaction.method.ReturnValueHandlers;
import io.github.jdaboot.interaction.method.annotation.ExceptionHandlers;
import io.github.jdaboot.interaction.method.annotation.OptionArgumentResolver;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.events.Event;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;

/**
 * Maps command names to {@link Command @Command} methods. Finds them on all beans once
 * every singleton exists, checks each against Discord's rules and the framework's
 * argument resolvers and return value handlers, and fails startup with a
 * {@link BeanInitializationException} naming the bean, the method and the problem.
 * Nothing is skipped with a warning.
 */
public class CommandHandlerMapping implements SmartInitializingSingleton, BeanFactoryAware {

    /** Discord's rule for command and option names (chat-input commands). */
    private static final Pattern NAME = Pattern
        .compile("^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1," + CommandData.MAX_NAME_LENGTH + "}$");

    private final ArgumentResolvers arguments;

    private final OptionArgumentResolver options;

    private final ReturnValueHandlers returns;

    private final ExceptionHandlers exceptions;

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    /** Commands by full name ({@code idea}, {@code tag add}), in discovery order. */
    private final Map<String, CommandDefinition> commands = new LinkedHashMap<>();

    public CommandHandlerMapping(ArgumentResolvers arguments, OptionArgumentResolver options,
            ReturnValueHandlers returns, ExceptionHandlers exceptions) {
        this.arguments = arguments;
        this.options = options;
        this.returns = returns;
        this.exceptions = exceptions;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    private boolean scanned;

    /**
     * Finds the commands, once (the autocomplete mapping asks first when it needs them).
     */
    @Override
    public synchronized void afterSingletonsInstantiated() {
        if (this.beanFactory == null || this.scanned) {
            return;
        }
        this.scanned = true;
        HandlerScanner.scan(this.beanFactory, Command.class, (handler, command) -> register(define(handler, command)));
        long topLevel = slashCommands().stream().map(CommandDefinition::topLevelName).distinct().count();
        if (topLevel > Commands.MAX_SLASH_COMMANDS) {
            throw new BeanInitializationException("Too many slash commands: " + topLevel + " declared, Discord allows "
                    + Commands.MAX_SLASH_COMMANDS);
        }
    }

    /** Adds a validated command; rejects a second command of the same name. */
    void register(CommandDefinition definition) {
        HandlerMethod handler = definition.handler();
        CommandDefinition previous = this.commands.get(definition.fullName());
        if (previous != null) {
            throw handler.invalid("@Command", "duplicate command name '" + definition.fullName()
                    + "', also declared by " + previous.handler().describe());
        }
        for (CommandDefinition other : this.commands.values()) {
            boolean clash = (definition.group() == null && definition.name().equals(other.group()))
                    || (other.group() == null && other.name().equals(definition.group()));
            if (clash) {
                throw handler.invalid("@Command", "command name '" + definition.topLevelName()
                        + "' is both a command and a command group (see " + other.handler().describe() + ")");
            }
        }
        if (definition.group() != null) {
            long inGroup = this.commands.values().stream().filter((c) -> definition.group().equals(c.group())).count();
            if (inGroup + 1 > CommandData.MAX_OPTIONS) {
                throw handler.invalid("@Command", "command group '" + definition.group() + "' has more than "
                        + CommandData.MAX_OPTIONS + " subcommands, Discord's limit");
            }
        }
        this.commands.put(definition.fullName(), definition);
        this.exceptions.addLocal(handler.bean(), handler.beanName(), ClassUtils.getUserClass(handler.bean()));
    }

    public Collection<CommandDefinition> all() {
        return this.commands.values();
    }

    public List<CommandDefinition> slashCommands() {
        return this.commands.values().stream().filter((c) -> c.offers(CommandSurface.SLASH)).toList();
    }

    public Optional<CommandDefinition> find(String fullName) {
        return Optional.ofNullable(this.commands.get(fullName));
    }

    /** Whether some command belongs to this group. */
    boolean isGroup(String name) {
        return this.commands.values().stream().anyMatch((c) -> name.equals(c.group()));
    }

    /*
     * ---------------------------------------------------------------- building and
     * checking one command
     */

    CommandDefinition define(HandlerMethod handler, Command command) {
        CommandGroup group = handler.annotation(CommandGroup.class);
        if (group != null) {
            checkName(handler, "command group name", group.name());
            checkDescription(handler, "command group '" + group.name() + "'", group.description());
        }
        checkName(handler, "command name", command.name());
        checkDescription(handler, "command '" + command.name() + "'", command.description());
        if (command.surfaces().length == 0) {
            throw handler.invalid("@Command", "surfaces is empty: offer the command as SLASH, PREFIX or both");
        }
        if (Modifier.isStatic(handler.method().getModifiers())) {
            throw handler.invalid("@Command", "@Command methods must not be static");
        }
        if (!this.returns.supports(handler.returnType())) {
            throw handler.invalid("@Command", "unsupported return type "
                    + handler.returnType().getParameterType().getSimpleName()
                    + "; return void, String, Reply, Modal, MessageCreateData, a CompletionStage of one of them,"
                    + " or a type of a registered InteractionReturnValueHandler bean");
        }
        // a form opens only in answer to an interaction: a command returning one is a
        // slash command
        Set<CommandSurface> surfaces = (handler.returnType().getParameterType() == Modal.class)
                ? EnumSet.of(CommandSurface.SLASH) : EnumSet.copyOf(Arrays.asList(command.surfaces()));
        List<OptionDefinition> definitions = new ArrayList<>();
        MethodParameter[] parameters = handler.parameters();
        int lastText = lastTextOption(parameters);
        boolean optionalSeen = false;
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.length; i++) {
            MethodParameter parameter = parameters[i];
            if (!parameter.hasParameterAnnotation(Option.class)) {
                checkInjected(handler, parameter, surfaces);
                continue;
            }
            OptionDefinition option = this.options.define(handler, parameter, i == lastText);
            if (!names.add(option.name())) {
                throw handler.invalid("@Command", "two options are named '" + option.name() + "'");
            }
            if (option.required() && optionalSeen) {
                throw handler.invalid("@Command", "required option '" + option.name()
                        + "' comes after an optional one; Discord needs required options first");
            }
            optionalSeen |= !option.required();
            definitions.add(option);
        }
        if (definitions.size() > CommandData.MAX_OPTIONS) {
            throw handler.invalid("@Command",
                    "too many options: " + definitions.size() + ", Discord allows " + CommandData.MAX_OPTIONS);
        }
        Cooldown cooldown = handler.annotation(Cooldown.class);
        if (cooldown != null && cooldown.seconds() <= 0) {
            throw handler.invalid("@Command", "@Cooldown seconds must be positive, was " + cooldown.seconds());
        }
        return new CommandDefinition((group != null) ? group.name() : null,
                (group != null) ? group.description() : null, command.name(), command.description(), surfaces,
                command.ephemeral(), List.copyOf(definitions), handler);
    }

    /**
     * A parameter filled by type, not an option: some resolver must fill it on every
     * surface offered.
     */
    private void checkInjected(HandlerMethod handler, MethodParameter parameter, Set<CommandSurface> surfaces) {
        Class<?> type = parameter.getParameterType();
        String name = "parameter '" + parameter.getParameterName() + "'";
        if (parameter.hasParameterAnnotation(IdPart.class) || parameter.hasParameterAnnotation(Field.class)
                || parameter.hasParameterAnnotation(Selected.class) || type == ComponentContext.class) {
            throw handler.invalid("@Command", name + " is for clicks and forms; a command takes @Option parameters");
        }
        if (type == SlashCommandInteractionEvent.class && !surfaces.equals(EnumSet.of(CommandSurface.SLASH))) {
            throw handler.invalid("@Command", name + " is a SlashCommandInteractionEvent, so the command must be"
                    + " slash-only (surfaces = CommandSurface.SLASH); use CommandContext to serve both");
        }
        if (type == MessageReceivedEvent.class && !surfaces.equals(EnumSet.of(CommandSurface.PREFIX))) {
            throw handler.invalid("@Command", name + " is a MessageReceivedEvent, so the command must be"
                    + " prefix-only (surfaces = CommandSurface.PREFIX); use CommandContext to serve both");
        }
        boolean otherEvent = GenericEvent.class.isAssignableFrom(type) && type != GenericEvent.class
                && type != Event.class && type != SlashCommandInteractionEvent.class
                && type != MessageReceivedEvent.class;
        if (otherEvent || !this.arguments.supports(parameter)) {
            throw handler.invalid("@Command", "unsupported parameter type " + type.getSimpleName() + " for " + name
                    + ": annotate an option with @Option (String, long, int, double, boolean, an enum, User, Member,"
                    + " Role, a channel or Message.Attachment), or inject CommandContext, User, Member, Guild,"
                    + " MessageChannel, JDA or the JDA event");
        }
    }

    private static int lastTextOption(MethodParameter[] parameters) {
        int last = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].hasParameterAnnotation(Option.class)) {
                last = (parameters[i].getParameterType() == String.class) ? i : -1;
            }
        }
        return last;
    }

    public static void checkName(HandlerMethod handler, String what, String name) {
        if (!NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw handler.invalid("@Command", "invalid " + what + " '" + name + "': Discord requires 1-"
                    + CommandData.MAX_NAME_LENGTH + " lower-case letters, digits, '-' or '_', without spaces");
        }
    }

    public static void checkDescription(HandlerMethod handler, String what, String description) {
        if (description.isBlank() || description.length() > CommandData.MAX_DESCRIPTION_LENGTH) {
            throw handler.invalid("@Command", "description of " + what + " is " + description.length()
                    + " characters long; Discord requires 1 to " + CommandData.MAX_DESCRIPTION_LENGTH);
        }
    }

}
