package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a user does with the bot's components and modals, checked as Discord's client
 * checks it before anything reaches the bot, and the interaction {@code data} it becomes.
 * A click must hit a button of the message that is not disabled (link and premium buttons
 * send nothing); a select's values must be its options, or users, roles and channels the
 * user could pick (by id, mention or name, as for a command option), between
 * {@code min_values} and {@code max_values} of them; a modal's fields must be the modal's
 * own, required ones filled in, texts within {@code min_length}..{@code max_length}, a
 * radio group's value and a checkbox group's values among their options, numbers of
 * values and files within {@code min_values}..{@code max_values}, a checkbox true or
 * false. Problems throw {@link InteractionRejectedException} (400, code 50035, Discord's
 * {@code errors} under {@code data}).
 * <p>
 * Forged input, what a modified client could send, skips every check: the custom id and
 * values go to the bot as given (a radio group's value not offered, a checkbox's text,
 * the id of a file never uploaded), fields the modal does not have are added as text
 * inputs.
 */
final class ComponentInput {

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final EmulatedChannel channel;

    private final boolean forged;

    private final FormErrors errors = new FormErrors();

    private final ObjectNode resolved;

    ComponentInput(EmulatorWorld world, Payloads payloads, EmulatedChannel channel, boolean forged) {
        this.world = world;
        this.payloads = payloads;
        this.channel = channel;
        this.forged = forged;
        this.resolved = payloads.object();
    }

    /**
     * The data of a MESSAGE_COMPONENT interaction: {@code custom_id},
     * {@code component_type}, the component's {@code id}, and for a select its
     * {@code values} (ids for entity selects) and {@code resolved}.
     * @param values null for a click, else the values picked in a select
     */
    ObjectNode component(EmulatedMessage message, String customId, @Nullable List<String> values) {
        ObjectNode component = Components.find(message.components(), customId);
        int type = (component != null) ? component.path("type").asInt(0)
                : (values != null) ? Components.STRING_SELECT : Components.BUTTON;
        ObjectNode data = this.payloads.object();
        data.put("custom_id", customId);
        data.put("component_type", type);
        if (component == null) {
            List<String> ids = Components.customIds(message.components());
            check("data.custom_id", "BASE_TYPE_CHOICES", ids.isEmpty() ? "The message has no components."
                    : "Value must be one of " + CommandInput.quoted(ids) + ".");
            if (values != null) {
                values.forEach(data.putArray("values")::add);
            }
            return finish(data);
        }
        data.put("id", component.path("id").asInt(0));
        if (component.path("disabled").asBoolean(false)) {
            check("data.custom_id", "BASE_TYPE_INVALID", "The component '" + customId + "' is disabled.");
        }
        else if ((type == Components.BUTTON) != (values == null)) {
            check("data.component_type", "BASE_TYPE_INVALID", "The component '" + customId + "' is a "
                    + ((values != null) ? "button: click it" : "select: pick values in it") + ".");
        }
        if (values != null) {
            data.set("values", values(component, values, "data.values"));
        }
        return finish(data);
    }

    /**
     * The data of a MODAL_SUBMIT interaction in the label format: each label with its
     * component's {@code type}, {@code id}, {@code custom_id} and its answer: a text
     * input's {@code value} ({@code ""} when empty), a select's, checkbox group's or file
     * upload's {@code values} (ids for entity selects and files, resolved), a radio
     * group's {@code value} ({@code null} when none is chosen), a checkbox's boolean
     * {@code value}; text displays with their type and id.
     * @param values each field's answer by custom id: a text; a select's values as a list
     * or separated by commas; a radio group's value; a checkbox's {@code true} or
     * {@code false}; a file upload's {@link EmulatedMessage.EmulatedAttachment files}. A
     * field left out keeps what the bot set: a text input's {@code value}, the options
     * that are the default, a checkbox's {@code default}
     */
    ObjectNode modal(EmulatedModal modal, Map<String, ?> values) {
        Map<String, Object> unanswered = new LinkedHashMap<>(values);
        ObjectNode data = this.payloads.object();
        data.put("custom_id", modal.customId());
        ArrayNode components = data.putArray("components");
        int lastId = 0;
        JsonNode tops = modal.json().path("components");
        for (int i = 0; i < tops.size(); i++) {
            JsonNode top = tops.get(i);
            ObjectNode answer = components.addObject();
            answer.put("type", top.path("type").asInt(0));
            answer.put("id", top.path("id").asInt(0));
            String at = "data.components." + i;
            if (top.has("component")) {
                answer.set("component", field(top.path("component"), unanswered, at + ".component"));
            }
            else if (top.has("components")) {
                answer.putArray("components")
                    .add(field(top.path("components").path(0), unanswered, at + ".components.0"));
            }
            for (JsonNode numbered : List.of(top, top.path("component"), top.path("components").path(0))) {
                lastId = Math.max(lastId, numbered.path("id").asInt(0));
            }
        }
        if (!unanswered.isEmpty()) {
            check("data.components", "BASE_TYPE_CHOICES",
                    "Unknown fields " + CommandInput.quoted(List.copyOf(unanswered.keySet())) + ": the modal has "
                            + CommandInput.quoted(modal.fields().stream().map(EmulatedModal.Field::customId).toList())
                            + ".");
        }
        for (Map.Entry<String, Object> extra : unanswered.entrySet()) {
            ObjectNode label = components.addObject().put("type", Components.LABEL).put("id", ++lastId);
            label.putObject("component")
                .put("type", Components.TEXT_INPUT)
                .put("id", ++lastId)
                .put("custom_id", extra.getKey())
                .put("value", String.valueOf(extra.getValue()));
        }
        return finish(data);
    }

