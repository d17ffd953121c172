package io.github.jdaboot.interaction.handler;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.invocation.ComponentCallbacks;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.IdPartArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import net.dv8tion.jda.api.components.buttons.Button;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.util.UriTemplate;

/**
 * Maps custom ids to handler methods by id templates such as
 * {@code idea:another:{topic}}: Spring's {@link UriTemplate}s (a part matches any text,
 * colons included, unless the template gives a pattern: {@code {poll:\d+}}), templates
 * with fewer parts first, then longer ones. Checks at startup that each template is a
 * custom id Discord takes, and that every {@link IdPart @IdPart} parameter names a part
 * of each template.
 *
 * @param <A> the annotation marking the handlers
 */
public abstract class IdTemplateMapping<A extends Annotation>
        extends AbstractInteractionHandlerMapping<IdTemplateMapping.IdTemplate> {

    /**
     * One id template of a handler.
     *
     * @param template as declared: {@code vote:{poll}}
     * @param pattern the template as Spring's {@link UriTemplate}
     */
    public record IdTemplate(String template, UriTemplate pattern) {
    }

    /**
     * A handler found for a custom id, with the template that matched and the id's parts.
     *
     * @param handler the handler method
     * @param template the template that matched
     * @param parts the id's parts, by name
     */
    public record Match(HandlerMethod handler, String template, Map<String, String> parts) {
    }

    private final Class<A> annotation;

    private final HandlerKind kind;

    private List<Registration<IdTemplate>> routes = List.of();

    protected IdTemplateMapping(Class<A> annotation, HandlerKind kind, InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        super(arguments, returns, exceptions);
        this.annotation = annotation;
        this.kind = kind;
    }

    /** The templates the annotation declares. */
    protected abstract String[] templates(A annotation);

    /** Checks the handler for what is particular to this kind of handler. */
    protected void check(HandlerMethod handler) {
    }

    @Override
    protected boolean isHandlerMethod(Method method) {
        return AnnotatedElementUtils.hasAnnotation(method, this.annotation);
    }

    @Override
    protected String getAnnotationName(HandlerMethod handler) {
        return this.kind.annotation();
    }

    @Override
    protected Set<HandlerKind> getHandlerKinds(IdTemplate mapping) {
        return Set.of(this.kind);
    }

    @Override
    protected Object getMappingKey(IdTemplate mapping) {
        return mapping.template();
    }

    @Override
    protected String describeMapping(IdTemplate mapping) {
        return "template '" + mapping.template() + "'";
    }

    @Override
    protected List<IdTemplate> getMappingsForMethod(HandlerMethod handler) {
        String what = getAnnotationName(handler);
        String[] templates = templates(handler.annotation(this.annotation));
        if (templates.length == 0) {
            throw handler.invalid(what, "no custom id template given");
        }
        List<IdTemplate> mappings = new ArrayList<>();
        for (String template : templates) {
            if (template.isBlank() || template.length() > Button.ID_MAX_LENGTH
                    || template.startsWith(ComponentCallbacks.PREFIX)) {
                throw handler.invalid(what,
                        "invalid template '" + template + "': Discord takes custom ids of 1 to " + Button.ID_MAX_LENGTH
                                + " characters, and ids starting with '" + ComponentCallbacks.PREFIX
                                + "' are the framework's");
            }
            try {
                mappings.add(new IdTemplate(template, new UriTemplate(template)));
            }
            catch (RuntimeException ex) {
                throw handler.invalid(what, "invalid template '" + template + "': " + ex.getMessage());
            }
        }
        check(handler);
        for (MethodParameter parameter : handler.parameters()) {
            IdPart part = parameter.getParameterAnnotation(IdPart.class);
            if (part == null) {
                continue;
            }
            String partName = IdPartArgumentResolver.name(parameter);
            for (IdTemplate mapping : mappings) {
                if (part.required() && !mapping.pattern().getVariableNames().contains(partName)) {
                    throw handler.invalid(what,
                            "parameter '" + parameter.getParameterName() + "' is bound to the id part '" + partName
                                    + "', which template '" + mapping.template() + "' does not have");
                }
            }
        }
        return mappings;
    }

    @Override
    protected void handlerMethodsInitialized(Collection<Registration<IdTemplate>> registrations) {
        List<Registration<IdTemplate>> sorted = new ArrayList<>(registrations);
        sorted.sort(Comparator
            .comparingInt((Registration<IdTemplate> route) -> route.mapping().pattern().getVariableNames().size())
            .thenComparing(
                    Comparator.comparingInt((Registration<IdTemplate> route) -> route.mapping().template().length())
                        .reversed()));
        this.routes = List.copyOf(sorted);
    }

    /** The handler for a custom id, with its parts; null when no template matches. */
    public @Nullable Match match(String customId) {
        for (Registration<IdTemplate> route : this.routes) {
            UriTemplate pattern = route.mapping().pattern();
            if (pattern.matches(customId)) {
                return new Match(route.handler(), route.mapping().template(), pattern.match(customId));
            }
        }
        return null;
    }

}
