package io.github.jdaboot.idea;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The project ideas the bot suggests.
 */
@ConfigurationProperties("idea")
public class IdeaProperties {

    /** Project ideas to choose from at random; set them in application.yml. */
    private List<String> suggestions = new ArrayList<>();

    /** Topics offered in the idea's topic menu; each should match some ideas. */
    private List<String> topics = new ArrayList<>();

    /** How many ideas users may add with /suggest while the bot runs (kept in memory). */
    private int maxUserSuggestions = 500;

    public List<String> getSuggestions() {
        return this.suggestions;
    }

    public void setSuggestions(List<String> suggestions) {
        this.suggestions = suggestions;
    }

    public List<String> getTopics() {
        return this.topics;
    }

    public void setTopics(List<String> topics) {
        this.topics = topics;
    }

    public int getMaxUserSuggestions() {
        return this.maxUserSuggestions;
    }

    public void setMaxUserSuggestions(int maxUserSuggestions) {
        this.maxUserSuggestions = maxUserSuggestions;
    }

}
