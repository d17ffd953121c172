package io.github.jdaboot.command;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.dv8tion.jda.api.events.GenericEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.PathContainer;
import org.springframework.util.ClassUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Maps custom ids to handler methods by id templates such as {@code idea:another:{topic}}: Spring's
 * {@link PathPattern}s with {@code :} as the separator, the most specific first. Finds the methods at
 * startup and checks their templates, parameters and return types.
 *
 * @param <A> the annotation marking the handlers
 */
abstract class IdTemplateMapping<A extends Annotation> implements SmartInitializingSingleton, BeanFactoryAware {

    /** Custom ids are split at colons, not decoded. */
    private static final PathContainer.Options ID = PathContainer.Options.create(':', false);

    /** A handler found for a custom id, with the template that matched and the id's parts. */
    record Match(HandlerMethod handler, String template, Map<String, String> parts) {
    }

    private record Route(String template, PathPattern pattern, HandlerMethod handler) {
    }

    private final Class<A> annotation;
    private final String what;
    private final ArgumentResolvers arguments;
    private final ReturnValueHandlers returns;
    private final ExceptionHandlers exceptions;
    private final PathPatternParser parser = new PathPatternParser();
    private final List<Route> routes = new ArrayList<>();
    private @Nullable ConfigurableListableBeanFactory beanFactory;

    IdTemplateMapping(Class<A> annotation, ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions) {
        this.annotation = annotation;
        this.what = "@" + annotation.getSimpleName();
        this.arguments = arguments;
        this.returns = returns;
        this.exceptions = exceptions;
        this.parser.setPathOptions(ID);
    }

    /** The templates the annotation declares. */
    abstract String[] templates(A annotation);

    /** The JDA event types a handler of this kind may take, besides GenericEvent. */
    abstract Set<Class<?>> eventTypes();

    /** Checks what is particular to this kind of handler. */
    abstract void check(HandlerMethod handler, MethodParameter parameter);

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
        this.routes.sort((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()));
    }

    void register(HandlerMethod handler, A annotation) {
        String[] templates = templates(annotation);
        if (templates.length == 0) {
            throw handler.invalid(this.what, "no custom id template given");
        }
        List<PathPattern> patterns = new ArrayList<>();
        for (String template : templates) {
            if (template.isBlank() || template.length() > 100 || template.startsWith(ComponentCallbacks.PREFIX)) {
                throw handler.invalid(this.what, "invalid template '" + template + "': Discord takes custom ids of 1 to"
                        + " 100 characters, and ids starting with '" + ComponentCallbacks.PREFIX
                        + "' are the framework's");
            }
            PathPattern pattern;
            try {
                pattern = this.parser.parse(template);
            }
            catch (RuntimeException ex) {
                throw handler.invalid(this.what, "invalid template '" + template + "': " + ex.getMessage());
            }
            for (Route route : this.routes) {
                if (route.template().equals(template)) {
                    throw handler.invalid(this.what, "template '" + template + "' is also handled by "
                            + route.handler().describe());
                }
            }
            patterns.add(pattern);
        }
        for (MethodParameter parameter : handler.parameters()) {
            checkParameter(handler, parameter, templates, patterns);
        }
        if (!this.returns.supports(handler.returnType())) {
            throw handler.invalid(this.what, "unsupported return type "
                    + handler.returnType().getParameterType().getSimpleName()
                    + "; return void, String, Reply, Modal, MessageCreateData or a CompletionStage of one of them");
        }
        for (int i = 0; i < templates.length; i++) {
            this.routes.add(new Route(templates[i], patterns.get(i), handler));
        }
        this.exceptions.addLocal(handler.bean(), handler.beanName(), ClassUtils.getUserClass(handler.bean()));
    }

    private void checkParameter(HandlerMethod handler, MethodParameter parameter, String[] templates,
            List<PathPattern> patterns) {
        String name = "parameter '" + parameter.getParameterName() + "'";
        Class<?> type = parameter.getParameterType();
        if (parameter.hasParameterAnnotation(Option.class) || type == CommandContext.class) {
            throw handler.invalid(this.what, name + " is for commands; " + this.what + " methods take @IdPart"
                    + " parameters, the context and the user who acted");
        }
        if (GenericEvent.class.isAssignableFrom(type) && type != GenericEvent.class
                && eventTypes().stream().noneMatch((event) -> type.isAssignableFrom(event))) {
            throw handler.invalid(this.what, name + " is a " + type.getSimpleName() + ", which never reaches a "
                    + this.what + " method");
        }
        if (parameter.hasParameterAnnotation(IdPart.class)) {
            IdPart part = parameter.getParameterAnnotation(IdPart.class);
            String partName = IdPartArgumentResolver.name(parameter);
            for (int i = 0; i < templates.length; i++) {
                boolean present = patterns.get(i).getPatternString().contains("{" + partName + "}");
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
    Optional<Match> match(String customId) {
        PathContainer id = PathContainer.parsePath(customId, ID);
        for (Route route : this.routes) {
            PathPattern.PathMatchInfo info = route.pattern().matchAndExtract(id);
            if (info != null) {
                return Optional.of(new Match(route.handler(), route.template(), info.getUriVariables()));
            }
        }
        return Optional.empty();
    }

    String what() {
        return this.what;
    }

}
