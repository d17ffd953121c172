package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Decides who a message really pings, as Discord does: the mentions in its content,
 * filtered by the sender's {@code allowed_mentions} and by what the sender may ping at
 * all ({@code @everyone}, {@code @here} and unmentionable roles need MENTION_EVERYONE).
 */
final class Mentions {

    private static final Pattern USER = Pattern.compile("<@!?(\\d{1,20})>");

    private static final Pattern ROLE = Pattern.compile("<@&(\\d{1,20})>");

    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)");

    /**
     * Who a message pings.
     *
     * @param everyone whether it pings {@code @everyone} or {@code @here}
     * @param users the user ids it pings
     * @param roles the role ids it pings
     */
    record Resolved(boolean everyone, List<Long> users, List<Long> roles) {
    }

    private Mentions() {
    }

    /**
     * @param content the message text
     * @param allowedMentions the sender's {@code allowed_mentions}, or null when absent
     * @param guild the guild, or null in a DM
     * @param senderId the sender
     * @param repliedUserId the author of the message replied to, 0 when not a reply
     * @param world to check that mentioned users exist
     */
    static Resolved resolve(String content, @Nullable JsonNode allowedMentions, @Nullable EmulatedGuild guild,
            long senderId, long repliedUserId, EmulatorWorld world) {
        boolean parseUsers = true;
        boolean parseRoles = true;
        boolean parseEveryone = true;
        boolean repliedUser = true;
        Set<Long> allowedUsers = new HashSet<>();
        Set<Long> allowedRoles = new HashSet<>();
        if (allowedMentions != null && allowedMentions.isObject()) {
            Set<String> parse = new HashSet<>();
            allowedMentions.path("parse").forEach((node) -> parse.add(node.asString()));
            parseUsers = parse.contains("users");
            parseRoles = parse.contains("roles");
            parseEveryone = parse.contains("everyone");
            allowedMentions.path("users").forEach((node) -> allowedUsers.add(Long.parseUnsignedLong(node.asString())));
            allowedMentions.path("roles").forEach((node) -> allowedRoles.add(Long.parseUnsignedLong(node.asString())));
            repliedUser = allowedMentions.path("replied_user").asBoolean(false);
        }
        boolean mayPingEveryone = guild != null && (guild.permissionsOf(senderId) & Permissions.MENTION_EVERYONE) != 0;

        Set<Long> users = new LinkedHashSet<>();
        Matcher userMatcher = USER.matcher(content);
        while (userMatcher.find()) {
            long id = parseId(userMatcher.group(1));
            if (id != 0 && (parseUsers || allowedUsers.contains(id)) && world.user(id).isPresent()) {
                users.add(id);
            }
        }
        if (repliedUserId != 0 && repliedUser) {
            users.add(repliedUserId);
        }
        List<Long> roles = new ArrayList<>();
        if (guild != null) {
            Matcher roleMatcher = ROLE.matcher(content);
            while (roleMatcher.find()) {
                long id = parseId(roleMatcher.group(1));
                boolean exists = guild.roles().stream().anyMatch((role) -> role.id() == id && id != guild.id());
                if (!exists || roles.contains(id) || !(parseRoles || allowedRoles.contains(id))) {
                    continue;
                }
                if (guild.role(id).mentionable() || mayPingEveryone) {
                    roles.add(id);
                }
            }
        }
        boolean everyone = parseEveryone && mayPingEveryone && EVERYONE.matcher(content).find();
        return new Resolved(everyone, List.copyOf(users), List.copyOf(roles));
    }

    private static long parseId(String digits) {
        try {
            return Long.parseUnsignedLong(digits);
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

}
