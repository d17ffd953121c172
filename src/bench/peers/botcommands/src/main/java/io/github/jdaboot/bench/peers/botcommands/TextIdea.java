package io.github.jdaboot.bench.peers.botcommands;

import io.github.freya022.botcommands.api.commands.annotations.Command;
import io.github.freya022.botcommands.api.commands.text.BaseCommandEvent;
import io.github.freya022.botcommands.api.commands.text.TextCommand;
import io.github.freya022.botcommands.api.commands.text.annotations.JDATextCommandVariation;

/**
 * {@code .idea} the way BotCommands' documentation shows an annotated text command: the
 * idea and one button, in reply to the message.
 */
@Command
public class TextIdea extends TextCommand {

    @JDATextCommandVariation(path = "idea", description = "Suggests a project idea")
    public void onTextIdea(BaseCommandEvent event) {
        event.getMessage().reply(Ideas.idea()).addComponents(Ideas.another()).queue();
    }

}
