package io.github.jdaboot.idea;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

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

    /** How long a poll among ideas (/idea-poll) stays open: whole hours, 1 to 768. */
    @DurationMin(hours = 1)
    @DurationMax(hours = 768)
    private Duration pollDuration = Duration.ofHours(24);

    /** The premium offers: Idea Pro and the spotlight, each off until its SKU is set. */
    @Valid
    private final Premium premium = new Premium();

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

    public Premium getPremium() {
        return this.premium;
    }

    /**
     * The premium offers, each sold as an SKU of the application (Developer Portal: the
     * application, Monetization, SKUs).
     */
    public static class Premium {

        /**
         * The SKU of Idea Pro (a durable purchase or a subscription): its topics and
         * ideas for those who bought it. Unset: no Idea Pro.
         */
        @Pattern(regexp = "(\\d{1,20})?", message = "must be the id of an SKU of the application, a number")
        private @Nullable String sku;

        /** Topics only Idea Pro offers, in its "More topics" menu. */
        @Size(max = 25, message = "must have at most 25 topics, the most a Discord menu offers")
        private List<@NotBlank String> topics = new ArrayList<>();

        /** Ideas only Idea Pro offers, on its topics. */
        private List<@NotBlank String> suggestions = new ArrayList<>();

        /**
         * The SKU of the spotlight (a consumable purchase): an idea of one's own becomes
         * the next idea anyone gets. Unset: no spotlight.
         */
        @Pattern(regexp = "(\\d{1,20})?", message = "must be the id of an SKU of the application, a number")
        private @Nullable String spotlightSku;

        public @Nullable String getSku() {
            return this.sku;
        }

        public void setSku(@Nullable String sku) {
            this.sku = sku;
        }

        public List<String> getTopics() {
            return this.topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }

        public List<String> getSuggestions() {
            return this.suggestions;
        }

        public void setSuggestions(List<String> suggestions) {
            this.suggestions = suggestions;
        }

        public @Nullable String getSpotlightSku() {
            return this.spotlightSku;
        }

        public void setSpotlightSku(@Nullable String spotlightSku) {
            this.spotlightSku = spotlightSku;
        }

    }

}
