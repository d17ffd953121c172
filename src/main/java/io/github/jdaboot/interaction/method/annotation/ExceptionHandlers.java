package io.github.jdaboot.interaction.method.annotation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.InteractionAdvice;
import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.ReturnValueHandlers;
import io.github.jdaboot.interaction.observation.CommandOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ExceptionDepthComparator;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.OrderComparator;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

/**
 * Answers what a handler threw, as Spring MVC's
 * {@code ExceptionHandlerExceptionResolver}: an
 * {@link InteractionExceptionHandler @InteractionExceptionHandler} method of the
 * handler's own bean, else of the {@link InteractionAdvice @InteractionAdvice} beans in
 * order (the closest exception type within a bean wins), else the framework's answers:
 * bad input and {@link CommandException} get their message as a polite private reply, a
 * run cut off by shutdown says so, and anything else is logged once with an error id that
 * the user gets in an apology.
 */
public class ExceptionHandlers implements SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(ExceptionHandlers.class);

    /** One exception handler method and the exceptions it handles. */
    private record Candidate(HandlerMethod method, List<Class<? extends Throwable>> handles) {
    }

    private final List<List<Candidate>> advice = new ArrayList<>();

    private final Map<Class<?>, List<Candidate>> local = new ConcurrentHashMap<>();

    private final ArgumentResolvers arguments;

    private final ReturnValueHandlers returns;

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    public ExceptionHandlers(ArgumentResolvers arguments, ReturnValueHandlers returns) {
        this.arguments = arguments;
        this.returns = returns;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    /** Finds the advice beans, in their order. */
    @Override
    public void afterSingletonsInstantiated() {
        if (this.beanFactory == null) {
            return;
        }
        List<String> names = new ArrayList<>(
                List.of(this.beanFactory.getBeanNamesForAnnotation(InteractionAdvice.class)));
        Map<String, Object> beans = new HashMap<>();
        names.forEach((name) -> beans.put(name, this.beanFactory.getBean(name)));
        names.sort(Comparator.comparing(beans::get, OrderComparator.INSTANCE));
        for (String name : names) {
            addAdvice(beans.get(name), name, ClassUtils.getUserClass(beans.get(name)));
        }
    }

    /** Adds an advice bean; advice is asked in the order added. */
    void addAdvice(Object bean, String beanName, Class<?> beanType) {
        this.advice.add(candidates(bean, beanName, beanType));
    }

    /** Finds and checks the exception handler methods of a handler's bean, at startup. */
    public void addLocal(Object bean, String beanName, Class<?> beanType) {
        this.local.computeIfAbsent(beanType, (type) -> candidates(bean, beanName, beanType));
    }

    private List<Candidate> candidates(Object bean, String beanName, Class<?> beanType) {
        Map<Method, InteractionExceptionHandler> methods = MethodIntrospector.selectMethods(
                ClassUtils.getUserClass(beanType),
                (MethodIntrospector.MetadataLookup<InteractionExceptionHandler>) (method) -> AnnotatedElementUtils
                    .findMergedAnnotation(method, InteractionExceptionHandler.class));
        List<Candidate> candidates = new ArrayList<>();
        methods.entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey(Comparator.comparing(Method::getName)))
            .forEach((entry) -> candidates
                .add(candidate(new HandlerMethod(bean, beanName, beanType, entry.getKey()), entry.getValue())));
        return candidates;
    }

    @SuppressWarnings("unchecked")
    private Candidate candidate(HandlerMethod method, InteractionExceptionHandler annotation) {
        List<Class<? extends Throwable>> handles = new ArrayList<>(Arrays.asList(annotation.value()));
        for (MethodParameter parameter : method.parameters()) {
            if (Throwable.class.isAssignableFrom(parameter.getParameterType())) {
                if (handles.isEmpty()) {
                    handles.add((Class<? extends Throwable>) parameter.getParameterType());
                }
            }
            else if (!this.arguments.supports(parameter)) {
                throw new BeanInitializationException("Invalid @InteractionExceptionHandler method " + method.describe()
                        + ": unsupported parameter type " + parameter.getParameterType().getSimpleName());
            }
        }
        if (handles.isEmpty()) {
            throw new BeanInitializationException("Invalid @InteractionExceptionHandler method " + method.describe()
                    + ": name the exceptions it handles, in the annotation or as a parameter");
        }
        if (!this.returns.supports(method.returnType())) {
            throw new BeanInitializationException("Invalid @InteractionExceptionHandler method " + method.describe()
                    + ": unsupported return type " + method.returnType().getParameterType().getSimpleName());
        }
        return new Candidate(method, List.copyOf(handles));
    }

    /**
     * Answers the failure of a run.
     * @param handler the handler that failed, null for a component callback
     * @return how the run ended, for the metrics
     */
    public CommandOutcome handle(Throwable failure, @Nullable HandlerMethod handler, Invocation invocation) {
        CommandOutcome outcome = (failure instanceof CommandException || failure instanceof BadInputException)
                ? CommandOutcome.BAD_INPUT : CommandOutcome.ERROR;
        List<List<Candidate>> scopes = new ArrayList<>();
        if (handler != null) {
            scopes.add(this.local.getOrDefault(ClassUtils.getUserClass(handler.bean()), List.of()));
        }
        scopes.addAll(this.advice);
        for (List<Candidate> scope : scopes) {
            Candidate best = best(scope, failure);
            if (best != null) {
                try {
                    invoke(best.method(), failure, invocation);
                    return outcome;
                }
                catch (Exception ex) {
                    log.error("Exception handler {} failed", best.method().describe(), ex);
                    break;
                }
            }
        }
        answer(failure, handler, invocation);
        return outcome;
    }

    private static @Nullable Candidate best(List<Candidate> scope, Throwable failure) {
        Candidate best = null;
        Class<? extends Throwable> bestType = null;
        for (Candidate candidate : scope) {
            for (Class<? extends Throwable> type : candidate.handles()) {
                if (type.isInstance(failure)
                        && (bestType == null || new ExceptionDepthComparator(failure).compare(type, bestType) < 0)) {
                    best = candidate;
                    bestType = type;
                }
            }
        }
        return best;
    }

    private void invoke(HandlerMethod method, Throwable failure, Invocation invocation) throws Exception {
        MethodParameter[] parameters = method.parameters();
        @Nullable Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            values[i] = parameters[i].getParameterType().isInstance(failure) ? failure
                    : this.arguments.resolve(parameters[i], invocation);
        }
        this.returns.handle(method.invoke(values), method.returnType().getParameterType(), invocation);
    }

    /** The framework's own answers. */
    private static void answer(Throwable failure, @Nullable HandlerMethod handler, Invocation invocation) {
        String name = invocation.displayName();
        switch (failure) {
            case BadInputException bad -> invocation.reply(Reply
                .of(bad.getMessage() + ((invocation.usage() != null) ? "\nUsage: `" + invocation.usage() + "`" : ""))
                .ephemeral());
            case CommandException refused -> invocation.reply(Reply.of(refused.getMessage()).ephemeral());
            default -> {
                if (invocation.isShuttingDown() && (failure instanceof InterruptedException || Thread.interrupted())) {
                    // cut off by shutdown after discord.commands.shutdown-timeout: say
                    // so, never silently
                    Thread.interrupted();
                    log.warn("{} was interrupted by shutdown", name);
                    invocation.reply(Reply
                        .of("Sorry, I'm restarting and could not finish " + name + ". Please try again in a minute.")
                        .ephemeral());
                    return;
                }
                String errorId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
                log.error("{} failed (error id {}), handled by {}", name, errorId,
                        (handler != null) ? handler.describe() : "a component callback", failure);
                invocation.reply(Reply
                    .of("Sorry, something went wrong while running " + name
                            + ". If it keeps happening, tell the bot's owner the error id `" + errorId + "`.")
                    .ephemeral());
            }
        }
    }

}
