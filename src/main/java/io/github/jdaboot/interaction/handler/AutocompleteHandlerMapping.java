package io.github.jdaboot.interaction.handler;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Typed;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.HandlerScanner;
import io.github.jdaboot.interaction.method.support.ContextArgumentResolver;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * Maps a command's option to its {@link Autocomplete @Autocomplete} method. At startup it
 * checks that each method names an option declared with {@code autocomplete = true}, and
 * that every such option has a method.
 */
public class AutocompleteHandlerMapping implements SmartInitializingSingleton, BeanFactoryAware {

    private final CommandHandlerMapping commands;

    private final ArgumentResolvers arguments;

    private final Map<String, HandlerMethod> handlers = new HashMap<>();

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    public AutocompleteHandlerMapping(CommandHandlerMapping commands, ArgumentResolvers arguments) {
        this.commands = commands;
        this.arguments = arguments;
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
        this.commands.afterSingletonsInstantiated();
        HandlerScanner.scan(this.beanFactory, Autocomplete.class, this::register);
        for (CommandDefinition command : this.commands.all()) {
            for (OptionDefinition option : command.options()) {
                if (option.spec().autocomplete()
                        && !this.handlers.containsKey(key(command.fullName(), option.name()))) {
                    throw command.handler()
                        .invalid("@Command",
                                "option '" + option.name() + "' has autocomplete but no @Autocomplete(command = \""
                                        + command.fullName() + "\", option = \"" + option.name()
                                        + "\") method suggests its values");
                }
            }
        }
    }

    void register(HandlerMethod handler, Autocomplete autocomplete) {
        CommandDefinition command = this.commands.find(autocomplete.command())
            .orElseThrow(
                    () -> handler.invalid("@Autocomplete", "there is no command '" + autocomplete.command() + "'"));
        OptionDefinition option = command.options()
            .stream()
            .filter((candidate) -> candidate.name().equals(autocomplete.option()))
            .findFirst()
            .orElseThrow(() -> handler.invalid("@Autocomplete",
                    "/" + command.fullName() + " has no option '" + autocomplete.option() + "'"));
        if (!option.spec().autocomplete()) {
            throw handler.invalid("@Autocomplete", "option '" + option.name() + "' of /" + command.fullName()
                    + " is not declared with @Option(autocomplete = true)");
        }
        String key = key(command.fullName(), option.name());
        HandlerMethod previous = this.handlers.get(key);
        if (previous != null) {
            throw handler.invalid("@Autocomplete",
                    "option '" + option.name() + "' of /" + command.fullName() + " already has " + previous.describe());
        }
        Class<?> returned = handler.returnType().getParameterType();
        if ((!Collection.class.isAssignableFrom(returned) && !Stream.class.isAssignableFrom(returned))
                || !choiceElement(handler.returnType())) {
            throw handler.invalid("@Autocomplete", "unsupported return type " + returned.getSimpleName()
                    + "; return a collection or stream of String, numbers or Command.Choice");
        }
        for (MethodParameter parameter : handler.parameters()) {
            boolean typed = parameter.hasParameterAnnotation(Typed.class);
            if ((!typed && !ContextArgumentResolver.plain(parameter)) || !this.arguments.supports(parameter)
                    || parameter.getParameterType() == CommandContext.class
                    || parameter.getParameterType() == ComponentContext.class) {
                throw handler.invalid("@Autocomplete",
                        "unsupported parameter type " + parameter.getParameterType().getSimpleName()
                                + " for parameter '" + parameter.getParameterName()
                                + "': take a @Typed String, the user, the guild, the Locale, ...");
            }
        }
        this.handlers.put(key, handler);
    }

    public Optional<HandlerMethod> find(String command, String option) {
        return Optional.ofNullable(this.handlers.get(key(command, option)));
    }

    private static String key(String command, String option) {
        return command + " " + option;
    }

    /**
     * Whether the element type of the returned collection can be a choice (checked when
     * the method returns).
     */
    static boolean choiceElement(MethodParameter returnType) {
        Class<?> element = ResolvableType.forMethodParameter(returnType).getGeneric(0).toClass();
        return element == Object.class || element == String.class || Number.class.isAssignableFrom(element)
                || element == Command.Choice.class;
    }

}
