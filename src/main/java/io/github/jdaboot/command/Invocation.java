package io.github.jdaboot.command;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a command, and how its replies reach Discord. Subclasses know the surface: a slash
 * command answers its interaction (deferring it when slow), a prefix command replies to the message.
 * Every reply goes out with no mentions allowed, so nothing in it pings anyone.
 */
abstract class Invocation implements CommandContext {

    private static final Logger log = LoggerFactory.getLogger(Invocation.class);

    static final String LONG_REPLY_NOTE = "The answer is long, so here it is as a file.";

    private final CommandDefinition command;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean replied = new AtomicBoolean();

    /** Everything sent for this run so far, in order; each message goes out once the one before is sent. */
    private CompletableFuture<?> outbox = CompletableFuture.completedFuture(null);

    Invocation(CommandDefinition command) {
        this.command = command;
    }

    CommandDefinition command() {
        return this.command;
    }

    long startedNanos() {
        return this.startedNanos;
    }

    @Override
    public String commandName() {
        return this.command.fullName();
    }

    /** Whether anything was sent for this run yet. */
    boolean hasReplied() {
        return this.replied.get();
    }

    @Override
    public void reply(String content) {
        reply(Reply.of(content));
    }

    @Override
    public void reply(Reply reply) {
        boolean ephemeral = reply.isEphemeral() || this.command.ephemeral();
        int parts = messages(reply).size();
        for (int i = 0; i < parts; i++) {
            int part = i;
            this.replied.set(true);
            send(() -> messages(reply).get(part), ephemeral);
        }
    }

    /** Sends a handler's {@code MessageCreateData} as it is, but with no mentions allowed. */
    void reply(MessageCreateData data) {
        this.replied.set(true);
        send(() -> MessageCreateBuilder.from(data).setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionRepliedUser(false).build(), this.command.ephemeral());
    }

    /**
     * Sends one message, after the ones before it and without waiting for it: the first answers the
     * command, the rest follow up. The supplier builds the message afresh for each attempt.
     */
    abstract void send(java.util.function.Supplier<MessageCreateData> message, boolean ephemeral);

    /** Starts the sending once everything before it is sent (at once when nothing is pending). */
    final synchronized void enqueue(java.util.function.Supplier<CompletableFuture<Boolean>> sending) {
        this.outbox = this.outbox.thenCompose((previous) -> sending.get());
    }

    /** Completes when every message of this run so far has been sent, or given up on. */
    final synchronized CompletableFuture<?> allSent() {
        return this.outbox;
    }

    /** The Discord messages for a reply: its text split to fit, or attached as a file when very long. */
    static List<MessageCreateData> messages(Reply reply) {
        List<String> chunks = reply.content().isEmpty() ? List.of("") : ReplyChunker.split(reply.content());
        List<FileUpload> files = reply.files().stream().map((file) -> FileUpload.fromData(file.data(), file.name()))
            .toList();
        if (chunks.isEmpty()) {
            return List.of(builder(LONG_REPLY_NOTE)
                .addFiles(FileUpload.fromData(reply.content().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "reply.txt"))
                .addFiles(files)
                .build());
        }
        java.util.ArrayList<MessageCreateData> messages = new java.util.ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            MessageCreateBuilder builder = builder(chunks.get(i));
            if (i == chunks.size() - 1) {
                builder.addFiles(files);
            }
            if (!builder.isEmpty()) {
                messages.add(builder.build());
            }
        }
        return messages;
    }

    private static MessageCreateBuilder builder(String content) {
        return new MessageCreateBuilder().setContent(withoutLoneSurrogates(content))
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionRepliedUser(false);
    }

    /** Text as Discord can store it: an unpaired surrogate (invalid UTF-16, e.g. echoed user input) becomes U+FFFD. */
    static String withoutLoneSurrogates(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (clean != null) {
                    clean.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (clean == null) {
                    clean = new StringBuilder(text.length()).append(text, 0, i);
                }
                clean.append('\uFFFD');
            }
            else if (clean != null) {
                clean.append(c);
            }
        }
        return (clean != null) ? clean.toString() : text;
    }

    static void logFailure(String what, Throwable failure) {
        log.warn("Could not {}: {}", what, failure.toString());
    }
}
