package io.github.jdaboot.discord.emoji;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the application emojis.
 */
@ConfigurationProperties("discord.emojis")
public class ApplicationEmojiProperties {

    /**
     * Where the emoji images are (PNG, GIF or WebP; the file name is the emoji's name).
     */
    private String location = "classpath:discord/emojis/";

    /**
     * Whether to upload the images to Discord at startup, when missing or changed; when
     * false, the emojis Discord has are only read.
     */
    private boolean sync = true;

    /**
     * Whether to delete, at startup, the application emojis uploaded from an image that
     * is no longer there.
     */
    private boolean deleteRemoved;

    public String getLocation() {
        return this.location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public boolean isSync() {
        return this.sync;
    }

    public void setSync(boolean sync) {
        this.sync = sync;
    }

    public boolean isDeleteRemoved() {
        return this.deleteRemoved;
    }

    public void setDeleteRemoved(boolean deleteRemoved) {
        this.deleteRemoved = deleteRemoved;
    }

}
