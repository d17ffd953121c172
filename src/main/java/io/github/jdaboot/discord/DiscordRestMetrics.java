package io.github.jdaboot.discord;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times every HTTP exchange JDA has with Discord's REST API, retries and 429s included (JDA's own
 * {@code HttpRequestEvent} sees neither), as {@code discord.rest.requests} tagged with the method,
 * the route template ({@code /channels/{channel_id}/messages}, never an id or token), the status and,
 * for 429s, Discord's rate-limit scope.
 */
class DiscordRestMetrics implements Interceptor {

    static final String METRIC = "discord.rest.requests";

    /** What a numeric path segment is, by the segment before it. */
    private static final Map<String, String> ID_NAMES = Map.ofEntries(Map.entry("channels", "{channel_id}"),
            Map.entry("guilds", "{guild_id}"), Map.entry("messages", "{message_id}"), Map.entry("users", "{user_id}"),
            Map.entry("members", "{user_id}"), Map.entry("bans", "{user_id}"), Map.entry("roles", "{role_id}"),
            Map.entry("applications", "{application_id}"), Map.entry("commands", "{command_id}"),
            Map.entry("webhooks", "{webhook_id}"), Map.entry("interactions", "{interaction_id}"),
            Map.entry("emojis", "{emoji_id}"), Map.entry("stickers", "{sticker_id}"),
            Map.entry("threads", "{thread_id}"), Map.entry("entitlements", "{entitlement_id}"));

    /** A timer's tags; the timers are as many as route templates, statuses and scopes (Discord's, so bounded). */
    private record Tags(String method, String route, String status, String scope) {
    }

    private final MeterRegistry registry;

    /** The timers made so far: registering one for every request would build its id and tags each time. */
    private final Map<Tags, Timer> timers = new ConcurrentHashMap<>();

    DiscordRestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long start = System.nanoTime();
        String status = "IO_ERROR";
        String scope = "none";
        try {
            Response response = chain.proceed(request);
            status = Integer.toString(response.code());
            if (response.code() == 429) {
                String header = response.header("X-RateLimit-Scope");
                scope = (header != null) ? header : ("true".equals(response.header("X-RateLimit-Global")) ? "global"
                        : "unknown");
            }
            return response;
        }
        finally {
            Tags tags = new Tags(request.method(), template(request.url().encodedPathSegments()), status, scope);
            this.timers.computeIfAbsent(tags, (key) -> Timer.builder(METRIC)
                .description("HTTP requests to Discord's REST API")
                .tag("method", key.method())
                .tag("route", key.route())
                .tag("status", key.status())
                .tag("scope", key.scope())
                .register(this.registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The route template of an API path: ids and tokens replaced by named placeholders. */
    static String template(List<String> segments) {
        StringBuilder route = new StringBuilder();
        int start = 0;
        for (int i = 0; i + 1 < segments.size(); i++) {
            String next = segments.get(i + 1);
            if (segments.get(i).equals("api") && next.length() > 1 && next.charAt(0) == 'v' && isNumber(next, 1)) {
                start = i + 2;
                break;
            }
        }
        String previous = "";
        String beforePrevious = "";
        for (int i = start; i < segments.size(); i++) {
            String segment = segments.get(i);
            String shown;
            if (segment.isEmpty()) {
                continue;
            }
            else if (beforePrevious.equals("interactions")) {
                shown = "{interaction_token}";
            }
            else if (beforePrevious.equals("webhooks") && !segment.equals("messages")) {
                shown = "{webhook_token}";
            }
            else if (previous.equals("reactions") || previous.equals("invites")) {
                shown = previous.equals("reactions") ? "{emoji}" : "{code}";
            }
            else if (isNumber(segment, 0)) {
                shown = ID_NAMES.getOrDefault(previous, "{id}");
            }
            else {
                shown = segment;
            }
            route.append('/').append(shown);
            beforePrevious = previous;
            previous = segment;
        }
        return route.toString();
    }

    /** Whether the text is digits from {@code from} on (ids; the API version after its {@code v}). */
    private static boolean isNumber(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
