package io.github.jdaboot.idea;

import java.util.EnumSet;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The tutorial's bot: answers {@code .idea} with a reply suggesting a project idea. It ignores bots,
 * itself included, and never blocks the JDA event thread: the reply is queued, not awaited.
 */
@Component
class IdeaListener extends ListenerAdapter {

    static final String COMMAND = ".idea";

    static final String ANSWER = "Okay, so how about this: ";

    private static final Logger log = LoggerFactory.getLogger(IdeaListener.class);

    private final IdeaService ideas;

    IdeaListener(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        Message message = event.getMessage();
        if (event.getAuthor().isBot() || event.isWebhookMessage() || !isIdeaCommand(message.getContentRaw())) {
            return;
        }
        message.reply(ANSWER + this.ideas.pick())
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
            .mentionRepliedUser(false)
            .queue(null, (failure) -> log.warn("Could not answer {} in channel {}: {}", COMMAND,
                    message.getChannelId(), failure.toString()));
    }

    static boolean isIdeaCommand(String content) {
        return content.startsWith(COMMAND)
                && (content.length() == COMMAND.length() || Character.isWhitespace(content.charAt(COMMAND.length())));
    }
}
