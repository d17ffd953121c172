package io.github.jdaboot.interaction.invocation;

import java.util.ArrayDeque;
import java.util.Deque;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.jspecify.annotations.Nullable;

/**
 * The text of a prefix command after its name, read option by option: words,
 * {@code "quoted text"}, and the rest of the line for the last text option; and the
 * message's attachments.
 */
public final class PrefixInput {

    private final String text;

    private final Deque<PrefixTokenizer.Token> words;

    private final Deque<Message.Attachment> files;

    private final MessageReceivedEvent event;

    PrefixInput(String text, MessageReceivedEvent event) {
        this.text = text;
        this.words = new ArrayDeque<>(PrefixTokenizer.tokenize(text));
        this.files = new ArrayDeque<>(event.getMessage().getAttachments());
        this.event = event;
    }

    /** The next word (a quoted one without its quotes); null when nothing is left. */
    public @Nullable String next() {
        PrefixTokenizer.Token word = this.words.pollFirst();
        return (word != null) ? word.text() : null;
    }

    /**
     * The rest of the text, as typed (a single quoted word without its quotes), for the
     * option that takes it ({@code OptionSpec.rest()}); null when nothing is left.
     */
    public @Nullable String rest() {
        PrefixTokenizer.Token word = this.words.pollFirst();
        if (word == null) {
            return null;
        }
        boolean last = this.words.isEmpty();
        this.words.clear();
        return (last && word.quoted()) ? word.text() : this.text.substring(word.start()).strip();
    }

    /** The next file attached to the message, or null. */
    public Message.@Nullable Attachment nextAttachment() {
        return this.files.pollFirst();
    }

    /** The message: for mentions of users, roles and channels in its text. */
    public Message message() {
        return this.event.getMessage();
    }

}
