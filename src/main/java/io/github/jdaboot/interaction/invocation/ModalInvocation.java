package io.github.jdaboot.interaction.invocation;

import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * A submitted form. One opened from a click can update the clicked message; one opened
 * from a command is answered like the command.
 */
public final class ModalInvocation extends InteractionInvocation<ModalInteractionEvent> {

    private final String key;

    public ModalInvocation(HandlerMethod handler, String key, ModalInteractionEvent event, InvocationSupport support) {
        super(handler, event, support);
        this.key = key;
    }

    @Override
    public HandlerKind kind() {
        return HandlerKind.MODAL;
    }

    @Override
    public String displayName() {
        return "this form";
    }

    @Override
    public String userName() {
        return text("interaction.name.form");
    }

    @Override
    public String key() {
        return this.key;
    }

    @Override
    public @Nullable Message message() {
        return event().getMessage();
    }

}
