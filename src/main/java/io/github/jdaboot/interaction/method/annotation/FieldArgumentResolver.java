package io.github.jdaboot.interaction.method.annotation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Field;
import io.github.jdaboot.interaction.form.FieldResolver;
import io.github.jdaboot.interaction.form.OfferedField;
import io.github.jdaboot.interaction.form.OfferedForm;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.ModalInvocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * Fills {@link Field @Field} parameters with a field of the submitted form, as Spring
 * MVC's {@code @RequestParam} fills a parameter with a request parameter: the form was
 * checked against what the bot offered before (see {@code ModalHandlerMapping}), and a
 * {@link FieldResolver} for the parameter's type reads the value. A field left empty is
 * null (an empty list, {@code false}), or, for a required {@code @Field}, a polite
 * refusal; so is a text longer than {@code maxLength}.
 */
public class FieldArgumentResolver implements InteractionArgumentResolver {

    private final List<FieldResolver> resolvers;

    private final Map<MethodParameter, FieldResolver> cache = new ConcurrentHashMap<>();

    /**
     * The resolver.
     * @param resolvers one per type of field, the first that supports a type reads it
     */
    public FieldArgumentResolver(List<FieldResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.MODAL);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Field.class) && resolver(parameter) != null;
    }

    private @Nullable FieldResolver resolver(MethodParameter parameter) {
        FieldResolver known = this.cache.get(parameter);
        if (known != null) {
            return known;
        }
        ResolvableType type = ResolvableType.forMethodParameter(parameter);
        for (FieldResolver resolver : this.resolvers) {
            if (resolver.supports(type)) {
                this.cache.put(parameter, resolver);
                return resolver;
            }
        }
        return null;
    }

    /**
     * Why a form, as the bot opens it, cannot fill the parameter (it has no such field,
     * or one of a kind the parameter cannot take); null when it can.
     */
    public @Nullable String mismatch(MethodParameter parameter, OfferedForm form) {
        Field field = parameter.getParameterAnnotation(Field.class);
        FieldResolver resolver = resolver(parameter);
        if (field == null || resolver == null) {
            return null;
        }
        OfferedField offered = form.field(field.value());
        if (offered == null) {
            return field.required() ? "the form has no field '" + field.value() + "' (it has " + form.fields().keySet()
                    + "); mark the parameter @Field(required = false) if it may be absent" : null;
        }
        String mismatch = resolver.mismatch(offered, ResolvableType.forMethodParameter(parameter));
        return (mismatch != null) ? "field '" + field.value() + "' does not fit: " + mismatch : null;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        Field field = parameter.getParameterAnnotation(Field.class);
        FieldResolver resolver = resolver(parameter);
        ModalInvocation form = (ModalInvocation) context;
        ResolvableType type = ResolvableType.forMethodParameter(parameter);
        OfferedField offered = form.form().field(field.value());
        ModalMapping value = form.event().getValue(field.value());
        Object result = (offered != null && value != null) ? resolver.resolve(value, offered, type, context) : null;
        if (result == null || (result instanceof List<?> list && list.isEmpty())
                || (result instanceof String text && text.isBlank())) {
            if (field.required()) {
                throw new CommandException(InteractionMessages.of("interaction.form.missing",
                        (offered != null) ? offered.label() : field.value()));
            }
            return resolver.empty(type);
        }
        if (result instanceof String text && text.codePointCount(0, text.length()) > field.maxLength()) {
            throw new CommandException(InteractionMessages.of("interaction.too-long",
                    "**" + ((offered != null) ? offered.label() : field.value()) + "**",
                    String.valueOf(field.maxLength())));
        }
        return result;
    }

}
