package io.github.jdaboot.interaction.handler;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.invocation.AutocompleteInvocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import io.github.jdaboot.interaction.option.OptionDefinition;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Maps a command's option to its {@link Autocomplete @Autocomplete} method. At startup it
 * checks that each method names an option declared with {@link Option#autocomplete()
 * autocomplete = true}, and that every such option has a method. A request for an option
 * without one gets no suggestions.
 */
public class AutocompleteHandlerMapping
        extends AbstractInteractionHandlerMapping<AutocompleteHandlerMapping.SuggestedOption> {

    /**
     * An option whose values a method suggests.
     *
     * @param command the command's full name
     * @param option the option's name
     */
    public record SuggestedOption(String command, String option) {

        /** What it is looked up by: the command's full name and the option's. */
        String key() {
            return this.command + " " + this.option;
        }

    }

    private final CommandHandlerMapping commands;

    public AutocompleteHandlerMapping(CommandHandlerMapping commands, InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        super(arguments, returns, exceptions);
        this.commands = commands;
    }

    /** Finds the commands first: each method names one. */
    @Override
    public void afterSingletonsInstantiated() {
        this.commands.initHandlerMethods();
        super.afterSingletonsInstantiated();
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof CommandAutoCompleteInteractionEvent typing)) {
            return null;
        }
        String command = typing.getFullCommandName();
        String key = new SuggestedOption(command, typing.getFocusedOption().getName()).key();
        Registration<SuggestedOption> registration = getRegistration(key);
        if (registration == null) {
            return HandlerMatch.notFoundQuietly();
        }
        HandlerMethod handler = registration.handler();
        return HandlerMatch.found(handler, (support) -> new AutocompleteInvocation(handler, key, typing, support));
    }

    @Override
    protected boolean isHandlerMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, Autocomplete.class);
    }

    @Override
    protected Object getMappingKey(SuggestedOption mapping) {
        return mapping.key();
    }

    @Override
    protected String describeMapping(SuggestedOption mapping) {
        return "option '" + mapping.option() + "' of /" + mapping.command();
    }

    @Override
    protected Set<HandlerKind> getHandlerKinds(SuggestedOption mapping) {
        return Set.of(HandlerKind.AUTOCOMPLETE);
    }

    @Override
    protected String getAnnotationName(HandlerMethod handler) {
        return "@Autocomplete";
    }

    @Override
    protected String getParameterHint() {
        return ": take a @Typed String, the user, the guild, the Locale, ...";
    }

    @Override
    protected List<SuggestedOption> getMappingsForMethod(HandlerMethod handler) {
        Autocomplete autocomplete = handler.annotation(Autocomplete.class);
        CommandDefinition command = this.commands.getCommand(autocomplete.command())
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
        return List.of(new SuggestedOption(command.fullName(), option.name()));
    }

    /** The method answers with choices, not through the return value handlers. */
    @Override
    protected void checkReturnType(HandlerMethod handler) {
        Class<?> returned = handler.returnType().getParameterType();
        if ((!Collection.class.isAssignableFrom(returned) && !Stream.class.isAssignableFrom(returned))
                || !choiceElement(handler.returnType())) {
            throw handler.invalid("@Autocomplete", "unsupported return type " + returned.getSimpleName()
                    + "; return a collection or stream of String, numbers or Command.Choice");
        }
    }

    /** Every option declared with autocomplete has a method. */
    @Override
    protected void handlerMethodsInitialized(Collection<Registration<SuggestedOption>> registrations) {
        for (CommandDefinition command : this.commands.getCommands()) {
            for (OptionDefinition option : command.options()) {
                String key = new SuggestedOption(command.fullName(), option.name()).key();
                if (option.spec().autocomplete() && getRegistration(key) == null) {
                    throw command.handler()
                        .invalid("@Command",
                                "option '" + option.name() + "' has autocomplete but no @Autocomplete(command = \""
                                        + command.fullName() + "\", option = \"" + option.name()
                                        + "\") method suggests its values");
                }
            }
        }
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
