package io.github.jdaboot.interaction.method;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jdaboot.interaction.InteractionContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * The argument resolvers, users' first: finds the one for each parameter (remembered),
 * and fills a handler's arguments in order.
 */
public class ArgumentResolvers {

    private final List<InteractionArgumentResolver> resolvers;

    private final Map<MethodParameter, InteractionArgumentResolver> chosen = new ConcurrentHashMap<>();

    public ArgumentResolvers(List<InteractionArgumentResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    /**
     * Whether some resolver fills the parameter; checked for every handler at startup.
     */
    public boolean supports(MethodParameter parameter) {
        return resolverFor(parameter) != null;
    }

    private @Nullable InteractionArgumentResolver resolverFor(MethodParameter parameter) {
        InteractionArgumentResolver resolver = this.chosen.get(parameter);
        if (resolver == null) {
            resolver = this.resolvers.stream()
                .filter((candidate) -> candidate.supportsParameter(parameter))
                .findFirst()
                .orElse(null);
            if (resolver != null) {
                this.chosen.put(parameter, resolver);
            }
        }
        return resolver;
    }

    public @Nullable Object resolve(MethodParameter parameter, InteractionContext context) throws Exception {
        InteractionArgumentResolver resolver = resolverFor(parameter);
        if (resolver == null) {
            throw new IllegalStateException("No argument resolver for " + parameter);
        }
        return resolver.resolveArgument(parameter, context);
    }

    public @Nullable Object[] resolve(HandlerMethod handler, InteractionContext context) throws Exception {
        MethodParameter[] parameters = handler.parameters();
        @Nullable Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = resolve(parameters[i], context);
        }
        return arguments;
    }

}
