package io.github.jdaboot.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import org.jspecify.annotations.Nullable;

/**
 * A form the user fills in, opened in answer to a slash command or a click: return it
 * from the handler. Its submission goes to the {@link ModalHandler @ModalHandler} whose
 * template matches its custom id, with each text field bound to a {@link Field @Field}
 * parameter. Discord's client enforces the required fields and lengths; the framework
 * checks them again, since a client can be modified.
 *
 * <pre>{@code
 * &#64;Command(name = "suggest", description = "Suggest an idea")
 * Modal suggest() {
 *     return Modal.of("suggest", "Suggest an idea").withText("idea", "Your idea", Modal.Style.LONG);
 * }
 * }</pre>
 */
public final class Modal {

    /** How big a text field is. */
    public enum Style {

        /** One line. */
        SHORT,

        /** A paragraph. */
        LONG

    }

    /**
     * One text field.
     *
     * @param id its id, the {@link Field @Field} name
     * @param label what the user sees above it, at most 45 characters
     * @param style one line or a paragraph
     * @param required whether it must be filled in
     * @param minLength the fewest characters accepted
     * @param maxLength the most characters accepted, at most 4,000
     * @param placeholder shown while it is empty, or null
     * @param value what it is filled with at first, or null
     */
    public record Text(String id, String label, Style style, boolean required, int minLength, int maxLength,
            @Nullable String placeholder, @Nullable String value) {

        /** The same field, which may be left empty. */
        public Text optional() {
            return new Text(this.id, this.label, this.style, false, 0, this.maxLength, this.placeholder, this.value);
        }

        /** The same field, taking between {@code min} and {@code max} characters. */
        public Text length(int min, int max) {
            return new Text(this.id, this.label, this.style, this.required, min, max, this.placeholder, this.value);
        }

        /** The same field with a placeholder. */
        public Text placeholder(String placeholder) {
            return new Text(this.id, this.label, this.style, this.required, this.minLength, this.maxLength, placeholder,
                    this.value);
        }

        /** The same field, filled with a value at first. */
        public Text value(String value) {
            return new Text(this.id, this.label, this.style, this.required, this.minLength, this.maxLength,
                    this.placeholder, value);
        }

    }

    private final String customId;

    private final String title;

    private final List<Text> fields;

    private Modal(String customId, String title, List<Text> fields) {
        this.customId = Objects.requireNonNull(customId, "customId");
        this.title = Objects.requireNonNull(title, "title");
        this.fields = List.copyOf(fields);
    }

    /**
     * A form with this custom id (routed to a {@link ModalHandler @ModalHandler}) and
     * title (at most 45 characters).
     */
    public static Modal of(String customId, String title) {
        return new Modal(customId, title, List.of());
    }

    /** A required text field of up to 4,000 characters. */
    public static Text text(String id, String label, Style style) {
        return new Text(id, label, style, true, 0, TextInput.MAX_VALUE_LENGTH, null, null);
    }

    /** The same form with a required text field. */
    public Modal withText(String id, String label, Style style) {
        return withText(text(id, label, style));
    }

    /** The same form with this text field. */
    public Modal withText(Text field) {
        List<Text> more = new ArrayList<>(this.fields);
        more.add(field);
        return new Modal(this.customId, this.title, more);
    }

    public String customId() {
        return this.customId;
    }

    public String title() {
        return this.title;
    }

    public List<Text> fields() {
        return this.fields;
    }

    /**
     * The form as JDA sends it.
     * @throws IllegalArgumentException when it breaks one of Discord's limits (title,
     * labels, lengths, at most 5 fields)
     */
    public net.dv8tion.jda.api.modals.Modal toJda() {
        var builder = net.dv8tion.jda.api.modals.Modal.create(this.customId, this.title);
        for (Text field : this.fields) {
            TextInput.Builder input = TextInput
                .create(field.id(), (field.style() == Style.LONG) ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                .setRequired(field.required())
                .setRequiredRange(field.minLength(), field.maxLength());
            if (field.placeholder() != null) {
                input.setPlaceholder(field.placeholder());
            }
            if (field.value() != null) {
                input.setValue(field.value());
            }
            builder.addComponents(Label.of(field.label(), input.build()));
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return "Modal[" + this.customId + ", " + this.fields.size() + " field(s)]";
    }

}
