package io.github.jdaboot.emulator;

/**
 * A role in an emulated guild.
 *
 * @param id the role's id (the {@code @everyone} role has the guild's id)
 * @param name the role's name
 * @param permissions the permission bits the role grants
 * @param mentionable whether anyone may mention the role
 * @param position the role's position
 */
public record EmulatedRole(long id, String name, long permissions, boolean mentionable, int position) {

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    /** The mention markup for this role, {@code <@&id>}. */
    public String mention() {
        return "<@&" + idString() + ">";
    }
}
