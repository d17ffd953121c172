package io.github.jdaboot.interaction.invocation;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.form.OfferedForm;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.interactions.IntegrationOwners;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of an interaction (slash command, click, form). Discord wants it acknowledged
 * exactly once, within 3 seconds: by the first answer (a reply, an update of the clicked
 * message, or a form) if it comes in time, else by a deferral the framework sends when
 * the handler is slow. Later answers go through the interaction's hook: a reply after a
 * deferred reply fills it, an update edits the message, anything else follows up. Every
 * answer goes to the interaction, never into the channel: that works in DMs between users
 * and group DMs too, where the bot is not part of the conversation (and where Discord
 * allows an app installed only to the user five follow-ups).
 *
 * @param <E> the event
 */
public abstract class InteractionInvocation<E extends GenericInteractionCreateEvent & IReplyCallback>
        extends Invocation {

    private enum Acknowledgement {

        /** Nothing sent yet. */
        NONE,

        /** Answered with a message, an update or a form. */
        ANSWERED,

        /** Deferred with "thinking…": the next reply fills it in. */
        DEFERRED_REPLY,

        /** Deferred without a visible change (a click). */
        DEFERRED_UPDATE,

        /** Deferred with "thinking…", and filled in. */
        FILLED

    }

    /**
     * Discord's limit of follow-up messages to an interaction of an app installed only to
     * the user who ran it.
     */
    static final int MAX_USER_INSTALL_FOLLOW_UPS = 5;

    private static final Logger log = LoggerFactory.getLogger(InteractionInvocation.class);

    private final E event;

    private final InvocationSupport support;

    private final AtomicInteger followUps = new AtomicInteger();

    private Acknowledgement acknowledgement = Acknowledgement.NONE;

    private volatile DeadlineTimer.@Nullable Deadline deferral;

    InteractionInvocation(@Nullable HandlerMethod handler, E event, InvocationSupport support) {
        super(handler, support);
        this.event = event;
        this.support = support;
    }

    @Override
    public E event() {
        return this.event;
    }

    @Override
    public User user() {
        return this.event.getUser();
    }

    @Override
    public @Nullable Member member() {
        return this.event.getMember();
    }

    @Override
    public @Nullable Guild guild() {
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
     * Whether a deferral shows nothing (a click on the bot's message) rather than
     * "thinking…".
     */
    boolean defersAsUpdate() {
        return canUpdate();
    }

    @Override
    boolean canUpdate() {
        return this.event instanceof IMessageEditCallback && message() != null;
    }

    /**
     * Defers the interaction after {@code discord.commands.defer-after}, if still
     * unanswered.
     */
    @Override
    public void started() {
        deferAfter(this.support.deadlines(), this.support.deferAfter());
    }

    /**
     * Defers the interaction after the delay unless it is acknowledged before; the
     * acknowledgement cancels the deferral, so that an answered run is not kept for it.
     */
    void deferAfter(DeadlineTimer deadlines, Duration delay) {
        synchronized (this) {
            if (this.acknowledgement != Acknowledgement.NONE) {
                return; // a run on the event thread answered before this
            }
        }
        DeadlineTimer.Deadline scheduled = deadlines.schedule(delay, this::defer);
        this.deferral = scheduled;
        synchronized (this) {
            if (this.acknowledgement == Acknowledgement.NONE) {
                return;
            }
        }
        scheduled.cancel(); // answered already
    }

    /**
     * Defers now unless already acknowledged; called by the framework when the handler is
     * slow.
     */
    @Override
    public void defer() {
        boolean asUpdate = defersAsUpdate();
        synchronized (this) {
            if (this.acknowledgement != Acknowledgement.NONE) {
                return;
            }
            this.acknowledgement = asUpdate ? Acknowledgement.DEFERRED_UPDATE : Acknowledgement.DEFERRED_REPLY;
        }
        this.support.metrics().acknowledged(this.event, true);
        if (asUpdate) {
            DiscordRequests.queue(((IMessageEditCallback) this.event).deferEdit(), null,
                    (failure) -> logFailure("defer " + displayName(), failure));
        }
        else {
            DiscordRequests.queue(this.event.deferReply(ephemeralByDefault()), null,
                    (failure) -> logFailure("defer " + displayName(), failure));
        }
    }

    private Acknowledgement take(Acknowledgement next) {
        Acknowledgement before;
        synchronized (this) {
            before = this.acknowledgement;
            this.acknowledgement = switch (before) {
                case NONE -> next;
                case DEFERRED_REPLY -> (next == Acknowledgement.ANSWERED) ? Acknowledgement.FILLED : before;
                default -> before;
            };
        }
        DeadlineTimer.Deadline scheduled = this.deferral;
        if (before == Acknowledgement.NONE && scheduled != null) {
            scheduled.cancel();
        }
        return before;
    }

    @Override
    void send(Supplier<MessageCreateData> build, boolean ephemeral) {
        MessageCreateData message = build.get();
        // JDA acknowledges an interaction once and then routes everything through its
        // hook, so only the
        // follow-ups can be retried; a failed acknowledgement fails the hook for good
        switch (take(Acknowledgement.ANSWERED)) {
            case NONE -> {
                this.support.metrics().acknowledged(this.event, false);
                DiscordRequests.queue(this.event.reply(message).setEphemeral(ephemeral), null,
                        (failure) -> logFailure("reply to " + displayName(), failure));
            }
            case DEFERRED_REPLY -> {
                if (message.getPoll() != null) {
                    // JDA's edit of the original cannot carry a poll; the first follow-up
                    // fills the deferred response as that edit would, poll included
                    enqueue(() -> Delivery.send("fill the deferred reply to " + displayName(),
                            () -> this.event.getHook().sendMessage(build.get()).setEphemeral(ephemeral)));
                }
                else {
                    DiscordRequests.queue(this.event.getHook().editOriginal(MessageEditData.fromCreateData(message)),
                            null, (failure) -> logFailure("fill the deferred reply to " + displayName(), failure));
                }
            }
            default -> {
                if (userInstallOnly() && this.followUps.incrementAndGet() > MAX_USER_INSTALL_FOLLOW_UPS) {
                    log.error(
                            "Not sent: a follow-up on {} beyond the {} Discord allows to an app installed to the"
                                    + " user only (not to this server or as a bot here); send fewer, longer replies",
                            displayName(), MAX_USER_INSTALL_FOLLOW_UPS);
                    return;
                }
                enqueue(() -> Delivery.send("follow up on " + displayName(),
                        () -> this.event.getHook().sendMessage(build.get()).setEphemeral(ephemeral)));
            }
        }
    }

    /**
     * Whether the app runs here only because the user installed it: Discord then allows
     * few follow-ups.
     */
    private boolean userInstallOnly() {
        IntegrationOwners owners = this.event.getIntegrationOwners();
        return owners.isUserIntegration() && !owners.isGuildIntegration();
    }

    @Override
    void update(MessageEditData edit) {
        if (take(Acknowledgement.ANSWERED) == Acknowledgement.NONE) {
            this.support.metrics().acknowledged(this.event, false);
            DiscordRequests.queue(((IMessageEditCallback) this.event).editMessage(edit), null,
                    (failure) -> logFailure("update the message of " + displayName(), failure));
        }
        else {
            enqueue(() -> Delivery.send("update the message of " + displayName(),
                    () -> this.event.getHook().editOriginal(edit)));
        }
    }

    @Override
    public void openModal(Modal modal) {
        if (!(this.event instanceof IModalCallback callback)) {
            throw new IllegalStateException(
                    displayName() + " cannot open a form: Discord allows no form in answer" + " to a form");
        }
        net.dv8tion.jda.api.modals.Modal form = modal.toJda();
        // remembered before it is sent, so that its submission finds it
        this.support.forms().opened(this.event.getUser().getIdLong(), OfferedForm.of(form));
        if (take(Acknowledgement.ANSWERED) != Acknowledgement.NONE) {
            // a form must be the first answer; a slow handler was deferred already
            reply(Reply.of(text("interaction.form-too-late")).ephemeral());
            return;
        }
        this.support.metrics().acknowledged(this.event, false);
        DiscordRequests.queue(callback.replyModal(form), null,
                (failure) -> logFailure("open a form for " + displayName(), failure));
    }

    /**
     * Nothing was sent: a click is acknowledged without a change, a command or a form
     * gets a short private "Done." (and a deferred "thinking…" is filled with it).
     */
    @Override
    public void finish() {
        Acknowledgement now;
        synchronized (this) {
            now = this.acknowledgement;
        }
        if (now == Acknowledgement.NONE && defersAsUpdate()) {
            defer();
        }
        else if (now == Acknowledgement.NONE || now == Acknowledgement.DEFERRED_REPLY) {
            reply(Reply.of(text("interaction.done")).ephemeral());
        }
    }

}