    /** One input's answer, its value taken out of {@code given}. */
    private ObjectNode field(JsonNode input, Map<String, Object> given, String at) {
        int type = input.path("type").asInt(0);
        String customId = input.path("custom_id").asString("");
        boolean answered = given.containsKey(customId);
        Object value = given.remove(customId);
        ObjectNode answer = this.payloads.object()
            .put("type", type)
            .put("id", input.path("id").asInt(0))
            .put("custom_id", customId);
        return switch (type) {
            case Components.TEXT_INPUT -> text(input, answered ? value : Payloads.text(input, "value"), answer, at);
            case Components.RADIO_GROUP -> radio(input, answered ? value : defaults(input), answer, at);
            case Components.CHECKBOX -> checkbox(answered ? value : input.path("default").asBoolean(false), answer, at);
            case Components.CHECKBOX_GROUP ->
                answer.set("values", optionValues(input, list(answered ? value : defaults(input)), at + ".values"));
            case Components.FILE_UPLOAD -> answer.set("values", files(input, list(value), at + ".values"));
            default -> {
                List<Object> picked = list(value);
                required(input, picked.isEmpty(), at + ".values");
                yield answer.set("values", picked.isEmpty() ? this.payloads.array()
                        : values(input, picked.stream().map(String::valueOf).toList(), at + ".values"));
            }
        };
    }

