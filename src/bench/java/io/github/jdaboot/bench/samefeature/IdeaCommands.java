package io.github.jdaboot.bench.samefeature;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.jdaboot.interaction.Reply;
import io.github.jdaboot.interaction.annotation.Command;
import io.github.jdaboot.interaction.annotation.ComponentHandler;
import io.github.jdaboot.interaction.annotation.NonBlocking;
import net.dv8tion.jda.api.components.buttons.Button;

import org.springframework.stereotype.Component;

/**
 * The peers' {@code /idea} and {@code .idea} as the project's guide writes a command: the
 * same text as the peers' bots (src/bench/peers) with one "Another" button, whose click
 * replaces the idea in place. No options, as the peers register none. Both answer from
 * memory, so the class is {@code @NonBlocking}, as the guide says such handlers are
 * written: their runs stay on JDA's event thread.
 */
@Component
@NonBlocking
class IdeaCommands {

    private static final List<String> IDEAS = List.of("a habit tracker that nudges you when a streak is about to break",
            "a meal planner that builds a shopping list for the week",
            "a log analyzer that spots the slowest endpoints of a web service",
            "a static site generator for a photo gallery with EXIF-based albums",
            "a flashcard app that schedules reviews with spaced repetition");

    @Command(name = "idea", description = "Suggests a project idea")
    Reply idea() {
        return Reply.of(idea(ThreadLocalRandom.current())).withButtons(Button.primary("idea:another", "Another"));
    }

    @ComponentHandler("idea:another")
    Reply another() {
        return Reply.update(idea(ThreadLocalRandom.current()));
    }

    private static String idea(ThreadLocalRandom random) {
        return "Okay, so how about this: " + IDEAS.get(random.nextInt(IDEAS.size()));
    }

}
