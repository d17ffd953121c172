package io.github.jdaboot.idea;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.github.jdaboot.discord.DiscordStartupException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Picks project ideas from the configured list, preferring those about a topic when one is given.
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

    /** An idea chosen at random; with a topic, one that mentions a word of it if there is any. */
    String pick(@Nullable String topic) {
        if (topic == null || topic.isBlank()) {
            return random(this.ideas);
        }
        List<String> words = Arrays.stream(topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
            .filter((word) -> word.length() >= 3)
            .toList();
        List<String> matching = this.ideas.stream()
            .filter((idea) -> words.stream().anyMatch(idea.toLowerCase(Locale.ROOT)::contains))
            .toList();
        if (!matching.isEmpty()) {
            return random(matching);
        }
        return random(this.ideas) + " (I have nothing about \u201C" + topic.strip() + "\u201D yet, so here is a surprise.)";
    }

    private static String random(List<String> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }
}
