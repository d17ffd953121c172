/**
 * Handler mappings, as Spring MVC's {@code HandlerMapping}s: the
 * {@link io.github.jdaboot.interaction.handler.InteractionHandlerMapping} contract the
 * dispatcher asks for each event (a handler found, or nothing handles it any more and
 * what to say), the base that finds annotated handler methods on the application's beans
 * at startup and checks them, and a mapping per kind: slash and prefix commands, user and
 * message commands, autocomplete, components, their callbacks, and forms.
 */
@NullMarked
package io.github.jdaboot.interaction.handler;

import org.jspecify.annotations.NullMarked;
