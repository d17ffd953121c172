package io.github.jdaboot.interaction.invocation;

import io.github.jdaboot.interaction.form.OfferedForm;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import org.jspecify.annotations.Nullable;

/**
 * A submitted form, checked against the form the bot opened. One opened from a click can
 * update the clicked message; one opened from a command is answered like the command.
 */
public final class ModalInvocation extends InteractionInvocation<ModalInteractionEvent> {

    private final String key;

    private final OfferedForm form;

    /**
     * The run of a submitted form.
     * @param key the handler's id template
     * @param form the form as the bot opened it for this user
     */
    public ModalInvocation(HandlerMethod handler, String key, ModalInteractionEvent event, OfferedForm form,
            InvocationSupport support) {
        super(handler, event, support);
        this.key = key;
        this.form = form;
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

    /** The form as the bot opened it: its fields, their labels and limits. */
    public OfferedForm form() {
        return this.form;
    }

    @Override
    public @Nullable Message message() {
        return event().getMessage();
    }

}
