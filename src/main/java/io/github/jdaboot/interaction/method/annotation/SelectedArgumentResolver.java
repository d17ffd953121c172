package io.github.jdaboot.interaction.method.annotation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.jdaboot.interaction.ComponentContext;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.annotation.Selected;
import io.github.jdaboot.interaction.method.HandlerKind;
import io.github.jdaboot.interaction.method.InteractionArgumentResolver;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.component.EntitySelectInteractionEvent;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

/**
 * Fills {@link Selected @Selected} parameters with what was chosen in a select menu:
 * {@code List<String>} for the values, or the users, members, roles, channels or
 * mentionables of an entity select.
 */
public class SelectedArgumentResolver implements InteractionArgumentResolver {

    private static final Map<Class<?>, Function<Mentions, List<?>>> ENTITIES = Map.of(User.class, Mentions::getUsers,
            Member.class, Mentions::getMembers, Role.class, Mentions::getRoles, GuildChannel.class,
            Mentions::getChannels, IMentionable.class, Mentions::getMentions);

    @Override
    public Set<HandlerKind> supportedKinds() {
        return Set.of(HandlerKind.COMPONENT);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Selected.class) && parameter.getParameterType() == List.class
                && (element(parameter) == String.class || ENTITIES.containsKey(element(parameter)));
    }

    private static Class<?> element(MethodParameter parameter) {
        return ResolvableType.forMethodParameter(parameter).getGeneric(0).toClass();
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, InteractionContext context) {
        Class<?> element = element(parameter);
        if (element == String.class) {
            return (context instanceof ComponentContext component) ? component.values() : List.of();
        }
        if (context.event() instanceof EntitySelectInteractionEvent select) {
            return ENTITIES.get(element).apply(select.getMentions());
        }
        return List.of();
    }

}
