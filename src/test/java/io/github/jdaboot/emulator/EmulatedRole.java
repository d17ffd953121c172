package io.github.jdaboot.emulator;

/**
 * A role in an emulated guild.
 *
 * @param id the role's id (the {@code @everyone} role has the guild's id)
 * @param name the role's name
 * @param permissions the permission bits the role grants
 * @param mentionable whether anyone may mention the role
 * @param position the role's position: a member may manage only roles below their own
 * highest one
 * @param color the role's colour, an RGB integer, 0 for none
 * @param hoist whether members with the role are shown apart
 */
public record EmulatedRole(long id, String name, long permissions, boolean mentionable, int position, int color,
        boolean hoist) {

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    /** The mention markup for this role, {@code <@&id>}. */
    public String mention() {
        return "<@&" + idString() + ">";
    }

    EmulatedRole withPosition(int position) {
        return new EmulatedRole(this.id, this.name, this.permissions, this.mentionable, position, this.color,
                this.hoist);
    }

}
