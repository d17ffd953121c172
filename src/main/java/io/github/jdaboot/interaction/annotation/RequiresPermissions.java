package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.dv8tion.jda.api.Permission;

/**
 * Discord permissions the invoking user and the bot need in the channel. A command with
 * permissions works only in servers. On a class: every command of the bean.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresPermissions {

    /**
     * What the invoking user needs; also sent to Discord as the command's default member
     * permissions.
     */
    Permission[] user() default {};

    /** What the bot needs to carry out the command. */
    Permission[] bot() default {};

}
