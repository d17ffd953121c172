package io.github.jdaboot.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The layout of a Components V2 message (flag IS_COMPONENTS_V2), checked and stored as
 * Discord does. At the top: action rows, sections, text displays, media galleries, files,
 * separators and containers (types 1, 9, 10, 12, 13, 14, 17); in a container the same but
 * containers; a section holds 1-3 text displays and a button or a thumbnail (11) as its
 * accessory; a gallery 1-10 items. At most 40 components in all, nested ones and
 * accessories counted, and 4,000 characters of text across the text displays. Media URLs
 * are {@code http(s)} or {@code attachment://name} of a file of the message; a file
 * component takes the latter only. Every problem is reported at once (400, 50035). Stored
 * as Discord answers: media unfurled (an attachment's URL and id), defaults filled in
 * ({@code spoiler}, {@code divider}, {@code spacing}, {@code accent_color}).
 * <p>
 * The errors name the field as Discord does; the codes of the two totals
 * ({@code COMPONENT_MAX_TOTAL_EXCEEDED}, {@code COMPONENT_MAX_TEXT_EXCEEDED}) are the
 * emulator's own, Discord's being undocumented.
 */
final class Layouts {

    static final int SECTION = 9;

    static final int THUMBNAIL = 11;

    static final int MEDIA_GALLERY = 12;

    static final int FILE = 13;

    static final int SEPARATOR = 14;

    static final int CONTAINER = 17;

    static final int MAX_COMPONENTS = 40;

    static final int MAX_TEXT = 4000;

    private static final String ATTACHMENT = "attachment://";

    private static final Set<String> SCHEMES = Set.of("http", "https", "attachment");

    /** How the media of a layout are unfurled, by the files of its message. */
    interface Media {

        /**
         * The unfurled media for a URL ({@code id}, {@code url}, {@code proxy_url}, and
         * for a file of the message its {@code attachment_id} and {@code content_type});
         * null for {@code attachment://} naming no file of the message.
         */
        @Nullable ObjectNode unfurl(String url);

        /** The size in bytes of the message's file of this name. */
        int size(String filename);

    }

    private final Components check;

    private final FormErrors errors;

    private final Media media;

    private int count;

    private int text;

    private Layouts(Components check, FormErrors errors, Media media) {
        this.check = check;
        this.errors = errors;
        this.media = media;
    }

    /**
     * Checks a layout and brings it into the shape Discord stores, adding every problem
     * to the errors.
     */
    static void check(ArrayNode components, Components check, FormErrors errors, Media media) {
        Layouts layouts = new Layouts(check, errors, media);
        for (int i = 0; i < components.size(); i++) {
            layouts.component(components.get(i), "components." + i, false);
        }
        if (layouts.count > MAX_COMPONENTS) {
            errors.add("components", "COMPONENT_MAX_TOTAL_EXCEEDED",
                    "A message can have at most " + MAX_COMPONENTS + " components, nested ones included.");
        }
        if (layouts.text > MAX_TEXT) {
            errors.add("components", "COMPONENT_MAX_TEXT_EXCEEDED",
                    "The text displays of a message can hold at most " + MAX_TEXT + " characters in all.");
        }
    }

    private void component(JsonNode component, String at, boolean inContainer) {
        this.count++;
        if (!(component instanceof ObjectNode object)) {
            this.errors.add(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            return;
        }
        switch (object.path("type").asInt(0)) {
            case Components.ACTION_ROW -> {
                this.count += object.path("components").size();
                this.check.row(object, at);
            }
            case SECTION -> section(object, at);
            case Components.TEXT_DISPLAY -> textDisplay(object, at);
            case MEDIA_GALLERY -> gallery(object, at);
            case FILE -> file(object, at);
            case SEPARATOR -> separator(object, at);
            case CONTAINER -> {
                if (inContainer) {
                    this.errors.add(at + ".type", "BASE_TYPE_CHOICES", "Value must be one of {1, 9, 10, 12, 13, 14}.");
                }
                else {
                    container(object, at);
                }
            }
            default -> this.errors.add(at + ".type", "BASE_TYPE_CHOICES",
                    inContainer ? "Value must be one of {1, 9, 10, 12, 13, 14}."
                            : "Value must be one of {1, 9, 10, 12, 13, 14, 17}.");
        }
    }

    private void container(ObjectNode container, String at) {
        JsonNode children = container.path("components");
        if (!children.isArray() || children.isEmpty()) {
            this.errors.add(at + ".components", "BASE_TYPE_REQUIRED", "This field is required");
        }
        for (int i = 0; i < children.size(); i++) {
            component(children.get(i), at + ".components." + i, true);
        }
        JsonNode accent = container.path("accent_color");
        if (!accent.isMissingNode() && !accent.isNull()
                && (!accent.isIntegralNumber() || accent.asLong() < 0 || accent.asLong() > 0xFFFFFF)) {
            this.errors.add(at + ".accent_color", "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 16777215.");
        }
        if (!container.hasNonNull("accent_color")) {
            container.putNull("accent_color");
        }
        spoiler(container);
    }

    private void section(ObjectNode section, String at) {
        JsonNode texts = section.path("components");
        if (!texts.isArray() || texts.isEmpty() || texts.size() > 3) {
            this.errors.add(at + ".components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 3 in length.");
        }
        for (int i = 0; i < texts.size(); i++) {
            this.count++;
            JsonNode text = texts.get(i);
            if (text.path("type").asInt(0) != Components.TEXT_DISPLAY) {
                this.errors.add(at + ".components." + i + ".type", "BASE_TYPE_CHOICES", "Value must be one of {10}.");
            }
            else {
                textDisplay((ObjectNode) text, at + ".components." + i);
            }
        }
        JsonNode accessory = section.path("accessory");
        if (!(accessory instanceof ObjectNode object)) {
            this.errors.add(at + ".accessory", "BASE_TYPE_REQUIRED", "This field is required");
            return;
        }
        this.count++;
        switch (object.path("type").asInt(0)) {
            case Components.BUTTON -> this.check.button(object, at + ".accessory");
            case THUMBNAIL -> {
                unfurled(object, "media", at + ".accessory", false);
                description(object, at + ".accessory");
                spoiler(object);
            }
            default -> this.errors.add(at + ".accessory.type", "BASE_TYPE_CHOICES", "Value must be one of {2, 11}.");
        }
    }

    private void textDisplay(ObjectNode display, String at) {
        if (this.check.text(display, "content", 1, MAX_TEXT, true, at)) {
            String content = display.path("content").asString();
            this.text += content.codePointCount(0, content.length());
        }
    }

    private void gallery(ObjectNode gallery, String at) {
        JsonNode items = gallery.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > 10) {
            this.errors.add(at + ".items", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 10 in length.");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof ObjectNode item) {
                unfurled(item, "media", at + ".items." + i, false);
                description(item, at + ".items." + i);
                spoiler(item);
            }
        }
    }

    private void file(ObjectNode file, String at) {
        String url = file.path("file").path("url").asString("");
        if (unfurled(file, "file", at, true) != null) {
            String name = url.substring(ATTACHMENT.length());
            file.put("name", name);
            file.put("size", this.media.size(name));
        }
        spoiler(file);
    }

    private void separator(ObjectNode separator, String at) {
        JsonNode spacing = separator.path("spacing");
        if (spacing.isMissingNode() || spacing.isNull()) {
            separator.put("spacing", 1);
        }
        else if (spacing.asInt(0) != 1 && spacing.asInt(0) != 2) {
            this.errors.add(at + ".spacing", "BASE_TYPE_CHOICES", "Value must be one of {1, 2}.");
        }
        if (!separator.path("divider").isBoolean()) {
            separator.put("divider", true);
        }
    }

    /**
     * A media field ({@code media} of a thumbnail or gallery item, {@code file} of a file
     * component), replaced by what Discord unfurls it to.
     * @return the unfurled media, or null when it is wrong
     */
    private @Nullable ObjectNode unfurled(ObjectNode owner, String field, String at, boolean attachmentOnly) {
        String path = at + "." + field + ".url";
        String url = owner.path(field).path("url").asString(null);
        if (url == null || url.isEmpty()) {
            this.errors.add(path, "BASE_TYPE_REQUIRED", "This field is required");
            return null;
        }
        if (url.length() > 2048) {
            this.errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 2048 or fewer in length.");
            return null;
        }
        if (attachmentOnly && !url.startsWith(ATTACHMENT)) {
            this.errors.add(path, "UNFURLED_MEDIA_ATTACHMENT_REQUIRED",
                    "Only attachment:// references are allowed for this component.");
            return null;
        }
        if (!hasScheme(url)) {
            this.errors.add(path, "URL_TYPE_INVALID_SCHEME", "Scheme \"" + url.replaceFirst(":.*", "")
                    + "\" is not supported. Scheme must be one of ('http', 'https', 'attachment').");
            return null;
        }
        ObjectNode unfurled = this.media.unfurl(url);
        if (unfurled == null) {
            this.errors.add(path, "UNFURLED_MEDIA_ATTACHMENT_NOT_FOUND",
                    "The attachment \"" + url.substring(ATTACHMENT.length()) + "\" is not in the message.");
            return null;
        }
        owner.set(field, unfurled);
        return unfurled;
    }

    private static boolean hasScheme(String url) {
        try {
            String scheme = new URI(url).getScheme();
            return scheme != null && SCHEMES.contains(scheme);
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private void description(ObjectNode owner, String at) {
        this.check.text(owner, "description", 1, 1024, false, at);
        if (!owner.hasNonNull("description")) {
            owner.putNull("description");
        }
    }

    private static void spoiler(ObjectNode owner) {
        if (!owner.path("spoiler").isBoolean()) {
            owner.put("spoiler", false);
        }
    }

}
