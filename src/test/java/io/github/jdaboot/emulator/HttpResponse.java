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
record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    static HttpResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Discord's error body for a status with no more specific code, e.g.
     * {@code 404: Not Found}.
     */
    static HttpResponse error(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\",\"code\":0}");
    }

    static HttpResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new HttpResponse(status, headers, body);
    }

    static HttpResponse noContent() {
        return new HttpResponse(204, Map.of(), new byte[0]);
    }

    static HttpResponse redirect(String location) {
        return new HttpResponse(302, Map.of("Location", location), new byte[0]);
    }

    HttpResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(this.headers);
        copy.put(name, value);
        return new HttpResponse(this.status, copy, this.body);
    }

    HttpResponse withHeaders(Map<String, String> more) {
        Map<String, String> copy = new LinkedHashMap<>(this.headers);
        copy.putAll(more);
        return new HttpResponse(this.status, copy, this.body);
    }
}
