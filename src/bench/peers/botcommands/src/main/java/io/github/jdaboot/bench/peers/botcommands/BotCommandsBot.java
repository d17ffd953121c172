package io.github.jdaboot.bench.peers.botcommands;

import io.github.freya022.botcommands.api.core.BotCommands;

/**
 * The benchmark's BotCommands bot, started as BotCommands' getting-started guide shows:
 * {@code BotCommands.create} with the package to scan, which finds the
 * {@link EmulatedDiscord JDAService}, the commands and the listener. {@code .} is the
 * text command prefix. Three settings differ from the defaults: the application commands
 * cache is off, so that every start registers {@code /idea} with its fresh emulator, as a
 * bot's first start does (with the cache, a later run would find the commands unchanged
 * on disk and register nothing); and JDA's REST rate limiter replaces BotCommands'
 * ({@link EmulatedDiscord}). A third works around a defect: with its default of four
 * threads, BotCommands' event manager now and then handed two messages received at once
 * to the same run (one answered twice, the other never: 2 of 20,000 {@code .idea} lost
 * and 3 answered twice in one warm-up at 1,000/s), so it gets one thread.
 * <p>
 * BotCommands' own components (buttons with handlers) need a database; this bot has none,
 * so its reply carries a plain JDA button whose clicks it does not answer.
 */
public final class BotCommandsBot {

    private BotCommandsBot() {
    }

    public static void main(String[] args) {
        BotCommands.create((config) -> {
            config.addSearchPath(BotCommandsBot.class.getPackageName());
            config.textCommands((text) -> text.getPrefixes().add("."));
            config.applicationCommands((application) -> application.disableCache());
            config.coroutineScopes(
                    (scopes) -> scopes.setEventManagerScopeFactory(scopes.defaultFactory("Event manager", 1)));
        });
    }

}
