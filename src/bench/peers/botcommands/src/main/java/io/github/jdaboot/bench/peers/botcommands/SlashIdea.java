package io.github.jdaboot.bench.peers.botcommands;

import io.github.freya022.botcommands.api.commands.annotations.Command;
import io.github.freya022.botcommands.api.commands.application.ApplicationCommand;
import io.github.freya022.botcommands.api.commands.application.slash.GuildSlashEvent;
import io.github.freya022.botcommands.api.commands.application.slash.annotations.JDASlashCommand;

/**
 * {@code /idea} the way BotCommands' documentation shows an annotated slash command: the
 * idea and one button.
 */
@Command
public class SlashIdea extends ApplicationCommand {

    @JDASlashCommand(name = "idea", description = "Suggests a project idea")
    public void onSlashIdea(GuildSlashEvent event) {
        event.reply(Ideas.idea()).addComponents(Ideas.another()).queue();
    }

}
