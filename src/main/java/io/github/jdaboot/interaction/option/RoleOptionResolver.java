package io.github.jdaboot.interaction.option;

import java.util.List;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/** {@code Role} options; prefix commands take a mention, an id or a role's name. */
public class RoleOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == Role.class;
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.ROLE;
    }

    @Override
    public String describe(Class<?> type) {
        return "a role of this server: its name, mention or id";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.role");
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return mapping.getAsRole();
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        if (text == null) {
            return null;
        }
        Guild guild = MentionIds.guild(option, context);
        Long id = MentionIds.id(MentionIds.ROLE, text);
        Role role = (id != null) ? guild.getRoleById(id) : null;
        if (role == null) {
            List<Role> named = guild.getRolesByName(text.startsWith("@") ? text.substring(1) : text, true);
            role = (named.size() == 1) ? named.getFirst() : null;
        }
        if (role == null) {
            throw option.unreadable(text, description(Role.class));
        }
        return role;
    }

}
