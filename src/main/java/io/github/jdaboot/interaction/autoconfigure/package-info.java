/**
 * Auto-configuration of the interaction framework and its properties
 * ({@code discord.commands.*}); every bean backs off when the application declares its
 * own.
 */
@NullMarked
package io.github.jdaboot.interaction.autoconfigure;

import org.jspecify.annotations.NullMarked;
