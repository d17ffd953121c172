package io.github.jdaboot.discord.emoji;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.jdaboot.discord.DiscordStartupException;
import net.dv8tion.jda.api.entities.Icon;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The emoji images of the application, read once at startup and checked against Discord's
 * limits for application emojis, so that a file Discord would refuse fails the start with
 * a message naming it and the limit: PNG, GIF or WebP (by extension and by content), at
 * most 256 KiB, a name of 2 to {@value #MAX_NAME_LENGTH} letters, digits and underscores
 * (Discord allows 32; the framework adds {@code _} and a six-digit fingerprint of the
 * image), at most {@value #MAX_EMOJIS} of them. Hidden files ({@code .gitkeep}) are not
 * images and are passed over.
 */
public final class EmojiFiles {

    /** Discord's limit on an application emoji's image. */
    public static final int MAX_BYTES = 256 * 1024;

    /** Discord's limit on the application emojis of an application. */
    public static final int MAX_EMOJIS = 2000;

    /** Discord's 32 characters, less the fingerprint the framework adds. */
    public static final int MAX_NAME_LENGTH = 32 - 1 - EmojiFile.FINGERPRINT_LENGTH;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{2," + MAX_NAME_LENGTH + "}");

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private static final Map<String, Icon.IconType> TYPES = Map.of("png", Icon.IconType.PNG, "gif", Icon.IconType.GIF,
            "webp", Icon.IconType.WEBP);

    private final List<EmojiFile> files;

    private EmojiFiles(List<EmojiFile> files) {
        this.files = List.copyOf(files);
    }

    /** The images in a directory, in the order of their names. */
    public List<EmojiFile> files() {
        return this.files;
    }

    /**
     * Reads and checks the images at a location ({@code classpath:discord/emojis/}); none
     * when it does not exist.
     * @throws DiscordStartupException naming the file and the limit it breaks
     */
    public static EmojiFiles read(ResourcePatternResolver resources, String location) {
        String directory = location.endsWith("/") ? location : location + "/";
        Resource[] found;
        try {
            found = resources.getResources(directory + "*");
        }
        catch (FileNotFoundException ex) {
            return new EmojiFiles(List.of());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not list the emoji images in " + directory, ex);
        }
        String shown = shown(directory);
        List<Resource> images = Arrays.stream(found)
            .filter(Resource::isReadable)
            .filter((resource) -> resource.getFilename() != null && !resource.getFilename().startsWith("."))
            .sorted(Comparator.comparing(Resource::getFilename))
            .toList();
        if (images.size() > MAX_EMOJIS) {
            throw new DiscordStartupException(
                    String.format(Locale.ROOT, "%s holds %,d images: Discord allows at most %,d application emojis",
                            shown, images.size(), MAX_EMOJIS),
                    "Remove images from " + shown + " until at most " + MAX_EMOJIS + " are left.");
        }
        Map<String, EmojiFile> byName = new LinkedHashMap<>();
        for (Resource image : images) {
            EmojiFile file = read(image, shown + image.getFilename());
            EmojiFile before = byName.putIfAbsent(file.name(), file);
            if (before != null) {
                throw new DiscordStartupException(before.file() + " and " + file.file()
                        + " would both be the application emoji '" + file.name() + "'",
                        "Rename or remove one of them: an emoji's name is its file's name.");
            }
        }
        return new EmojiFiles(new ArrayList<>(byName.values()));
    }

    private static EmojiFile read(Resource image, String file) {
        String filename = image.getFilename();
        int dot = filename.lastIndexOf('.');
        String name = (dot > 0) ? filename.substring(0, dot) : filename;
        Icon.IconType type = (dot > 0) ? TYPES.get(filename.substring(dot + 1).toLowerCase(Locale.ROOT)) : null;
        if (type == null) {
            throw new DiscordStartupException(
                    file + " is not a PNG, GIF or WebP image (by its extension): Discord's application emojis are"
                            + " one of those",
                    "Convert it to PNG, GIF or WebP (.png, .gif, .webp), or move it out of the emoji folder.");
        }
        if (!NAME.matcher(name).matches()) {
            throw new DiscordStartupException(
                    file + ": an application emoji's name is its file's name, which must be" + " 2 to "
                            + MAX_NAME_LENGTH + " letters (A-Z, a-z), digits and underscores; Discord allows 32,"
                            + " and the framework adds _ and six characters of the image's fingerprint",
                    "Rename the file, e.g. to " + suggested(name) + filename.substring(dot) + ".");
        }
        long size = size(image, file);
        if (size > MAX_BYTES) {
            throw new DiscordStartupException(
                    String.format(Locale.ROOT,
                            "%s is %,d bytes: Discord takes application emojis of at most 256 KiB (%,d bytes)", file,
                            size, MAX_BYTES),
                    "Make the image smaller: Discord shows emojis at 128x128 pixels at most.");
        }
        byte[] content = content(image, file);
        if (!matches(type, content)) {
            throw new DiscordStartupException(
                    file + " does not hold a " + type + " image: its first bytes are not those of the format its"
                            + " extension names",
                    "Save the image in the format of its extension, or rename it to the extension of its format.");
        }
        return new EmojiFile(name, file, type, content);
    }

    private static long size(Resource image, String file) {
        try {
            return image.contentLength();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the emoji image " + file, ex);
        }
    }

    private static byte[] content(Resource image, String file) {
        try (InputStream in = image.getInputStream()) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the emoji image " + file, ex);
        }
    }

    private static boolean matches(Icon.IconType type, byte[] content) {
        return switch (type) {
            case PNG -> startsWith(content, PNG, 0);
            case GIF -> startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII), 0)
                    || startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII), 0);
            case WEBP -> startsWith(content, "RIFF".getBytes(StandardCharsets.US_ASCII), 0)
                    && startsWith(content, "WEBP".getBytes(StandardCharsets.US_ASCII), 8);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] content, byte[] prefix, int at) {
        return content.length >= at + prefix.length
                && Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /** A name Discord takes, from one it does not. */
    private static String suggested(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (cleaned.length() > MAX_NAME_LENGTH) {
            cleaned = cleaned.substring(0, MAX_NAME_LENGTH);
        }
        return (cleaned.length() < 2) ? cleaned + "_emoji" : cleaned;
    }

    /** The directory as messages name it: {@code discord/emojis/}. */
    private static String shown(String directory) {
        int colon = directory.indexOf(':');
        String path = (colon >= 0) ? directory.substring(colon + 1) : directory;
        return path.startsWith("//") ? path.substring(2) : path;
    }

}
