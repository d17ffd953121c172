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

    public List<String> getSuggestions() {
        return this.suggestions;
    }

    public void setSuggestions(List<String> suggestions) {
        this.suggestions = suggestions;
    }
}
