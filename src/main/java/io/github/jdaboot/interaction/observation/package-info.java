/**
 * What the framework measures: each handler run as a Micrometer observation
 * ({@code discord.commands}) with its convention and context, and how fast interactions
 * are acknowledged against Discord's 3-second deadline.
 */
@NullMarked
package io.github.jdaboot.interaction.observation;

import org.jspecify.annotations.NullMarked;
