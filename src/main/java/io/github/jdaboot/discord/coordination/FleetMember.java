package io.github.jdaboot.discord.coordination;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * One process of the bot as it announces itself in Redis: its id, when it joined (by
 * Redis' clock), the shard total it runs (its generation), whether its shards are a fixed
 * range rather than a share, and where the others reach its Actuator endpoints.
 */
record FleetMember(String id, long joinedMillis, int total, boolean fixed, @Nullable URI url) {

    /** How it is stored: in a sorted set, so one string. */
    String encode() {
        return this.joinedMillis + "|" + this.id + "|" + this.total + "|" + (this.fixed ? "fixed" : "share") + "|"
                + ((this.url != null) ? this.url : "");
    }

    static @Nullable FleetMember decode(String encoded) {
        String[] parts = encoded.split("\\|", 5);
        if (parts.length != 5) {
            return null;
        }
        try {
            return new FleetMember(parts[1], Long.parseLong(parts[0]), Integer.parseInt(parts[2]),
                    "fixed".equals(parts[3]), parts[4].isEmpty() ? null : URI.create(parts[4]));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}
