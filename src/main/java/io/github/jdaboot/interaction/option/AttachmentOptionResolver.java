package io.github.jdaboot.interaction.option;

import io.github.jdaboot.interaction.BadInputException;
import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.i18n.InteractionMessages;
import io.github.jdaboot.interaction.invocation.PrefixInput;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * {@code Message.Attachment} options; prefix commands take the files attached to the
 * message, in order.
 */
public class AttachmentOptionResolver implements OptionResolver {

    @Override
    public boolean supports(Class<?> type) {
        return type == Message.Attachment.class;
    }

    @Override
    public OptionType optionType(Class<?> type) {
        return OptionType.ATTACHMENT;
    }

    @Override
    public String describe(Class<?> type) {
        return "a file";
    }

    @Override
    public MessageSourceResolvable description(Class<?> type) {
        return InteractionMessages.of("interaction.option.type.attachment");
    }

    @Override
    public Object fromSlash(OptionMapping mapping, OptionSpec option, InteractionContext context) {
        return mapping.getAsAttachment();
    }

    @Override
    public @Nullable Object fromPrefix(PrefixInput input, OptionSpec option, InteractionContext context) {
        Message.Attachment file = input.nextAttachment();
        if (file == null && option.required()) {
            throw new BadInputException(InteractionMessages.of("interaction.option.attachment-missing", option.bold()));
        }
        return file;
    }

}
