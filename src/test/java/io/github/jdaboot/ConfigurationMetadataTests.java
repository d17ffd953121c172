package io.github.jdaboot;

import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property the application defines is documented for the IDE: the configuration
 * processor takes each description from the field's Javadoc.
 */
class ConfigurationMetadataTests {

    @Test
    void everyPropertyHasADescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration metadata generated at compile time").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        assertThat(metadata.path("properties")).extracting((p) -> p.path("name").asString())
            .contains("discord.token", "discord.token-file", "discord.rest-url", "discord.gateway-url",
                    "discord.intents", "discord.member-cache-policy", "discord.presence.activity", "idea.suggestions");
        assertThat(metadata.path("properties")).allSatisfy(
                (property) -> assertThat(property.path("description").asString("")).as(property.path("name").asString())
                    .isNotBlank());
    }

}
