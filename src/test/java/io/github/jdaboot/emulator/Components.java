package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Message components and modals the bot sends, checked and stored as Discord does. A
 * message without the IS_COMPONENTS_V2 flag has at most 5 action rows, each with 1-5
 * buttons or exactly one select; custom ids are 1-100 characters and unique in the
 * message; buttons follow their style's rules (1-4 a custom id, 5 a url, 6 an sku id);
 * selects have 1-25 options, 0-25 {@code min_values} and 1-25 {@code max_values}. A modal
 * has a custom id, a title of 1-45 characters and 1-5 labels (with a text input, a
 * select, a radio group, a checkbox, a checkbox group or a file upload) or text displays.
 * Every problem is reported at once in Discord's {@code errors} object (400, code 50035).
 * Components without an {@code id} (or with 0) get one as Discord assigns them:
 * depth-first from 1, skipping the ids the sender set.
 */
final class Components {

    static final int ACTION_ROW = 1;
    static final int BUTTON = 2;
    static final int STRING_SELECT = 3;
    static final int TEXT_INPUT = 4;
    static final int USER_SELECT = 5;
    static final int ROLE_SELECT = 6;
    static final int MENTIONABLE_SELECT = 7;
    static final int CHANNEL_SELECT = 8;
    static final int TEXT_DISPLAY = 10;
    static final int LABEL = 18;
    static final int FILE_UPLOAD = 19;
    static final int RADIO_GROUP = 21;
    static final int CHECKBOX_GROUP = 22;
    static final int CHECKBOX = 23;

    /**
     * Message flag IS_COMPONENTS_V2: a layout of components instead of content and action
     * rows.
     */
    static final int FLAG_COMPONENTS_V2 = 1 << 15;

    private final FormErrors errors = new FormErrors();

    private final Set<String> customIds = new HashSet<>();

    private Components() {
    }

    private static boolean isSelect(int type) {
        return type == STRING_SELECT || (type >= USER_SELECT && type <= CHANNEL_SELECT);
    }

