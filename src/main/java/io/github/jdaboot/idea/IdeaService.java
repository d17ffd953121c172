package io.github.jdaboot.idea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
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

    private final List<String> ideas;

    private final List<String> suggested = new CopyOnWriteArrayList<>();

    private final List<String> topics;

    private final int maxSuggested;

    IdeaService(IdeaProperties properties) {
        this.ideas = properties.getSuggestions().stream().map(String::strip).filter((idea) -> !idea.isEmpty()).toList();
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
        List<String> all = all();
        if (topic == null || topic.isBlank()) {
            return new Picked(random(all), true);
        }
        List<String> words = Arrays.stream(topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
            .filter((word) -> word.length() >= 3)
            .map((word) -> (word.length() > 3 && word.endsWith("s")) ? word.substring(0, word.length() - 1) : word)
            .toList();
        List<String> matching = all.stream()
            .filter((idea) -> words.stream().anyMatch(idea.toLowerCase(Locale.ROOT)::contains))
            .toList();
        if (!matching.isEmpty()) {
            return new Picked(random(matching), true);
        }
        return new Picked(random(all), false);
    }

    /** Up to this many different ideas, chosen at random. */
    List<String> pickDifferent(int count) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(all()));
        Collections.shuffle(all, ThreadLocalRandom.current());
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    /**
     * The idea a shortened text (a poll's answer) stands for: the one it begins, or the
     * text itself when none does.
     */
    String idea(String shortened) {
        String start = shortened.endsWith("\u2026") ? shortened.substring(0, shortened.length() - 1) : shortened;
        return all().stream().filter((idea) -> idea.startsWith(start)).findFirst().orElse(shortened);
    }

    /** An idea, and whether it is on the topic asked for. */
    record Picked(String idea, boolean onTopic) {
    }

    /** The topics offered in the menu. */
    List<String> topics() {
        return this.topics;
    }

    /**
     * Adds a user's idea, while there is room.
     * @return whether it was added
     */
    boolean add(String idea) {
        synchronized (this.suggested) {
            if (this.suggested.size() >= this.maxSuggested) {
                return false;
            }
            this.suggested.add(idea.strip());
            return true;
        }
    }

    private List<String> all() {
        if (this.suggested.isEmpty()) {
            return this.ideas;
        }
        List<String> all = new ArrayList<>(this.ideas);
        all.addAll(this.suggested);
        return all;
    }

    private static String random(List<String> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

}
