package io.github.jdaboot.interaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.jdaboot.interaction.annotation.ComponentHandler;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.SelectMenu;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import org.jspecify.annotations.Nullable;

/**
 * What a handler answers: text, optionally only visible to the user (interactions), with
 * files, with buttons and select menus, or with a poll; a layout of Discord's components
 * (Components V2: containers, sections, text, galleries, files, separators); or, for a
 * click, an update of the clicked message. Text longer than a Discord message is split,
 * or sent as a file, by the framework; a layout is one message, and one over Discord's
 * limits fails the run with a {@link MessageLimitException} before anything is sent.
 * Replies never ping anyone: {@code @everyone}, {@code @here}, roles and users in the
 * text are shown but not notified.
 * <p>
 * A component is handled in one of two ways. With a custom id, it is routed to the
 * {@link ComponentHandler @ComponentHandler} whose template matches, also after a
 * restart, since all its state is in the id ({@link #withButtons(Button...)}), wherever
 * it is in a layout. Or it comes with a callback kept in memory for
 * {@code discord.commands.components.expire-after}
 * ({@link #withButton(ButtonStyle, String, ComponentCallback)}, or
 * {@link #withCallback(String, ComponentCallback)} for a component of a layout); a click
 * after that is told, politely, that the button has expired.
 */
public final class Reply {

    /** Custom ids of components whose clicks go to a {@link #withCallback callback}. */
    public static final String CALLBACK_PREFIX = "~";

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

    private final @Nullable List<MessageTopLevelComponent> layout;

    private final Map<String, ComponentCallback> callbacks;

    private final @Nullable Poll poll;

    private Reply(String content, boolean ephemeral, boolean update, List<File> files,
            @Nullable List<List<Object>> rows, @Nullable List<MessageTopLevelComponent> layout,
            Map<String, ComponentCallback> callbacks, @Nullable Poll poll) {
        this.content = Objects.requireNonNull(content, "content");
        this.ephemeral = ephemeral;
        this.update = update;
        this.files = List.copyOf(files);
        this.rows = (rows != null) ? rows.stream().map(List::copyOf).toList() : null;
        this.layout = (layout != null) ? List.copyOf(layout) : null;
        this.callbacks = new LinkedHashMap<>(callbacks);
        this.poll = poll;
    }

    private Reply(String content, boolean update, @Nullable List<MessageTopLevelComponent> layout) {
        this(content, false, update, List.of(), null, layout, Map.of(), null);
    }

    /** A reply with this text. */
    public static Reply of(String content) {
        return new Reply(content, false, null);
    }

    /**
     * For a click on a component (or a form opened from one): this text replaces the
     * clicked message's text; its components stay unless the update sets others
     * ({@link #withButtons(Button...)}) or removes them ({@link #withoutComponents()}).
     * Anywhere else, it is an ordinary reply. A message with a layout has no text to
     * replace: update it with {@link #update(MessageTopLevelComponent...)}.
     */
    public static Reply update(String content) {
        return new Reply(content, true, null);
    }

    /**
     * A message laid out with Discord's components (Components V2): JDA's containers,
     * sections, text displays, media galleries, files, separators and action rows. The
     * framework sets Discord's {@code IS_COMPONENTS_V2} flag; such a message has no text
     * outside its components. Files it shows from {@code attachment://name} URLs are
     * attached with {@link #withFile(String, byte[])}, or given to JDA's components as
     * {@code FileUpload}s.
     *
     * <pre>{@code
     * return Reply.layout(Container.of(
     *         Section.of(Button.primary("idea:another", "Another"), TextDisplay.of("## " + idea)),
     *         Separator.createDivider(Separator.Spacing.SMALL),
     *         ActionRow.of(topics)).withAccentColor(0x5865F2));
     * }</pre>
     */
    public static Reply layout(MessageTopLevelComponent... components) {
        return layout(Arrays.asList(components));
    }

    /**
     * A message laid out with these components
     * ({@link #layout(MessageTopLevelComponent...)}).
     */
    public static Reply layout(List<? extends MessageTopLevelComponent> components) {
        return new Reply("", false, List.copyOf(components));
    }

    /**
     * For a click on a component: the clicked message is laid out with these components
     * instead (it becomes, or stays, a Components V2 message). Anywhere else, it is an
     * ordinary {@link #layout(MessageTopLevelComponent...) layout} reply.
     */
    public static Reply update(MessageTopLevelComponent... components) {
        return update(Arrays.asList(components));
    }

    /** For a click on a component: the clicked message is laid out with these instead. */
    public static Reply update(List<? extends MessageTopLevelComponent> components) {
        return new Reply("", true, List.copyOf(components));
    }

    /**
     * A message with a poll, for the channel to vote on; votes and the poll's end reach
     * {@code @EventListener} methods as JDA's events.
     */
    public static Reply poll(Poll poll) {
        return of("").withPoll(poll);
    }

