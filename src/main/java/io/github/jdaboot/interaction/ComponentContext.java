package io.github.jdaboot.interaction;

import java.util.List;

import net.dv8tion.jda.api.entities.Message;

/**
 * One click on a button, or one choice in a select menu, of a message the bot sent.
 */
public interface ComponentContext extends InteractionContext {

    /** The component's custom id, as the bot set it. */
    String customId();

    /**
     * What was chosen in a select menu: option values, or the ids of users, roles or
     * channels; empty for a button.
     */
    List<String> values();

    /** The message the component belongs to. */
    Message message();

}
