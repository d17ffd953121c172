package io.github.jdaboot.discord.emoji;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.dv8tion.jda.api.entities.Icon;
import org.jspecify.annotations.Nullable;

/**
 * One emoji image: its name (the file's, without the extension), its format and content,
 * and the name it has on Discord: the name, an underscore and the first six hex digits of
 * the content's SHA-256. The fingerprint in the name is how a later start knows whether
 * the file changed, without downloading anything: Discord keeps an emoji's name as given,
 * and nothing else of it that the application chooses.
 *
 * @param name the emoji's name, as the application uses it
 * @param file where it comes from, for messages: {@code discord/emojis/idea.png}
 * @param type the image format
 * @param content the image
 */
public record EmojiFile(String name, String file, Icon.IconType type, byte[] content) {

    /** How many hex digits of the fingerprint the name on Discord carries. */
    static final int FINGERPRINT_LENGTH = 6;

    private static final Pattern DISCORD_NAME = Pattern
        .compile("(?<name>[A-Za-z0-9_]+)_(?<fingerprint>[0-9a-f]{" + FINGERPRINT_LENGTH + "})");

    /** The emoji's name on Discord: {@code idea_3f2a1b}. */
    public String discordName() {
        return this.name + "_" + fingerprint(this.content);
    }

    /** The six hex digits of the content's SHA-256 the name on Discord ends with. */
    static String fingerprint(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest, 0, FINGERPRINT_LENGTH / 2);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }

    /**
     * The application's name of an emoji with this name on Discord: {@code idea} for
     * {@code idea_3f2a1b}; null for a name without a fingerprint (an emoji uploaded by
     * other means).
     */
    static @Nullable String nameOf(String discordName) {
        Matcher matcher = DISCORD_NAME.matcher(discordName);
        return matcher.matches() ? matcher.group("name") : null;
    }

    @Override
    public String toString() {
        return this.file;
    }

}
