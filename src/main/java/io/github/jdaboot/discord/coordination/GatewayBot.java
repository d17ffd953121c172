package io.github.jdaboot.discord.coordination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.utils.data.DataObject;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Discord's {@code GET /gateway/bot}: the session start budget and max_concurrency, which
 * JDA's shard manager does not pass on to a session controller.
 */
final class GatewayBot {

    private GatewayBot() {
    }

    /**
     * Asks Discord.
     * @throws InvalidTokenException when Discord rejects the token
     */
    static IdentifyBudget.Limit fetch(OkHttpClient http, String restUrl, String token) {
        String base = restUrl.endsWith("/") ? restUrl : restUrl + "/";
        Request request = new Request.Builder().url(base + "gateway/bot")
            .header("Authorization", token.startsWith("Bot ") ? token : "Bot " + token)
            .build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() == 401) {
                throw new InvalidTokenException();
            }
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new IllegalStateException("GET /gateway/bot answered HTTP " + response.code());
            }
            DataObject limit = DataObject.fromJson(body.byteStream()).getObject("session_start_limit");
            return new IdentifyBudget.Limit(limit.getInt("remaining"), Duration.ofMillis(limit.getLong("reset_after")),
                    limit.getInt("max_concurrency", 1));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("GET /gateway/bot failed", ex);
        }
    }

}
