package io.github.jdaboot.bench.samefeature;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The project's framework running only the peers' feature ({@link IdeaCommands}): the
 * application's configuration (its {@code application.yml} on the class path) and
 * auto-configuration as packaged, but this package scanned instead of the application's
 * {@code idea} package, so that the bot does exactly the work the peers' bots do.
 */
@SpringBootApplication
public class SameFeatureBot {

    public static void main(String[] args) {
        SpringApplication.run(SameFeatureBot.class, args);
    }

}
