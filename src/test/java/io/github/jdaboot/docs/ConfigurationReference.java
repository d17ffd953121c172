package io.github.jdaboot.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration reference, {@code docs/reference/configuration-properties.md},
 * rendered from the configuration metadata that Spring Boot's annotation processor writes
 * at compile time from the properties classes and their Javadoc (with the defaults of
 * {@code additional-spring-configuration-metadata.json} merged in). One section per group
 * of the metadata, one row per property.
 */
final class ConfigurationReference {

    /** The metadata the compiler wrote for this project's own classes. */
    static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    /** The reference as committed. */
    static final Path DOCUMENT = Path.of("docs/reference/configuration-properties.md");

    private final List<Property> properties;

    private final List<String> groups;

    private ConfigurationReference(List<Property> properties, List<String> groups) {
        this.properties = properties;
        this.groups = groups;
    }

    static ConfigurationReference read(Path metadata) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(metadata));
        List<Property> properties = new ArrayList<>();
        for (JsonNode property : root.path("properties")) {
            if (property.has("deprecation")) {
                continue;
            }
            properties.add(new Property(property.path("name").asString(),
                    simpleType(property.path("type").asString("")), defaultValue(property.path("defaultValue")),
                    property.path("description").asString("").strip()));
        }
        properties.sort(Comparator.comparing(Property::name));
        List<String> groups = new ArrayList<>();
        root.path("groups").forEach((group) -> groups.add(group.path("name").asString()));
        return new ConfigurationReference(properties, groups);
    }

    List<Property> properties() {
        return this.properties;
    }

    /**
     * The Markdown document: a section per group (or, for a property outside any group,
     * per prefix), in the order of their names.
     */
    String render() {
        Map<String, List<Property>> sections = new TreeMap<>();
        for (Property property : this.properties) {
            String section = this.groups.stream()
                .filter((group) -> property.name().startsWith(group + "."))
                .max(Comparator.comparingInt(String::length))
                .orElse(property.name().substring(0, property.name().lastIndexOf('.')));
            sections.computeIfAbsent(section, (key) -> new ArrayList<>()).add(property);
        }
        StringBuilder out = new StringBuilder();
        out.append("# Configuration properties\n\n");
        out.append(
                "Every property the application reads, generated from Spring Boot's configuration metadata (the Javadoc\n")
            .append("of each property, compiled into `META-INF/spring-configuration-metadata.json`) by the build;\n")
            .append("`ConfigurationReferenceTests` fails when this file is stale. Do not edit it by hand: change the Javadoc\n")
            .append("or the default in the properties class, then run\n")
            .append("`./mvnw clean test -Dtest=ConfigurationReferenceTests -Ddocs.update=true` (clean: an incremental compile\n")
            .append("keeps what the metadata said of classes it did not recompile). How to set them, and what needs more than\n")
            .append("a line: [Configuration](../configuration.md). Any property can also come from the environment,\n")
            .append("in upper case with `_` for `.` and no `-` (`discord.commands.defer-after` is `DISCORD_COMMANDS_DEFERAFTER`).\n");
        sections.forEach((section, rows) -> {
            out.append("\n## ").append(section).append("\n\n");
            out.append("| Property | Type | Default | Description |\n| --- | --- | --- | --- |\n");
            for (Property row : rows) {
                out.append("| `")
                    .append(row.name())
                    .append("` | ")
                    .append("`" + row.type() + "`")
                    .append(" | ")
                    .append(row.defaultValue().isEmpty() ? "" : "`" + row.defaultValue() + "`")
                    .append(" | ")
                    .append(cell(row.description()))
                    .append(" |\n");
            }
        });
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * {@code java.util.Set<net.dv8tion.jda.api.requests.GatewayIntent>} as
     * {@code Set<GatewayIntent>}.
     */
    static String simpleType(String type) {
        return type.replaceAll("(?:[a-z_][\\w]*\\.)+([A-Z][\\w$]*)", "$1").replace('$', '.');
    }

    private static String defaultValue(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach((item) -> items.add(item.asString()));
            return items.stream().collect(Collectors.joining(", "));
        }
        return value.asString();
    }

    record Property(String name, String type, String defaultValue, String description) {
    }

}
