package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds what was chosen in a select menu to a parameter of a
 * {@link ComponentHandler @ComponentHandler} method: {@code List<String>} for the option
 * values of a string select (or the ids of an entity select), {@code List<User>},
 * {@code List<Member>}, {@code List<Role>}, {@code List<GuildChannel>} or
 * {@code List<IMentionable>} for user, role, channel and mentionable selects.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Selected {

}
