package io.github.jdaboot.idea;

import io.github.jdaboot.command.Command;
import io.github.jdaboot.command.Option;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The tutorial's command, {@code /idea} and {@code .idea}: a project idea, optionally on a topic.
 */
@Component
class IdeaCommands {

    static final String ANSWER = "Okay, so how about this: ";

    private final IdeaService ideas;

    IdeaCommands(IdeaService ideas) {
        this.ideas = ideas;
    }

    @Command(name = "idea", description = "Suggests a project idea")
    String idea(@Option(description = "Topic to draw from", required = false, maxLength = 100) @Nullable String topic) {
        return ANSWER + this.ideas.pick(topic);
    }
}
