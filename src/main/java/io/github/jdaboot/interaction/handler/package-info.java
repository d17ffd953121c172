/**
 * Handler mappings: which handler method serves an event, found on the application's
 * beans at startup, checked against Discord's rules and the argument resolvers, and
 * looked up for each event, as Spring MVC's {@code HandlerMapping}s.
 */
@NullMarked
package io.github.jdaboot.interaction.handler;

import org.jspecify.annotations.NullMarked;
