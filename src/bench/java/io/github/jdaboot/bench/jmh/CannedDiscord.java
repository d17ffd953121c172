package io.github.jdaboot.bench.jmh;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The last interceptor of an OkHttp client that never reaches a socket: it answers every
 * request at once with {@code 204 No Content}, as Discord answers an interaction callback
 * sent without {@code with_response}, and keeps the last request's method, path and body.
 */
final class CannedDiscord implements Interceptor {

    private static final MediaType JSON = MediaType.get("application/json");

    private volatile @Nullable String last;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Buffer body = new Buffer();
        if (request.body() != null) {
            request.body().writeTo(body);
        }
        this.last = request.method() + " " + request.url().encodedPath() + " " + body.readUtf8();
        return new Response.Builder().request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(204)
            .message("No Content")
            .body(ResponseBody.create("", JSON))
            .build();
    }

    /** The last request: method, path and body. */
    @Nullable String last() {
        return this.last;
    }

}
