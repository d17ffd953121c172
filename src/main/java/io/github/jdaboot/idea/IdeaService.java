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

    private final List<Suggestion> ideas;

    private final List<Suggestion> suggested = new CopyOnWriteArrayList<>();

    private final List<String> topics;

    private final List<Suggestion> proIdeas;

    private final List<String> proTopics;

    /** Ideas in the spotlight, the next ones given without a topic. */
    private final Queue<Suggestion> spotlight = new ConcurrentLinkedQueue<>();

    private final int maxSuggested;

    IdeaService(IdeaProperties properties) {
        this.ideas = cleaned(properties.getSuggestions()).stream().map(Suggestion::of).toList();
        this.topics = cleaned(properties.getTopics());
        this.proIdeas = cleaned(properties.getPremium().getSuggestions()).stream().map(Suggestion::of).toList();
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
        List<Suggestion> all = pro ? withPro() : all();
        if (topic == null || topic.isBlank()) {
            Suggestion featured = this.spotlight.poll();
            return ((featured != null) ? featured : random(all)).picked(true);
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

    /** Up to this many different ideas, chosen at random. */
    List<String> pickDifferent(int count) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(all().stream().map(Suggestion::text).toList()));
        Collections.shuffle(all, ThreadLocalRandom.current());
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    /**
     * The idea a shortened text (a poll's answer) stands for: the one it begins, or the
     * text itself when none does.
     */
    String idea(String shortened) {
        String start = shortened.endsWith("\u2026") ? shortened.substring(0, shortened.length() - 1) : shortened;
        return all().stream()
            .map(Suggestion::text)
            .filter((idea) -> idea.startsWith(start))
            .findFirst()
            .orElse(shortened);
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

        static Suggestion of(String text) {
            return new Suggestion(text, null, null);
        }

        Picked picked(boolean onTopic) {
            return new Picked(this.text, onTopic, this.credit);
        }

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

    /**
     * Puts an idea in the spotlight: the next idea anyone gets without a topic (with its
     * credit, when it is a user's suggestion that asked for one).
     */
    void spotlight(String idea) {
        String text = idea.strip();
        this.spotlight.add(this.suggested.reversed()
            .stream()
            .filter((suggestion) -> suggestion.text().equals(text))
            .findFirst()
            .orElseGet(() -> Suggestion.of(text)));
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

    private List<Suggestion> withPro() {
        List<Suggestion> all = new ArrayList<>(all());
        all.addAll(this.proIdeas);
        return all;
    }

    private static List<String> cleaned(List<String> values) {
        return values.stream().map(String::strip).filter((value) -> !value.isEmpty()).distinct().toList();
    }

    private static Suggestion random(List<Suggestion> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

}
