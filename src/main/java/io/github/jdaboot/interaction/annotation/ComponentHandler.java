package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.Reply;

/**
 * Marks a method of a Spring bean as the handler of clicks on buttons and choices in
 * select menus whose custom id matches a template: {@code "idea:another:{topic}"} matches
 * {@code idea:another:games}, and the {@code topic} part is bound to an
 * {@link IdPart @IdPart} parameter, converted to its type. Parts are separated by
 * {@code :}. Since all its state is in the id, a component keeps working after a restart.
 * Ids starting with {@code ~} are the framework's (components with callbacks).
 * <p>
 * Parameters: {@link IdPart @IdPart}, {@link Selected @Selected} values of a select menu,
 * the {@link ComponentContext}, the {@code User} or {@code Member} who clicked, the
 * {@code Message} the component is on, the {@code Guild}, the channel, {@code JDA} or the
 * JDA event. The method answers like a command ({@code String}, {@link Reply},
 * {@link Modal}, ...); {@link Reply#update(String)} edits the clicked message. Guards
 * apply to the user who clicked.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ComponentHandler {

    /** The custom id templates this method handles. */
    String[] value();

}
