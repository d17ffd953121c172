package io.github.jdaboot.interaction.form;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jdaboot.interaction.i18n.InteractionMessages;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.components.ModalTopLevelComponentUnion;
import net.dv8tion.jda.api.components.attachmentupload.AttachmentUpload;
import net.dv8tion.jda.api.components.checkboxgroup.CheckboxGroup;
import net.dv8tion.jda.api.components.checkboxgroup.CheckboxGroupOption;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.label.LabelChildComponentUnion;
import net.dv8tion.jda.api.components.radiogroup.RadioGroup;
import net.dv8tion.jda.api.components.radiogroup.RadioGroupOption;
import net.dv8tion.jda.api.components.selections.EntitySelectMenu;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * A form as the bot opened it: its custom id and, by id, the fields it offered. Checks a
 * submission against it as Discord's client does, since a client can be modified: every
 * field the form had and no other, each of the component type offered; values among the
 * offered ones, users, roles and channels among those Discord resolved, files among those
 * uploaded; required fields filled in; lengths and numbers of values within the form's
 * limits.
 *
 * @param customId the form's custom id
 * @param fields the fields, by id, in the order of the form
 */
public record OfferedForm(String customId, Map<String, OfferedField> fields) {

    /** JDA's value when a text input's length or a menu's count was not set. */
    private static final int UNSET = -1;

