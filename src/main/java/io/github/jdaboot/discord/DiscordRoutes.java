package io.github.jdaboot.discord;

import java.util.List;
import java.util.Map;

/**
 * Discord's REST routes as templates ({@code /channels/{channel_id}/messages}): ids,
 * tokens, emojis and invite codes replaced by named placeholders, so that a route is a
 * bounded metric tag and never carries an id or an interaction's token.
 */
final class DiscordRoutes {

    /** What a numeric path segment is, by the segment before it. */
    private static final Map<String, String> ID_NAMES = Map.ofEntries(Map.entry("channels", "{channel_id}"),
            Map.entry("guilds", "{guild_id}"), Map.entry("messages", "{message_id}"), Map.entry("users", "{user_id}"),
            Map.entry("members", "{user_id}"), Map.entry("bans", "{user_id}"), Map.entry("roles", "{role_id}"),
            Map.entry("applications", "{application_id}"), Map.entry("commands", "{command_id}"),
            Map.entry("webhooks", "{webhook_id}"), Map.entry("interactions", "{interaction_id}"),
            Map.entry("emojis", "{emoji_id}"), Map.entry("stickers", "{sticker_id}"),
            Map.entry("threads", "{thread_id}"), Map.entry("entitlements", "{entitlement_id}"));

    private DiscordRoutes() {
    }

    /**
     * The route template of an API path: ids and tokens replaced by named placeholders.
     */
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

    /**
     * Whether the text is digits from {@code from} on (ids; the API version after its
     * {@code v}).
     */
    private static boolean isNumber(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return text.length() > from;
    }

}
