/**
 * Handler methods and how they are called, as Spring's {@code web.method}: the
 * {@code HandlerMethod}, the two strategy contracts that fill its parameters
 * ({@code InteractionArgumentResolver}) and turn what it returns into an answer
 * ({@code InteractionReturnValueHandler}), and the composites that hold the framework's
 * and the application's strategies, the application's first.
 */
@NullMarked
package io.github.jdaboot.interaction.method;

import org.jspecify.annotations.NullMarked;
