/**
 * The annotations a handler author writes, as Spring MVC's {@code bind.annotation}: the
 * handler kinds ({@code @Command}, {@code @UserCommand}, {@code @MessageCommand},
 * {@code @ComponentHandler}, {@code @ModalHandler}, {@code @Autocomplete}), the bindings
 * of their parameters ({@code @Option}, {@code @IdPart}, {@code @Field},
 * {@code @Selected}, {@code @Typed}, {@code @TargetOf}), the built-in guards
 * ({@code @GuildOnly}, {@code @RequiresPermissions}, {@code @Cooldown}) and exception
 * handling ({@code @InteractionExceptionHandler}, {@code @InteractionAdvice}).
 */
@NullMarked
package io.github.jdaboot.interaction.annotation;

import org.jspecify.annotations.NullMarked;
