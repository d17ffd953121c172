package io.github.jdaboot.interaction.method.support;

import io.github.jdaboot.interaction.InteractionContext;
import io.github.jdaboot.interaction.invocation.Invocation;
import io.github.jdaboot.interaction.method.InteractionReturnValueHandler;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;

/**
 * Answers with a JDA {@code MessageCreateData} as it is, but with no mentions allowed.
 */
public class MessageReturnValueHandler implements InteractionReturnValueHandler {

    @Override
    public boolean supportsReturnType(Class<?> type) {
        return MessageCreateData.class.isAssignableFrom(type);
    }

    @Override
    public void handleReturnValue(@Nullable Object value, InteractionContext context) {
        if (value instanceof MessageCreateData data) {
            ((Invocation) context).reply(data);
        }
    }

}
