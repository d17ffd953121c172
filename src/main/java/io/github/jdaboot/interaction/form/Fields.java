package io.github.jdaboot.interaction.form;

import java.util.Locale;

import net.dv8tion.jda.api.components.Component;

/** How startup and open-time failures name the kinds of field. */
final class Fields {

    private Fields() {
    }

    /** "text input", "radio group", "user select". */
    static String describe(Component.Type type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

}
