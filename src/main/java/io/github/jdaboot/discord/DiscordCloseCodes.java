package io.github.jdaboot.discord;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.jspecify.annotations.Nullable;

/**
 * Discord's gateway close codes after which a session must not be retried, and what to
 * tell the user about each. JDA's {@link CloseCode} knows them all but 4012 (invalid API
 * version), which it would retry.
 */
final class DiscordCloseCodes {

    /** Invalid API version: not in JDA's {@link CloseCode}. */
    static final int INVALID_API_VERSION = 4012;

    private static final Set<GatewayIntent> PRIVILEGED = EnumSet.of(GatewayIntent.GUILD_MEMBERS,
            GatewayIntent.GUILD_PRESENCES, GatewayIntent.MESSAGE_CONTENT);

    private DiscordCloseCodes() {
    }

    /**
     * Whether Discord will not accept the session again without a configuration change.
     */
    static boolean isFatal(int code) {
        CloseCode known = CloseCode.from(code);
        return (known != null) ? !known.isReconnect() : code == INVALID_API_VERSION;
    }

    /**
     * A short name for the code: JDA's ({@code AUTHENTICATION_FAILED} reads
     * "Authentication failed").
     */
    static String describe(int code) {
        CloseCode known = CloseCode.from(code);
        if (known == null) {
            return (code == INVALID_API_VERSION) ? "Invalid API version" : "close code " + code;
        }
        String words = known.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The failure to report for a fatal close: what happened and exactly what to set. */
    static DiscordStartupException explain(int code, Set<GatewayIntent> intents) {
        String closed = "gateway close " + code + " " + describe(code);
        return switch (code) {
            case 4004 -> rejectedToken(closed, null);
            case 4014 -> {
                String requested = intents.stream()
                    .filter(PRIVILEGED::contains)
                    .map(Enum::name)
                    .sorted()
                    .collect(Collectors.joining(", "));
                yield new DiscordStartupException(
                        "Discord refused the privileged gateway intents " + requested + " (" + closed
                                + "): enable them for the bot in the Developer Portal (Bot > Privileged Gateway"
                                + " Intents) or remove them from discord.intents.",
                        "Enable " + requested + " on the Bot page of the application in the Discord Developer Portal."
                                + " The prefix command needs MESSAGE_CONTENT; slash commands need no privileged intent.");
            }
            case 4013 -> new DiscordStartupException(
                    "Discord rejected the gateway intents (" + closed
                            + "): set discord.intents to valid GatewayIntent names.",
                    "For example: discord.intents=guild-messages,direct-messages,message-content");
            case 4010,
                    4011 ->
                new DiscordStartupException(
                        "Discord rejected the shard configuration (" + closed
                                + "): leave discord.shards-total empty to use the number Discord recommends.",
                        "Remove discord.shards-total, or set it to the number of shards Discord recommends.");
            default -> new DiscordStartupException(
                    "Discord closed the gateway session for good (" + closed
                            + "): point discord.gateway-url at Discord's gateway (wss://gateway.discord.gg/).",
                    "Check discord.gateway-url and discord.rest-url; the bot speaks gateway and REST API version 10.");
        };
    }

    static DiscordStartupException rejectedToken(String how, @Nullable Throwable cause) {
        String message = "Discord rejected the bot token (" + how + "): set a valid token in the DISCORD_TOKEN"
                + " environment variable, the discord.token property, or the file named by discord.token-file.";
        String action = "Copy the current token from the Bot page in the Discord Developer Portal (reset it there if"
                + " it may have leaked).";
        return (cause != null) ? new DiscordStartupException(message, action, cause)
                : new DiscordStartupException(message, action);
    }

}