    /** A message with JDA's poll. */
    public static Reply poll(MessagePollData poll) {
        return of("").withPoll(Poll.from(poll));
    }

    /**
     * The same reply, visible only to the user who acted (slash commands, clicks and
     * forms; prefix replies are public).
     */
    public Reply ephemeral() {
        return new Reply(this.content, true, this.update, this.files, this.rows, this.layout, this.callbacks,
                this.poll);
    }

    /**
     * The same reply with a file attached; a layout shows it only where a component
     * refers to it as {@code attachment://name}.
     */
    public Reply withFile(String name, byte[] data) {
        List<File> more = new ArrayList<>(this.files);
        more.add(new File(name, data));
        return new Reply(this.content, this.ephemeral, this.update, more, this.rows, this.layout, this.callbacks,
                this.poll);
    }

    /** The same reply with a UTF-8 text file attached. */
    public Reply withFile(String name, String text) {
        return withFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The same text with a poll below it ({@link #poll(Poll)}). */
    public Reply withPoll(Poll poll) {
        return new Reply(this.content, this.ephemeral, this.update, this.files, this.rows, this.layout, this.callbacks,
                Objects.requireNonNull(poll, "poll"));
    }

    /**
     * The same reply with a row of buttons, routed by their custom ids to
     * {@link ComponentHandler @ComponentHandler} methods; in a layout, the row comes
     * after its components.
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
        Callback button = new Callback(Button.of(style, CALLBACK_PREFIX, label), callback);
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
        return new Reply(this.content, this.ephemeral, this.update, this.files, more, this.layout, this.callbacks,
                this.poll);
    }

    /**
     * The same reply with a select menu whose choices go to the callback, kept in memory
     * (it expires).
     */
    public Reply withSelect(SelectMenu menu, ComponentCallback callback) {
        return withRow(List.of(new Callback(menu, callback)));
    }

    /**
     * The same reply, with the clicks on its component of this custom id going to the
     * callback, kept in memory (it expires): for a button or menu anywhere in a layout
     * ({@code Button.danger("~delete", "Delete")} in a section, with
     * {@code withCallback("~delete", ...)}). The id starts with {@value #CALLBACK_PREFIX}
     * and is replaced by a fresh one when the reply is sent; a component with such an id
     * and no callback, or a callback for an id no component has, fails the run.
     */
    public Reply withCallback(String customId, ComponentCallback callback) {
        Objects.requireNonNull(customId, "customId");
        Objects.requireNonNull(callback, "callback");
        if (!customId.startsWith(CALLBACK_PREFIX) || customId.length() == 1) {
            throw new IllegalArgumentException(
                    "A custom id with a callback starts with " + CALLBACK_PREFIX + " and names it: '" + customId + "'");
        }
        if (this.callbacks.containsKey(customId)) {
            throw new IllegalArgumentException("The custom id '" + customId + "' has a callback already");
        }
        Map<String, ComponentCallback> more = new LinkedHashMap<>(this.callbacks);
        more.put(customId, callback);
        return new Reply(this.content, this.ephemeral, this.update, this.files, this.rows, this.layout, more,
                this.poll);
    }

    /**
     * For an update: the clicked message loses the components it has outside a layout.
     */
    public Reply withoutComponents() {
        return new Reply(this.content, this.ephemeral, this.update, this.files, List.of(), this.layout, this.callbacks,
                this.poll);
    }

    private Reply withRow(List<Object> row) {
        List<List<Object>> more = new ArrayList<>(rows());
        more.add(row);
        return new Reply(this.content, this.ephemeral, this.update, this.files, more, this.layout, this.callbacks,
                this.poll);
    }

    private List<List<Object>> rows() {
        return (this.rows != null) ? this.rows : List.of();
    }

    /** The text; empty for a layout. */
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
     * In a layout they follow its components.
     */
    public @Nullable List<List<Object>> componentRows() {
        return this.rows;
    }

    /**
     * The components of a layout (a Components V2 message), or null for a message of
     * text.
     */
    public @Nullable List<MessageTopLevelComponent> layout() {
        return this.layout;
    }

    /** Whether this is a layout: a Components V2 message. */
    public boolean isLayout() {
        return this.layout != null;
    }

    /** The callbacks by the custom id of their component ({@link #withCallback}). */
    public Map<String, ComponentCallback> callbacks() {
        return Map.copyOf(this.callbacks);
    }

    /** The poll, or null. */
    public @Nullable Poll poll() {
        return this.poll;
    }

    @Override
    public String toString() {
        return "Reply["
                + ((this.layout != null) ? this.layout.size() + " component(s)" : this.content.length() + " chars")
                + (this.ephemeral ? ", ephemeral" : "") + (this.update ? ", update" : "")
                + (this.files.isEmpty() ? "" : ", " + this.files.size() + " file(s)")
                + ((this.rows == null || this.rows.isEmpty()) ? "" : ", " + this.rows.size() + " row(s)")
                + ((this.poll != null) ? ", poll" : "") + "]";
    }

}
