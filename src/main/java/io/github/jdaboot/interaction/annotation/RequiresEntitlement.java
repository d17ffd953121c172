package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A premium feature: the handler runs only for a user (or in a server) with an active
 * entitlement to one of these SKUs of the application. Anyone else is answered, only
 * visible to them, with Discord's premium button for the first SKU, which opens its
 * purchase dialog. On commands (slash, prefix, user and message), component handlers and
 * form handlers; on a class: every handler of the bean. A request for suggestions
 * ({@link Autocomplete @Autocomplete}) without one gets none.
 * <p>
 * The SKU ids may be property placeholders ({@code sku = "${idea.premium.sku}"}), since
 * an application's SKUs differ between its test and production apps. Each one must be a
 * snowflake; once the first gateway session is ready, the application's SKUs are read
 * from Discord and a handler naming an SKU the application does not have fails startup.
 * An interaction carries the user's entitlements; a prefix command looks them up with a
 * REST request.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresEntitlement {

    /**
     * The SKU ids, any of which lets the handler run; the premium button offers the
     * first.
     */
    String[] sku();

}
