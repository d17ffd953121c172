package io.github.jdaboot.bench.peers.jdacommands;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.github.kaktushose.jda.commands.annotations.interactions.Button;
import com.github.kaktushose.jda.commands.annotations.interactions.Command;
import com.github.kaktushose.jda.commands.annotations.interactions.Interaction;
import com.github.kaktushose.jda.commands.dispatching.events.interactions.CommandEvent;
import com.github.kaktushose.jda.commands.dispatching.events.interactions.ComponentEvent;
import com.github.kaktushose.jda.commands.i18n.I18n;
import net.dv8tion.jda.api.interactions.components.buttons.ButtonStyle;

/**
 * {@code /idea} the way jda-commands' documentation shows an interaction: a slash command
 * answering with the idea and one button ("Another"), whose click answers with another
 * idea in place of the first (jda-commands edits the message a component belongs to by
 * default). jda-commands has no prefix commands, so there is no {@code .idea}.
 */
@Interaction
public class IdeaInteraction {

    private static final List<String> IDEAS = List.of("a habit tracker that nudges you when a streak is about to break",
            "a meal planner that builds a shopping list for the week",
            "a log analyzer that spots the slowest endpoints of a web service",
            "a static site generator for a photo gallery with EXIF-based albums",
            "a flashcard app that schedules reviews with spaced repetition");

    @Command(value = "idea", desc = "Suggests a project idea")
    public void onIdea(CommandEvent event) {
        event.with().components("onAnother").reply("Okay, so how about this: { $idea }", idea());
    }

    @Button(value = "Another", style = ButtonStyle.PRIMARY)
    public void onAnother(ComponentEvent event) {
        event.reply("Okay, so how about this: { $idea }", idea());
    }

    private static I18n.Entry idea() {
        return new I18n.Entry("idea", IDEAS.get(ThreadLocalRandom.current().nextInt(IDEAS.size())));
    }

}
