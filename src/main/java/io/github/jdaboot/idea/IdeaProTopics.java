package io.github.jdaboot.idea;

import java.util.Locale;

import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import io.github.jdaboot.interaction.annotation.RequiresEntitlement;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Idea Pro's "More topics" button, there when {@code idea.premium.sku} is set: with Idea
 * Pro, a menu of its topics (a choice gives an idea on it, Idea Pro's ideas included);
 * without, the framework answers with Discord's button to buy it.
 */
@Component
@ConditionalOnProperty("idea.premium.sku")
class IdeaProTopics {

    static final String MORE_TOPICS = "idea:pro-topics";

    private final IdeaService ideas;

    private final MessageSource messages;

    IdeaProTopics(IdeaService ideas, MessageSource messages) {
        this.ideas = ideas;
        this.messages = messages;
    }

    @NonBlocking
    @ComponentHandler(MORE_TOPICS)
    @RequiresEntitlement(sku = "${idea.premium.sku}")
    Reply moreTopics(Locale locale) {
        StringSelectMenu.Builder menu = StringSelectMenu.create("idea:topic")
            .setPlaceholder(this.messages.getMessage("idea.topic.placeholder", null, locale));
        this.ideas.proTopics().forEach((topic) -> menu.addOption(topic, topic));
        return Reply.of(this.messages.getMessage("idea.pro.topics", null, locale)).ephemeral().withSelect(menu.build());
    }

}
