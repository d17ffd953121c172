/**
 * The connection to Discord: configuration, the JDA shard manager bean and its lifecycle.
 */
@NullMarked
package io.github.jdaboot.discord;

import org.jspecify.annotations.NullMarked;
