package io.github.jdaboot.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST routes of the application's emojis: list, read, upload, rename, delete. As on
 * Discord: a name of 2-32 letters, digits and underscores, unique in the application; an
 * image as a data URI of a PNG, JPEG, GIF or WebP of at most 256 KiB, whose content is of
 * the type it declares; at most 2,000 emojis an application (30008). Unknown emojis are
 * 10014, another application's 10002. The images are served as Discord's CDN serves them,
 * at {@code /emojis/{id}.{png|gif|webp|jpg}} (see {@link ControlApi}).
 */
final class ApplicationEmojiRoutes {

    /** Discord's limit on an application emoji's image. */
    static final int MAX_BYTES = 256 * 1024;

    /** Discord's limit on an application's emojis. */
    static final int MAX_EMOJIS = 2000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{2,32}");

    private static final Pattern DATA_URI = Pattern.compile("data:(image/(?:png|jpeg|gif|webp));base64,(.*)",
            Pattern.DOTALL);

    private final EmulatorWorld world;

    private final Payloads payloads;

    ApplicationEmojiRoutes(EmulatorWorld world, Payloads payloads) {
        this.world = world;
        this.payloads = payloads;
    }

    void register(RestApi api) {
        RateLimits.Limit limit = DiscordRoutes.DEFAULT;
        String emojis = "applications/{application_id}/emojis";
        api.route("GET", emojis, limit, true, (request, params) -> {
            application(params);
            ObjectNode json = this.payloads.object();
            ArrayNode items = json.putArray("items");
            this.world.applicationEmojis().forEach((emoji) -> items.add(emoji(emoji)));
            return DiscordRoutes.ok(json);
        });
        api.route("POST", emojis, limit, true, this::create);
        api.route("GET", emojis + "/{emoji_id}", limit, true,
                (request, params) -> DiscordRoutes.ok(emoji(find(params))));
        api.route("PATCH", emojis + "/{emoji_id}", limit, true, this::rename);
        api.route("DELETE", emojis + "/{emoji_id}", limit, true, (request, params) -> {
            this.world.removeApplicationEmoji(find(params).id());
            return EmulatorResponse.noContent();
        });
    }

    private EmulatorResponse create(EmulatorRequest request, Map<String, String> params) {
        application(params);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        FormErrors errors = new FormErrors();
        String name = name(body, errors, true);
        String type = null;
        byte[] image = null;
        Matcher uri = DATA_URI.matcher(body.path("image").asString(""));
        if (!body.hasNonNull("image")) {
            errors.add("image", "BASE_TYPE_REQUIRED", "This field is required");
        }
        else if (!uri.matches()) {
            errors.add("image", "IMAGE_INVALID", "Invalid image data");
        }
        else {
            type = uri.group(1);
            try {
                image = Base64.getDecoder().decode(uri.group(2).strip());
            }
            catch (IllegalArgumentException ex) {
                image = null;
            }
            if (image == null || !matches(type, image)) {
                errors.add("image", "IMAGE_INVALID", "Invalid image data");
            }
            else if (image.length > MAX_BYTES) {
                errors.add("image", "BINARY_TYPE_MAX_SIZE", "File cannot be larger than 256.0 kb.");
            }
        }
        errors.refuse();
        synchronized (this.world) {
            taken(name, 0);
            if (this.world.applicationEmojis().size() >= MAX_EMOJIS) {
                throw new RestApi.DiscordError(400, 30008, "Maximum number of emojis reached (" + MAX_EMOJIS + ")");
            }
            EmulatedApplicationEmoji emoji = new EmulatedApplicationEmoji(this.world.nextId(), name, type, image,
                    animated(type, image));
            this.world.store(emoji);
            return EmulatorResponse.json(201, emoji(emoji).toString());
        }
    }

    private EmulatorResponse rename(EmulatorRequest request, Map<String, String> params) {
        EmulatedApplicationEmoji emoji = find(params);
        JsonNode body = DiscordRoutes.json(request.bodyText(), this.world);
        if (!body.has("name")) {
            return DiscordRoutes.ok(emoji(emoji));
        }
        FormErrors errors = new FormErrors();
        String name = name(body, errors, true);
        errors.refuse();
        synchronized (this.world) {
            taken(name, emoji.id());
            EmulatedApplicationEmoji renamed = emoji.named(name);
            this.world.store(renamed);
            return DiscordRoutes.ok(emoji(renamed));
        }
    }

    private String name(JsonNode body, FormErrors errors, boolean required) {
        String name = body.path("name").asString("");
        if (!body.hasNonNull("name")) {
            if (required) {
                errors.add("name", "BASE_TYPE_REQUIRED", "This field is required");
            }
        }
        else if (name.length() < 2 || name.length() > 32) {
            errors.add("name", "BASE_TYPE_BAD_LENGTH", "Must be between 2 and 32 in length.");
        }
        else if (!NAME.matcher(name).matches()) {
            errors.add("name", "STRING_TYPE_REGEX", "String value did not match validator regex.");
        }
        return name;
    }

    /** Names are unique among the application's emojis. */
    private void taken(String name, long except) {
        if (this.world.applicationEmojis()
            .stream()
            .anyMatch((other) -> other.id() != except && other.name().equals(name))) {
            new FormErrors().add("name", "APPLICATION_EMOJI_NAME_ALREADY_TAKEN", "Emoji name already taken.").refuse();
        }
    }

    private EmulatedApplicationEmoji find(Map<String, String> params) {
        application(params);
        long id;
        try {
            id = Long.parseUnsignedLong(params.get("emoji_id"));
        }
        catch (NumberFormatException ex) {
            throw RestApi.DiscordError.unknown("Emoji", 10014);
        }
        return this.world.applicationEmoji(id).orElseThrow(() -> RestApi.DiscordError.unknown("Emoji", 10014));
    }

    private void application(Map<String, String> params) {
        if (DiscordRoutes.id(params, "application_id") != this.world.applicationId()) {
            throw RestApi.DiscordError.unknown("Application", 10002);
        }
    }

    /** An emoji as Discord answers with it. */
    private ObjectNode emoji(EmulatedApplicationEmoji emoji) {
        ObjectNode json = this.payloads.object();
        json.put("id", emoji.idString());
        json.put("name", emoji.name());
        json.putArray("roles");
        json.set("user", this.payloads.user(this.world.botUser()));
        json.put("require_colons", true);
        json.put("managed", false);
        json.put("animated", emoji.animated());
        json.put("available", true);
        return json;
    }

    /** Whether the image's first bytes are those of its declared type. */
    static boolean matches(String type, byte[] image) {
        return switch (type) {
            case "image/png" -> startsWith(image, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }, 0);
            case "image/gif" -> startsWith(image, ascii("GIF87a"), 0) || startsWith(image, ascii("GIF89a"), 0);
            case "image/webp" -> startsWith(image, ascii("RIFF"), 0) && startsWith(image, ascii("WEBP"), 8);
            case "image/jpeg" -> startsWith(image, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, 0);
            default -> false;
        };
    }

    /** A GIF moves; a WebP moves when it has an animation chunk. */
    private static boolean animated(String type, byte[] image) {
        if (type.equals("image/gif")) {
            return true;
        }
        return type.equals("image/webp")
                && new String(image, StandardCharsets.ISO_8859_1).substring(12).contains("ANIM");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] content, byte[] prefix, int at) {
        return content.length >= at + prefix.length
                && Arrays.equals(content, at, at + prefix.length, prefix, 0, prefix.length);
    }

}
