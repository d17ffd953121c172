package io.github.jdaboot.interaction.invocation;

import java.util.function.Supplier;

import io.github.jdaboot.interaction.CommandContext;
import io.github.jdaboot.interaction.CommandSurface;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * A slash command run. When the handler is slow it is deferred ("thinking…"), and its
 * first reply fills the deferred message.
 */
public final class SlashInvocation extends InteractionInvocation<SlashCommandInteractionEvent>
        implements CommandContext {

    private final String commandName;

    private final Supplier<String> usage;

    private final boolean ephemeral;

    /**
     * A run of a slash command.
     * @param commandName the command as typed without its slash: {@code idea} or
     * {@code tag add}
     * @param usage its usage line without the slash: {@code idea [topic]} (made only when
     * a reply needs it)
     * @param ephemeral whether its replies are private unless said otherwise
     */
    public SlashInvocation(HandlerMethod handler, String commandName, Supplier<String> usage, boolean ephemeral,
            SlashCommandInteractionEvent event, InvocationSupport support) {
        super(handler, event, support);
        this.commandName = commandName;
        this.usage = usage;
        this.ephemeral = ephemeral;
    }

    @Override
    public HandlerKind kind() {
        return HandlerKind.SLASH_COMMAND;
    }

    @Override
    public String displayName() {
        return "/" + this.commandName;
    }

    @Override
    public String key() {
        return this.commandName;
    }

    @Override
    public String usage() {
        return "/" + this.usage.get();
    }

    @Override
    boolean ephemeralByDefault() {
        return this.ephemeral;
    }

    @Override
    public CommandSurface surface() {
        return CommandSurface.SLASH;
    }

    @Override
    public String commandName() {
        return this.commandName;
    }

}
