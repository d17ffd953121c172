package io.github.jdaboot.interaction.dispatch;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import io.github.jdaboot.interaction.ComponentCallback;
import io.github.jdaboot.interaction.GuardedRun;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.guard.GuardChain;
import io.github.jdaboot.interaction.invocation.AutocompleteInvocation;
import io.github.jdaboot.interaction.invocation.ComponentInvocation;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import io.github.jdaboot.interaction.method.support.AutocompleteChoices;
import io.github.jdaboot.interaction.observation.CommandOutcome;
import io.github.jdaboot.interaction.observation.DefaultInteractionObservationConvention;
import io.github.jdaboot.interaction.observation.InteractionObservationContext;
import io.github.jdaboot.interaction.observation.InteractionObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import net.dv8tion.jda.api.entities.Guild;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler for one run, on the run's virtual thread, as Spring MVC's
 * {@code HandlerAdapter}: the guards, the arguments (resolvers for the run's kind), the
 * method, its answer (return value handlers), and on failure the exception resolver. A
 * {@link ComponentCallback} is run with the return value handlers and the exception
 * resolver; an {@link Autocomplete @Autocomplete} method answers with its choices. Each
 * run is an observation ({@code discord.commands}): a timer by kind, command and outcome,
 * and a span when tracing is on, the current one while the handler runs.
 */
public class InteractionHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InteractionHandlerAdapter.class);

    private static final InteractionObservationConvention DEFAULT_CONVENTION = new DefaultInteractionObservationConvention();

    private final GuardChain guards;

    private final InteractionArgumentResolverComposite arguments;

    private final InteractionReturnValueHandlerComposite returns;

    private final InteractionExceptionResolver exceptions;

    private final ObservationRegistry observations;

    private final @Nullable InteractionObservationConvention convention;

    /**
     * The adapter.
     * @param convention the application's convention for the observations, or null for
     * {@link DefaultInteractionObservationConvention}
     */
    public InteractionHandlerAdapter(GuardChain guards, InteractionArgumentResolverComposite arguments,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions,
            ObservationRegistry observations, @Nullable InteractionObservationConvention convention) {
        this.guards = guards;
        this.arguments = arguments;
        this.returns = returns;
        this.exceptions = exceptions;
        this.observations = observations;
        this.convention = convention;
    }

    private Observation observe(InteractionObservationContext context) {
        return Observation.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.observations)
            .start();
    }

    private static InteractionObservationContext context(Invocation invocation) {
        Guild guild = invocation.guild();
        return new InteractionObservationContext(invocation.kind().tag(), invocation.key(),
                (guild != null) ? guild.getId() : null);
    }

    private static void stop(Observation observation, InteractionObservationContext context, CommandOutcome outcome,
            @Nullable Throwable failure) {
        context.setOutcome(outcome);
        if (failure != null && outcome == CommandOutcome.ERROR) {
            observation.error(failure);
        }
        observation.stop();
    }

    /** Records a run the executor refused (busy, or shutting down) before it started. */
    public void refused(Invocation invocation) {
        InteractionObservationContext context = context(invocation);
        stop(observe(context), context, CommandOutcome.DENIED, null);
    }

    /**
     * Runs a handler for one invocation.
     * @param handler what a handler mapping found: a {@link HandlerMethod} or a
     * {@link ComponentCallback}
     * @return what completes when the run's answers are sent
     */
    public CompletableFuture<?> handle(Invocation invocation, Object handler) {
        return switch (handler) {
            case HandlerMethod method when invocation instanceof AutocompleteInvocation suggestions -> {
                suggest(suggestions, method);
                yield CompletableFuture.completedFuture(null);
            }
            case HandlerMethod method -> handleMethod(invocation, method);
            case ComponentCallback callback -> handleCallback(invocation, callback);
            default -> throw new IllegalArgumentException("No way to run " + handler);
        };
    }

    private CompletableFuture<?> handleMethod(Invocation invocation, HandlerMethod handler) {
        CommandOutcome outcome = CommandOutcome.SUCCESS;
        Throwable failed = null;
        InteractionObservationContext context = context(invocation);
        Observation observation = observe(context);
        try (Observation.Scope scope = observation.openScope()) {
            GuardedRun run = new HandlerGuardedRun(handler, invocation);
            Optional<Reply> denied = this.guards.beforeArguments(run);
            if (denied.isPresent()) {
                outcome = CommandOutcome.DENIED;
                invocation.reply(denied.get());
                return invocation.allSent();
            }
            Object[] values = this.arguments.resolveArguments(handler, invocation.kind(), invocation);
            Optional<String> wait = this.guards.afterArguments(run);
            if (wait.isPresent()) {
                outcome = CommandOutcome.COOLDOWN;
                invocation.reply(Reply.of(wait.get()).ephemeral());
                return invocation.allSent();
            }
            this.returns.handleReturnValue(handler.invoke(values), handler.returnType().getParameterType(), invocation);
            invocation.finish();
        }
        catch (Throwable failure) {
            failed = failure;
            outcome = this.exceptions.resolveException(failure, handler, invocation);
        }
        finally {
            stop(observation, context, outcome, failed);
        }
        return invocation.allSent();
    }

    /**
     * Runs an {@link Autocomplete @Autocomplete} method and answers with its choices:
     * those containing what was typed (the ones starting with it first), at most 25. A
     * guard's refusal or a failure answers with none; a failure is logged once with an
     * error id.
     */
    private void suggest(AutocompleteInvocation invocation, HandlerMethod handler) {
        CommandOutcome outcome = CommandOutcome.SUCCESS;
        Throwable failed = null;
        InteractionObservationContext context = context(invocation);
        Observation observation = observe(context);
        try (Observation.Scope scope = observation.openScope()) {
            GuardedRun run = new HandlerGuardedRun(handler, invocation);
            if (this.guards.beforeArguments(run).isPresent()) {
                outcome = CommandOutcome.DENIED;
                invocation.answer(List.of());
                return;
            }
            invocation.answer(AutocompleteChoices.of(
                    handler.invoke(this.arguments.resolveArguments(handler, invocation.kind(), invocation)),
                    invocation.typed()));
        }
        catch (Throwable failure) {
            failed = failure;
            outcome = CommandOutcome.ERROR;
            String errorId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            log.error("{} failed (error id {}), handled by {}", invocation.displayName(), errorId, handler.describe(),
                    failure);
            invocation.answer(List.of());
        }
        finally {
            stop(observation, context, outcome, failed);
        }
    }

    /** Runs the callback of a component sent with one. */
    private CompletableFuture<?> handleCallback(Invocation invocation, ComponentCallback callback) {
        CommandOutcome outcome = CommandOutcome.SUCCESS;
        Throwable failed = null;
        InteractionObservationContext context = context(invocation);
        Observation observation = observe(context);
        try (Observation.Scope scope = observation.openScope()) {
            this.returns.handleReturnValue(callback.onClick((ComponentInvocation) invocation), Object.class,
                    invocation);
            invocation.finish();
        }
        catch (Throwable failure) {
            failed = failure;
            outcome = this.exceptions.resolveException(failure, null, invocation);
        }
        finally {
            stop(observation, context, outcome, failed);
        }
        return invocation.allSent();
    }

}
