package io.github.jdaboot.interaction.form;

import java.util.List;
import java.util.Set;

import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.channel.ChannelType;

/**
 * One field of a form as the bot offered it: what a genuine submission of it can hold.
 *
 * @param id the component's custom id, the {@code @Field} name
 * @param label the label the user saw, which refusals name
 * @param type the kind of component: a text input, a select menu, a radio group, a
 * checkbox, a checkbox group or a file upload
 * @param required whether it must be filled in
 * @param min the fewest characters of a text input, or the fewest values of the others
 * (when not left empty)
 * @param max the most characters of a text input, or the most values of the others
 * @param options the values offered by a string select, a radio group or a checkbox
 * group; empty for the others
 * @param channelTypes the channel types a channel select offers; empty for all
 */
public record OfferedField(String id, String label, Component.Type type, boolean required, int min, int max,
        List<String> options, Set<ChannelType> channelTypes) {

    public OfferedField {
        options = List.copyOf(options);
        channelTypes = Set.copyOf(channelTypes);
    }

    /** Whether the field offers a fixed list of values (a string select or a group). */
    public boolean hasOptions() {
        return this.type == Component.Type.STRING_SELECT || this.type == Component.Type.RADIO_GROUP
                || this.type == Component.Type.CHECKBOX_GROUP;
    }

    /** Whether the field takes several values, rather than one. */
    public boolean isMultiple() {
        return this.type != Component.Type.TEXT_INPUT && this.type != Component.Type.RADIO_GROUP
                && this.type != Component.Type.CHECKBOX && this.max > 1;
    }

}
