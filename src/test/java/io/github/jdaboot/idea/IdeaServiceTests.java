package io.github.jdaboot.idea;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the idea service keeps of a suggestion: its topic, who to credit, and both when it
 * is put in the spotlight.
 */
@DisplayName("The idea service's suggestions")
class IdeaServiceTests {

    private final IdeaService ideas = new IdeaService(properties());

    @Test
    @DisplayName("a suggestion filed under a topic comes up for that topic, with its credit")
    void topicAndCredit() {
        this.ideas.add("a zeppelin tracker", "Finance", "alice");

        assertThat(this.ideas.pick("finance")).as("its topic, case aside, though no word of it is in the idea")
            .isEqualTo(new IdeaService.Picked("a zeppelin tracker", true, "alice"));
    }

    @Test
    @DisplayName("a suggestion put in the spotlight is the next idea without a topic, and keeps its credit")
    void spotlightKeepsCredit() {
        this.ideas.add("a lighthouse log", null, "bob");
        this.ideas.spotlight("a lighthouse log ");

        assertThat(this.ideas.pick(null)).isEqualTo(new IdeaService.Picked("a lighthouse log", true, "bob"));
    }

    @Test
    @DisplayName("an idea put in the spotlight that no user suggested comes up without a credit")
    void spotlightWithoutSuggestion() {
        this.ideas.spotlight("a kite forecaster");

        assertThat(this.ideas.pick(null)).isEqualTo(new IdeaService.Picked("a kite forecaster", true, null));
    }

    private static IdeaProperties properties() {
        IdeaProperties properties = new IdeaProperties();
        properties.setSuggestions(List.of("a chess clock"));
        properties.setTopics(List.of("games", "finance"));
        return properties;
    }

}
