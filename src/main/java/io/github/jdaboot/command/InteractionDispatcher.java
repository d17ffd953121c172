package io.github.jdaboot.command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.jdaboot.discord.EventClaims;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.GenericContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.jspecify.annotations.Nullable;

/**
 * Turns JDA events into handler runs, as Spring MVC's {@code DispatcherServlet} turns
 * requests into controller calls: on JDA's event thread it only asks the handler mappings
 * which handler an event is for and hands the run to the {@link CommandExecutor}, on its
 * own virtual thread, where the {@link InteractionHandlerAdapter} does the rest. Events
 * that are for the bot but have no handler (a command it no longer has, an expired or
 * forged button) get a short polite answer.
 */
class InteractionDispatcher implements EventListener {

    private final CommandHandlerMapping commands;

    private final @Nullable PrefixCommandMapping prefixCommands;

    private final ComponentHandlerMapping components;

    private final ModalHandlerMapping modals;

    private final AutocompleteHandlerMapping suggestions;

    private final ContextCommandMapping contextCommands;

    private final InteractionHandlerAdapter adapter;

    private final InvocationSupport support;

    private final ScheduledExecutorService deferrals;

    private final CommandProperties properties;

    /**
     * How many of the latest messages taken as commands are remembered, to answer each
     * once.
     */
    static final int HANDLED_MESSAGES = 50_000;

    private final HandledMessages handled = new HandledMessages(HANDLED_MESSAGES);

    private final MissedCommandRecovery recovery;

    private final EventClaims claims;

    InteractionDispatcher(CommandHandlerMapping commands, @Nullable PrefixCommandMapping prefixCommands,
            ComponentHandlerMapping components, ModalHandlerMapping modals, AutocompleteHandlerMapping suggestions,
            ContextCommandMapping contextCommands, InteractionHandlerAdapter adapter, InvocationSupport support,
            ScheduledExecutorService deferrals, CommandProperties properties, EventClaims claims) {
        this.commands = commands;
        this.prefixCommands = prefixCommands;
        this.components = components;
        this.modals = modals;
        this.suggestions = suggestions;
        this.contextCommands = contextCommands;
        this.adapter = adapter;
        this.support = support;
        this.deferrals = deferrals;
        this.properties = properties;
        this.claims = claims;
        this.recovery = new MissedCommandRecovery((message) -> {
            if (prefixCommands != null) {
                onMessage(message, prefixCommands);
            }
        });
    }

    @Override
    public void onEvent(GenericEvent event) {
        switch (event) {
            case SlashCommandInteractionEvent slash -> claimed(slash, () -> onSlashCommand(slash));
            case MessageReceivedEvent message when this.prefixCommands != null ->
                onMessage(message, this.prefixCommands);
            case GenericComponentInteractionCreateEvent click -> claimed(click, () -> onComponent(click));
            case ModalInteractionEvent form -> claimed(form, () -> onModal(form));
            case CommandAutoCompleteInteractionEvent typing -> claimed(typing, () -> onAutocomplete(typing));
            case UserContextInteractionEvent menu -> claimed(menu, () -> onContextCommand(Command.Type.USER, menu));
            case MessageContextInteractionEvent menu ->
                claimed(menu, () -> onContextCommand(Command.Type.MESSAGE, menu));
            case SessionRecreateEvent recreated -> this.recovery.recover(recreated.getJDA());
            case ReadyEvent ready when this.recovery.hasSeenChannels() -> this.recovery.recover(ready.getJDA());
            default -> {
                // not for a handler
            }
        }
    }

    /**
     * Handles an interaction if this process is the one to answer it (another process may
     * hold a session of the same shard while it moves: {@link EventClaims}).
     */
    private void claimed(GenericInteractionCreateEvent event, Runnable handling) {
        this.claims.whenClaimed(event.getJDA(), event.getIdLong(), 0, handling);
    }

    private void onSlashCommand(SlashCommandInteractionEvent event) {
        String fullName = (event.getSubcommandName() != null) ? event.getName() + " " + event.getSubcommandName()
                : event.getName();
        Optional<CommandDefinition> command = this.commands.find(fullName)
            .filter((candidate) -> candidate.offers(CommandSurface.SLASH));
        if (command.isEmpty()) {
            answer(event, "Sorry, I don't know /" + fullName + " any more."
                    + (this.commands.find("help").isPresent() ? " Type /help to see what I can do." : ""));
            return;
        }
        SlashInvocation invocation = new SlashInvocation(command.get(), event, this.support);
        run(invocation, () -> this.adapter.handle(invocation, command.get().handler()));
    }

    private void onMessage(MessageReceivedEvent event, PrefixCommandMapping prefixCommands) {
        this.recovery.seen(event);
        long self = event.getJDA().getSelfUser().getIdLong();
        if (event.getAuthor().getIdLong() == self) {
            return;
        }
        if ((event.getAuthor().isBot() || event.isWebhookMessage()) && !this.properties.isAllowBots()) {
            return;
        }
        Optional<PrefixCommandMapping.Match> match = prefixCommands.match(event.getMessage().getContentRaw(), self);
        if (match.isEmpty() || !this.handled.firstTime(event.getMessageIdLong())) {
            // not for the bot; or replayed on RESUME or recovered after a new session,
            // and already answered
            return;
        }
        this.claims.whenClaimed(event.getJDA(), event.getMessageIdLong(), event.getChannel().getIdLong(),
                () -> answerMessage(event, match.get()));
    }

