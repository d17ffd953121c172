package io.github.jdaboot.interaction.handler;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.annotation.Option;
import io.github.jdaboot.interaction.invocation.ComponentCallbacks;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.HandlerScanner;
import io.github.jdaboot.interaction.method.ReturnValueHandlers;
import io.github.jdaboot.interaction.method.annotation.ExceptionHandlers;
import io.github.jdaboot.interaction.method.annotation.IdPartArgumentResolver;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.GenericEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.UriTemplate;

/**
 * Maps custom ids to handler methods by id templates such as
 * {@code idea:another:{topic}}: Spring's {@link UriTemplate}s (a part matches any text,
 * colons included, unless the template gives a pattern: {@code {poll:\d+}}), templates
 * with fewer parts first, then longer ones. Finds the methods at startup and checks their
 * templates, parameters and return types.
 *
 * @param <A> the annotation marking the handlers
 */
public abstract class IdTemplateMapping<A extends Annotation> implements SmartInitializingSingleton, BeanFactoryAware {

    /**
     * A handler found for a custom id, with the template that matched and the id's parts.
     */
    public record Match(HandlerMethod handler, String template, Map<String, String> parts) {
    }

    private record Route(String template, UriTemplate pattern, HandlerMethod handler) {
    }

    private final Class<A> annotation;

    private final String what;

    private final ArgumentResolvers arguments;

    private final ReturnValueHandlers returns;

    private final ExceptionHandlers exceptions;

    private final List<Route> routes = new ArrayList<>();

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    IdTemplateMapping(Class<A> annotation, ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        this.annotation = annotation;
        this.what = "@" + annotation.getSimpleName();
        this.arguments = arguments;
        this.returns = returns;
        this.exceptions = exceptions;
    }

    /** The templates the annotation declares. */
    abstract String[] templates(A annotation);

    /** The JDA event types a handler of this kind may take, besides GenericEvent. */
    abstract Set<Class<?>> eventTypes();

    /** Checks a parameter for what is particular to this kind of handler. */
    abstract void check(HandlerMethod handler, MethodParameter parameter);

    /** Checks the handler for what is particular to this kind of handler. */
    void check(HandlerMethod handler) {
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
        HandlerScanner.scan(this.beanFactory, this.annotation, this::register);
        this.routes.sort(Comparator.comparingInt((Route route) -> route.pattern().getVariableNames().size())
            .thenComparing(Comparator.comparingInt((Route route) -> route.template().length()).reversed()));
    }

    void register(HandlerMethod handler, A annotation) {
        String[] templates = templates(annotation);
        if (templates.length == 0) {
            throw handler.invalid(this.what, "no custom id template given");
        }
        List<UriTemplate> patterns = new ArrayList<>();
        for (String template : templates) {
            if (template.isBlank() || template.length() > Button.ID_MAX_LENGTH
                    || template.startsWith(ComponentCallbacks.PREFIX)) {
                throw handler.invalid(this.what,
                        "invalid template '" + template + "': Discord takes custom ids of 1 to " + Button.ID_MAX_LENGTH
                                + " characters, and ids starting with '" + ComponentCallbacks.PREFIX
                                + "' are the framework's");
            }
            UriTemplate pattern;
            try {
                pattern = new UriTemplate(template);
            }
            catch (RuntimeException ex) {
                throw handler.invalid(this.what, "invalid template '" + template + "': " + ex.getMessage());
            }
            for (Route route : this.routes) {
                if (route.template().equals(template)) {
                    throw handler.invalid(this.what,
                            "template '" + template + "' is also handled by " + route.handler().describe());
                }
            }
            patterns.add(pattern);
        }
        check(handler);
        for (MethodParameter parameter : handler.parameters()) {
            checkParameter(handler, parameter, templates, patterns);
        }
        if (!this.returns.supports(handler.returnType())) {
            throw handler
                .invalid(this.what, "unsupported return type " + handler.returnType().getParameterType().getSimpleName()
                        + "; return void, String, Reply, Modal, MessageCreateData or a CompletionStage of one of them");
        }
        for (int i = 0; i < templates.length; i++) {
            this.routes.add(new Route(templates[i], patterns.get(i), handler));
        }
        this.exceptions.addLocal(handler.bean(), handler.beanName(), ClassUtils.getUserClass(handler.bean()));
    }

    private void checkParameter(HandlerMethod handler, MethodParameter parameter, String[] templates,
            List<UriTemplate> patterns) {
        String name = "parameter '" + parameter.getParameterName() + "'";
        Class<?> type = parameter.getParameterType();
        if (parameter.hasParameterAnnotation(Option.class) || type == CommandContext.class) {
            throw handler.invalid(this.what, name + " is for commands; " + this.what + " methods take @IdPart"
                    + " parameters, the context and the user who acted");
        }
        if (GenericEvent.class.isAssignableFrom(type) && type != GenericEvent.class
                && eventTypes().stream().noneMatch((event) -> type.isAssignableFrom(event))) {
            throw handler.invalid(this.what,
                    name + " is a " + type.getSimpleName() + ", which never reaches a " + this.what + " method");
        }
        if (parameter.hasParameterAnnotation(IdPart.class)) {
            IdPart part = parameter.getParameterAnnotation(IdPart.class);
            String partName = IdPartArgumentResolver.name(parameter);
            for (int i = 0; i < templates.length; i++) {
                boolean present = patterns.get(i).getVariableNames().contains(partName);
                if (!present && part.required()) {
                    throw handler.invalid(this.what, name + " is bound to the id part '" + partName
                            + "', which template '" + templates[i] + "' does not have");
                }
            }
        }
        check(handler, parameter);
        if (!this.arguments.supports(parameter)) {
            throw handler.invalid(this.what, "unsupported parameter type " + type.getSimpleName() + " for " + name);
        }
    }

    /** The handler for a custom id, with its parts; empty when no template matches. */
    public Optional<Match> match(String customId) {
        for (Route route : this.routes) {
            if (route.pattern().matches(customId)) {
                return Optional.of(new Match(route.handler(), route.template(), route.pattern().match(customId)));
            }
        }
        return Optional.empty();
    }

    String what() {
        return this.what;
    }

}