    /**
     * A message's components as Discord stores them: checked, select defaults filled in,
     * numbered; a layout's ({@link Layouts}) with its media unfurled.
     * @throws RestApi.DiscordError 400 Invalid Form Body naming every problem, e.g. at
     * {@code components.0.components.1.custom_id}
     */
    static List<JsonNode> forMessage(JsonNode components, int flags, Layouts.Media media) {
        if (components.isMissingNode() || components.isNull()) {
            return List.of();
        }
        Components check = new Components();
        if (!components.isArray()) {
            check.errors.add("components", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType.").refuse();
        }
        ArrayNode copy = (ArrayNode) components.deepCopy();
        if ((flags & FLAG_COMPONENTS_V2) != 0) {
            Layouts.check(copy, check, check.errors, media);
        }
        else {
            if (copy.size() > 5) {
                check.errors.add("components", "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.");
            }
            for (int i = 0; i < copy.size(); i++) {
                check.row(copy.get(i), "components." + i);
            }
        }
        check.errors.refuse();
        assignIds(copy);
        List<JsonNode> stored = new ArrayList<>();
        copy.forEach(stored::add);
        return stored;
    }

    /**
     * The modal a bot opens (the {@code data} of callback 9), checked and numbered:
     * {@code custom_id} 1-100, {@code title} 1-45, 1-5 components, each a label (label
     * 1-45, description up to 100, and a text input, a select, a radio group, a checkbox,
     * a checkbox group or a file upload), a text display, or a legacy action row with one
     * text input (which then needs its own label). Text inputs: custom id, style 1 or 2,
     * {@code min_length} 0-4000, {@code max_length} 1-4000, {@code value} up to 4000,
     * {@code placeholder} up to 100. Radio groups: 2-10 options, at most one of them the
     * default. Checkbox groups: 1-10 options, {@code min_values} 0-10 (1 when left out),
     * {@code max_values} 1-10 and at most the options (all of them when left out). File
     * uploads: {@code min_values} 0-10 and {@code max_values} 1-10 (1 when left out). A
     * required select, checkbox group or file upload needs a {@code min_values} of at
     * least 1; a checkbox cannot be required. Options have a label and a value of 1-100
     * characters, a description of up to 100, and values unique in their component. The
     * stored modal has every default filled in.
     * @throws RestApi.DiscordError 400 Invalid Form Body naming every problem, paths
     * relative to {@code data}
     */
    static ObjectNode modal(JsonNode data) {
        Components check = new Components();
        ObjectNode modal = data.isObject() ? (ObjectNode) data.deepCopy() : JsonNodeFactory.instance.objectNode();
        check.text(modal, "custom_id", 1, 100, true, "");
        check.text(modal, "title", 1, 45, true, "");
        JsonNode components = modal.path("components");
        if (!components.isArray() || components.isEmpty() || components.size() > 5) {
            check.errors.add("components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String at = "components." + i;
            switch (component.path("type").asInt(0)) {
                case LABEL -> {
                    check.text(component, "label", 1, 45, true, at);
                    check.text(component, "description", 1, 100, false, at);
                    check.field(component.path("component"), at + ".component", false);
                }
                case TEXT_DISPLAY -> check.text(component, "content", 1, 4000, true, at);
                case ACTION_ROW -> {
                    if (component.path("components").size() != 1) {
                        check.errors.add(at + ".components", "BASE_TYPE_BAD_LENGTH",
                                "Must be between 1 and 1 in length.");
                    }
                    check.field(component.path("components").path(0), at + ".components.0", true);
                }
                default -> check.errors.add(at + ".type", "BASE_TYPE_CHOICES", "Value must be one of {1, 10, 18}.");
            }
        }
        check.errors.refuse();
        assignIds(components);
        return modal;
    }

    /**
     * The component with this custom id anywhere among the components (rows, labels,
     * sections), or null.
     */
    static @Nullable ObjectNode find(List<JsonNode> components, String customId) {
        List<ObjectNode> found = new ArrayList<>();
        components.forEach((top) -> visit(top, "", (at, component) -> {
            if (customId.equals(component.path("custom_id").asString(null))) {
                found.add(component);
            }
        }));
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The custom ids a user can click or pick among the components, in order. */
    static List<String> customIds(List<JsonNode> components) {
        List<String> ids = new ArrayList<>();
        components.forEach((top) -> visit(top, "", (at, component) -> {
            if (component.hasNonNull("custom_id")) {
                ids.add(component.path("custom_id").asString());
            }
        }));
        return ids;
    }

    /**
     * Visits a component and every one inside it, depth-first in document order, with its
     * path.
     */
    private static void visit(JsonNode component, String at, BiConsumer<String, ObjectNode> visitor) {
        if (!(component instanceof ObjectNode object)) {
            return;
        }
        visitor.accept(at, object);
        JsonNode children = object.path("components");
        for (int i = 0; i < children.size(); i++) {
            visit(children.get(i), at + ".components." + i, visitor);
        }
        visit(object.path("component"), at + ".component", visitor);
        visit(object.path("accessory"), at + ".accessory", visitor);
    }

    /**
     * Gives every component without an id (or with 0) the lowest free one from 1,
     * depth-first, as Discord does.
     */
    private static void assignIds(JsonNode components) {
        Set<Integer> taken = new HashSet<>();
        components.forEach((top) -> visit(top, "", (at, component) -> taken.add(component.path("id").asInt(0))));
        int[] next = { 1 };
        components.forEach((top) -> visit(top, "", (at, component) -> {
            if (component.path("id").asInt(0) <= 0) {
                while (!taken.add(next[0])) {
                    next[0]++;
                }
                component.put("id", next[0]);
            }
        }));
    }

    void row(JsonNode row, String at) {
        if (row.path("type").asInt(0) != ACTION_ROW) {
            this.errors.add(at + ".type", "BASE_TYPE_CHOICES", "Value must be one of {1}.");
            return;
        }
        JsonNode children = row.path("components");
        boolean tooMany = !children.isArray() || children.isEmpty() || children.size() > 5;
        if (tooMany) {
            this.errors.add(at + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
        }
        int width = 0;
        for (int i = 0; i < children.size(); i++) {
            JsonNode child = children.get(i);
            String childAt = at + ".components." + i;
            int type = child.path("type").asInt(0);
            if (type == BUTTON) {
                button(child, childAt);
            }
            else if (isSelect(type)) {
                select(child, childAt, false);
            }
            else {
                this.errors.add(childAt + ".type", "BASE_TYPE_CHOICES", "Value must be one of {2, 3, 5, 6, 7, 8}.");
                continue;
            }
            width += (type == BUTTON) ? 1 : 5;
            if (width > 5 && !tooMany) {
                this.errors.add(childAt, "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                        "The specified component exceeds the maximum width");
            }
        }
    }

    void button(JsonNode button, String at) {
        int style = button.path("style").asInt(0);
        if (style < 1 || style > 6) {
            this.errors.add(at + ".style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
            return;
        }
        String needed = switch (style) {
            case 5 -> "url";
            case 6 -> "sku_id";
            default -> "custom_id";
        };
        List<String> forbidden = new ArrayList<>(List.of("custom_id", "url", "sku_id"));
        forbidden.remove(needed);
        if (style == 6) {
            forbidden.addAll(List.of("label", "emoji"));
        }
        if (!button.hasNonNull(needed)) {
            this.errors.add(at + "." + needed, "BASE_TYPE_REQUIRED", "This field is required");
        }
        for (String field : forbidden) {
            if (button.hasNonNull(field)) {
                this.errors.add(at + "." + field, "BASE_TYPE_INVALID",
                        "A button of style " + style + " cannot have a " + field + ".");
            }
        }
        customId(button, at, false);
        text(button, "label", 0, 80, false, at);
        text(button, "url", 1, 512, false, at);
        if (button.path("emoji").path("id").isNumber()) {
            ((ObjectNode) button.path("emoji")).put("id", button.path("emoji").path("id").asString());
        }
    }

    private void select(JsonNode select, String at, boolean inModal) {
        customId(select, at, true);
        text(select, "placeholder", 0, 150, false, at);
        int min = number(select, "min_values", 0, 25, at);
        int max = number(select, "max_values", 1, 25, at);
        if (select.path("type").asInt(0) == STRING_SELECT) {
            JsonNode options = select.path("options");
            if (!options.isArray() || options.isEmpty() || options.size() > 25) {
                this.errors.add(at + ".options", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
            }
            else if (max > options.size()) {
                atMost(at + ".max_values", options.size());
            }
            for (int i = 0; i < options.size(); i++) {
                text(options.get(i), "label", 1, 100, true, at + ".options." + i);
                text(options.get(i), "value", 1, 100, true, at + ".options." + i);
                text(options.get(i), "description", 0, 100, false, at + ".options." + i);
            }
        }
        if (min > max) {
            atMost(at + ".min_values", max);
        }
        if (inModal && select.path("disabled").asBoolean(false)) {
            this.errors.add(at + ".disabled", "BASE_TYPE_INVALID", "A select in a modal cannot be disabled.");
        }
        ((ObjectNode) select).put("min_values", min).put("max_values", max);
    }

    /**
     * A label's component in a modal: a text input, a select, a radio group, a checkbox,
     * a checkbox group or a file upload.
     */
    private void field(JsonNode component, String at, boolean legacy) {
        if (!component.isObject()) {
            this.errors.add(at, "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }
        int type = component.path("type").asInt(0);
        if (isSelect(type) && !legacy) {
            select(component, at, true);
            requiredNeedsOne(component, at);
            return;
        }
        if (!legacy && (type == RADIO_GROUP || type == CHECKBOX_GROUP || type == CHECKBOX || type == FILE_UPLOAD)) {
            customId(component, at, true);
            switch (type) {
                case RADIO_GROUP -> options(component, at, 2, 10, 1);
                case CHECKBOX_GROUP -> {
                    int options = options(component, at, 1, 10, 10);
                    int min = number(component, "min_values", 0, 10, at);
                    int max = component.hasNonNull("max_values") ? number(component, "max_values", 1, 10, at)
                            : Math.max(1, options);
                    if (max > options && options > 0) {
                        atMost(at + ".max_values", options);
                    }
                    values(component, min, max, at);
                }
                case FILE_UPLOAD -> values(component, number(component, "min_values", 0, 10, at),
                        number(component, "max_values", 1, 10, at), at);
                default -> {
                    if (component.has("required")) {
                        this.errors.add(at + ".required", "BASE_TYPE_INVALID",
                                "A checkbox cannot be required: use a checkbox group of one option.");
                    }
                }
            }
            return;
        }
        if (type != TEXT_INPUT) {
            this.errors.add(at + ".type", "BASE_TYPE_CHOICES",
                    legacy ? "Value must be one of {4}." : "Value must be one of {3, 4, 5, 6, 7, 8, 19, 21, 22, 23}.");
            return;
        }
        customId(component, at, true);
        int style = component.path("style").asInt(0);
        if (style != 1 && style != 2) {
            this.errors.add(at + ".style", "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
        }
        text(component, "label", 1, 45, legacy, at);
        int min = number(component, "min_length", 0, 4000, at);
        int max = number(component, "max_length", 1, 4000, at);
        if (component.hasNonNull("min_length") && min > max) {
            atMost(at + ".min_length", max);
        }
        text(component, "value", 0, 4000, false, at);
        text(component, "placeholder", 0, 100, false, at);
    }

    /**
     * The options of a radio group or a checkbox group: between {@code min} and
     * {@code max} of them, each with a label and a value of 1-100 characters and a
     * description of up to 100, values unique, at most {@code defaults} of them the
     * default.
     * @return how many there are
     */
    private int options(JsonNode component, String at, int min, int max, int defaults) {
        JsonNode options = component.path("options");
        if (!options.isArray() || options.size() < min || options.size() > max) {
            this.errors.add(at + ".options", "BASE_TYPE_BAD_LENGTH",
                    "Must be between " + min + " and " + max + " in length.");
        }
        Set<String> values = new HashSet<>();
        int defaulted = 0;
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String optionAt = at + ".options." + i;
            text(option, "label", 1, 100, true, optionAt);
            if (text(option, "value", 1, 100, true, optionAt) && !values.add(option.path("value").asString())) {
                this.errors.add(optionAt + ".value", "SELECT_COMPONENT_OPTION_VALUE_DUPLICATED",
                        "Component option values must be unique");
            }
            text(option, "description", 0, 100, false, optionAt);
            defaulted += option.path("default").asBoolean(false) ? 1 : 0;
        }
        if (defaulted > defaults) {
            this.errors.add(at + ".options", "BASE_TYPE_INVALID",
                    "At most " + defaults + " option" + ((defaults == 1) ? " can" : "s can") + " be the default.");
        }
        return options.isArray() ? options.size() : 0;
    }

    /**
     * The number of values of a checkbox group or a file upload: {@code min} at most
     * {@code max}, and at least 1 when required; stored with the defaults filled in.
     */
    private void values(JsonNode component, int min, int max, String at) {
        if (min > max) {
            atMost(at + ".min_values", max);
        }
        ((ObjectNode) component).put("min_values", min).put("max_values", max);
        requiredNeedsOne(component, at);
    }

    /**
     * A required select, checkbox group or file upload takes at least one value: a
     * {@code min_values} of 0 makes no sense with it.
     */
    private void requiredNeedsOne(JsonNode component, String at) {
        if (component.path("required").asBoolean(true) && component.path("min_values").asInt(1) == 0) {
            this.errors.add(at + ".min_values", "BASE_TYPE_INVALID",
                    "A required component must take at least one value.");
        }
    }

    /**
     * A custom id: 1-100 characters, unique among the message's or the modal's
     * components.
     */
    private void customId(JsonNode component, String at, boolean required) {
        if (text(component, "custom_id", 1, 100, required, at)
                && !this.customIds.add(component.path("custom_id").asString())) {
            this.errors.add(at + ".custom_id", "COMPONENT_CUSTOM_ID_DUPLICATED",
                    "Component custom id was already specified");
        }
    }

    /**
     * A string field's length in characters, {@code min} 0 for a maximum only.
     * @return whether the field is present and valid
     */
    boolean text(JsonNode node, String field, int min, int max, boolean required, String at) {
        String path = at.isEmpty() ? field : at + "." + field;
        if (!node.hasNonNull(field)) {
            if (required) {
                this.errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
            }
            return false;
        }
        String text = node.path(field).asString("");
        int length = text.codePointCount(0, text.length());
        if (length >= min && length <= max) {
            return true;
        }
        if (min == 0) {
            this.errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length.");
        }
        else {
            this.errors.add(path, "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }
        return false;
    }

    /**
     * An integer field within bounds; absent, Discord's default: 1 for a select's values,
     * else the bound.
     */
    private int number(JsonNode node, String field, int min, int max, String at) {
        JsonNode value = node.path(field);
        int fallback = field.endsWith("_values") ? 1 : field.startsWith("min") ? min : max;
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            this.errors.add(at + "." + field, "NUMBER_TYPE_COERCE", "Value \"" + value.asString("") + "\" is not int.");
            return fallback;
        }
        if (value.intValue() < min) {
            this.errors.add(at + "." + field, "NUMBER_TYPE_MIN",
                    "int value should be greater than or equal to " + min + ".");
            return fallback;
        }
        if (value.intValue() > max) {
            atMost(at + "." + field, max);
            return fallback;
        }
        return value.intValue();
    }

    private void atMost(String at, int max) {
        this.errors.add(at, "NUMBER_TYPE_MAX", "int value should be less than or equal to " + max + ".");
    }

}
