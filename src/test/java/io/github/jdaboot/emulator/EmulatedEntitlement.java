package io.github.jdaboot.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An entitlement, as the emulator last knew it: who has which SKU. Changes (consumed,
 * deleted, ended) make a new one with the same id.
 *
 * @param id its id
 * @param skuId the SKU
 * @param userId who bought it (for a test entitlement of a guild, the application's
 * owner)
 * @param guildId the guild it is for, or 0 for the user's own
 * @param type Discord's entitlement type: {@link #PURCHASE} for a one-time purchase,
 * {@link #APPLICATION_SUBSCRIPTION} for a subscription or a test entitlement
 * @param deleted whether it was taken back (refunded, or a test entitlement deleted)
 * @param consumed whether a consumable was used up
 * @param startsAt when it started; null for a test entitlement
 * @param endsAt when it ends; null when it does not
 * @param test whether it is a test entitlement the app made through the API, which only
 * it may delete
 */
public record EmulatedEntitlement(long id, long skuId, long userId, long guildId, int type, boolean deleted,
        boolean consumed, @Nullable Instant startsAt, @Nullable Instant endsAt, boolean test) {

    public static final int PURCHASE = 1;

    public static final int APPLICATION_SUBSCRIPTION = 8;

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    /** Whether it grants the SKU now: not deleted or consumed, started, not ended. */
    public boolean isActive(Instant now) {
        return !this.deleted && !this.consumed && (this.startsAt == null || !this.startsAt.isAfter(now))
                && (this.endsAt == null || this.endsAt.isAfter(now));
    }

    EmulatedEntitlement asConsumed() {
        return new EmulatedEntitlement(this.id, this.skuId, this.userId, this.guildId, this.type, this.deleted, true,
                this.startsAt, this.endsAt, this.test);
    }

    EmulatedEntitlement asDeleted() {
        return new EmulatedEntitlement(this.id, this.skuId, this.userId, this.guildId, this.type, true, this.consumed,
                this.startsAt, this.endsAt, this.test);
    }

    EmulatedEntitlement endingAt(Instant end) {
        return new EmulatedEntitlement(this.id, this.skuId, this.userId, this.guildId, this.type, this.deleted,
                this.consumed, this.startsAt, end, this.test);
    }

}
