package io.github.jdaboot.idea;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.jdaboot.discord.DiscordStartupException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Picks project ideas from the configured list.
 */
@Service
@EnableConfigurationProperties(IdeaProperties.class)
class IdeaService {

    private final List<String> ideas;

    IdeaService(IdeaProperties properties) {
        this.ideas = properties.getSuggestions().stream().map(String::strip).filter((idea) -> !idea.isEmpty()).toList();
        if (this.ideas.isEmpty()) {
            throw new DiscordStartupException("No project ideas are configured: set idea.suggestions in application.yml.",
                    "Add a list of ideas under idea.suggestions, as the application.yml in the repository does.");
        }
    }

    /** An idea chosen at random. */
    String pick() {
        return this.ideas.get(ThreadLocalRandom.current().nextInt(this.ideas.size()));
    }
}
