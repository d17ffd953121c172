package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/** {@code Member} options: a user who must be a member of the server. */
public class MemberOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == Member.class;
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.USER;
    }

    @Override
    public String describe(Class<?> type) {
        return "a member mention like @name, or a user id";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.member");
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        Member member = mapping.getAsMember();
        if (member == null) {
            throw new BadInputException(InteractionMessages.of("interaction.option.not-a-member",
                    mapping.getAsUser().getName(), option.bold()));
        }
        return member;
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        String text = input.next();
        if (text == null) {
            return null;
        }
        var guild = MentionIds.guild(option, context);
        Long id = MentionIds.id(MentionIds.USER, text);
        if (id == null) {
            throw option.unreadable(text, description(Member.class));
        }
        for (Member mentioned : input.message().getMentions().getMembers()) {
            if (mentioned.getIdLong() == id) {
                return mentioned;
            }
        }
        try {
            return guild.retrieveMemberById(id).complete();
        }
        catch (ErrorResponseException ex) {
            throw new BadInputException(
                    InteractionMessages.of("interaction.option.no-such-member", String.valueOf(id), option.bold()));
        }
    }

}
