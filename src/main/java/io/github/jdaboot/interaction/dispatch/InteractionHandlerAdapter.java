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
import io.github.jdaboot.interaction.guard.Guards;
import io.github.jdaboot.interaction.invocation.AutocompleteInvocation;
import io.github.jdaboot.interaction.invocation.ComponentInvocation;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.ArgumentResolvers;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.ReturnValueHandlers;
import io.github.jdaboot.interaction.method.annotation.ExceptionHandlers;
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
 * {@code HandlerAdapter}: the guards, the arguments (resolvers), the method, its answer
 * (return value handlers), and on failure the exception handlers. Each run is an
 * observation ({@code discord.commands}): a timer by kind, command and outcome, and a
 * span when tracing is on, the current one while the handler runs.
 */
public class InteractionHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(InteractionHandlerAdapter.class);

    private final Guards guards;

    private final ArgumentResolvers arguments;

    private final ReturnValueHandlers returns;

    private final ExceptionHandlers exceptions;

    private final ObservationRegistry observations;

    private final @Nullable InteractionObservationConvention convention;

    private static final InteractionObservationConvention DEFAULT_CONVENTION = new DefaultInteractionObservationConvention();

    public InteractionHandlerAdapter(Guards guards, ArgumentResolvers arguments, ReturnValueHandlers returns,
            ExceptionHandlers exceptions, ObservationRegistry observations,
            @Nullable InteractionObservationConvention convention) {
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
        return new InteractionObservationContext(invocation.kind(), invocation.key(),
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
    void refused(Invocation invocation) {
        InteractionObservationContext context = context(invocation);
        stop(observe(context), context, CommandOutcome.DENIED, null);
    }

    /**
     * Runs a handler for one invocation.
     * @return what completes when the run's answers are sent
     */
    CompletableFuture<?> handle(Invocation invocation, HandlerMethod handler) {
        CommandOutcome outcome = CommandOutcome.SUCCESS;
        Throwable failed = null;
        InteractionObservationContext context = context(invocation);
        Observation observation = observe(context);
        try (Observation.Scope scope = observation.openScope()) {
            GuardedRun run = new GuardedRun(handler, invocation.displayName(), invocation.key(), invocation);
            Optional<String> denied = this.guards.beforeArguments(run);
            if (denied.isPresent()) {
                outcome = CommandOutcome.DENIED;
                invocation.reply(Reply.of(denied.get()).ephemeral());
                return invocation.allSent();
            }
            Object[] values = this.arguments.resolve(handler, invocation);
            Optional<String> wait = this.guards.afterArguments(run);
            if (wait.isPresent()) {
                outcome = CommandOutcome.COOLDOWN;
                invocation.reply(Reply.of(wait.get()).ephemeral());
                return invocation.allSent();
            }
            this.returns.handle(handler.invoke(values), handler.returnType().getParameterType(), invocation);
            invocation.finish();
        }
        catch (Throwable failure) {
            failed = failure;
            outcome = this.exceptions.handle(failure, handler, invocation);
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
    void suggest(AutocompleteInvocation invocation, HandlerMethod handler) {
        CommandOutcome outcome = CommandOutcome.SUCCESS;
        Throwable failed = null;
        InteractionObservationContext context = context(invocation);
        Observation observation = observe(context);
        try (Observation.Scope scope = observation.openScope()) {
            GuardedRun run = new GuardedRun(handler, invocation.displayName(), invocation.key(), invocation);
            if (this.guards.beforeArguments(run).isPresent()) {
                outcome = CommandOutcome.DENIED;
                invocation.answer(List.of());
                return;
            }
            invocation.answer(AutocompleteChoices.of(handler.invoke(this.arguments.resolve(handler, invocation)),
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
    CompletableFuture<?> handle(ComponentInvocation invocation, ComponentCallback callback) {
        CommandOutcome outcome = CommandOutcome.SUCCESS;
        Throwable failed = null;
        InteractionObservationContext context = context(invocation);
        Observation observation = observe(context);
        try (Observation.Scope scope = observation.openScope()) {
            this.returns.handle(callback.onClick(invocation), Object.class, invocation);
            invocation.finish();
        }
        catch (Throwable failure) {
            failed = failure;
            outcome = this.exceptions.handle(failure, null, invocation);
        }
        finally {
            stop(observation, context, outcome, failed);
        }
        return invocation.allSent();
    }

}
