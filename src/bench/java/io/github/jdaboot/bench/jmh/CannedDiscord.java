package io.github.jdaboot.bench.jmh;

import java.io.IOException;

import net.dv8tion.jda.api.utils.data.DataObject;
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
 * sent without {@code with_response} (given a {@link GatewayCapture}, a message sent to a
 * channel with {@code 200 OK} and the message of the captured reply to {@code .idea}, as
 * Discord answers it), and keeps the last request's method, path and body.
 */
final class CannedDiscord implements Interceptor {

    private static final MediaType JSON = MediaType.get("application/json");

    /** The message Discord answers a message sent to a channel with, if any. */
    private final @Nullable String sentMessage;

    private volatile @Nullable String last;

    /** Answers every request with {@code 204 No Content}. */
    CannedDiscord() {
        this.sentMessage = null;
    }

    /**
     * Answers a message sent to a channel with the message of the capture's reply, every
     * other request with {@code 204 No Content}.
     */
    CannedDiscord(GatewayCapture capture) {
        this.sentMessage = DataObject.fromJson(capture.reply()).getObject("d").toString();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Buffer body = new Buffer();
        if (request.body() != null) {
            request.body().writeTo(body);
        }
        String path = request.url().encodedPath();
        this.last = request.method() + " " + path + " " + body.readUtf8();
        Response.Builder response = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1);
        if (this.sentMessage != null && request.method().equals("POST") && path.startsWith("/api/v10/channels/")
                && path.endsWith("/messages")) {
            return response.code(200).message("OK").body(ResponseBody.create(this.sentMessage, JSON)).build();
        }
        return response.code(204).message("No Content").body(ResponseBody.create("", JSON)).build();
    }

    /** The last request: method, path and body. */
    @Nullable String last() {
        return this.last;
    }

}
