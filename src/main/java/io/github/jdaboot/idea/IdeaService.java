package io.github.jdaboot.idea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    private final List<String> proIdeas;

    private final List<String> proTopics;

    /** Ideas in the spotlight, the next ones given without a topic. */
    private final Queue<String> spotlight = new ConcurrentLinkedQueue<>();

    private final int maxSuggested;

    IdeaService(IdeaProperties properties) {
        this.ideas = properties.getSuggestions().stream().map(String::strip).filter((idea) -> !idea.isEmpty()).toList();
        this.topics = cleaned(properties.getTopics());
        this.proIdeas = cleaned(properties.getPremium().getSuggestions());
        this.proTopics = cleaned(properties.getPremium().getTopics());
        this.maxSuggested = properties.getMaxUserSuggestions();
    }

    /**
     * An idea chosen at random; with a topic, one that mentions a word of it if there is
     * any; without one, an idea in the spotlight first.
     * @return the idea, and whether it is on the topic (always, without one)
     */
    Picked pick(@Nullable String topic) {
        return pick(topic, false);
    }

    /**
     * An idea, as {@link #pick(String)}, from Idea Pro's ideas too when {@code pro}.
     */
    Picked pick(@Nullable String topic, boolean pro) {
        List<String> all = pro ? withPro() : all();
        if (topic == null || topic.isBlank()) {
            String featured = this.spotlight.poll();
            return new Picked((featured != null) ? featured : random(all), true);
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

    /** The topics only Idea Pro offers. */
    List<String> proTopics() {
        return this.proTopics;
    }

    /** Whether the topic is one of Idea Pro's (case aside). */
    boolean isProTopic(@Nullable String topic) {
        return topic != null && this.proTopics.stream().anyMatch((pro) -> pro.equalsIgnoreCase(topic.strip()));
    }

    /** Puts an idea in the spotlight: the next idea anyone gets without a topic. */
    void spotlight(String idea) {
        this.spotlight.add(idea.strip());
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

    private List<String> withPro() {
        List<String> all = new ArrayList<>(all());
        all.addAll(this.proIdeas);
        return all;
    }

    private static List<String> cleaned(List<String> values) {
        return values.stream().map(String::strip).filter((value) -> !value.isEmpty()).distinct().toList();
    }

    private static String random(List<String> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

}
