package io.github.jdaboot.interaction.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.jdaboot.interaction.InteractionContext;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Mentions;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * Fields of users, members, roles, channels or any of them ({@code IMentionable}), one or
 * a {@code List}: what was chosen in a user, role, channel or mentionable select, as
 * Discord resolved it.
 */
public class EntityFieldResolver implements FieldResolver {

    /** The selects that can fill each type. */
    private static final Map<Class<?>, Set<Component.Type>> SELECTS = Map.of(User.class,
            Set.of(Component.Type.USER_SELECT), Member.class, Set.of(Component.Type.USER_SELECT), Role.class,
            Set.of(Component.Type.ROLE_SELECT), GuildChannel.class, Set.of(Component.Type.CHANNEL_SELECT),
            IMentionable.class, Set.of(Component.Type.USER_SELECT, Component.Type.ROLE_SELECT,
                    Component.Type.MENTIONABLE_SELECT, Component.Type.CHANNEL_SELECT));

    @Override
    public boolean supports(ResolvableType type) {
        return SELECTS.containsKey(entity(type));
    }

    private static boolean isList(ResolvableType type) {
        return type.toClass() == List.class;
    }

    private static Class<?> entity(ResolvableType type) {
        return isList(type) ? type.getGeneric(0).toClass() : type.toClass();
    }

    @Override
    public @Nullable String mismatch(OfferedField field, ResolvableType type) {
        Class<?> entity = entity(type);
        if (!SELECTS.get(entity).contains(field.type())) {
            return "a " + entity.getSimpleName() + " takes "
                    + SELECTS.get(entity)
                        .stream()
                        .map(Fields::describe)
                        .sorted()
                        .map((select) -> "a " + select)
                        .reduce((a, b) -> a + " or " + b)
                        .orElseThrow()
                    + ", not a " + Fields.describe(field.type());
        }
        return (!isList(type) && field.max() > 1) ? "it is a menu of up to " + field.max() + " values: take a List<"
                + entity.getSimpleName() + ">, or let the menu take one value" : null;
    }

    @Override
    public @Nullable Object empty(ResolvableType type) {
        return isList(type) ? List.of() : null;
    }

    @Override
    public @Nullable Object resolve(ModalMapping value, OfferedField field, ResolvableType type,
            InteractionContext context) {
        Mentions mentions = value.getAsMentions();
        Class<?> entity = entity(type);
        List<?> chosen;
        if (entity == User.class) {
            chosen = mentions.getUsers();
        }
        else if (entity == Member.class) {
            chosen = mentions.getMembers();
        }
        else if (entity == Role.class) {
            chosen = mentions.getRoles();
        }
        else if (entity == GuildChannel.class) {
            chosen = mentions.getChannels();
        }
        else {
            List<IMentionable> any = new ArrayList<>(mentions.getUsers());
            any.addAll(mentions.getRoles());
            any.addAll(mentions.getChannels());
            chosen = any;
        }
        if (isList(type)) {
            return chosen;
        }
        return chosen.isEmpty() ? null : chosen.getFirst();
    }

}
