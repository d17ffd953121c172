package io.github.jdaboot.idea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Picks project ideas from the configured list and the ones users suggested, preferring
 * those about a topic when one is given ("games" finds the ideas about a game).
 */
@Service
@EnableConfigurationProperties(IdeaProperties.class)
class IdeaService {

    private final List<Suggestion> ideas;

    private final List<Suggestion> suggested = new CopyOnWriteArrayList<>();

    private final List<String> topics;

    private final int maxSuggested;

    IdeaService(IdeaProperties properties) {
        this.ideas = properties.getSuggestions()
            .stream()
            .map(String::strip)
            .filter((idea) -> !idea.isEmpty())
            .map((idea) -> new Suggestion(idea, null, null))
            .toList();
        this.topics = properties.getTopics()
            .stream()
            .map(String::strip)
            .filter((topic) -> !topic.isEmpty())
            .distinct()
            .toList();
        this.maxSuggested = properties.getMaxUserSuggestions();
    }

    /**
     * An idea chosen at random; with a topic, one that mentions a word of it if there is
     * any.
     * @return the idea, and whether it is on the topic (always, without one)
     */
    Picked pick(@Nullable String topic) {
        List<Suggestion> all = all();
        if (topic == null || topic.isBlank()) {
            return random(all).picked(true);
        }
        List<String> words = Arrays.stream(topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
            .filter((word) -> word.length() >= 3)
            .map((word) -> (word.length() > 3 && word.endsWith("s")) ? word.substring(0, word.length() - 1) : word)
            .toList();
        List<Suggestion> matching = all.stream()
            .filter((idea) -> topic.strip().equalsIgnoreCase(idea.topic())
                    || words.stream().anyMatch(idea.text().toLowerCase(Locale.ROOT)::contains))
            .toList();
        if (!matching.isEmpty()) {
            return random(matching).picked(true);
        }
        return random(all).picked(false);
    }

    /**
     * An idea, and whether it is on the topic asked for.
     *
     * @param idea the idea
     * @param onTopic whether it is on the topic asked for (always, without one)
     * @param credit who suggested it, when they asked to be credited; else null
     */
    record Picked(String idea, boolean onTopic, @Nullable String credit) {
    }

    /**
     * An idea of the list, or one a user suggested.
     *
     * @param text the idea
     * @param topic the topic its user filed it under, or null
     * @param credit who suggested it, when they asked to be credited; else null
     */
    record Suggestion(String text, @Nullable String topic, @Nullable String credit) {

        Picked picked(boolean onTopic) {
            return new Picked(this.text, onTopic, this.credit);
        }

    }

    /** The topics offered in the menu. */
    List<String> topics() {
        return this.topics;
    }

    /**
     * Adds a user's idea, while there is room.
     * @param topic the topic it is filed under, or null
     * @param credit who suggested it, when they ask to be credited; else null
     * @return whether it was added
     */
    boolean add(String idea, @Nullable String topic, @Nullable String credit) {
        synchronized (this.suggested) {
            if (this.suggested.size() >= this.maxSuggested) {
                return false;
            }
            this.suggested.add(new Suggestion(idea.strip(), topic, credit));
            return true;
        }
    }

    private List<Suggestion> all() {
        if (this.suggested.isEmpty()) {
            return this.ideas;
        }
        List<Suggestion> all = new ArrayList<>(this.ideas);
        all.addAll(this.suggested);
        return all;
    }

    private static Suggestion random(List<Suggestion> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

}
