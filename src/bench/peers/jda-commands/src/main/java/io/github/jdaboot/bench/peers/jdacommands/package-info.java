/**
 * The benchmark's jda-commands bot: {@code /idea} and its button written the way
 * jda-commands' documentation shows, run against the emulator on its own class path.
 */
@NullMarked
package io.github.jdaboot.bench.peers.jdacommands;

import org.jspecify.annotations.NullMarked;
