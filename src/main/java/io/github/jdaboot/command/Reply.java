package io.github.jdaboot.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a command answers: text, optionally only visible to the user (slash commands), optionally
 * with files. Text longer than a Discord message is split, or sent as a file, by the framework.
 * Replies never ping anyone: {@code @everyone}, {@code @here}, roles and users in the text are shown
 * but not notified.
 */
public final class Reply {

    /**
     * A file attached to a reply.
     *
     * @param name the file name shown in Discord
     * @param data the content
     */
    public record File(String name, byte[] data) {

        public File {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }
    }

    private final String content;
    private final boolean ephemeral;
    private final List<File> files;

    private Reply(String content, boolean ephemeral, List<File> files) {
        this.content = Objects.requireNonNull(content, "content");
        this.ephemeral = ephemeral;
        this.files = List.copyOf(files);
    }

    /** A reply with this text. */
    public static Reply of(String content) {
        return new Reply(content, false, List.of());
    }

    /** The same reply, visible only to the user who ran the slash command (prefix replies are public). */
    public Reply ephemeral() {
        return new Reply(this.content, true, this.files);
    }

    /** The same reply with a file attached. */
    public Reply withFile(String name, byte[] data) {
        List<File> more = new ArrayList<>(this.files);
        more.add(new File(name, data));
        return new Reply(this.content, this.ephemeral, more);
    }

    /** The same reply with a UTF-8 text file attached. */
    public Reply withFile(String name, String text) {
        return withFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public String content() {
        return this.content;
    }

    public boolean isEphemeral() {
        return this.ephemeral;
    }

    public List<File> files() {
        return this.files;
    }

    @Override
    public String toString() {
        return "Reply[" + this.content.length() + " chars" + (this.ephemeral ? ", ephemeral" : "")
                + (this.files.isEmpty() ? "" : ", " + this.files.size() + " file(s)") + "]";
    }
}
