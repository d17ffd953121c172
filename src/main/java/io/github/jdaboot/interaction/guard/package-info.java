/**
 * The built-in guards ({@code @GuildOnly}, {@code @RequiresPermissions},
 * {@code @Cooldown}), the cooldowns they keep, and the chain that runs them with the
 * application's {@code InteractionGuard} beans before a handler.
 */
@NullMarked
package io.github.jdaboot.interaction.guard;

import org.jspecify.annotations.NullMarked;
