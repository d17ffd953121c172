package io.github.jdaboot.emulator;

/**
 * The world a new emulator starts with: one guild owned by alice, three text channels, a
 * thread and an age-restricted channel, users alice, bob and carol, another bot, a
 * moderator role that may ping everyone, and the application's SKUs: Idea Pro (durable),
 * Spotlight (consumable) and Idea Club (a subscription, with its group), with fixed ids,
 * so that a bot can be configured with them ({@code idea.premium.sku=}
 * {@link #IDEA_PRO_SKU}); alice has installed the app to her account and has a DM with
 * bob and a group DM with bob and carol, which the bot is not part of.
 */
public final class DefaultWorld {

    /** The id of Idea Pro, a durable SKU. */
    public static final String IDEA_PRO_SKU = "1300000000000000101";

    /** The id of Spotlight, a consumable SKU. */
    public static final String SPOTLIGHT_SKU = "1300000000000000102";

    /** The id of Idea Club, a subscription for users (its group is the next id). */
    public static final String IDEA_CLUB_SKU = "1300000000000000103";

    private DefaultWorld() {
    }

    static void populate(World world) {
        world.addSku(Long.parseLong(IDEA_PRO_SKU), "Idea Pro", EmulatedSku.DURABLE, "$2.99");
        world.addSku(Long.parseLong(SPOTLIGHT_SKU), "Spotlight", EmulatedSku.CONSUMABLE, "$0.99");
        world.addSku(Long.parseLong(IDEA_CLUB_SKU), "Idea Club", EmulatedSku.SUBSCRIPTION, "$1.99/month");
        EmulatedUser alice = world.user("alice");
        EmulatedGuild guild = world.addGuild("Emulator Guild", alice);
        EmulatedChannel general = world.addTextChannel(guild, "general");
        world.addTextChannel(guild, "random");
        world.addTextChannel(guild, "bot-lab");
        world.addThread(general, "brainstorm");
        world.user("bob");
        world.user("carol");
        world.addBotUser("OtherBot");
        EmulatedRole moderators = world.addRole(guild, "Moderators",
                Permissions.EVERYONE_DEFAULT | Permissions.MENTION_EVERYONE | Permissions.MANAGE_MESSAGES, false);
        world.addRole(guild, "Idea Fans", Permissions.EVERYONE_DEFAULT, true);
        world.grantRole(guild, alice, moderators);
        world.addTextChannel(guild, "after-dark", true);
        world.installApp(alice);
        world.directChannel(alice, world.user("bob"));
        world.groupChannel("Weekend plans", alice, world.user("bob"), world.user("carol"));
    }

}
