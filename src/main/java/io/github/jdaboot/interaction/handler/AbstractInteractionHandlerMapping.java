package io.github.jdaboot.interaction.handler;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.HandlerScanner;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;

/**
 * The base of the mappings whose handlers are annotated methods of the application's
 * beans, as Spring MVC's {@code AbstractHandlerMethodMapping}. Once every singleton
 * exists it searches every bean for the methods of its kind, and registers each one after
 * checking it: the subclass builds the method's mappings from its annotations (checking
 * what is particular to its kind), then every parameter must be filled by an argument
 * resolver that serves each kind of run the handler has, the return type must be answered
 * by a return value handler, and no two methods may have the same mapping (an ambiguous
 * mapping). The bean's own
 * {@link InteractionExceptionHandler @InteractionExceptionHandler} methods are found and
 * checked with it. Any problem fails startup with a {@link BeanInitializationException}
 * naming the bean, the method and the problem; nothing is skipped with a warning.
 *
 * @param <T> the mapping of a handler: what the subclass looks it up by, and knows of it
 */
public abstract class AbstractInteractionHandlerMapping<T>
        implements InteractionHandlerMapping, SmartInitializingSingleton, BeanFactoryAware, Ordered {

    /**
     * A registered handler and its mapping.
     *
     * @param mapping what the handler is mapped by
     * @param handler the handler method
     * @param <T> the mapping type
     */
    public record Registration<T>(T mapping, HandlerMethod handler) {
    }

    private final InteractionArgumentResolverComposite arguments;

    private final InteractionReturnValueHandlerComposite returns;

    private final InteractionExceptionResolver exceptions;

    private final Map<Object, Registration<T>> registrations = new LinkedHashMap<>();

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    private boolean initialized;

    private int order;

    protected AbstractInteractionHandlerMapping(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions) {
        this.arguments = arguments;
        this.returns = returns;
        this.exceptions = exceptions;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    /** Where the dispatcher asks this mapping among the others (lowest first). */
    public void setOrder(int order) {
        this.order = order;
    }

    @Override
    public int getOrder() {
        return this.order;
    }

    @Override
    public void afterSingletonsInstantiated() {
        initHandlerMethods();
    }

    /**
     * Finds and registers the handlers, once however often asked: a mapping that builds
     * on another one (suggestions for a command's options) asks it first.
     */
    public final synchronized void initHandlerMethods() {
        if (this.initialized || this.beanFactory == null) {
            return;
        }
        this.initialized = true;
        HandlerScanner.scan(this.beanFactory, (Method method) -> isHandlerMethod(method) ? Boolean.TRUE : null,
                (handler, found) -> registerHandlerMethod(handler));
        handlerMethodsInitialized(Collections.unmodifiableCollection(this.registrations.values()));
    }

    /** Whether the method is a handler of this mapping's kind (it has the annotation). */
    protected abstract boolean isHandlerMethod(Method method);

    /**
     * The mappings of a handler method, from its annotations, checked for what is
     * particular to this kind of handler; several when the method declares several (id
     * templates). The mappings registered so far are {@link #getRegistrations()}.
     * @throws BeanInitializationException from {@link HandlerMethod#invalid} when the
     * declaration breaks a rule
     */
    protected abstract List<T> getMappingsForMethod(HandlerMethod handler);

    /**
     * What a mapping is looked up by; no two handlers may have mappings with equal keys.
     */
    protected abstract Object getMappingKey(T mapping);

    /** How startup failures name a mapping: "command 'roll'", "template 'vote:{id}'". */
    protected abstract String describeMapping(T mapping);

    /**
     * The kinds of run a mapping's handler serves: each of its parameters must be filled
     * in each.
     */
    protected abstract Set<HandlerKind> getHandlerKinds(T mapping);

    /** What the startup failures call the handler: "@Command". */
    protected abstract String getAnnotationName(HandlerMethod handler);

    /**
     * Checks what the handler returns: by default, a return value handler must answer
     * with it.
     */
    protected void checkReturnType(HandlerMethod handler) {
        if (!this.returns.supportsReturnType(handler.returnType())) {
            throw handler.invalid(getAnnotationName(handler), "unsupported return type "
                    + handler.returnType().getParameterType().getSimpleName()
                    + "; return void, String, Reply, Modal, MessageCreateData, a CompletionStage of one of them,"
                    + " or a type of a registered InteractionReturnValueHandler bean");
        }
    }

    /**
     * What a startup failure adds after "unsupported parameter type": what the handler
     * may take instead.
     */
    protected String getParameterHint() {
        return "";
    }

    /** Called once every handler is registered: checks of the whole, ordering. */
    protected void handlerMethodsInitialized(Collection<Registration<T>> registrations) {
    }

    /** Checks a handler method and registers it under each of its mappings. */
    protected void registerHandlerMethod(HandlerMethod handler) {
        if (Modifier.isStatic(handler.method().getModifiers())) {
            throw handler.invalid(getAnnotationName(handler),
                    getAnnotationName(handler) + " methods must not be static");
        }
        List<T> mappings = getMappingsForMethod(handler);
        for (T mapping : mappings) {
            for (MethodParameter parameter : handler.parameters()) {
                for (HandlerKind kind : getHandlerKinds(mapping)) {
                    checkParameter(handler, parameter, kind);
                }
            }
        }
        checkReturnType(handler);
        Map<Object, Registration<T>> added = new LinkedHashMap<>();
        for (T mapping : mappings) {
            Object key = getMappingKey(mapping);
            Registration<T> previous = this.registrations.containsKey(key) ? this.registrations.get(key)
                    : added.get(key);
            if (previous != null) {
                throw handler.invalid(getAnnotationName(handler), "ambiguous mapping: " + describeMapping(mapping)
                        + " is also mapped to " + previous.handler().describe());
            }
            added.put(key, new Registration<>(mapping, handler));
        }
        this.registrations.putAll(added);
        this.exceptions.registerHandlerBean(handler.bean(), handler.beanName(), handler.beanType());
    }

    private void checkParameter(HandlerMethod handler, MethodParameter parameter, HandlerKind kind) {
        if (this.arguments.supportsParameter(parameter, kind)) {
            return;
        }
        String name = "parameter '" + parameter.getParameterName() + "'";
        Set<HandlerKind> elsewhere = this.arguments.supportedKinds(parameter);
        if (elsewhere.isEmpty()) {
            throw handler.invalid(kind.annotation(), "unsupported parameter type "
                    + parameter.getParameterType().getSimpleName() + " for " + name + getParameterHint());
        }
        String where = HandlerKind.describe(elsewhere);
        String here = HandlerKind.describe(Set.of(kind));
        throw handler.invalid(kind.annotation(), name + " is for " + (where.equals(here) ? elsewhere + " runs" : where)
                + ", not for " + (where.equals(here) ? kind + " runs" : here));
    }

    /** The handlers registered so far, in the order they were found. */
    public final Collection<Registration<T>> getRegistrations() {
        return Collections.unmodifiableCollection(this.registrations.values());
    }

    /** The handler registered under a key, or null. */
    protected final @Nullable Registration<T> getRegistration(Object key) {
        return this.registrations.get(key);
    }

}
