package io.github.jdaboot.command;

import java.util.Locale;

import net.dv8tion.jda.api.events.interaction.command.GenericContextInteractionEvent;

/**
 * A user or message command chosen in Discord's menu; answered like a slash command
 * (deferred when slow).
 */
final class ContextCommandInvocation extends InteractionInvocation<GenericContextInteractionEvent<?>> {

    private final String name;

    ContextCommandInvocation(HandlerMethod handler, String name, GenericContextInteractionEvent<?> event,
            InvocationSupport support) {
        super(handler, event, support);
        this.name = name;
    }

    @Override
    String kind() {
        return event().getCommandType().name().toLowerCase(Locale.ROOT); // user or
                                                                         // message
    }

    @Override
    String displayName() {
        return "\u201C" + this.name + "\u201D";
    }

    @Override
    String key() {
        return this.name;
    }

}
