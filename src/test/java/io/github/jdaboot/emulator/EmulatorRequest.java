package io.github.jdaboot.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as it arrived, copied out of Netty's buffers so that it outlives them
 * (tests assert on it later, see {@link RecordedRequest}).
 *
 * @param method the request method, upper case
 * @param target the request target as sent, path and query
 * @param path the decoded path without the query
 * @param query the decoded query parameters (the last value wins)
 * @param headers the headers, keys in lower case
 * @param body the raw body, empty when there was none
 * @param parts the parts of a {@code multipart/form-data} body (as JDA sends files), else
 * empty
 * @param arrivedAt when it was read off the connection, by the emulator's clock (before
 * it waits for a thread to answer it)
 */
public record EmulatorRequest(String method, String target, String path, Map<String, String> query,
        Map<String, String> headers, byte[] body, List<Part> parts, Instant arrivedAt) {

    static EmulatorRequest from(FullHttpRequest request, Instant arrivedAt) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Map<String, String> query = new LinkedHashMap<>();
        uri.parameters().forEach((name, values) -> query.put(name, values.getLast()));
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((header) -> headers.put(header.getKey().toLowerCase(Locale.ROOT), header.getValue()));
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        List<Part> parts = type.regionMatches(true, 0, HttpHeaderValues.MULTIPART_FORM_DATA.toString(), 0,
                HttpHeaderValues.MULTIPART_FORM_DATA.length()) ? parts(request) : List.of();
        return new EmulatorRequest(request.method().name(), request.uri(), uri.path(), Map.copyOf(query),
                Map.copyOf(headers), ByteBufUtil.getBytes(request.content()), parts, arrivedAt);
    }

    private static List<Part> parts(FullHttpRequest request) {
        HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
        try {
            List<Part> parts = new ArrayList<>();
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload file) {
                    parts.add(new Part(file.getName(), file.getFilename(), file.getContentType(), file.get()));
                }
                else if (data instanceof Attribute attribute) {
                    parts.add(new Part(attribute.getName(), null, null,
                            attribute.getValue().getBytes(StandardCharsets.UTF_8)));
                }
            }
            return List.copyOf(parts);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            decoder.destroy();
        }
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

    /**
     * One part of a multipart body.
     *
     * @param name the form field name
     * @param filename the file name, null for a plain field
     * @param contentType the part's media type, if given
     * @param data the bytes
     */
    public record Part(String name, @Nullable String filename, @Nullable String contentType, byte[] data) {

        String text() {
            return new String(this.data, StandardCharsets.UTF_8);
        }
    }
}
