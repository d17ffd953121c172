package io.github.jdaboot.emulator;

/**
 * A Discord user known to the emulator.
 *
 * @param id the user's id
 * @param username the user's name
 * @param bot whether the account is a bot
 */
public record EmulatedUser(long id, String username, boolean bot) {

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    /** The mention markup for this user, {@code <@id>}. */
    public String mention() {
        return "<@" + idString() + ">";
    }
}
