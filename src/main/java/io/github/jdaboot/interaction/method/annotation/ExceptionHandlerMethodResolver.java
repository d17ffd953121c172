package io.github.jdaboot.interaction.method.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.interaction.method.HandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.core.ExceptionDepthComparator;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * The {@link InteractionExceptionHandler @InteractionExceptionHandler} methods of one
 * bean and the exceptions they handle, as Spring's
 * {@code ExceptionHandlerMethodResolver}: the exception types come from the annotation or
 * else from the method's exception parameters; two methods of the bean for the same type
 * are ambiguous and fail startup; for an exception the method of the closest type wins,
 * looked up once per exception type; and when nothing handles the exception itself, its
 * causes are tried in turn.
 */
public class ExceptionHandlerMethodResolver {

    private static final HandlerMethod NO_MATCH;

    static {
        try {
            NO_MATCH = new HandlerMethod(new Object(), "none", Object.class, Object.class.getMethod("toString"));
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private final Map<Class<? extends Throwable>, HandlerMethod> mappedMethods = new LinkedHashMap<>();

    private final Map<Class<? extends Throwable>, HandlerMethod> lookupCache = new ConcurrentReferenceHashMap<>(16);

    /**
     * Finds and checks the bean's exception handler methods.
     * @param supportsParameter whether a parameter other than the exception can be filled
     * (by an argument resolver)
     * @param supportsReturnType whether what the method returns can be answered with (by
     * a return value handler)
     * @throws BeanInitializationException naming the bean and the method when one cannot
     * be called, names no exception, or handles an exception another one handles
     */
    public ExceptionHandlerMethodResolver(Object bean, String beanName, Class<?> beanType,
            Predicate<MethodParameter> supportsParameter, Predicate<MethodParameter> supportsReturnType) {
        Map<Method, InteractionExceptionHandler> methods = MethodIntrospector.selectMethods(beanType,
                (MethodIntrospector.MetadataLookup<InteractionExceptionHandler>) (method) -> AnnotatedElementUtils
                    .findMergedAnnotation(method, InteractionExceptionHandler.class));
        methods.entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey(Comparator.comparing(Method::getName)))
            .forEach((entry) -> {
                HandlerMethod handler = new HandlerMethod(bean, beanName, beanType, entry.getKey());
                for (Class<? extends Throwable> type : exceptionTypes(handler, entry.getValue(), supportsParameter,
                        supportsReturnType)) {
                    HandlerMethod previous = this.mappedMethods.put(type, handler);
                    if (previous != null) {
                        throw handler.invalid("@InteractionExceptionHandler", "ambiguous handler for " + type.getName()
                                + ": " + previous.describe() + " handles it already");
                    }
                }
            });
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>> exceptionTypes(HandlerMethod handler,
            InteractionExceptionHandler annotation, Predicate<MethodParameter> supportsParameter,
            Predicate<MethodParameter> supportsReturnType) {
        List<Class<? extends Throwable>> types = new ArrayList<>(Arrays.asList(annotation.value()));
        for (MethodParameter parameter : handler.parameters()) {
            if (Throwable.class.isAssignableFrom(parameter.getParameterType())) {
                if (annotation.value().length == 0) {
                    types.add((Class<? extends Throwable>) parameter.getParameterType());
                }
            }
            else if (!supportsParameter.test(parameter)) {
                throw handler.invalid("@InteractionExceptionHandler",
                        "unsupported parameter type " + parameter.getParameterType().getSimpleName());
            }
        }
        if (types.isEmpty()) {
            throw handler.invalid("@InteractionExceptionHandler",
                    "name the exceptions it handles, in the annotation or as a parameter");
        }
        if (!supportsReturnType.test(handler.returnType())) {
            throw handler.invalid("@InteractionExceptionHandler",
                    "unsupported return type " + handler.returnType().getParameterType().getSimpleName());
        }
        return types;
    }

    /** Whether the bean has any exception handler method. */
    public boolean hasExceptionMappings() {
        return !this.mappedMethods.isEmpty();
    }

    /**
     * The method for an exception: the one for the exception's own type if any (the
     * closest), else the one for its cause, and so on down the chain.
     */
    public @Nullable HandlerMethod resolveMethod(Throwable exception) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable candidate = exception; candidate != null
                && seen.add(candidate); candidate = candidate.getCause()) {
            HandlerMethod method = resolveMethodByExceptionType(candidate.getClass());
            if (method != null) {
                return method;
            }
        }
        return null;
    }

    /** The method for exceptions of this type: the closest mapped type wins. */
    public @Nullable HandlerMethod resolveMethodByExceptionType(Class<? extends Throwable> exceptionType) {
        HandlerMethod method = this.lookupCache.computeIfAbsent(exceptionType, this::closest);
        return (method != NO_MATCH) ? method : null;
    }

    /** Whether the method for this exception type was looked up already. */
    boolean isCached(Class<? extends Throwable> exceptionType) {
        return this.lookupCache.containsKey(exceptionType);
    }

    private HandlerMethod closest(Class<? extends Throwable> exceptionType) {
        List<Class<? extends Throwable>> matches = new ArrayList<>();
        for (Class<? extends Throwable> mapped : this.mappedMethods.keySet()) {
            if (mapped.isAssignableFrom(exceptionType)) {
                matches.add(mapped);
            }
        }
        if (matches.isEmpty()) {
            return NO_MATCH;
        }
        matches.sort(new ExceptionDepthComparator(exceptionType));
        return this.mappedMethods.get(matches.getFirst());
    }

}
