package io.github.jdaboot.command;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.jspecify.annotations.Nullable;

/**
 * A slash command run. The interaction is acknowledged exactly once: by the first reply if it comes
 * in time, or by a deferral ("thinking…") when the handler is slow, in which case the first reply
 * fills in the deferred message and later ones follow up.
 */
final class SlashInvocation extends Invocation {

    private enum Acknowledgement {
        NONE, REPLIED, DEFERRED, DEFERRED_AND_FILLED
    }

    private final SlashCommandInteractionEvent event;
    private final CommandMetrics recorder;
    private Acknowledgement acknowledgement = Acknowledgement.NONE;

    SlashInvocation(CommandDefinition command, SlashCommandInteractionEvent event, CommandMetrics recorder) {
        super(command);
        this.event = event;
        this.recorder = recorder;
    }

    @Override
    public CommandSurface surface() {
        return CommandSurface.SLASH;
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
        return this.event.getChannel();
    }

    @Override
    public JDA jda() {
        return this.event.getJDA();
    }

    @Override
    public GenericEvent event() {
        return this.event;
    }

    SlashCommandInteractionEvent slashEvent() {
        return this.event;
    }

    /** Defers now unless already acknowledged; called by the framework when the handler is slow. */
    @Override
    public void defer() {
        synchronized (this) {
            if (this.acknowledgement != Acknowledgement.NONE) {
                return;
            }
            this.acknowledgement = Acknowledgement.DEFERRED;
        }
        this.recorder.acknowledged(this.event, true);
        this.event.deferReply(command().ephemeral())
            .queue(null, (failure) -> logFailure("defer /" + commandName(), failure));
    }

    @Override
    void send(java.util.function.Supplier<MessageCreateData> build, boolean ephemeral) {
        MessageCreateData message = build.get();
        Acknowledgement before;
        synchronized (this) {
            before = this.acknowledgement;
            this.acknowledgement = switch (before) {
                case NONE -> Acknowledgement.REPLIED;
                case DEFERRED -> Acknowledgement.DEFERRED_AND_FILLED;
                default -> before;
            };
        }
        // JDA acknowledges an interaction once and then routes everything through its hook, so only the
        // follow-ups can be retried; a failed acknowledgement fails the hook for good
        switch (before) {
            case NONE -> {
                this.recorder.acknowledged(this.event, false);
                this.event.reply(message).setEphemeral(ephemeral)
                    .queue(null, (failure) -> logFailure("reply to /" + commandName(), failure));
            }
            case DEFERRED -> this.event.getHook().editOriginal(MessageEditData.fromCreateData(message))
                .queue(null, (failure) -> logFailure("fill the deferred reply to /" + commandName(), failure));
            default -> enqueue(() -> Delivery.send("follow up on /" + commandName(),
                    () -> this.event.getHook().sendMessage(build.get()).setEphemeral(ephemeral)));
        }
    }
}
