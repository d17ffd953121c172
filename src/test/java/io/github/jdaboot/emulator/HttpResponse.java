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

    static HttpResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new HttpResponse(status, headers, body);
    }

    static HttpResponse noContent() {
        return new HttpResponse(204, new LinkedHashMap<>(), new byte[0]);
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

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }
}
