package io.github.jdaboot.emulator;

/**
 * The world a new emulator starts with: one guild owned by alice, three text channels, a
 * thread and an age-restricted channel, users alice, bob and carol, another bot, and a
 * moderator role that may ping everyone; alice has installed the app to her account and
 * has a DM with bob and a group DM with bob and carol, which the bot is not part of.
 */
final class DefaultWorld {

    private DefaultWorld() {
    }

    static void populate(World world) {
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
