package io.github.jdaboot.interaction.invocation;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.handler.CommandDefinition;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * A slash command run. When the handler is slow it is deferred ("thinking…"), and its
 * first reply fills the deferred message.
 */
public final class SlashInvocation extends InteractionInvocation<SlashCommandInteractionEvent>
        implements CommandContext {

    private final CommandDefinition command;

    public SlashInvocation(CommandDefinition command, SlashCommandInteractionEvent event, InvocationSupport support) {
        super(command.handler(), event, support);
        this.command = command;
    }

    @Override
    public String kind() {
        return "slash";
    }

    @Override
    public String displayName() {
        return "/" + this.command.fullName();
    }

    @Override
    public String key() {
        return this.command.fullName();
    }

    @Override
    public String usage() {
        return "/" + this.command.usage();
    }

    @Override
    boolean ephemeralByDefault() {
        return this.command.ephemeral();
    }

    @Override
    public CommandSurface surface() {
        return CommandSurface.SLASH;
    }

    @Override
    public String commandName() {
        return this.command.fullName();
    }

}
