package io.github.jdaboot.interaction.method.annotation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.InteractionAdvice;
import io.github.jdaboot.interaction.annotation.InteractionExceptionHandler;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.observation.CommandOutcome;
import net.dv8tion.jda.api.exceptions.DetachedEntityException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.OrderComparator;
import org.springframework.util.ClassUtils;

/**
 * Answers what a handler threw, as Spring MVC's
 * {@code ExceptionHandlerExceptionResolver}: an
 * {@link InteractionExceptionHandler @InteractionExceptionHandler} method of the
 * handler's own bean, else of the {@link InteractionAdvice @InteractionAdvice} beans in
 * their order (within a bean the closest exception type wins, and the exception's causes
 * are tried when nothing handles the exception itself; see
 * {@link ExceptionHandlerMethodResolver}), else the framework's answers: bad input and
 * {@link CommandException} get their message as a polite private reply, a run cut off by
 * shutdown says so, and anything else is logged once with an error id that the user gets
 * in an apology. The handler mappings register each handler's bean at startup, so that
 * its exception handlers are checked then.
 */
public class InteractionExceptionResolver implements SmartInitializingSingleton, BeanFactoryAware {

    private static final Logger log = LoggerFactory.getLogger(InteractionExceptionResolver.class);

    private final Map<Class<?>, ExceptionHandlerMethodResolver> local = new ConcurrentHashMap<>();

    private final List<ExceptionHandlerMethodResolver> advice = new ArrayList<>();

    private final InteractionArgumentResolverComposite arguments;

    private final InteractionReturnValueHandlerComposite returns;

    private final InteractionMessages messages;

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    public InteractionExceptionResolver(InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionMessages messages) {
        this.arguments = arguments;
        this.returns = returns;
        this.messages = messages;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    /** Finds the advice beans, in their order, and checks their methods. */
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
            this.advice.add(resolver(beans.get(name), name, ClassUtils.getUserClass(beans.get(name))));
        }
    }

    /**
     * Finds and checks the exception handler methods of a handler's bean; called by the
     * handler mappings at startup, once per bean type.
     */
    public void registerHandlerBean(Object bean, String beanName, Class<?> beanType) {
        this.local.computeIfAbsent(beanType, (type) -> resolver(bean, beanName, beanType));
    }

    private ExceptionHandlerMethodResolver resolver(Object bean, String beanName, Class<?> beanType) {
        return new ExceptionHandlerMethodResolver(bean, beanName, beanType,
                (parameter) -> !this.arguments.supportedKinds(parameter).isEmpty(), this.returns::supportsReturnType);
    }

    /**
     * Answers the failure of a run.
     * @param handler the handler that failed, null for a component callback
     * @return how the run ended, for the metrics
     */
    public CommandOutcome resolveException(Throwable failure, @Nullable HandlerMethod handler, Invocation invocation) {
        CommandOutcome outcome = (failure instanceof CommandException || failure instanceof BadInputException)
                ? CommandOutcome.BAD_INPUT : CommandOutcome.ERROR;
        List<ExceptionHandlerMethodResolver> scopes = new ArrayList<>();
        if (handler != null) {
            ExceptionHandlerMethodResolver own = this.local.get(handler.beanType());
            if (own != null) {
                scopes.add(own);
            }
        }
        scopes.addAll(this.advice);
        for (ExceptionHandlerMethodResolver scope : scopes) {
            HandlerMethod method = scope.resolveMethod(failure);
            if (method != null) {
                try {
                    invoke(method, failure, invocation);
                    return outcome;
                }
                catch (Exception ex) {
                    log.error("Exception handler {} failed", method.describe(), ex);
                    break;
                }
            }
        }
        answer(failure, handler, invocation);
        return outcome;
    }

    /**
     * Calls an exception handler: a parameter of an exception type gets the exception or
     * the first of its causes of that type; the others are filled by the argument
     * resolvers for the failed run's kind.
     */
    private void invoke(HandlerMethod method, Throwable failure, Invocation invocation) throws Exception {
        List<Throwable> chain = chain(failure);
        HandlerKind kind = invocation.kind();
        MethodParameter[] parameters = method.parameters();
        @Nullable Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> type = parameters[i].getParameterType();
            values[i] = Throwable.class.isAssignableFrom(type)
                    ? chain.stream().filter(type::isInstance).findFirst().orElse(null)
                    : this.arguments.resolveArgument(parameters[i], kind, invocation);
        }
        this.returns.handleReturnValue(method.invoke(values), method.returnType().getParameterType(), invocation);
    }

    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** Where a run happened, for the log: "in a DM between users or a group DM". */
    private static String where(Invocation invocation) {
        return switch (invocation.contextType()) {
            case PRIVATE_CHANNEL -> "in a DM between users or a group DM (context PRIVATE_CHANNEL)";
            case GUILD -> "in a server the app is installed to by a user, not as a bot (context GUILD)";
            default -> "in context " + invocation.contextType();
        };
    }

    /** The framework's own answers. */
    private void answer(Throwable failure, @Nullable HandlerMethod handler, Invocation invocation) {
        String name = invocation.displayName();
        switch (failure) {
            case BadInputException bad -> {
                String text = this.messages.get(bad, invocation.locale());
                String usage = invocation.usage();
                invocation.reply(Reply
                    .of((usage != null)
                            ? text + "\n" + this.messages.get("interaction.usage", invocation.locale(), usage) : text)
                    .ephemeral());
            }
            case CommandException refused ->
                invocation.reply(Reply.of(this.messages.get(refused, invocation.locale())).ephemeral());
            default -> {
                if (invocation.isShuttingDown() && (failure instanceof InterruptedException || Thread.interrupted())) {
                    // cut off by shutdown after discord.commands.shutdown-timeout: say
                    // so, never silently
                    Thread.interrupted();
                    log.warn("{} was interrupted by shutdown", name);
                    invocation.reply(Reply
                        .of(this.messages.get("interaction.interrupted", invocation.locale(), invocation.userName()))
                        .ephemeral());
                    return;
                }
                String errorId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
                if (chain(failure).stream().anyMatch(DetachedEntityException.class::isInstance)) {
                    log.error(
                            "{} failed (error id {}), handled by {}: it ran {}, where the bot is not part of the"
                                    + " conversation, and used what needs the bot there (sending into the channel, the"
                                    + " server's members, ...). Only the interaction can be answered there: return a"
                                    + " Reply or call reply() on the context, which answer it and follow up",
                            name, errorId, (handler != null) ? handler.describe() : "a component callback",
                            where(invocation), failure);
                }
                else {
                    log.error("{} failed (error id {}), handled by {}", name, errorId,
                            (handler != null) ? handler.describe() : "a component callback", failure);
                }
                invocation.reply(Reply
                    .of(this.messages.get("interaction.error", invocation.locale(), invocation.userName(), errorId))
                    .ephemeral());
            }
        }
    }

}
