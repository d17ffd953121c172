package io.github.jdaboot.interaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.jdaboot.interaction.annotation.ComponentHandler;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.SelectMenu;
import org.jspecify.annotations.Nullable;

/**
 * What a handler answers: text, optionally only visible to the user (interactions), with
 * files, with buttons and select menus; or, for a click, an update of the clicked
 * message. Text longer than a Discord message is split, or sent as a file, by the
 * framework. Replies never ping anyone: {@code @everyone}, {@code @here}, roles and users
 * in the text are shown but not notified.
 * <p>
 * A component is handled in one of two ways. With a custom id, it is routed to the
 * {@link ComponentHandler @ComponentHandler} whose template matches, also after a
 * restart, since all its state is in the id ({@link #withButtons(Button...)}). Or it
 * comes with a callback kept in memory for
 * {@code discord.commands.components.expire-after}
 * ({@link #withButton(ButtonStyle, String, ComponentCallback)}); a click after that is
 * told, politely, that the button has expired.
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

    /**
     * A component whose clicks go to a callback; its custom id is given when the reply is
     * sent.
     */
    public record Callback(ActionRowChildComponent component, ComponentCallback callback) {
    }

    private final String content;

    private final boolean ephemeral;

    private final boolean update;

    private final List<File> files;

    private final @Nullable List<List<Object>> rows;

    private Reply(String content, boolean ephemeral, boolean update, List<File> files,
            @Nullable List<List<Object>> rows) {
        this.content = Objects.requireNonNull(content, "content");
        this.ephemeral = ephemeral;
        this.update = update;
        this.files = List.copyOf(files);
        this.rows = (rows != null) ? rows.stream().map(List::copyOf).toList() : null;
    }

    /** A reply with this text. */
    public static Reply of(String content) {
        return new Reply(content, false, false, List.of(), null);
    }

    /**
     * For a click on a component (or a form opened from one): this text replaces the
     * clicked message's text; its components stay unless the update sets others
     * ({@link #withButtons(Button...)}) or removes them ({@link #withoutComponents()}).
     * Anywhere else, it is an ordinary reply.
     */
    public static Reply update(String content) {
        return new Reply(content, false, true, List.of(), null);
    }

    /**
     * The same reply, visible only to the user who acted (slash commands, clicks and
     * forms; prefix replies are public).
     */
    public Reply ephemeral() {
        return new Reply(this.content, true, this.update, this.files, this.rows);
    }

    /** The same reply with a file attached. */
    public Reply withFile(String name, byte[] data) {
        List<File> more = new ArrayList<>(this.files);
        more.add(new File(name, data));
        return new Reply(this.content, this.ephemeral, this.update, more, this.rows);
    }

    /** The same reply with a UTF-8 text file attached. */
    public Reply withFile(String name, String text) {
        return withFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same reply with a row of buttons, routed by their custom ids to
     * {@link ComponentHandler @ComponentHandler} methods.
     */
    public Reply withButtons(Button... buttons) {
        return withRow(List.of((Object[]) buttons));
    }

    /** The same reply with a select menu in a row of its own, routed by its custom id. */
    public Reply withSelect(SelectMenu menu) {
        return withRow(List.of(menu));
    }

    /** The same reply with these rows of components. */
    public Reply withComponents(ActionRow... rows) {
        Reply reply = this;
        for (ActionRow row : rows) {
            reply = reply.withRow(new ArrayList<>(row.getComponents()));
        }
        return reply;
    }

    /**
     * The same reply with a button whose clicks go to the callback, kept in memory (it
     * does not survive a restart, and expires). Buttons added this way one after the
     * other share a row.
     */
    public Reply withButton(ButtonStyle style, String label, ComponentCallback callback) {
        Callback button = new Callback(Button.of(style, "~", label), callback);
        List<List<Object>> more = new ArrayList<>(rows());
        if (!more.isEmpty() && more.getLast().size() < 5 && more.getLast().getFirst() instanceof Callback previous
                && previous.component() instanceof Button) {
            List<Object> last = new ArrayList<>(more.removeLast());
            last.add(button);
            more.add(last);
        }
        else {
            more.add(List.of(button));
        }
        return new Reply(this.content, this.ephemeral, this.update, this.files, more);
    }

    /**
     * The same reply with a select menu whose choices go to the callback, kept in memory
     * (it expires).
     */
    public Reply withSelect(SelectMenu menu, ComponentCallback callback) {
        return withRow(List.of(new Callback(menu, callback)));
    }

    /** For an update: the clicked message loses its components. */
    public Reply withoutComponents() {
        return new Reply(this.content, this.ephemeral, this.update, this.files, List.of());
    }

    private Reply withRow(List<Object> row) {
        List<List<Object>> more = new ArrayList<>(rows());
        more.add(row);
        return new Reply(this.content, this.ephemeral, this.update, this.files, more);
    }

    private List<List<Object>> rows() {
        return (this.rows != null) ? this.rows : List.of();
    }

    public String content() {
        return this.content;
    }

    public boolean isEphemeral() {
        return this.ephemeral;
    }

    /** Whether this updates the clicked message instead of answering with a new one. */
    public boolean isUpdate() {
        return this.update;
    }

    public List<File> files() {
        return this.files;
    }

    /**
     * The rows of components: each element a JDA component, or a {@link Callback}; null
     * when the reply leaves components as they are (an update that does not touch them).
     */
    public @Nullable List<List<Object>> componentRows() {
        return this.rows;
    }

    @Override
    public String toString() {
        return "Reply[" + this.content.length() + " chars" + (this.ephemeral ? ", ephemeral" : "")
                + (this.update ? ", update" : "") + (this.files.isEmpty() ? "" : ", " + this.files.size() + " file(s)")
                + ((this.rows == null || this.rows.isEmpty()) ? "" : ", " + this.rows.size() + " row(s)") + "]";
    }

}
