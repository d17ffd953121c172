package io.github.jdaboot.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.jdaboot.discord.DiscordProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference in {@code docs/} is what the build generates from the
 * configuration metadata: a property added, renamed or documented differently fails here
 * until the reference is regenerated ({@code -Ddocs.update=true}).
 */
class ConfigurationReferenceTests {

    private static final Path GENERATED = Path.of("target/generated-docs/configuration-properties.md");

    @Test
    @DisplayName("docs/reference/configuration-properties.md is what the metadata gives")
    void referenceIsCurrent() throws IOException {
        String generated = ConfigurationReference.read(ConfigurationReference.METADATA).render();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, generated);
        if (Boolean.getBoolean("docs.update")) {
            Files.createDirectories(ConfigurationReference.DOCUMENT.getParent());
            Files.writeString(ConfigurationReference.DOCUMENT, generated);
        }
        String committed = Files.exists(ConfigurationReference.DOCUMENT)
                ? Files.readString(ConfigurationReference.DOCUMENT) : "";
        assertThat(committed)
            .as("%s is stale: run ./mvnw clean test -Dtest=ConfigurationReferenceTests -Ddocs.update=true (or copy %s"
                    + " after a clean build: an incremental compile leaves stale entries in the metadata)",
                    ConfigurationReference.DOCUMENT, GENERATED)
            .isEqualTo(generated);
    }

    @Test
    @DisplayName("every property has a description (the one-line Javadoc of its field)")
    void everyPropertyIsDocumented() throws IOException {
        assertThat(ConfigurationReference.read(ConfigurationReference.METADATA).properties()).isNotEmpty()
            .allSatisfy((property) -> assertThat(property.description()).as(property.name()).isNotBlank());
    }

    @Test
    @DisplayName("the defaults declared for collections in the additional metadata are the classes' own")
    void declaredDefaultsMatchTheCode() throws IOException {
        DiscordProperties defaults = new DiscordProperties();
        assertThat(defaultOf("discord.intents")).isEqualTo(names(defaults.getIntents()));
        assertThat(defaultOf("discord.invite-permissions")).isEqualTo(names(defaults.getInvitePermissions()));
        assertThat(defaults.getCacheFlags()).isEmpty();
    }

    private static Set<String> defaultOf(String name) throws IOException {
        return ConfigurationReference.read(ConfigurationReference.METADATA)
            .properties()
            .stream()
            .filter((property) -> property.name().equals(name))
            .findFirst()
            .map((property) -> Arrays.stream(property.defaultValue().split(", ")).collect(Collectors.toSet()))
            .orElseThrow();
    }

    private static <E extends Enum<E>> Set<String> names(Set<E> values) {
        return EnumSet.copyOf(values)
            .stream()
            .map((value) -> value.name().toLowerCase().replace('_', '-'))
            .collect(Collectors.toSet());
    }

}
