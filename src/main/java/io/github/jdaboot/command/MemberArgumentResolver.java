package io.github.jdaboot.command;

import net.dv8tion.jda.api.entities.Member;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;

/**
 * Fills {@code Member} parameters (without {@link Option @Option}) with the member who
 * acted, null in a direct message.
 */
class MemberArgumentResolver implements InteractionArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Member.class && ContextArgumentResolver.plain(parameter);
    }

    @Override
    public @Nullable Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        return context.member();
    }

}
