package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A modal the bot opened (interaction callback 9), as a user sees it; a user fills it in
 * with {@code world.as(alice).submits(modal, Map.of("idea", "..."))}.
 *
 * @param customId the modal's custom id
 * @param title its title
 * @param fields its inputs, in order (text displays left out)
 * @param json the modal as the bot sent it, with the component ids Discord assigned
 * @param interactionId the interaction the bot answered with it
 */
public record EmulatedModal(String customId, String title, List<Field> fields, JsonNode json, long interactionId) {

    /**
     * One input of the modal, in a label: a text input (type 4), a select (3, 5-8), a
     * file upload (19), a radio group (21), a checkbox group (22) or a checkbox (23).
     *
     * @param customId the input's custom id, the key of its value when submitting
     * @param label the label's text
     * @param type the component type: 4 text input, 3 string select, 5-8 entity selects,
     * 19 file upload, 21 radio group, 22 checkbox group, 23 checkbox
     * @param style 1 short, 2 paragraph (text inputs; 0 for the others)
     * @param required whether it must be filled in (a checkbox never is)
     * @param minLength the least characters (text inputs) or values (the others)
     * @param maxLength the most characters (text inputs) or values (the others)
     * @param placeholder the text shown while it is empty
     * @param value the text it is pre-filled with
     * @param options the values of its options (string selects, radio groups and checkbox
     * groups; else empty)
     */
    public record Field(String customId, String label, int type, int style, boolean required, int minLength,
            int maxLength, @Nullable String placeholder, @Nullable String value, List<String> options) {
    }

    /** The input with this custom id. */
    public Field field(String customId) {
        return this.fields.stream()
            .filter((field) -> field.customId().equals(customId))
            .findFirst()
            .orElseThrow(
                    () -> new IllegalArgumentException("The modal " + this.customId + " has no field " + customId));
    }

    /** The modal of a checked callback 9's {@code data} ({@link Components#modal}). */
    static EmulatedModal of(JsonNode json, long interactionId) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode top : json.path("components")) {
            JsonNode input = (top.path("type").asInt(0) == Components.LABEL) ? top.path("component")
                    : top.path("components").path(0);
            if (input.isMissingNode()) {
                continue;
            }
            String label = (top.path("type").asInt(0) == Components.LABEL) ? top.path("label").asString("")
                    : input.path("label").asString("");
            int type = input.path("type").asInt(0);
            boolean text = type == Components.TEXT_INPUT;
            boolean single = type == Components.RADIO_GROUP || type == Components.CHECKBOX;
            List<String> options = new ArrayList<>();
            input.path("options").forEach((option) -> options.add(option.path("value").asString("")));
            fields.add(new Field(input.path("custom_id").asString(""), label, type, input.path("style").asInt(0),
                    (type != Components.CHECKBOX) && input.path("required").asBoolean(true),
                    text ? input.path("min_length").asInt(0) : single ? 1 : input.path("min_values").asInt(1),
                    text ? input.path("max_length").asInt(4000) : single ? 1 : input.path("max_values").asInt(1),
                    Payloads.text(input, "placeholder"), Payloads.text(input, "value"), List.copyOf(options)));
        }
        return new EmulatedModal(json.path("custom_id").asString(""), json.path("title").asString(""),
                List.copyOf(fields), json, interactionId);
    }
}
