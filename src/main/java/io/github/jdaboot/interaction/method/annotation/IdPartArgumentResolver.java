package io.github.jdaboot.interaction.method.annotation;

import java.util.Set;

import io.github.jdaboot.interaction.CommandException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.IdPart;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

/**
 * Fills {@link IdPart @IdPart} parameters with a part of the custom id, converted to the
 * parameter's type by Spring's conversion service. A part that does not convert means the
 * id was not made by this bot: the user gets a polite reply, not a trace.
 */
public class IdPartArgumentResolver implements InteractionArgumentResolver {

    private final ConversionService conversions;

    public IdPartArgumentResolver(ConversionService conversions) {
        this.conversions = conversions;
    }

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.COMPONENT, HandlerKind.MODAL);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(IdPart.class);
    }

    /** The part's name in the template. */
    public static String name(MethodParameter parameter) {
        IdPart part = parameter.getParameterAnnotation(IdPart.class);
        String name = (part != null && !part.value().isEmpty()) ? part.value() : parameter.getParameterName();
        if (name == null) {
            throw new IllegalStateException(
                    "parameter names are not available: compile with -parameters, or set" + " @IdPart(\"name\")");
        }
        return name;
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        String text = ((Invocation) context).idParts().get(name(parameter));
        if (text == null) {
            return null;
        }
        try {
            return this.conversions.convert(text, TypeDescriptor.valueOf(String.class), new TypeDescriptor(parameter));
        }
        catch (ConversionException ex) {
            throw new CommandException(InteractionMessages.of("interaction.forged.id-part"));
        }
    }

}
