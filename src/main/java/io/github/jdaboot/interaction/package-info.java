/**
 * The interaction framework's API, as a handler author sees it: what a handler answers
 * ({@link io.github.jdaboot.interaction.Reply},
 * {@link io.github.jdaboot.interaction.Modal}), the run it can take as a parameter
 * ({@link io.github.jdaboot.interaction.InteractionContext} and its
 * {@link io.github.jdaboot.interaction.CommandContext command} and
 * {@link io.github.jdaboot.interaction.ComponentContext component} views), the polite
 * refusals it can throw, and the {@link io.github.jdaboot.interaction.InteractionGuard}
 * contract for guards of its own. The annotations that make a method a handler are in
 * {@code annotation}; everything else in the subpackages is the machinery.
 */
@NullMarked
package io.github.jdaboot.interaction;

import org.jspecify.annotations.NullMarked;
