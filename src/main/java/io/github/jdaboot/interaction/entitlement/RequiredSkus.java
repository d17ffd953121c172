package io.github.jdaboot.interaction.entitlement;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import io.github.jdaboot.interaction.handler.AbstractInteractionHandlerMapping;
import io.github.jdaboot.interaction.method.HandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.EmbeddedValueResolverAware;
import org.springframework.util.StringValueResolver;

/**
 * The SKUs each handler requires ({@link RequiresEntitlement @RequiresEntitlement} on the
 * method or its class), with property placeholders resolved. Once every singleton exists,
 * every handler of the handler mappings is read, and a declaration that cannot work fails
 * startup naming the bean and the method: no SKU, a placeholder with no value, an id that
 * is not a snowflake.
 */
public class RequiredSkus implements SmartInitializingSingleton, EmbeddedValueResolverAware {

    private static final String ANNOTATION = "@RequiresEntitlement";

    private final List<AbstractInteractionHandlerMapping<?>> mappings;

    private final Map<Method, List<String>> byMethod = new ConcurrentHashMap<>();

    /** Each SKU, and the handlers that require it, in the order found. */
    private final Map<String, List<String>> handlersBySku = new LinkedHashMap<>();

    private @Nullable StringValueResolver resolver;

    /**
     * The required SKUs of the handlers of these mappings.
     * @param mappings the handler mappings of annotated methods
     */
    public RequiredSkus(List<AbstractInteractionHandlerMapping<?>> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @Override
    public void setEmbeddedValueResolver(StringValueResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (AbstractInteractionHandlerMapping<?> mapping : this.mappings) {
            // idempotent: the mapping may not have been asked yet
            mapping.initHandlerMethods();
            for (AbstractInteractionHandlerMapping.Registration<?> registration : mapping.getRegistrations()) {
                HandlerMethod handler = registration.handler();
                RequiresEntitlement annotation = handler.annotation(RequiresEntitlement.class);
                if (annotation == null || this.byMethod.containsKey(handler.method())) {
                    continue;
                }
                List<String> skus = resolve(annotation, handler);
                this.byMethod.put(handler.method(), skus);
                synchronized (this.handlersBySku) {
                    skus.forEach((sku) -> this.handlersBySku.computeIfAbsent(sku, (key) -> new ArrayList<>())
                        .add(handler.describe()));
                }
            }
        }
    }

    /**
     * The SKUs the run's handler requires, any of which lets it run; empty when it
     * requires none. A handler the mappings did not list (an application's own mapping)
     * is read on its first run.
     */
    public List<String> of(GuardedRun run) {
        List<String> known = this.byMethod.get(run.method());
        if (known != null) {
            return known;
        }
        RequiresEntitlement annotation = run.annotation(RequiresEntitlement.class);
        if (annotation == null) {
            return List.of();
        }
        return this.byMethod.computeIfAbsent(run.method(), (method) -> resolve(annotation, null));
    }

    /** Each SKU any handler requires, with the handlers that require it. */
    public Map<String, List<String>> handlersBySku() {
        synchronized (this.handlersBySku) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            this.handlersBySku.forEach((sku, handlers) -> copy.put(sku, List.copyOf(handlers)));
            return Collections.unmodifiableMap(copy);
        }
    }

    private List<String> resolve(RequiresEntitlement annotation, @Nullable HandlerMethod handler) {
        if (annotation.sku().length == 0) {
            throw invalid(handler, "it names no SKU: set sku to the id of one of the application's SKUs"
                    + " (Developer Portal: the application, Monetization, SKUs)");
        }
        List<String> skus = new ArrayList<>();
        for (String declared : annotation.sku()) {
            String sku;
            try {
                sku = (this.resolver != null) ? this.resolver.resolveStringValue(declared) : declared;
            }
            catch (IllegalArgumentException ex) {
                throw unresolved(handler, declared, ex.getMessage());
            }
            sku = (sku != null) ? sku.strip() : "";
            if (sku.contains("${")) {
                // a lenient resolver leaves what it cannot resolve as it is
                throw unresolved(handler, declared, "no value for " + sku);
            }
            if (!isSnowflake(sku)) {
                throw invalid(handler,
                        "sku \"" + declared + "\"" + (sku.equals(declared) ? "" : " (\"" + sku + "\")")
                                + " is not an SKU id: an SKU id is a number such as 1088510058284990888, shown"
                                + " in the Developer Portal (the application, Monetization, SKUs)");
            }
            if (!skus.contains(sku)) {
                skus.add(sku);
            }
        }
        return List.copyOf(skus);
    }

    private static RuntimeException unresolved(@Nullable HandlerMethod handler, String declared, String why) {
        return invalid(handler, "sku \"" + declared + "\" cannot be resolved (" + why
                + "): set the property to the id of one of the application's SKUs");
    }

    private static boolean isSnowflake(String id) {
        if (id.isEmpty() || id.length() > 20 || !id.chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            Long.parseUnsignedLong(id);
            return true;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    private static RuntimeException invalid(@Nullable HandlerMethod handler, String problem) {
        return (handler != null) ? handler.invalid(ANNOTATION, problem)
                : new BeanInitializationException("Invalid " + ANNOTATION + ": " + problem);
    }

}
