package io.github.jdaboot.discord;

/**
 * Thrown at startup when the bot cannot run with the configuration it was given. The
 * message says what is wrong and what to set; it never contains the token.
 */
public class DiscordStartupException extends RuntimeException {

    private final String action;

    public DiscordStartupException(String message, String action) {
        super(message);
        this.action = action;
    }

    public DiscordStartupException(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    /** What the user should do about it. */
    public String getAction() {
        return this.action;
    }

}
