package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command is disabled in servers for everyone but administrators until a server's
 * managers allow it for roles, members or channels (Server Settings → Integrations):
 * Discord's {@code default_member_permissions} {@code "0"}. Unlike
 * {@link RequiresPermissions @RequiresPermissions} it names no permission and adds no
 * check of its own: who may use the command is the server's choice. It does not apply in
 * DMs (restrict those with the command's contexts). On a class: every command of the
 * bean; in a group, on the outermost group's class (Discord keeps it per top-level
 * command).
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DisabledByDefault {

}
