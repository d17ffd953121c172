package io.github.jdaboot.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as it arrived on the wire.
 *
 * @param method the request method, upper case
 * @param target the request target as sent, path and query
 * @param path the decoded path without the query
 * @param query the decoded query parameters (the last value wins)
 * @param headers the headers, keys in lower case
 * @param body the raw body, empty when there was none
 */
public record HttpRequest(String method, String target, String path, Map<String, String> query,
        Map<String, String> headers, byte[] body) {

    static HttpRequest of(String method, String target, Map<String, String> headers, byte[] body) {
        int q = target.indexOf('?');
        String rawPath = (q < 0) ? target : target.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : target.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode((eq < 0) ? pair : pair.substring(0, eq));
                String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
                query.put(key, value);
            }
        }
        return new HttpRequest(method, target, decode(rawPath), Map.copyOf(query), Map.copyOf(headers), body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The value of a header, looked up case-insensitively. */
    public @Nullable String header(String name) {
        return this.headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A query parameter, if present. */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(this.query.get(name));
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return this.method + " " + this.target;
    }
}
