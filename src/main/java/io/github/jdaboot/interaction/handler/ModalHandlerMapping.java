package io.github.jdaboot.interaction.handler;

import io.github.jdaboot.interaction.Modal;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.annotation.ModalHandler;
import io.github.jdaboot.interaction.form.OfferedForm;
import io.github.jdaboot.interaction.form.OfferedForms;
import io.github.jdaboot.interaction.invocation.ModalInvocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.HandlerMethod;
import io.github.jdaboot.interaction.method.InteractionArgumentResolverComposite;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandlerComposite;
import io.github.jdaboot.interaction.method.annotation.FieldArgumentResolver;
import io.github.jdaboot.interaction.method.annotation.InteractionExceptionResolver;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;

/**
 * Maps the custom ids of submitted forms to {@link ModalHandler @ModalHandler} methods,
 * and checks each submission against the form the bot opened for its user
 * ({@link OfferedForms}) before the handler runs, as Spring MVC's mappings refuse a
 * request whose parameters do not fit: a form whose id no template matches, or that was
 * not opened for the user (or was submitted already, or expired), is answered that it
 * cannot be taken any more; a submission the form does not allow (a field it did not
 * have, a value it did not offer, a required field left empty, a length or a number of
 * values beyond its limits) gets a polite refusal. Nothing of that is logged: it is what
 * a modified client sends.
 * <p>
 * When the bot opens a form, {@link #checkOffered(OfferedForm)} checks that a handler
 * takes it and that its fields fit that handler's {@link Field @Field} parameters.
 */
public class ModalHandlerMapping extends IdTemplateMapping<ModalHandler> {

    private final FieldArgumentResolver fields;

    private final OfferedForms forms;

    /**
     * The mapping.
     * @param fields reads the {@link Field @Field} parameters (and says whether a form
     * fits them)
     * @param forms the forms opened and not submitted yet
     */
    public ModalHandlerMapping(InteractionArgumentResolverComposite arguments, FieldArgumentResolver fields,
            InteractionReturnValueHandlerComposite returns, InteractionExceptionResolver exceptions,
            OfferedForms forms) {
        super(ModalHandler.class, HandlerKind.MODAL, arguments, returns, exceptions);
        this.fields = fields;
        this.forms = forms;
    }

    @Override
    protected String[] templates(ModalHandler annotation) {
        return annotation.value();
    }

    @Override
    protected void check(HandlerMethod handler) {
        Class<?> returned = handler.returnType().getParameterType();
        if (returned == Modal.class || returned == net.dv8tion.jda.api.modals.Modal.class) {
            throw handler.invalid(getAnnotationName(handler),
                    "a form cannot be answered with another form (Discord allows none)");
        }
    }

    @Override
    public @Nullable HandlerMatch getHandler(GenericEvent event) {
        if (!(event instanceof ModalInteractionEvent form)) {
            return null;
        }
        Match match = match(form.getModalId());
        long user = form.getUser().getIdLong();
        OfferedForm offered = (match != null) ? this.forms.find(user, form.getModalId()) : null;
        if (match == null || offered == null) {
            return HandlerMatch.notFound("interaction.unknown.modal");
        }
        MessageSourceResolvable refusal = offered.check(form.getValues());
        if (refusal != null) {
            return new HandlerMatch.NotFound(refusal);
        }
        this.forms.submitted(user, offered);
        return HandlerMatch.found(match.handler(), (support) -> {
            ModalInvocation invocation = new ModalInvocation(match.handler(), match.template(), form, offered, support);
            invocation.idParts(match.parts());
            return invocation;
        });
    }

    /**
     * Checks a form the bot is about to open: a handler must take its custom id, and its
     * fields must fit that handler's {@link Field @Field} parameters.
     * @throws IllegalStateException naming the form, the handler and what does not fit
     */
    public void checkOffered(OfferedForm form) {
        initHandlerMethods();
        Match match = match(form.customId());
        if (match == null) {
            throw new IllegalStateException("No @ModalHandler takes the form '" + form.customId()
                    + "': its submission could not be handled; add a @ModalHandler whose template matches it");
        }
        for (MethodParameter parameter : match.handler().parameters()) {
            String mismatch = this.fields.mismatch(parameter, form);
            if (mismatch != null) {
                throw new IllegalStateException("The form '" + form.customId() + "' does not fit "
                        + match.handler().describe() + ": " + mismatch);
            }
        }
    }

}
