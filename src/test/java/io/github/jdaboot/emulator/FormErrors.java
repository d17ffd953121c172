package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord's {@code errors} object of a 400 Invalid Form Body (code 50035), built field by
 * field: every problem at once, each under its dotted path, e.g.
 * {@code components.0.components.1.custom_id} becomes {@code {"components": {"0":
 * {"components": {"1": {"custom_id": {"_errors": [{"code": ..., "message": ...}]}}}}}}}.
 */
final class FormErrors {

    private final ObjectNode errors = JsonNodeFactory.instance.objectNode();

    private final List<String> problems = new ArrayList<>();

    /**
     * Adds a problem at a dotted path; {@code label} names the field in the exception's
     * message.
     */
    FormErrors add(String at, String label, String code, String message) {
        ObjectNode node = this.errors;
        for (String key : at.split("\\.")) {
            node = node.withObjectProperty(key);
        }
        ObjectNode error = node.withArrayProperty("_errors").addObject();
        error.put("code", code);
        error.put("message", message);
        this.problems.add(label + ": " + message);
        return this;
    }

    FormErrors add(String at, String code, String message) {
        return add(at, at, code, message);
    }

    /** How many problems were added. */
    int size() {
        return this.problems.size();
    }

    boolean isEmpty() {
        return this.problems.isEmpty();
    }

    /**
     * Refuses what a user did, as Discord answers the client, when there is any problem.
     */
    void reject() {
        if (!isEmpty()) {
            throw new InteractionRejectedException(400, InteractionRejectedException.INVALID_FORM_BODY, message(),
                    this.errors);
        }
    }

    /**
     * Refuses the bot's request with Discord's 400 Invalid Form Body when there is any
     * problem.
     */
    void refuse() {
        if (!isEmpty()) {
            throw new RestApi.DiscordError(400, InteractionRejectedException.INVALID_FORM_BODY, message(), this.errors);
        }
    }

    private String message() {
        return "Invalid Form Body: " + String.join("; ", this.problems);
    }

}