    private ObjectNode text(JsonNode input, @Nullable Object value, ObjectNode answer, String at) {
        String text = (value != null) ? String.valueOf(value) : "";
        required(input, text.isEmpty(), at + ".value");
        int length = text.codePointCount(0, text.length());
        int min = input.path("min_length").asInt(0);
        int max = input.path("max_length").asInt(4000);
        if (!text.isEmpty() && (length < min || length > max)) {
            check(at + ".value", "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }
        return answer.put("value", text);
    }

    /**
     * A radio group's answer: one of its options' values, or null when none is chosen.
     */
    private ObjectNode radio(JsonNode input, @Nullable Object value, ObjectNode answer, String at) {
        List<Object> chosen = list(value);
        required(input, chosen.isEmpty(), at + ".value");
        if (chosen.size() > 1) {
            check(at + ".value", "BASE_TYPE_BAD_LENGTH", "A radio group takes one value.");
        }
        if (chosen.isEmpty()) {
            return answer.putNull("value");
        }
        String picked = String.valueOf(chosen.getFirst());
        List<String> options = options(input);
        if (!options.contains(picked)) {
            check(at + ".value", "BASE_TYPE_CHOICES", "Value must be one of " + CommandInput.quoted(options) + ".");
        }
        return answer.put("value", picked);
    }

    /** A checkbox's answer: true or false (a forged one as given). */
    private ObjectNode checkbox(@Nullable Object value, ObjectNode answer, String at) {
        if (value instanceof Boolean checked) {
            return answer.put("value", checked);
        }
        String text = String.valueOf(value);
        if (text.equals("true") || text.equals("false")) {
            return answer.put("value", Boolean.parseBoolean(text));
        }
        check(at + ".value", "BASE_TYPE_BAD_TYPE", "A checkbox is true or false, not \"" + text + "\".");
        return answer.put("value", text);
    }

    /**
     * A checkbox group's answer: its options' values, each once, between
     * {@code min_values} and {@code max_values} of them unless none (when not required).
     */
    private ArrayNode optionValues(JsonNode input, List<Object> picked, String at) {
        required(input, picked.isEmpty(), at);
        List<String> options = options(input);
        ArrayNode array = this.payloads.array();
        for (int i = 0; i < picked.size(); i++) {
            String value = String.valueOf(picked.get(i));
            if (!options.contains(value)) {
                check(at + "." + i, "BASE_TYPE_CHOICES", "Value must be one of " + CommandInput.quoted(options) + ".");
            }
            array.add(value);
        }
        count(input, picked.size(), at);
        return array;
    }

    /**
     * A file upload's answer: the ids of the files uploaded, each resolved and kept to be
     * downloaded; a forged one may name any id.
     */
    private ArrayNode files(JsonNode input, List<Object> uploaded, String at) {
        required(input, uploaded.isEmpty(), at);
        count(input, uploaded.size(), at);
        ArrayNode array = this.payloads.array();
        for (int i = 0; i < uploaded.size(); i++) {
            if (!(uploaded.get(i) instanceof EmulatedMessage.EmulatedAttachment file)) {
                check(at + "." + i, "BASE_TYPE_BAD_TYPE", "A file upload takes uploaded files.");
                array.add(String.valueOf(uploaded.get(i)));
                continue;
            }
            this.world.upload(file);
            EmulatedMessage holder = new EmulatedMessage(0, this.channel.id(), 0, this.world.botUser(), "",
                    this.world.now(), null, 0, false, List.of(), List.of(), List.of(file), List.of(), List.of(), 0,
                    null, 0, 0, 0);
            ObjectNode json = this.payloads.attachment(holder, file);
            json.put("ephemeral", true);
            this.resolved.withObjectProperty("attachments").set(Payloads.id(file.id()), json);
            array.add(Payloads.id(file.id()));
        }
        return array;
    }

    /** Between {@code min_values} and {@code max_values} values, unless none. */
    private void count(JsonNode input, int count, String at) {
        int min = input.path("min_values").asInt(1);
        int max = input.path("max_values").asInt(1);
        if (count > 0 && (count < min || count > max)) {
            check(at, "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }
    }

    private void required(JsonNode input, boolean empty, String at) {
        if (empty && input.path("required").asBoolean(true)) {
            check(at, "BASE_TYPE_REQUIRED", "This field is required");
        }
    }

    /** The values of a component's options. */
    private static List<String> options(JsonNode input) {
        List<String> options = new ArrayList<>();
        input.path("options").forEach((option) -> options.add(option.path("value").asString("")));
        return options;
    }

    /** The values of the options the bot made the default. */
    private static List<Object> defaults(JsonNode input) {
        List<Object> chosen = new ArrayList<>();
        input.path("options").forEach((option) -> {
            if (option.path("default").asBoolean(false)) {
                chosen.add(option.path("value").asString(""));
            }
        });
        return chosen;
    }

    /**
     * An answer as a list: a list as it is, a text split at commas (none when empty),
     * anything else alone.
     */
    private static List<Object> list(@Nullable Object value) {
        return switch (value) {
            case null -> List.of();
            case Collection<?> many -> List.copyOf(many);
            case String text when text.isBlank() -> List.of();
            case String text -> List.copyOf(Arrays.asList(text.split("\\s*,\\s*")));
            default -> List.of(value);
        };
    }

    /**
     * A select's values as the interaction carries them: options' values, or ids with
     * their entities resolved.
     */
    private ArrayNode values(JsonNode select, List<String> picked, String at) {
        int min = select.path("min_values").asInt(1);
        int max = select.path("max_values").asInt(1);
        if (picked.size() < min || picked.size() > max) {
            check(at, "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }
        List<String> options = new ArrayList<>();
        select.path("options").forEach((option) -> options.add(option.path("value").asString("")));
        EmulatedGuild guild = this.world.guild(this.channel.guildId()).orElse(null);
        ArrayNode array = this.payloads.array();
        for (int i = 0; i < picked.size(); i++) {
            String value = picked.get(i);
            if (select.path("type").asInt(0) == Components.STRING_SELECT) {
                if (!options.contains(value)) {
                    check(at + "." + i, "BASE_TYPE_CHOICES",
                            "Value must be one of " + CommandInput.quoted(options) + ".");
                }
                array.add(value);
                continue;
            }
            Object entity = CommandInput.picked(select, value, this.channel, this.world,
                    this.forged ? new FormErrors() : this.errors, at + "." + i);
            if (entity != null) {
                this.payloads.resolve(this.resolved, entity, guild);
            }
            array.add(switch (entity) {
                case EmulatedUser user -> user.idString();
                case EmulatedRole role -> role.idString();
                case EmulatedChannel pickedChannel -> pickedChannel.idString();
                case null, default -> value;
            });
        }
        return array;
    }

    private void check(String at, String code, String message) {
        if (!this.forged) {
            this.errors.add(at, code, message);
        }
    }

    private ObjectNode finish(ObjectNode data) {
        this.errors.reject();
        if (!this.resolved.isEmpty()) {
            data.set("resolved", this.resolved);
        }
        return data;
    }

}
