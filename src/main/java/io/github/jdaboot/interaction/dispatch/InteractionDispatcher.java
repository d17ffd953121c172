package io.github.jdaboot.interaction.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.discord.EventClaims;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import io.github.jdaboot.interaction.handler.HandlerMatch;
import io.github.jdaboot.interaction.handler.InteractionHandlerMapping;
import io.github.jdaboot.interaction.invocation.Delivery;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.invocation.InvocationSupport;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.callbacks.IAutoCompleteCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * Turns JDA events into handler runs, as Spring MVC's {@code DispatcherServlet} turns
 * requests into controller calls: on JDA's event thread it only asks the
 * {@link InteractionHandlerMapping}s, in their order, which handler an event is for, and
 * hands the run to the {@link CommandExecutor}, on its own virtual thread (or on this
 * thread, for a {@link NonBlocking @NonBlocking} handler), where the
 * {@link InteractionHandlerAdapter} does the rest. An event that a mapping claims but
 * nothing handles (a command the bot no longer has, an expired or forged button) gets the
 * mapping's short polite answer, in the user's language. A message is taken as a command
 * once, however often it arrives (replayed on RESUME, recovered after a new session).
 * When the bot's processes share its shards, a shard that moves is held by two processes
 * for a moment, and both receive its events: a message or an interaction is answered only
 * once this process has claimed it ({@link EventClaims}).
 */
public class InteractionDispatcher implements EventListener {

    /**
     * How many of the latest messages taken as commands are remembered, to answer each
     * once.
     */
    static final int HANDLED_MESSAGES = 50_000;

    private final List<InteractionHandlerMapping> mappings;

    private final InteractionHandlerAdapter adapter;

    private final CommandExecutor executor;

    private final InvocationSupport support;

    private final HandledMessages handled = new HandledMessages(HANDLED_MESSAGES);

    private final EventClaims claims;

    /**
     * The dispatcher of a bot that answers every event it receives.
     * @param mappings the handler mappings, in the order they are asked
     * @param adapter runs the handlers
     * @param executor gives each run its virtual thread
     * @param support what every run needs
     */
    public InteractionDispatcher(List<? extends InteractionHandlerMapping> mappings, InteractionHandlerAdapter adapter,
            CommandExecutor executor, InvocationSupport support) {
        this(mappings, adapter, executor, support, EventClaims.ALL);
    }

    /**
     * The dispatcher.
     * @param mappings the handler mappings, in the order they are asked
     * @param adapter runs the handlers
     * @param executor gives each run its virtual thread
     * @param support what every run needs
     * @param claims whether this process answers an event (several processes may receive
     * it)
     */
    public InteractionDispatcher(List<? extends InteractionHandlerMapping> mappings, InteractionHandlerAdapter adapter,
            CommandExecutor executor, InvocationSupport support, EventClaims claims) {
        this.mappings = List.copyOf(mappings);
        this.adapter = adapter;
        this.executor = executor;
        this.support = support;
        this.claims = claims;
    }

    /** The handler mappings, in the order they are asked. */
    public List<InteractionHandlerMapping> getHandlerMappings() {
        return this.mappings;
    }

    @Override
    public void onEvent(GenericEvent event) {
        for (InteractionHandlerMapping mapping : this.mappings) {
            HandlerMatch match = mapping.getHandler(event);
            if (match != null) {
                dispatch(event, match);
                return;
            }
        }
    }

    private void dispatch(GenericEvent event, HandlerMatch match) {
        if (event instanceof MessageReceivedEvent message && !this.handled.firstTime(message.getMessageIdLong())) {
            // replayed on RESUME or recovered after a new session, and already answered
            return;
        }
        switch (event) {
            case MessageReceivedEvent message -> this.claims.whenClaimed(message.getJDA(), message.getMessageIdLong(),
                    message.getChannel().getIdLong(), () -> handle(event, match));
            case GenericInteractionCreateEvent interaction ->
                this.claims.whenClaimed(interaction.getJDA(), interaction.getIdLong(), 0, () -> handle(event, match));
            default -> handle(event, match);
        }
    }

    private void handle(GenericEvent event, HandlerMatch match) {
        switch (match) {
            case HandlerMatch.Found(Object handler, var invocation) -> run(invocation.apply(this.support), handler);
            case HandlerMatch.NotFound(MessageSourceResolvable answer) -> answer(event, answer);
        }
    }

    /**
     * Hands the run to the executor: on a virtual thread of its own, or on this thread
     * for a {@link NonBlocking @NonBlocking} handler. An interaction still unanswered
     * after {@code defer-after} is deferred (one run here had its chance to answer
     * already).
     */
    private void run(Invocation invocation, Object handler) {
        Supplier<CompletableFuture<?>> task = () -> this.adapter.handle(invocation, handler);
        boolean started = (handler instanceof HandlerMethod method
                && method.runsOnEventThread(invocation.kind(), invocation::hasEntitlementsAtHand))
                        ? this.executor.runHere(invocation.displayName(), method.shortName(), task)
                        : this.executor.submit(invocation.displayName(), task);
        if (!started) {
            this.adapter.refused(invocation);
            // queued with JDA: nothing here blocks the event thread
            invocation.refuse(this.support.messages()
                .get(this.executor.isAccepting() ? "interaction.busy" : "interaction.restarting", invocation.locale()));
            return;
        }
        invocation.started();
    }

    /** Answers an event nothing handles, privately where Discord allows it. */
    private void answer(GenericEvent event, @Nullable MessageSourceResolvable answer) {
        if (event instanceof IAutoCompleteCallback suggestions) {
            DiscordRequests.queue(suggestions.replyChoices(List.of()), null,
                    (failure) -> Invocation.logFailure("suggest nothing", failure));
            return;
        }
        if (answer == null) {
            return;
        }
        Locale locale = Invocation.localeOf(event);
        String text = this.support.messages().get(answer, locale);
        switch (event) {
            case IReplyCallback interaction -> DiscordRequests.queue(interaction.reply(text).setEphemeral(true), null,
                    (failure) -> Invocation.logFailure("answer an interaction without a handler", failure));
            case MessageReceivedEvent message -> this.executor.submit("reply",
                    () -> Delivery.send("reply to a message",
                            () -> message.getMessage()
                                .reply(Invocation.message(text))
                                .setNonce("r" + message.getMessageIdLong() + "-0")));
            default -> {
                // nowhere to answer
            }
        }
    }

}
