/**
 * Annotated command handlers: a {@link io.github.jdaboot.command.Command @Command} method
 * on a Spring bean serves both a slash command and a prefix command, runs on a virtual
 * thread, and is discovered, validated, registered with Discord and documented in
 * {@code /help} by the framework.
 */
@NullMarked
package io.github.jdaboot.command;

import org.jspecify.annotations.NullMarked;
