package io.github.jdaboot.idea;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

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

    /** Topics offered in the idea's topic menu; each should match some ideas. */
    @Size(max = 25, message = "must have at most 25 topics, the most a Discord menu offers")
    private List<@NotBlank String> topics = new ArrayList<>();

    /** How many ideas users may add with /suggest while the bot runs (kept in memory). */
    @PositiveOrZero
    private int maxUserSuggestions = 500;

    /** How long a poll among ideas (/idea-poll) stays open: whole hours, 1 to 768. */
    @DurationMin(hours = 1)
    @DurationMax(hours = 768)
    private Duration pollDuration = Duration.ofHours(24);

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

    /** Discord counts a poll's duration in hours. */
    @AssertTrue(message = "idea.poll-duration must be whole hours, such as 24h or 2d")
    boolean isPollDurationInWholeHours() {
        return this.pollDuration.equals(Duration.ofHours(this.pollDuration.toHours()));
    }

    public Duration getPollDuration() {
        return this.pollDuration;
    }

    public void setPollDuration(Duration pollDuration) {
        this.pollDuration = pollDuration;
    }

    public int getMaxUserSuggestions() {
        return this.maxUserSuggestions;
    }

    public void setMaxUserSuggestions(int maxUserSuggestions) {
        this.maxUserSuggestions = maxUserSuggestions;
    }

}
