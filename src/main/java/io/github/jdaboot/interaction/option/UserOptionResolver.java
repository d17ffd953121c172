package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * {@code User} options; prefix commands take a mention or an id (looked up on the
 * handler's thread).
 */
public class UserOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == User.class;
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.USER;
    }

    @Override
    public String describe(Class<?> type) {
        return "a user mention like @name, or a user id";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.user");
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return mapping.getAsUser();
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        if (text == null) {
            return null;
        }
        Long id = MentionIds.id(MentionIds.USER, text);
        if (id == null) {
            throw option.unreadable(text, description(User.class));
        }
        for (User mentioned : input.message().getMentions().getUsers()) {
            if (mentioned.getIdLong() == id) {
                return mentioned;
            }
        }
        try {
            return context.jda().retrieveUserById(id).complete();
        }
        catch (ErrorResponseException ex) {
            throw new BadInputException(
                    InteractionMessages.of("interaction.option.no-such-user", String.valueOf(id), option.bold()));
        }
    }

}
