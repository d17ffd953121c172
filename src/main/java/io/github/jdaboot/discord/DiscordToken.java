package io.github.jdaboot.discord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Finds the bot token in {@code discord.token} (or {@code DISCORD_TOKEN}) or in the file
 * named by {@code discord.token-file}, and fails with a message that says what to set
 * when there is none. Public for the coordination of several processes, which checks the
 * token against Discord before its first shard starts.
 */
public final class DiscordToken {

    static final String WHAT_TO_SET = "set the DISCORD_TOKEN environment variable, the discord.token property,"
            + " or discord.token-file to a file that holds the token";

    static final String TRY_WITHOUT_DISCORD = "To try the bot without a Discord account, point discord.rest-url and"
            + " discord.gateway-url at the project's Discord emulator (README, \"The Discord emulator\").";

    private DiscordToken() {
    }

    /**
     * The configured token.
     * @throws DiscordStartupException saying what to set, when there is none or two
     */
    public static String resolve(DiscordProperties properties) {
        String inline = trimToNull(properties.getToken());
        Path file = properties.getTokenFile();
        if (inline != null && file != null) {
            throw new DiscordStartupException(
                    "Both discord.token (or DISCORD_TOKEN) and discord.token-file are set: set only one of them.",
                    "Remove one of the two settings so that it is clear which token the bot uses.");
        }
        if (file != null) {
            return readFile(file);
        }
        if (inline == null) {
            throw new DiscordStartupException("No Discord bot token is configured: " + WHAT_TO_SET + ".",
                    "Copy the token from the Bot page of your application in the Discord Developer Portal. "
                            + TRY_WITHOUT_DISCORD);
        }
        return inline;
    }

    private static String readFile(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException | RuntimeException ex) {
            throw new DiscordStartupException(
                    "discord.token-file is set to '" + file + "', which cannot be read ("
                            + ex.getClass().getSimpleName() + ").",
                    "Point discord.token-file at a readable file that holds the bot token, or " + WHAT_TO_SET + ".");
        }
        String token = trimToNull(content);
        if (token == null) {
            throw new DiscordStartupException("discord.token-file is set to '" + file + "', which is empty.",
                    "Write the bot token into that file, or " + WHAT_TO_SET + ".");
        }
        return token;
    }

    private static @Nullable String trimToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

}
