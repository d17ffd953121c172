package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.Arrays;
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
 * own, required ones filled in, each within {@code min_length}..{@code max_length}.
 * Problems throw {@link InteractionRejectedException} (400, code 50035, Discord's
 * {@code errors} under {@code data}).
 * <p>
 * Forged input, what a modified client could send, skips every check: the custom id and
 * values go to the bot as given, fields the modal does not have are added as text inputs.
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
     * component's {@code type}, {@code id}, {@code custom_id} and {@code value} (text
     * input) or {@code values} (select), text displays with their type and id; an empty
     * text input is {@code ""}.
     * @param values the text of each field by custom id (a field left out keeps its
     * pre-filled {@code value}); a select's values separated by commas
     */
    ObjectNode modal(EmulatedModal modal, Map<String, String> values) {
        Map<String, String> unanswered = new LinkedHashMap<>(values);
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
        for (Map.Entry<String, String> extra : unanswered.entrySet()) {
            ObjectNode label = components.addObject().put("type", Components.LABEL).put("id", ++lastId);
            label.putObject("component")
                .put("type", Components.TEXT_INPUT)
                .put("id", ++lastId)
                .put("custom_id", extra.getKey())
                .put("value", extra.getValue());
        }
        return finish(data);
    }

    /** One input's answer, its value taken out of {@code given}. */
    private ObjectNode field(JsonNode input, Map<String, String> given, String at) {
        int type = input.path("type").asInt(0);
        String customId = input.path("custom_id").asString("");
        // a text input left alone keeps the text the bot pre-filled it with
        String value = given.containsKey(customId) ? given.remove(customId) : Payloads.text(input, "value");
        ObjectNode answer = this.payloads.object()
            .put("type", type)
            .put("id", input.path("id").asInt(0))
            .put("custom_id", customId);
        boolean empty = (value == null) || value.isEmpty();
        if (empty && input.path("required").asBoolean(true)) {
            check(at + ((type != Components.TEXT_INPUT) ? ".values" : ".value"), "BASE_TYPE_REQUIRED",
                    "This field is required");
        }
        if (type != Components.TEXT_INPUT) {
            return answer.set("values", empty ? this.payloads.array()
                    : values(input, Arrays.asList(value.split("\\s*,\\s*")), at + ".values"));
        }
        String text = empty ? "" : value;
        int length = text.codePointCount(0, text.length());
        int min = input.path("min_length").asInt(0);
        int max = input.path("max_length").asInt(4000);
        if (!empty && (length < min || length > max)) {
            check(at + ".value", "BASE_TYPE_BAD_LENGTH", "Must be between " + min + " and " + max + " in length.");
        }
        return answer.put("value", text);
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
