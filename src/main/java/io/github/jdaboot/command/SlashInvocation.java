package io.github.jdaboot.command;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * A slash command run. When the handler is slow it is deferred ("thinking…"), and its
 * first reply fills the deferred message.
 */
final class SlashInvocation extends InteractionInvocation<SlashCommandInteractionEvent> implements CommandContext {

    private final CommandDefinition command;

    SlashInvocation(CommandDefinition command, SlashCommandInteractionEvent event, InvocationSupport support) {
        super(command.handler(), event, support);
        this.command = command;
    }

    @Override
    String kind() {
        return "slash";
    }

    @Override
    String displayName() {
        return "/" + this.command.fullName();
    }

    @Override
    String key() {
        return this.command.fullName();
    }

    @Override
    String usage() {
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