    private void answerMessage(MessageReceivedEvent event, PrefixCommandMapping.Match match) {
        switch (match) {
            case PrefixCommandMapping.Answer(String text) -> this.support.executor()
                .submit("reply",
                        () -> Delivery.send("reply to a message",
                                () -> event.getMessage()
                                    .reply(Invocation.messages(Reply.of(text), List.of()).getFirst())
                                    .setNonce("r" + event.getMessageIdLong() + "-0")));
            case PrefixCommandMapping.Found(CommandDefinition command, String arguments) -> {
                PrefixInvocation invocation = new PrefixInvocation(command, event, this.properties.getPrefix(),
                        arguments, this.support);
                run(invocation, () -> this.adapter.handle(invocation, command.handler()));
            }
        }
    }

    private void onComponent(GenericComponentInteractionCreateEvent event) {
        String id = event.getComponentId();
        if (id.startsWith(ComponentCallbacks.PREFIX)) {
            Optional<ComponentCallback> callback = this.support.callbacks().find(id);
            if (callback.isEmpty()) {
                answer(event, "Sorry, this has expired. Run the command again to get a fresh one.");
                return;
            }
            ComponentInvocation invocation = new ComponentInvocation(null, "callback", event, this.support);
            run(invocation, () -> this.adapter.handle(invocation, callback.get()));
            return;
        }
        Optional<IdTemplateMapping.Match> match = this.components.match(id);
        if (match.isEmpty()) {
            answer(event, "Sorry, that doesn't do anything any more. Run the command again to get a fresh one.");
            return;
        }
        ComponentInvocation invocation = new ComponentInvocation(match.get().handler(), match.get().template(), event,
                this.support);
        invocation.idParts(match.get().parts());
        run(invocation, () -> this.adapter.handle(invocation, match.get().handler()));
    }

    private void onModal(ModalInteractionEvent event) {
        Optional<IdTemplateMapping.Match> match = this.modals.match(event.getModalId());
        if (match.isEmpty()) {
            answer(event, "Sorry, I can't take this form any more. Please open it again.");
            return;
        }
        ModalInvocation invocation = new ModalInvocation(match.get().handler(), match.get().template(), event,
                this.support);
        invocation.idParts(match.get().parts());
        run(invocation, () -> this.adapter.handle(invocation, match.get().handler()));
    }

    private void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        String command = (event.getSubcommandName() != null) ? event.getName() + " " + event.getSubcommandName()
                : event.getName();
        Optional<HandlerMethod> handler = this.suggestions.find(command, event.getFocusedOption().getName());
        if (handler.isEmpty()) {
            event.replyChoices(List.of()).queue(null, (failure) -> Invocation.logFailure("suggest nothing", failure));
            return;
        }
        AutocompleteInvocation invocation = new AutocompleteInvocation(handler.get(),
                command + " " + event.getFocusedOption().getName(), event, this.support);
        boolean started = this.support.executor().submit(invocation.displayName(), () -> {
            this.adapter.suggest(invocation, handler.get());
            return CompletableFuture.completedFuture(null);
        });
        if (!started) {
            invocation.answer(List.of());
            return;
        }
        // Discord waits 3 seconds for suggestions, and they cannot be deferred: none
        // rather than an error
        this.deferrals.schedule(() -> invocation.answer(List.of()), this.properties.getAutocompleteTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void onContextCommand(Command.Type type, GenericContextInteractionEvent<?> event) {
        Optional<ContextCommandMapping.ContextCommand> command = this.contextCommands.find(type, event.getName());
        if (command.isEmpty()) {
            answer(event, "Sorry, I don't know \u201C" + event.getName() + "\u201D any more.");
            return;
        }
        ContextCommandInvocation invocation = new ContextCommandInvocation(command.get().handler(), event.getName(),
                event, this.support);
        run(invocation, () -> this.adapter.handle(invocation, command.get().handler()));
    }

    /**
     * Hands the run to the executor, and defers an interaction that is still running
     * after {@code defer-after}.
     */
    private void run(Invocation invocation, Supplier<CompletableFuture<?>> handling) {
        if (!this.support.executor().submit(invocation.displayName(), handling)) {
            String why = this.support.executor().isAccepting()
                    ? "I'm very busy right now: please try again in a moment."
                    : "I'm restarting: please try again in a minute.";
            this.adapter.refused(invocation);
            invocation.reply(Reply.of(why).ephemeral()); // queued with JDA: nothing here
                                                         // blocks the event thread
            return;
        }
        if (invocation instanceof InteractionInvocation<?> interaction) {
            interaction.deferAfter(this.deferrals, this.properties.getDeferAfter());
        }
    }

    private static void answer(IReplyCallback event, String text) {
        event.reply(text)
            .setEphemeral(true)
            .queue(null, (failure) -> Invocation.logFailure("answer an interaction without a handler", failure));
    }

}
