package io.github.jdaboot.emulator;

/**
 * An SKU of the emulated application: a premium offer users can buy.
 *
 * @param id its id
 * @param type {@link #DURABLE}, {@link #CONSUMABLE}, {@link #SUBSCRIPTION} or
 * {@link #SUBSCRIPTION_GROUP}, as Discord numbers them
 * @param name the name Discord shows, as on its premium button
 * @param slug the name in a URL
 * @param flags {@link #AVAILABLE}, and for a subscription {@link #GUILD_SUBSCRIPTION} or
 * {@link #USER_SUBSCRIPTION}
 * @param price the price Discord's client shows on a premium button (the API does not
 * carry it; the chat page does)
 */
public record EmulatedSku(long id, int type, String name, String slug, int flags, String price) {

    /** A one-time purchase kept for good. */
    public static final int DURABLE = 2;

    /** A one-time purchase the app uses up (consumes); bought again after that. */
    public static final int CONSUMABLE = 3;

    /** A recurring subscription: entitlements are to this SKU. */
    public static final int SUBSCRIPTION = 5;

    /** The group Discord makes beside each subscription; nobody is entitled to it. */
    public static final int SUBSCRIPTION_GROUP = 6;

    public static final int AVAILABLE = 1 << 2;

    public static final int GUILD_SUBSCRIPTION = 1 << 7;

    public static final int USER_SUBSCRIPTION = 1 << 8;

    public String idString() {
        return Long.toUnsignedString(this.id);
    }

    public boolean isConsumable() {
        return this.type == CONSUMABLE;
    }

    public boolean isSubscription() {
        return this.type == SUBSCRIPTION;
    }

    /** Whether a purchase of it is for a whole guild rather than the buyer. */
    public boolean isForGuilds() {
        return (this.flags & GUILD_SUBSCRIPTION) != 0;
    }

}
