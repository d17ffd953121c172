/**
 * The built-in {@code help} command ({@code /help} and {@code .help}), generated from the
 * {@code @Command} declarations.
 */
@NullMarked
package io.github.jdaboot.interaction.help;

import org.jspecify.annotations.NullMarked;
