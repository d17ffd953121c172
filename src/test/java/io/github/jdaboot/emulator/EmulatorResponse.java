package io.github.jdaboot.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response the emulator writes.
 *
 * @param status the status code
 * @param headers the headers to send besides Content-Length
 * @param body the body
 */
record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {

    static EmulatorResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Discord's error body for a status with no more specific code, e.g.
     * {@code 404: Not Found}.
     */
    static EmulatorResponse error(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\",\"code\":0}");
    }

    static EmulatorResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new EmulatorResponse(status, headers, body);
    }

    static EmulatorResponse noContent() {
        return new EmulatorResponse(204, Map.of(), new byte[0]);
    }

    static EmulatorResponse redirect(String location) {
        return new EmulatorResponse(302, Map.of("Location", location), new byte[0]);
    }

    EmulatorResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(this.headers);
        copy.put(name, value);
        return new EmulatorResponse(this.status, copy, this.body);
    }

    EmulatorResponse withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(this.headers);
        copy.putAll(more);
        return new EmulatorResponse(this.status, copy, this.body);
    }
}
