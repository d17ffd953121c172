package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups the {@link Command @Command} methods of a bean as subcommands: with
 * {@code @CommandGroup(name = "tag", ...)}, a method {@code @Command(name = "add", ...)}
 * is {@code /tag add} and {@code .tag add}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CommandGroup {

    /** The group's command name: lower case, 1-32 characters, no spaces. */
    String name();

    /** What the group is for, 1-100 characters. */
    String description();

}
