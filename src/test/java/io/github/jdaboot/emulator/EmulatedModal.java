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
     * One input of the modal: a text input (type 4) or a select (3, 5-8) in a label.
     *
     * @param customId the input's custom id, the key of its value when submitting
     * @param label the label's text
     * @param type the component type: 4 text input, 3 string select, 5-8 entity selects
     * @param style 1 short, 2 paragraph (text inputs; 0 for selects)
     * @param required whether it must be filled in
     * @param minLength the least characters (text inputs) or values (selects)
     * @param maxLength the most characters (text inputs) or values (selects)
     * @param placeholder the text shown while it is empty
     * @param value the text it is pre-filled with
     */
    public record Field(String customId, String label, int type, int style, boolean required, int minLength,
            int maxLength, @Nullable String placeholder, @Nullable String value) {
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
            boolean text = input.path("type").asInt(0) == Components.TEXT_INPUT;
            fields.add(new Field(input.path("custom_id").asString(""), label, input.path("type").asInt(0),
                    input.path("style").asInt(0), input.path("required").asBoolean(true),
                    text ? input.path("min_length").asInt(0) : input.path("min_values").asInt(1),
                    text ? input.path("max_length").asInt(4000) : input.path("max_values").asInt(1),
                    Payloads.text(input, "placeholder"), Payloads.text(input, "value")));
        }
        return new EmulatedModal(json.path("custom_id").asString(""), json.path("title").asString(""),
                List.copyOf(fields), json, interactionId);
    }
}
