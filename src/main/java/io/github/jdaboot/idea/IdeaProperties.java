package io.github.jdaboot.idea;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The project ideas the bot suggests.
 */
@ConfigurationProperties("idea")
@Validated
public class IdeaProperties {

    /** Project ideas to choose from at random; set them in application.yml. */
    @NotEmpty(message = "must list at least one idea, as the application.yml in the repository does")
    private List<@NotBlank String> suggestions = new ArrayList<>();

    /**
     * Topics offered in the idea's topic menu and the suggestion form; each should match
     * some ideas.
     */
    @Size(max = 25, message = "must have at most 25 topics, the most a Discord menu offers")
    private List<@NotBlank @Size(max = 100,
            message = "must be at most 100 characters, what a Discord menu option holds") String> topics = new ArrayList<>();

    /** How many ideas users may add with /suggest while the bot runs (kept in memory). */
    @PositiveOrZero
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
