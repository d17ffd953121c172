package io.github.jdaboot.command;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * A submitted form. One opened from a click can update the clicked message; one opened
 * from a command is answered like the command.
 */
final class ModalInvocation extends InteractionInvocation<ModalInteractionEvent> {

    private final String key;

    ModalInvocation(HandlerMethod handler, String key, ModalInteractionEvent event, InvocationSupport support) {
        super(handler, event, support);
        this.key = key;
    }

    @Override
    String kind() {
        return "modal";
    }

    @Override
    String displayName() {
        return "this form";
    }

    @Override
    String key() {
        return this.key;
    }

    @Override
    @Nullable Message message() {
        return event().getMessage();
    }

}
