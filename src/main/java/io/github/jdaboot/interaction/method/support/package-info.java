/**
 * Argument resolvers for parameters filled by their type alone (the context, the user,
 * member, guild, channel, JDA, the event, the message, the locale) and the return value
 * handlers ({@code String}, {@code Reply}, {@code Modal}, JDA's
 * {@code MessageCreateData}, {@code void}), as Spring MVC's {@code method.support}.
 */
@NullMarked
package io.github.jdaboot.interaction.method.support;

import org.jspecify.annotations.NullMarked;
