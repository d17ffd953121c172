package io.github.jdaboot.emulator;

/**
 * One of the application's emojis, as the bot uploaded it.
 *
 * @param id the emoji's id
 * @param name its name, 2-32 letters, digits and underscores, unique in the application
 * @param contentType the image's media type: {@code image/png}, {@code image/gif},
 * {@code image/webp} or {@code image/jpeg}
 * @param image the image as uploaded
 * @param animated whether it moves (a GIF, or a WebP with an animation)
 */
public record EmulatedApplicationEmoji(long id, String name, String contentType, byte[] image, boolean animated) {

    public String idString() {
        return Payloads.id(this.id);
    }

    /** The same emoji with another name. */
    EmulatedApplicationEmoji named(String name) {
        return new EmulatedApplicationEmoji(this.id, name, this.contentType, this.image, this.animated);
    }

    @Override
    public String toString() {
        return "ApplicationEmoji[" + this.name + " " + idString() + ", " + this.image.length + " bytes]";
    }

}
