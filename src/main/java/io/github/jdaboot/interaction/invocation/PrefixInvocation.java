package io.github.jdaboot.interaction.invocation;

import java.util.Locale;
import java.util.function.Supplier;

import io.github.jdaboot.discord.DiscordRequests;
import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;

/**
 * A prefix command run: the first message replies to the user's message (a Discord reply
 * with a message reference), later ones follow in the channel. Replies are public;
 * ephemeral is an interaction's notion, and so are forms.
 */
public final class PrefixInvocation extends Invocation implements CommandContext {

    private final String commandName;

    private final Supplier<String> usage;

    private final MessageReceivedEvent event;

    private final String prefix;

    private final PrefixInput input;

    private int sent;

    /**
     * A run of a prefix command.
     * @param commandName the command as typed without the prefix: {@code idea} or
     * {@code tag add}
     * @param usage its usage line without the prefix: {@code idea [topic]} (made only
     * when a reply needs it, as when an argument is missing)
     * @param prefix the prefix: {@code .}
     * @param arguments the text after the command's name
     */
    public PrefixInvocation(HandlerMethod handler, String commandName, Supplier<String> usage,
            MessageReceivedEvent event, String prefix, String arguments, InvocationSupport support) {
        super(handler, support);
        this.commandName = commandName;
        this.usage = usage;
        this.event = event;
        this.prefix = prefix;
        this.input = new PrefixInput(arguments, event);
    }

    public PrefixInput input() {
        return this.input;
    }

    @Override
    public HandlerKind kind() {
        return HandlerKind.PREFIX_COMMAND;
    }

    @Override
    public String displayName() {
        return this.prefix + this.commandName;
    }

    @Override
    public String key() {
        return this.commandName;
    }

    @Override
    public String usage() {
        return this.prefix + this.usage.get();
    }

    @Override
    public Message message() {
        return this.event.getMessage();
    }

    @Override
    public CommandSurface surface() {
        return CommandSurface.PREFIX;
    }

    @Override
    public String commandName() {
        return this.commandName;
    }

    @Override
    public User user() {
        return this.event.getAuthor();
    }

    @Override
    public @Nullable Member member() {
        return this.event.getMember();
    }

    @Override
    public @Nullable Guild guild() {
        return this.event.isFromGuild() ? this.event.getGuild() : null;
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

    /** The server's language ({@code preferred_locale}); English in a direct message. */
    @Override
    public Locale locale() {
        return this.event.isFromGuild() ? locale(this.event.getGuild().getLocale()) : Locale.US;
    }

    @Override
    public void defer() {
        DiscordRequests.queue(this.event.getChannel().sendTyping(), null,
                (failure) -> logFailure("show typing", failure));
    }

    @Override
    public void openModal(Modal modal) {
        reply(Reply.of(text("interaction.prefix.form", this.commandName)));
    }

    /**
     * Each message carries a nonce made from the user's message id and its place in the
     * answer, and Discord returns the stored message for a repeated nonce: a retry never
     * posts twice. What waits to be sent (and retried) holds the channel and the message
     * id only, not the event: with many replies queued (JDA sends one request per channel
     * at a time), the received messages would stay in memory as long.
     */
    @Override
    synchronized void send(Supplier<MessageCreateData> message, boolean ephemeral) {
        int index = this.sent++;
        MessageChannel channel = this.event.getChannel();
        String messageId = this.event.getMessageId();
        String nonce = "r" + messageId + "-" + index;
        if (index == 0) {
            String what = "reply to prefix command " + commandName();
            enqueue(() -> Delivery.send(what,
                    () -> channel.sendMessage(message.get()).setMessageReference(messageId).setNonce(nonce)));
        }
        else {
            String what = "follow up on prefix command " + commandName();
            enqueue(() -> Delivery.send(what, () -> channel.sendMessage(message.get()).setNonce(nonce)));
        }
    }

}
