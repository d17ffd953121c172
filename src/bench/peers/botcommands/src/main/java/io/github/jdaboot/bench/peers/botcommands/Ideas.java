package io.github.jdaboot.bench.peers.botcommands;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;

/**
 * The ideas and the answer's button, shared by the slash and the text command. The button
 * is JDA's own: BotCommands' buttons, with their click handlers, need a database, and
 * this bot has none.
 */
final class Ideas {

    private static final List<String> IDEAS = List.of("a habit tracker that nudges you when a streak is about to break",
            "a meal planner that builds a shopping list for the week",
            "a log analyzer that spots the slowest endpoints of a web service",
            "a static site generator for a photo gallery with EXIF-based albums",
            "a flashcard app that schedules reviews with spaced repetition");

    private Ideas() {
    }

    static String idea() {
        return "Okay, so how about this: " + IDEAS.get(ThreadLocalRandom.current().nextInt(IDEAS.size()));
    }

    static ActionRow another() {
        return ActionRow.of(Button.primary("idea:another", "Another"));
    }

}
