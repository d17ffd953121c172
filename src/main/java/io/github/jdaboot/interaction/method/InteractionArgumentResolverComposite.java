package io.github.jdaboot.interaction.method;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jdaboot.interaction.InteractionContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * The argument resolvers, the application's first, as Spring MVC's
 * {@code HandlerMethodArgumentResolverComposite}: finds the one for each parameter and
 * kind of handler (remembered), and fills a handler's arguments in order.
 */
public class InteractionArgumentResolverComposite {

    private static final @Nullable Object[] NO_ARGUMENTS = {};

    private final List<InteractionArgumentResolver> resolvers;

    private final Map<HandlerKind, Map<MethodParameter, Optional<InteractionArgumentResolver>>> chosen = new EnumMap<>(
            HandlerKind.class);

    /**
     * Each handler's resolvers, parameter by parameter, by kind: found once, then one
     * lookup per run (a handler is its own key) instead of one per parameter.
     */
    private final Map<HandlerKind, Map<HandlerMethod, @Nullable InteractionArgumentResolver[]>> byHandler = new EnumMap<>(
            HandlerKind.class);

    public InteractionArgumentResolverComposite(List<InteractionArgumentResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
        for (HandlerKind kind : HandlerKind.values()) {
            this.chosen.put(kind, new ConcurrentHashMap<>());
            this.byHandler.put(kind, new ConcurrentHashMap<>());
        }
    }

    /** The resolvers, in the order they are asked. */
    public List<InteractionArgumentResolver> getResolvers() {
        return this.resolvers;
    }

    /**
     * Whether some resolver fills the parameter for a handler of this kind; checked for
     * every handler at startup.
     */
    public boolean supportsParameter(MethodParameter parameter, HandlerKind kind) {
        return getResolver(parameter, kind) != null;
    }

    /**
     * The kinds of handler for which some resolver fills the parameter: empty when none
     * does, so that a startup failure can say where the parameter belongs.
     */
    public Set<HandlerKind> supportedKinds(MethodParameter parameter) {
        Set<HandlerKind> kinds = EnumSet.noneOf(HandlerKind.class);
        for (HandlerKind kind : HandlerKind.values()) {
            if (supportsParameter(parameter, kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The resolver for the parameter in a handler of this kind, or null. */
    public @Nullable InteractionArgumentResolver getResolver(MethodParameter parameter, HandlerKind kind) {
        return this.chosen.get(kind)
            .computeIfAbsent(parameter, (key) -> this.resolvers.stream()
                .filter((resolver) -> resolver.supportedKinds().contains(kind) && resolver.supportsParameter(parameter))
                .findFirst())
            .orElse(null);
    }

    /** The value of one parameter in a run of this kind. */
    public @Nullable Object resolveArgument(MethodParameter parameter, HandlerKind kind, InteractionContext context)
            throws Exception {
        return resolve(getResolver(parameter, kind), parameter, kind, context);
    }

    /** The values of all the handler's parameters, in order, in a run of this kind. */
    public @Nullable Object[] resolveArguments(HandlerMethod handler, HandlerKind kind, InteractionContext context)
            throws Exception {
        MethodParameter[] parameters = handler.parameters();
        if (parameters.length == 0) {
            return NO_ARGUMENTS;
        }
        Map<HandlerMethod, @Nullable InteractionArgumentResolver[]> known = this.byHandler.get(kind);
        @Nullable InteractionArgumentResolver[] resolvers = known.get(handler);
        if (resolvers == null) {
            resolvers = known.computeIfAbsent(handler, (unknown) -> {
                @Nullable InteractionArgumentResolver[] found = new InteractionArgumentResolver[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    found[i] = getResolver(parameters[i], kind);
                }
                return found;
            });
        }
        @Nullable Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = resolve(resolvers[i], parameters[i], kind, context);
        }
        return arguments;
    }

    private static @Nullable Object resolve(@Nullable InteractionArgumentResolver resolver, MethodParameter parameter,
            HandlerKind kind, InteractionContext context) throws Exception {
        if (resolver == null) {
            throw new IllegalStateException("No argument resolver for " + parameter + " in a " + kind + " run");
        }
        return resolver.resolveArgument(parameter, context);
    }

}
