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

    /** Read when an option first asks: most commands take none. */
    private @Nullable Deque<PrefixTokenizer.Token> words;

    private @Nullable Deque<Message.Attachment> files;

    private final MessageReceivedEvent event;

    PrefixInput(String text, MessageReceivedEvent event) {
        this.text = text;
        this.event = event;
    }

    /** The next word (a quoted one without its quotes); null when nothing is left. */
    public @Nullable String next() {
        PrefixTokenizer.Token word = words().pollFirst();
        return (word != null) ? word.text() : null;
    }

    /**
     * The rest of the text, as typed (a single quoted word without its quotes), for the
     * option that takes it ({@code OptionSpec.rest()}); null when nothing is left.
     */
    public @Nullable String rest() {
        Deque<PrefixTokenizer.Token> words = words();
        PrefixTokenizer.Token word = words.pollFirst();
        if (word == null) {
            return null;
        }
        boolean last = words.isEmpty();
        words.clear();
        return (last && word.quoted()) ? word.text() : this.text.substring(word.start()).strip();
    }

    /** The next file attached to the message, or null. */
    public Message.@Nullable Attachment nextAttachment() {
        Deque<Message.Attachment> files = this.files;
        if (files == null) {
            files = new ArrayDeque<>(this.event.getMessage().getAttachments());
            this.files = files;
        }
        return files.pollFirst();
    }

    private Deque<PrefixTokenizer.Token> words() {
        Deque<PrefixTokenizer.Token> words = this.words;
        if (words == null) {
            words = new ArrayDeque<>(PrefixTokenizer.tokenize(this.text));
            this.words = words;
        }
        return words;
    }

    /** The message: for mentions of users, roles and channels in its text. */
    public Message message() {
        return this.event.getMessage();
    }

}
