/**
 * Registering the commands with Discord: the slash, user and message commands as Discord
 * should have them, synchronized when a session is ready (written only when they
 * changed), with their names and descriptions in every language that has a bundle of
 * messages.
 */
@NullMarked
package io.github.jdaboot.interaction.registration;

import org.jspecify.annotations.NullMarked;
