package io.github.jdaboot.interaction.invocation;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.annotation.Autocomplete;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;

/**
 * A request for suggestions while the user types an option. It is answered once, with
 * choices: by the {@link Autocomplete @Autocomplete} method, or with none when that is
 * slow or fails.
 */
public final class AutocompleteInvocation extends Invocation {

    private final CommandAutoCompleteInteractionEvent event;

    private final String key;

    private final AtomicBoolean answered = new AtomicBoolean();

    private volatile DeadlineTimer.@Nullable Deadline timeout;

    public AutocompleteInvocation(HandlerMethod handler, String key, CommandAutoCompleteInteractionEvent event,
            InvocationSupport support) {
        super(handler, support);
        this.event = event;
        this.key = key;
    }

    /** What the user has typed so far into the option. */
    public String typed() {
        return this.event.getFocusedOption().getValue();
    }

    /** Answers with the choices, unless answered already (by the timeout). */
    public void answer(List<Command.Choice> choices) {
        if (this.answered.compareAndSet(false, true)) {
            DeadlineTimer.Deadline scheduled = this.timeout;
            if (scheduled != null) {
                scheduled.cancel();
            }
            DiscordRequests.queue(this.event.replyChoices(choices), null,
                    (failure) -> logFailure("suggest for " + displayName(), failure));
        }
    }

    @Override
    public HandlerKind kind() {
        return HandlerKind.AUTOCOMPLETE;
    }

    @Override
    public String displayName() {
        return "suggestions for /" + this.key;
    }

    @Override
    public String key() {
        return this.key;
    }

    @Override
    public CommandAutoCompleteInteractionEvent event() {
        return this.event;
    }

    @Override
    public User user() {
        return this.event.getUser();
    }

    @Override
    public Member member() {
        return this.event.getMember();
    }

    @Override
    public Guild guild() {
        return this.event.getGuild();
    }

    @Override
    public MessageChannel channel() {
        return this.event.getMessageChannel();
    }

    @Override
    public JDA jda() {
        return this.event.getJDA();
    }

    @Override
    public Locale locale() {
        return locale(this.event.getUserLocale());
    }

    /**
     * Discord waits 3 seconds for suggestions, and they cannot be deferred: after
     * {@code discord.commands.autocomplete-timeout} the user gets none rather than an
     * error.
     */
    @Override
    public void started() {
        if (this.answered.get()) {
            return; // a run on the event thread answered before this
        }
        this.timeout = support().deadlines().schedule(support().autocompleteTimeout(), () -> answer(List.of()));
        if (this.answered.get()) {
            this.timeout.cancel(); // answered already
        }
    }

    /** A refused request for suggestions gets none. */
    @Override
    public void refuse(String text) {
        answer(List.of());
    }

    /**
     * Suggestions cannot be deferred: Discord's deadline is met with an empty list if
     * need be.
     */
    @Override
    public void defer() {
    }

    /** Messages are not an answer to a request for suggestions: nothing is sent. */
    @Override
    void send(Supplier<MessageCreateData> message, boolean ephemeral) {
        throw new IllegalStateException("An @Autocomplete method answers with its choices, not with messages");
    }

    @Override
    public void openModal(Modal modal) {
        throw new IllegalStateException("An @Autocomplete method answers with its choices, not with a form");
    }

}