    public OfferedForm {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The fields of a form as JDA sends it. */
    public static OfferedForm of(Modal modal) {
        Map<String, OfferedField> fields = new LinkedHashMap<>();
        for (ModalTopLevelComponentUnion component : modal.getComponents()) {
            if (component.getType() == Component.Type.LABEL) {
                OfferedField field = field(component.asLabel());
                fields.put(field.id(), field);
            }
        }
        return new OfferedForm(modal.getId(), fields);
    }

    private static OfferedField field(Label label) {
        LabelChildComponentUnion child = label.getChild();
        String name = label.getLabel();
        return switch (child.getType()) {
            case TEXT_INPUT -> {
                TextInput input = child.asTextInput();
                yield new OfferedField(input.getCustomId(), name, Component.Type.TEXT_INPUT, input.isRequired(),
                        Math.max(0, input.getMinLength()),
                        (input.getMaxLength() == UNSET) ? TextInput.MAX_VALUE_LENGTH : input.getMaxLength(), List.of(),
                        Set.of());
            }
            case STRING_SELECT -> {
                StringSelectMenu menu = child.asStringSelectMenu();
                yield new OfferedField(menu.getCustomId(), name, Component.Type.STRING_SELECT,
                        !Boolean.FALSE.equals(menu.isRequired()), menu.getMinValues(), menu.getMaxValues(),
                        menu.getOptions().stream().map(SelectOption::getValue).toList(), Set.of());
            }
            case USER_SELECT, ROLE_SELECT, MENTIONABLE_SELECT, CHANNEL_SELECT -> {
                EntitySelectMenu menu = child.asEntitySelectMenu();
                yield new OfferedField(menu.getCustomId(), name, menu.getType(),
                        !Boolean.FALSE.equals(menu.isRequired()), menu.getMinValues(), menu.getMaxValues(), List.of(),
                        menu.getChannelTypes());
            }
            case RADIO_GROUP -> {
                RadioGroup group = child.asRadioGroup();
                yield new OfferedField(group.getCustomId(), name, Component.Type.RADIO_GROUP, group.isRequired(), 1, 1,
                        group.getOptions().stream().map(RadioGroupOption::getValue).toList(), Set.of());
            }
            case CHECKBOX -> new OfferedField(child.asCheckbox().getCustomId(), name, Component.Type.CHECKBOX, false, 1,
                    1, List.of(), Set.of());
            case CHECKBOX_GROUP -> {
                CheckboxGroup group = child.asCheckboxGroup();
                int options = group.getOptions().size();
                yield new OfferedField(group.getCustomId(), name, Component.Type.CHECKBOX_GROUP, group.isRequired(),
                        (group.getMinValues() == UNSET) ? 1 : group.getMinValues(),
                        (group.getMaxValues() == UNSET) ? options : group.getMaxValues(),
                        group.getOptions().stream().map(CheckboxGroupOption::getValue).toList(), Set.of());
            }
            case FILE_UPLOAD -> {
                AttachmentUpload upload = child.asAttachmentUpload();
                yield new OfferedField(upload.getCustomId(), name, Component.Type.FILE_UPLOAD, upload.isRequired(),
                        upload.getMinValues(), upload.getMaxValues(), List.of(), Set.of());
            }
            default -> throw new IllegalArgumentException(
                    "A " + child.getType() + " cannot be a field of a form (label '" + name + "')");
        };
    }

    /** The field with this id, or null. */
    public @Nullable OfferedField field(String id) {
        return this.fields.get(id);
    }

    /**
     * Why a submission of this form cannot be taken, as the polite answer to its user; or
     * null when it is one the form allows.
     * @param values the submitted fields, as JDA read them
     */
    public @Nullable MessageSourceResolvable check(List<ModalMapping> values) {
        Set<String> seen = new HashSet<>();
        for (ModalMapping value : values) {
            OfferedField field = this.fields.get(value.getCustomId());
            if (field == null || !seen.add(value.getCustomId()) || value.getType() != field.type()) {
                return forged();
            }
            MessageSourceResolvable refusal;
            try {
                refusal = check(field, value);
            }
            catch (IllegalStateException | IllegalArgumentException ex) {
                // a value of the wrong shape (JDA's ParsingException is an
                // IllegalStateException), or a file id Discord did not resolve
                refusal = forged();
            }
            if (refusal != null) {
                return refusal;
            }
        }
        for (OfferedField field : this.fields.values()) {
            if (field.required() && !seen.contains(field.id())) {
                return missing(field);
            }
        }
        return null;
    }

    private static @Nullable MessageSourceResolvable check(OfferedField field, ModalMapping value) {
        return switch (field.type()) {
            case TEXT_INPUT -> text(field, value.getAsString());
            case CHECKBOX -> {
                value.getAsBoolean();
                yield null;
            }
            case RADIO_GROUP -> {
                String chosen = value.getAsOptionalString();
                if (chosen == null) {
                    yield field.required() ? missing(field) : null;
                }
                yield field.options().contains(chosen) ? null : forged();
            }
            case STRING_SELECT, CHECKBOX_GROUP -> {
                List<String> chosen = value.getAsStringList();
                yield (!field.options().containsAll(chosen) || new HashSet<>(chosen).size() != chosen.size()) ? forged()
                        : count(field, chosen.size());
            }
            case USER_SELECT, ROLE_SELECT, MENTIONABLE_SELECT, CHANNEL_SELECT -> entities(field, value);
            case FILE_UPLOAD -> count(field, value.getAsAttachmentList().size());
            default -> forged();
        };
    }

    private static @Nullable MessageSourceResolvable text(OfferedField field, String text) {
        if (text.isBlank()) {
            return field.required() ? missing(field) : null;
        }
        int length = text.codePointCount(0, text.length());
        if (length > field.max()) {
            return InteractionMessages.of("interaction.too-long", "**" + field.label() + "**",
                    String.valueOf(field.max()));
        }
        if (length < field.min()) {
            return InteractionMessages.of("interaction.too-short", "**" + field.label() + "**",
                    String.valueOf(field.min()));
        }
        return null;
    }

    /**
     * The ids chosen in an entity select must each be one Discord resolved, of a kind
     * (and channel type) the menu offers.
     */
    private static @Nullable MessageSourceResolvable entities(OfferedField field, ModalMapping value) {
        List<Long> ids = value.getAsLongList();
        if (new HashSet<>(ids).size() != ids.size()) {
            return forged();
        }
        Mentions mentions = value.getAsMentions();
        List<IMentionable> resolved = new ArrayList<>();
        switch (field.type()) {
            case USER_SELECT -> resolved.addAll(mentions.getUsers());
            case ROLE_SELECT -> resolved.addAll(mentions.getRoles());
            case MENTIONABLE_SELECT -> {
                resolved.addAll(mentions.getUsers());
                resolved.addAll(mentions.getRoles());
            }
            default -> mentions.getChannels()
                .stream()
                .filter((GuildChannel channel) -> field.channelTypes().isEmpty()
                        || field.channelTypes().contains(channel.getType()))
                .forEach(resolved::add);
        }
        Set<Long> known = new HashSet<>();
        resolved.forEach((entity) -> known.add(entity.getIdLong()));
        return known.containsAll(ids) ? count(field, ids.size()) : forged();
    }

    /**
     * A number of values: none is fine for an optional field; otherwise within its
     * limits.
     */
    private static @Nullable MessageSourceResolvable count(OfferedField field, int count) {
        if (count == 0) {
            return field.required() ? missing(field) : null;
        }
        return (count < field.min() || count > field.max()) ? forged() : null;
    }

    private static MessageSourceResolvable missing(OfferedField field) {
        return InteractionMessages.of("interaction.form.missing", field.label());
    }

    private static MessageSourceResolvable forged() {
        return InteractionMessages.of("interaction.forged.form");
    }

}
