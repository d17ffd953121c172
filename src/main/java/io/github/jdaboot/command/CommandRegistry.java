package io.github.jdaboot.command;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.Event;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link Command @Command} methods of all beans once every singleton exists (as Spring's
 * {@code EventListenerMethodProcessor} does for {@code @EventListener}), checks each against
 * Discord's rules and the framework's supported types, and fails startup with a
 * {@link BeanInitializationException} naming the bean, the method and the problem. Nothing is
 * skipped with a warning.
 */
class CommandRegistry implements SmartInitializingSingleton, BeanFactoryAware {

    /** Discord's rule for command and option names (chat-input commands). */
    private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");

    static final int MAX_DESCRIPTION = 100;
    static final int MAX_OPTIONS = 25;
    static final int MAX_CHOICES = 25;
    static final int MAX_TOP_LEVEL_COMMANDS = 100;

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    /** Commands by full name ({@code idea}, {@code tag add}), in discovery order. */
    private final Map<String, CommandDefinition> commands = new LinkedHashMap<>();

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ConfigurableListableBeanFactory factory = this.beanFactory;
        if (factory == null) {
            return;
        }
        for (String beanName : factory.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> type = AutoProxyUtils.determineTargetClass(factory, beanName);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            Map<Method, Command> annotated = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<Command>) (method) -> AnnotatedElementUtils
                        .findMergedAnnotation(method, Command.class));
            if (annotated.isEmpty()) {
                continue;
            }
            Object bean = factory.getBean(beanName);
            annotated.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Method::getName)))
                .forEach((entry) -> register(define(beanName, bean, ClassUtils.getUserClass(type), entry.getKey(),
                        entry.getValue())));
        }
        long topLevel = slashCommands().stream().map(CommandDefinition::topLevelName).distinct().count();
        if (topLevel > MAX_TOP_LEVEL_COMMANDS) {
            throw new BeanInitializationException("Too many slash commands: " + topLevel + " declared, Discord allows "
                    + MAX_TOP_LEVEL_COMMANDS);
        }
    }

    /** Adds a validated command; rejects a second command of the same name. */
    void register(CommandDefinition definition) {
        CommandDefinition previous = this.commands.get(definition.fullName());
        if (previous != null) {
            throw failure(definition.beanName(), definition.method(), "duplicate command name '"
                    + definition.fullName() + "', also declared by " + previous.describeMethod());
        }
        for (CommandDefinition other : this.commands.values()) {
            boolean clash = (definition.group() == null && definition.name().equals(other.group()))
                    || (other.group() == null && other.name().equals(definition.group()));
            if (clash) {
                throw failure(definition.beanName(), definition.method(), "command name '"
                        + definition.topLevelName() + "' is both a command and a command group (see "
                        + other.describeMethod() + ")");
            }
        }
        if (definition.group() != null) {
            long inGroup = this.commands.values().stream().filter((c) -> definition.group().equals(c.group())).count();
            if (inGroup + 1 > MAX_OPTIONS) {
                throw failure(definition.beanName(), definition.method(), "command group '" + definition.group()
                        + "' has more than " + MAX_OPTIONS + " subcommands, Discord's limit");
            }
        }
        this.commands.put(definition.fullName(), definition);
    }

    Collection<CommandDefinition> all() {
        return this.commands.values();
    }

    List<CommandDefinition> slashCommands() {
        return this.commands.values().stream().filter((c) -> c.offers(CommandSurface.SLASH)).toList();
    }

    Optional<CommandDefinition> find(String fullName) {
        return Optional.ofNullable(this.commands.get(fullName));
    }

    /** Whether some command belongs to this group. */
    boolean isGroup(String name) {
        return this.commands.values().stream().anyMatch((c) -> name.equals(c.group()));
    }

    /* ---------------------------------------------------------------- building and checking one command */

    CommandDefinition define(String beanName, Object bean, Class<?> beanType, Method method, Command command) {
        CommandGroup group = AnnotatedElementUtils.findMergedAnnotation(beanType, CommandGroup.class);
        if (group != null) {
            checkName(beanName, method, "command group name", group.name());
            checkDescription(beanName, method, "command group '" + group.name() + "'", group.description());
        }
        checkName(beanName, method, "command name", command.name());
        checkDescription(beanName, method, "command '" + command.name() + "'", command.description());
        if (command.surfaces().length == 0) {
            throw failure(beanName, method, "surfaces is empty: offer the command as SLASH, PREFIX or both");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            throw failure(beanName, method, "@Command methods must not be static");
        }
        Set<CommandSurface> surfaces = EnumSet.copyOf(Arrays.asList(command.surfaces()));
        checkReturnType(beanName, method);
        List<ParameterBinding> bindings = new ArrayList<>();
        Parameter[] parameters = method.getParameters();
        boolean optionalSeen = false;
        Set<String> optionNames = new java.util.HashSet<>();
        int lastString = lastStringOption(parameters);
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Option option = parameter.getAnnotation(Option.class);
            if (option == null) {
                bindings.add(new ParameterBinding.ContextParameter(contextKind(beanName, method, parameter, surfaces)));
                continue;
            }
            OptionDefinition definition = option(beanName, method, parameter, option, i == lastString);
            if (!optionNames.add(definition.name())) {
                throw failure(beanName, method, "two options are named '" + definition.name() + "'");
            }
            if (definition.required() && optionalSeen) {
                throw failure(beanName, method, "required option '" + definition.name()
                        + "' comes after an optional one; Discord needs required options first");
            }
            optionalSeen |= !definition.required();
            bindings.add(new ParameterBinding.OptionParameter(definition));
        }
        if (optionNames.size() > MAX_OPTIONS) {
            throw failure(beanName, method, "too many options: " + optionNames.size() + ", Discord allows "
                    + MAX_OPTIONS);
        }
        boolean guildOnly = has(beanType, method, GuildOnly.class);
        Set<Permission> userPermissions = EnumSet.noneOf(Permission.class);
        Set<Permission> botPermissions = EnumSet.noneOf(Permission.class);
        for (RequiresPermissions permissions : List.of(
                Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(beanType, RequiresPermissions.class)),
                Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(method, RequiresPermissions.class)))
            .stream().flatMap(Optional::stream).toList()) {
            userPermissions.addAll(Arrays.asList(permissions.user()));
            botPermissions.addAll(Arrays.asList(permissions.bot()));
        }
        guildOnly |= !userPermissions.isEmpty() || !botPermissions.isEmpty();
        Cooldown cooldown = AnnotatedElementUtils.findMergedAnnotation(method, Cooldown.class);
        if (cooldown != null && cooldown.seconds() <= 0) {
            throw failure(beanName, method, "@Cooldown seconds must be positive, was " + cooldown.seconds());
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        org.springframework.util.ReflectionUtils.makeAccessible(invocable);
        return new CommandDefinition((group != null) ? group.name() : null, (group != null) ? group.description() : null,
                command.name(), command.description(), surfaces, command.ephemeral(), guildOnly,
                Set.copyOf(userPermissions), Set.copyOf(botPermissions), (cooldown != null) ? cooldown.seconds() : 0,
                List.copyOf(bindings), bean, invocable, beanName);
    }

    private static int lastStringOption(Parameter[] parameters) {
        int last = -1;
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(Option.class)) {
                last = (parameters[i].getType() == String.class) ? i : -1;
            }
        }
        return last;
    }

    private OptionDefinition option(String beanName, Method method, Parameter parameter, Option option,
            boolean rest) {
        Class<?> type = parameter.getType();
        OptionKind kind = OptionKind.of(type);
        if (kind == null) {
            throw failure(beanName, method, "unsupported type " + type.getSimpleName() + " for @Option parameter '"
                    + parameter.getName() + "'; supported: " + OptionKind.SUPPORTED);
        }
        String name = option.name().isEmpty() ? snakeCase(parameter) : option.name();
        if (option.name().isEmpty() && !parameter.isNamePresent()) {
            throw failure(beanName, method, "parameter names are not available: compile with -parameters, or set"
                    + " @Option(name = ...)");
        }
        checkName(beanName, method, "option name", name);
        checkDescription(beanName, method, "option '" + name + "'", option.description());
        if (!option.required() && type.isPrimitive()) {
            throw failure(beanName, method, "optional option '" + name + "' has the primitive type "
                    + type.getSimpleName() + ", which cannot be absent: use " + ClassUtils.resolvePrimitiveIfNecessary(type)
                        .getSimpleName());
        }
        if (option.min() > option.max()) {
            throw failure(beanName, method, "option '" + name + "' has min " + option.min() + " above max "
                    + option.max());
        }
        if (option.maxLength() < 1 || option.maxLength() > 6000) {
            throw failure(beanName, method, "option '" + name + "' has maxLength " + option.maxLength()
                    + ", Discord allows 1 to 6000");
        }
        List<Enum<?>> choices = List.of();
        if (kind == OptionKind.ENUM) {
            choices = List.of((Enum<?>[]) type.getEnumConstants());
            if (choices.isEmpty() || choices.size() > MAX_CHOICES) {
                throw failure(beanName, method, "enum " + type.getSimpleName() + " of option '" + name + "' has "
                        + choices.size() + " constants; Discord offers 1 to " + MAX_CHOICES + " choices");
            }
        }
        Set<net.dv8tion.jda.api.entities.channel.ChannelType> channelTypes = (kind == OptionKind.CHANNEL)
                ? OptionKind.channelTypes(type) : Set.of();
        return new OptionDefinition(name, option.description(), kind, type, option.required(), option.min(),
                option.max(), option.maxLength(), (channelTypes != null) ? Set.copyOf(channelTypes) : Set.of(),
                choices, rest && kind == OptionKind.STRING);
    }

    private ParameterBinding.ContextKind contextKind(String beanName, Method method, Parameter parameter,
            Set<CommandSurface> surfaces) {
        Class<?> type = parameter.getType();
        if (type == CommandContext.class) {
            return ParameterBinding.ContextKind.CONTEXT;
        }
        if (type == User.class) {
            return ParameterBinding.ContextKind.USER;
        }
        if (type == Member.class) {
            return ParameterBinding.ContextKind.MEMBER;
        }
        if (type == Guild.class) {
            return ParameterBinding.ContextKind.GUILD;
        }
        if (type == MessageChannel.class || type == MessageChannelUnion.class) {
            return ParameterBinding.ContextKind.CHANNEL;
        }
        if (type == JDA.class) {
            return ParameterBinding.ContextKind.JDA;
        }
        if (type == GenericEvent.class || type == Event.class) {
            return ParameterBinding.ContextKind.EVENT;
        }
        if (type == SlashCommandInteractionEvent.class) {
            if (!surfaces.equals(EnumSet.of(CommandSurface.SLASH))) {
                throw failure(beanName, method, "parameter '" + parameter.getName()
                        + "' is a SlashCommandInteractionEvent, so the command must be slash-only"
                        + " (surfaces = CommandSurface.SLASH); use CommandContext to serve both");
            }
            return ParameterBinding.ContextKind.SLASH_EVENT;
        }
        if (type == MessageReceivedEvent.class) {
            if (!surfaces.equals(EnumSet.of(CommandSurface.PREFIX))) {
                throw failure(beanName, method, "parameter '" + parameter.getName()
                        + "' is a MessageReceivedEvent, so the command must be prefix-only"
                        + " (surfaces = CommandSurface.PREFIX); use CommandContext to serve both");
            }
            return ParameterBinding.ContextKind.MESSAGE_EVENT;
        }
        throw failure(beanName, method, "unsupported parameter type " + type.getSimpleName() + " for parameter '"
                + parameter.getName() + "': annotate an option with @Option (" + OptionKind.SUPPORTED
                + "), or inject CommandContext, User, Member, Guild, MessageChannel, JDA or the JDA event");
    }

    private static void checkReturnType(String beanName, Method method) {
        Class<?> type = method.getReturnType();
        boolean supported = type == void.class || type == String.class || type == Reply.class
                || MessageCreateData.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type);
        if (!supported) {
            throw failure(beanName, method, "unsupported return type " + type.getSimpleName()
                    + "; return void, String, Reply, MessageCreateData or a CompletionStage of one of them");
        }
    }

    private static void checkName(String beanName, Method method, String what, String name) {
        if (!NAME.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw failure(beanName, method, "invalid " + what + " '" + name + "': Discord requires 1-32 lower-case"
                    + " letters, digits, '-' or '_', without spaces");
        }
    }

    private static void checkDescription(String beanName, Method method, String what, String description) {
        if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw failure(beanName, method, "description of " + what + " is " + description.length()
                    + " characters long; Discord requires 1 to " + MAX_DESCRIPTION);
        }
    }

    private static boolean has(Class<?> type, Method method, Class<? extends java.lang.annotation.Annotation> annotation) {
        return AnnotatedElementUtils.hasAnnotation(method, annotation)
                || AnnotatedElementUtils.hasAnnotation(type, annotation);
    }

    private static String snakeCase(Parameter parameter) {
        return parameter.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    static BeanInitializationException failure(String beanName, Method method, String problem) {
        return new BeanInitializationException("Invalid @Command method " + CommandDefinition.describe(beanName, method)
                + ": " + problem);
    }
}
