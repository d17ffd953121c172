package io.github.jdaboot.interaction.method;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.github.jdaboot.interaction.Entitlements;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.CommandGroup;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.SynthesizingMethodParameter;
import org.springframework.util.ReflectionUtils;

/**
 * A handler: one method of a Spring bean, found at startup by a handler mapping, with its
 * parameters as Spring {@link MethodParameter}s for the argument resolvers.
 */
public final class HandlerMethod {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Object bean;

    private final String beanName;

    private final Class<?> beanType;

    private final Method method;

    private final Method invocable;

    private final MethodParameter[] parameters;

    private final MethodParameter returnType;

    private final Map<Class<? extends Annotation>, Optional<Annotation>> annotations = new ConcurrentHashMap<>();

    private final boolean nonBlocking;

    private final boolean asksForEntitlements;

    /** {@link #shortName()}, made once: it names every run on the event thread. */
    private final String shortName;

    public HandlerMethod(Object bean, String beanName, Class<?> beanType, Method method) {
        this.bean = bean;
        this.beanName = beanName;
        this.beanType = beanType;
        this.method = method;
        this.shortName = beanType.getSimpleName() + "." + method.getName();
        this.invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(this.invocable);
        this.parameters = new MethodParameter[method.getParameterCount()];
        for (int i = 0; i < this.parameters.length; i++) {
            this.parameters[i] = new SynthesizingMethodParameter(method, i);
            this.parameters[i].initParameterNameDiscovery(NAMES);
        }
        this.returnType = new SynthesizingMethodParameter(method, -1);
        this.nonBlocking = annotation(NonBlocking.class) != null;
        this.asksForEntitlements = annotation(RequiresEntitlement.class) != null || Arrays.stream(this.parameters)
            .map(MethodParameter::getParameterType)
            .anyMatch((type) -> type == Entitlements.class || InteractionContext.class.isAssignableFrom(type));
        if (this.nonBlocking && (CompletionStage.class.isAssignableFrom(method.getReturnType())
                || Future.class.isAssignableFrom(method.getReturnType()))) {
            throw invalid("@NonBlocking",
                    "it returns a " + method.getReturnType().getSimpleName()
                            + ", whose result its run waits for; remove @NonBlocking (the run then has a virtual"
                            + " thread of its own) or return the answer itself");
        }
    }

    /**
     * Whether a run of this kind stays on the thread that received its event (JDA's event
     * thread): the handler is {@link NonBlocking @NonBlocking}, and nothing the framework
     * does for the run waits (a prefix command's entitlements are asked of Discord unless
     * they are at hand).
     * @param entitlementsAtHand whether the run's entitlements are known without asking
     * Discord; asked only of a prefix command whose handler asks for them
     */
    public boolean runsOnEventThread(HandlerKind kind, BooleanSupplier entitlementsAtHand) {
        return this.nonBlocking && (kind != HandlerKind.PREFIX_COMMAND || !this.asksForEntitlements
                || entitlementsAtHand.getAsBoolean());
    }

    /**
     * Whether a run may ask for its entitlements: the handler has an {@link Entitlements}
     * or context parameter, or requires an entitlement.
     */
    public boolean asksForEntitlements() {
        return this.asksForEntitlements;
    }

    public Object bean() {
        return this.bean;
    }

    public String beanName() {
        return this.beanName;
    }

    /** The bean's user class (without a CGLIB or AOP proxy's). */
    public Class<?> beanType() {
        return this.beanType;
    }

    public Method method() {
        return this.method;
    }

    public MethodParameter[] parameters() {
        return this.parameters;
    }

    public MethodParameter returnType() {
        return this.returnType;
    }

    /**
     * The annotation on the method, or else on its class (meta-annotations and attribute
     * overrides merged), or else, for a {@link CommandGroup @CommandGroup} nested in
     * another, on the enclosing group's class. The guards ask for every run, so each
     * answer is kept: the handler's annotations do not change.
     */
    public <A extends Annotation> @Nullable A annotation(Class<A> type) {
        Optional<Annotation> known = this.annotations.get(type);
        if (known == null) {
            A found = AnnotatedElementUtils.findMergedAnnotation(this.method, type);
            Class<?> owner = this.beanType;
            while (found == null && owner != null) {
                found = AnnotatedElementUtils.findMergedAnnotation(owner, type);
                Class<?> enclosing = owner.getEnclosingClass();
                owner = (enclosing != null && AnnotatedElementUtils.hasAnnotation(owner, CommandGroup.class)
                        && AnnotatedElementUtils.hasAnnotation(enclosing, CommandGroup.class)) ? enclosing : null;
            }
            known = Optional.ofNullable(found);
            this.annotations.put(type, known);
        }
        return type.cast(known.orElse(null));
    }

    /** Calls the method; what the method throws is thrown as it is. */
    public @Nullable Object invoke(@Nullable Object[] arguments) throws Exception {
        try {
            return this.invocable.invoke(this.bean, arguments);
        }
        catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw ex;
        }
    }

    /** How a developer finds the method: {@code IdeaCommands.idea}. */
    public String shortName() {
        return this.shortName;
    }

    /** How messages refer to the method: {@code ideaCommands.idea(String)}. */
    public String describe() {
        return describe(this.beanName, this.method);
    }

    static String describe(String beanName, Method method) {
        return beanName + "." + method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }

    /** A startup failure naming the bean, the method and the problem. */
    public BeanInitializationException invalid(String what, String problem) {
        return new BeanInitializationException("Invalid " + what + " method " + describe() + ": " + problem);
    }

    @Override
    public String toString() {
        return describe();
    }

}
