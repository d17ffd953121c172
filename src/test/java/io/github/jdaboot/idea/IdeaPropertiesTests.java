package io.github.jdaboot.idea;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idea settings are checked when they are bound: a bot without ideas, or with more
 * topics than a Discord menu holds, does not start, and Spring Boot's message names the
 * property.
 */
@DisplayName("Idea settings")
class IdeaPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(IdeaService.class);

    @Test
    @DisplayName("no ideas: startup fails naming idea.suggestions")
    void noIdeas() {
        this.runner.run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(BindValidationException.class)
                .hasMessageContaining("idea.suggestions")
                .hasMessageContaining("must list at least one idea");
        });
    }

    @Test
    @DisplayName("26 topics: startup fails naming idea.topics")
    void tooManyTopics() {
        String[] topics = new String[27];
        topics[0] = "idea.suggestions=a bot";
        for (int i = 1; i < topics.length; i++) {
            topics[i] = "idea.topics[" + (i - 1) + "]=topic" + i;
        }
        this.runner.withPropertyValues(topics).run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("idea.topics")
                .hasMessageContaining("at most 25 topics");
        });
    }

    @Test
    @DisplayName("an SKU that is not a number: startup fails naming idea.premium.sku")
    void premiumSkuNotANumber() {
        this.runner.withPropertyValues("idea.suggestions=a bot", "idea.premium.sku=idea-pro").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("idea.premium.sku")
                .hasMessageContaining("must be the id of an SKU of the application");
        });
    }

    @Test
    @DisplayName("one idea is enough")
    void oneIdea() {
        this.runner.withPropertyValues("idea.suggestions=a bot").run((context) -> assertThat(context).hasNotFailed());
    }

}
