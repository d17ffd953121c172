/**
 * Argument resolvers for parameters bound by an annotation ({@code @Option},
 * {@code @IdPart}, {@code @Field}, {@code @Selected}, {@code @Typed}, {@code @TargetOf}),
 * and the resolution of {@code @InteractionExceptionHandler} methods, as Spring MVC's
 * {@code method.annotation}.
 */
@NullMarked
package io.github.jdaboot.interaction.method.annotation;

import org.jspecify.annotations.NullMarked;
