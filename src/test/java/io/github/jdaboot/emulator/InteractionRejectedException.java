package io.github.jdaboot.emulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Discord refused a user's slash command before anything reached the bot, as it answers
 * the client: an HTTP status, Discord's JSON error code and message, and for invalid
 * input Discord's {@code errors} object naming the field, e.g.
 * {@code {"data": {"options": {"0": {"value": {"_errors": [{"code": "NUMBER_TYPE_COERCE",
 * "message": "Value \"abc\" is not int."}]}}}}}}. The message also names the option, e.g.
 * {@code Invalid Form Body: sides: Value "abc" is not int.}
 */
public final class InteractionRejectedException extends RuntimeException {

    /** Discord's JSON error code for input that fails validation. */
    public static final int INVALID_FORM_BODY = 50035;

    /** Discord's JSON error code for a command that is not registered. */
    public static final int UNKNOWN_COMMAND = 10063;

    private final int status;

    private final int code;

    private final ObjectNode errors;

    InteractionRejectedException(int status, int code, String message, ObjectNode errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = errors;
    }

    /**
     * The HTTP status Discord answers with: 400 for invalid input, 404 for an unknown
     * command.
     */
    public int status() {
        return this.status;
    }

    /**
     * Discord's JSON error code: 50035 Invalid Form Body, or 10063 Unknown application
     * command.
     */
    public int code() {
        return this.code;
    }

    /**
     * Discord's {@code errors} object, keyed by the path of each invalid field; empty for
     * an unknown command.
     */
    public JsonNode errors() {
        return this.errors.deepCopy();
    }

    /**
     * The error body Discord answers with: {@code {"code": ..., "message": ..., "errors":
     * {...}}}.
     */
    public ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", this.code);
        body.put("message", getMessage());
        if (!this.errors.isEmpty()) {
            body.set("errors", this.errors.deepCopy());
        }
        return body;
    }

}
