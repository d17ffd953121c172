/**
 * Gateway events for Spring {@code @EventListener} methods that take a JDA event,
 * delivered off JDA's event thread in each guild's order.
 */
@NullMarked
package io.github.jdaboot.interaction.event;

import org.jspecify.annotations.NullMarked;
