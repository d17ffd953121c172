package io.github.jdaboot.interaction.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One of the values an {@link Option @Option} of text, whole numbers or decimals offers
 * (at most 25): Discord shows the name and sends the value, a prefix command takes
 * either. The name is localized as the command's texts are, under
 * {@code command.<command>.options.<option>.choices.<name>.name} in the
 * {@code MessageSource} (the name in lower case, spaces as {@code _}). <pre class="code">
 * &#64;Option(description = "Size", choices = { &#64;Choice(name = "Small", value = "25"), &#64;Choice(name = "Large", value = "40") }) int size
 * </pre>
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Choice {

    /** What the user sees, 1-100 characters. */
    String name();

    /**
     * What the handler gets: text of at most 100 characters, or a whole number or a
     * decimal written as text, converted to the option's type.
     */
    String value();

}
