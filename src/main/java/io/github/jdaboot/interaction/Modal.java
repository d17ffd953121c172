package io.github.jdaboot.interaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import net.dv8tion.jda.api.components.ModalTopLevelComponent;
import net.dv8tion.jda.api.components.attachmentupload.AttachmentUpload;
import net.dv8tion.jda.api.components.checkbox.Checkbox;
import net.dv8tion.jda.api.components.checkboxgroup.CheckboxGroup;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.radiogroup.RadioGroup;
import net.dv8tion.jda.api.components.radiogroup.RadioGroupOption;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import org.jspecify.annotations.Nullable;

/**
 * A form the user fills in, opened in answer to a slash command or a click: return it
 * from the handler. Its submission goes to the {@link ModalHandler @ModalHandler} whose
 * template matches its custom id, with each field bound to a {@link Field @Field}
 * parameter by its id.
 * <p>
 * A form holds up to five of Discord's modal components, JDA's own types: a {@link Label}
 * around a text input, a string, user, role, mentionable or channel select menu, a radio
 * group, a checkbox, a checkbox group or a file upload; and {@link TextDisplay text
 * displays} between them. The framework remembers the form it opened for the user, and
 * checks the submission against it before the handler runs: a field the form did not
 * have, a value it did not offer, a required field left empty, a text too short or too
 * long, too few or too many choices are refused politely, since a client can be modified.
 *
 * <pre>{@code
 * &#64;Command(name = "suggest", description = "Suggest an idea")
 * Modal suggest() {
 *     return Modal.of("suggest", "Suggest an idea")
 *         .withText("idea", "Your idea", Modal.Style.LONG)
 *         .with(Label.of("Topic", Modal.radioGroup("topic", Topic.class, Topic::title).build()),
 *               Label.of("Credit me", Checkbox.of("credit")));
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

        /**
         * The field as Discord's modal component: a label around a text input.
         * @throws IllegalArgumentException when it breaks one of Discord's limits
         */
        public Label toLabel() {
            TextInput.Builder input = TextInput
                .create(this.id, (this.style == Style.LONG) ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                .setRequired(this.required)
                .setRequiredRange(this.minLength, this.maxLength);
            if (this.placeholder != null) {
                input.setPlaceholder(this.placeholder);
            }
            if (this.value != null) {
                input.setValue(this.value);
            }
            return Label.of(this.label, input.build());
        }

    }

    private final String customId;

    private final String title;

    private final List<ModalTopLevelComponent> components;

    private Modal(String customId, String title, List<ModalTopLevelComponent> components) {
        this.customId = Objects.requireNonNull(customId, "customId");
        this.title = Objects.requireNonNull(title, "title");
        this.components = List.copyOf(components);
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

    /**
     * A radio group offering the constants of an enum, bound to a parameter of that enum
     * type: each option's value is the constant's name, its label what {@code label}
     * makes of it (in the user's language, typically). Required unless the builder says
     * otherwise ({@code setRequired(false)}).
     * @param id the group's id, the {@link Field @Field} name
     */
    public static <E extends Enum<E>> RadioGroup.Builder radioGroup(String id, Class<E> type,
            Function<? super E, String> label) {
        return RadioGroup.create(id)
            .addOptions(Arrays.stream(type.getEnumConstants())
                .map((constant) -> RadioGroupOption.of(label.apply(constant), constant.name()))
                .toList());
    }

    /**
     * A select menu offering the constants of an enum, one to be chosen, bound to a
     * parameter of that enum type; each option's value is the constant's name.
     * @param id the menu's id, the {@link Field @Field} name
     */
    public static <E extends Enum<E>> StringSelectMenu.Builder select(String id, Class<E> type,
            Function<? super E, String> label) {
        return StringSelectMenu.create(id)
            .addOptions(Arrays.stream(type.getEnumConstants())
                .map((constant) -> SelectOption.of(label.apply(constant), constant.name()))
                .toList());
    }

    /** The same form with a required text field. */
    public Modal withText(String id, String label, Style style) {
        return withText(text(id, label, style));
    }

    /** The same form with this text field. */
    public Modal withText(Text field) {
        return with(field.toLabel());
    }

    /**
     * The same form with a text shown between the fields (Markdown, at most 4,000
     * characters).
     */
    public Modal withTextDisplay(String content) {
        return with(TextDisplay.of(content));
    }

    /**
     * The same form with more of Discord's modal components: {@link Label labels} around
     * a {@link TextInput}, a {@link StringSelectMenu}, an {@link EntitySelectMenu}, a
     * {@link RadioGroup}, a {@link Checkbox}, a {@link CheckboxGroup} or an
     * {@link AttachmentUpload}; or {@link TextDisplay text displays}.
     */
    public Modal with(ModalTopLevelComponent... components) {
        List<ModalTopLevelComponent> more = new ArrayList<>(this.components);
        more.addAll(List.of(components));
        return new Modal(this.customId, this.title, more);
    }

    public String customId() {
        return this.customId;
    }

    public String title() {
        return this.title;
    }

    /** The form's components, in order: labels around its fields, and text displays. */
    public List<ModalTopLevelComponent> components() {
        return this.components;
    }

    /**
     * The form as JDA sends it.
     * @throws IllegalArgumentException when it breaks one of Discord's limits (title,
     * labels, lengths, options, at most 5 components)
     */
    public net.dv8tion.jda.api.modals.Modal toJda() {
        return net.dv8tion.jda.api.modals.Modal.create(this.customId, this.title)
            .addComponents(this.components)
            .build();
    }

    @Override
    public String toString() {
        return "Modal[" + this.customId + ", " + this.components.size() + " component(s)]";
    }

}
