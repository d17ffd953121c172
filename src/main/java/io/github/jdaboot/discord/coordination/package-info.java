/**
 * Shards spread over several processes, coordinated through Redis: each process's shard
 * range, one IDENTIFY per bucket per 5 seconds across all processes, Discord's daily
 * session start budget, a lease per shard so that only one session holds it, and the
 * global REST limit shared. Off unless {@code discord.coordination.redis-url} is set.
 */
@NullMarked
package io.github.jdaboot.discord.coordination;

import org.jspecify.annotations.NullMarked;
