package io.github.jdaboot.interaction;

import org.jspecify.annotations.Nullable;

/**
 * What a component given with a reply does when clicked, kept in memory rather than
 * routed by its id
 * ({@link Reply#withButton(net.dv8tion.jda.api.components.buttons.ButtonStyle, String, ComponentCallback)}).
 * It answers like a handler method: a {@code String}, a {@link Reply}, a {@link Modal},
 * or null when it replied through the context.
 */
@FunctionalInterface
public interface ComponentCallback {

    @Nullable Object onClick(ComponentContext context) throws Exception;

}
