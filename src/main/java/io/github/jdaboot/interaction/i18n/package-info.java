/**
 * The framework's texts for users (no handler for an event, busy, refusals of guards and
 * of bad input, the apology with an error id, help) from Spring's {@code MessageSource},
 * in English and German, each one overridable by the application's own messages.
 */
@NullMarked
package io.github.jdaboot.interaction.i18n;

import org.jspecify.annotations.NullMarked;
