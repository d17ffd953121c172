package io.github.jdaboot.interaction.invocation;

import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.events.interaction.command.GenericContextInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;

/**
 * A user or message command chosen in Discord's menu; answered like a slash command
 * (deferred when slow).
 */
public final class ContextCommandInvocation extends InteractionInvocation<GenericContextInteractionEvent<?>> {

    private final String name;

    public ContextCommandInvocation(HandlerMethod handler, String name, GenericContextInteractionEvent<?> event,
            InvocationSupport support) {
        super(handler, event, support);
        this.name = name;
    }

    @Override
    public HandlerKind kind() {
        return (event().getCommandType() == Command.Type.USER) ? HandlerKind.USER_COMMAND : HandlerKind.MESSAGE_COMMAND;
    }

    @Override
    public String displayName() {
        return "\u201C" + this.name + "\u201D";
    }

    @Override
    public String key() {
        return this.name;
    }

}
