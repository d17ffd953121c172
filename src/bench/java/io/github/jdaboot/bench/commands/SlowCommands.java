package io.github.jdaboot.bench.commands;

import io.github.jdaboot.interaction.annotation.Command;

import org.springframework.stereotype.Component;

/**
 * The benchmark's slow command for this project: it waits one second, as a handler
 * waiting on a slow API would. Packaged by the benchmark into its own jar and put on the
 * bot's class path beside the application; component scanning finds it like any other
 * command.
 */
@Component
class SlowCommands {

    @Command(name = "wait", description = "Waits one second, like a slow API call")
    String waitASecond() throws InterruptedException {
        Thread.sleep(1000);
        return "Done waiting.";
    }

}
