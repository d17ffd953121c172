package io.github.jdaboot.emulator;

/**
 * The world a new emulator starts with: one guild owned by alice, three text channels and a thread,
 * users alice, bob and carol, another bot, and a moderator role that may ping everyone.
 */
final class DefaultWorld {

    private DefaultWorld() {
    }

    static void populate(DiscordEmulator emulator) {
        EmulatedUser alice = emulator.world().addUser("alice", false);
        EmulatedGuild guild = emulator.addGuild("Emulator Guild", alice);
        EmulatedChannel general = emulator.addTextChannel(guild, "general");
        emulator.addTextChannel(guild, "random");
        emulator.addTextChannel(guild, "bot-lab");
        emulator.addThread(general, "brainstorm");
        emulator.user("bob");
        emulator.user("carol");
        emulator.addBotUser("OtherBot");
        EmulatedRole moderators = emulator.addRole(guild, "Moderators",
                Permissions.EVERYONE_DEFAULT | Permissions.MENTION_EVERYONE | Permissions.MANAGE_MESSAGES, false);
        emulator.addRole(guild, "Idea Fans", Permissions.EVERYONE_DEFAULT, true);
        emulator.grantRole(guild, alice, moderators);
    }
}
