package io.github.jdaboot.emulator;

/**
 * The world a new emulator starts with: one guild owned by alice, three text channels and
 * a thread, users alice, bob and carol, another bot, and a moderator role that may ping
 * everyone.
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
    }

}
