/**
 * The benchmark's BotCommands bot: {@code /idea} and {@code .idea} written the way
 * BotCommands' documentation shows, run against the emulator on its own class path.
 */
@NullMarked
package io.github.jdaboot.bench.peers.botcommands;

import org.jspecify.annotations.NullMarked;
