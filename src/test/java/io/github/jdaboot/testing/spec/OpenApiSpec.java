package io.github.jdaboot.testing.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Discord's OpenAPI spec (3.1, API v10), the test resource
 * {@code discord-api/openapi.json} (its source and licence beside it), for checking the
 * emulator's response bodies against the JSON Schema (2020-12) that the spec declares for
 * an operation and status. The whole document is registered under one URI, so that a
 * response schema is a JSON pointer into it and its {@code $ref}s to
 * {@code #/components/schemas/...} resolve within the document.
 */
public final class OpenApiSpec {

    /** The spec on the test class path, with its {@code LICENSE} and source note. */
    static final String LOCATION = "/discord-api/openapi.json";

    /** Where the document is registered; never fetched (.invalid does not resolve). */
    private static final String URI = "https://openapi.invalid/discord/v10.json";

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A {@code type} that rules out one variant of a {@code oneOf}. */
    private static final Pattern DISCRIMINATOR = Pattern
        .compile("(.*/oneOf/\\d+)(?:/\\$ref)?/properties/type/(?:enum|const)");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static @Nullable OpenApiSpec instance;

    private final JsonNode document;

    private final SchemaRegistry registry;

    /**
     * Path templates with their parameters blanked ({@code /channels/{}/messages}) to the
     * spec's own template.
     */
    private final Map<String, String> paths = new HashMap<>();

    /** The spec's path templates as patterns, the most specific first. */
    private final List<PathPattern> patterns = new ArrayList<>();

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiSpec(JsonNode document) {
        this.document = document;
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                (builder) -> builder.schemas(Map.of(URI, document.toString())));
        document.path("paths").propertyNames().forEach((template) -> {
            String previous = this.paths.put(blank(template), template);
            if (previous != null) {
                throw new IllegalStateException("Ambiguous paths in the spec: " + previous + " and " + template);
            }
            this.patterns.add(PathPatternParser.defaultInstance.parse(template));
        });
        this.patterns.sort(PathPattern.SPECIFICITY_COMPARATOR);
    }

    /** The spec, read once. */
    public static synchronized OpenApiSpec load() {
        if (instance == null) {
            try (InputStream spec = OpenApiSpec.class.getResourceAsStream(LOCATION)) {
                if (spec == null) {
                    throw new IllegalStateException("Discord's OpenAPI spec is missing: expected it on the class path"
                            + " at " + LOCATION + " (src/test/resources" + LOCATION + ")");
                }
                instance = new OpenApiSpec(correct(JSON.readTree(spec)));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not read " + LOCATION, ex);
            }
        }
        return instance;
    }

    /**
     * The places where the spec disagrees with what Discord sends and documents. A field
     * error in {@code errors.<field>._errors[]} has a string {@code code} such as
     * {@code BASE_TYPE_MAX_LENGTH} (see "Error Messages" in Discord's API reference), but
     * the spec reuses its top-level {@code Error}, whose {@code code} is an integer:
     * field errors are checked with a string code. The spec lists only two entitlement
     * types (8 and 10), where the Entitlement resource documents 1 to 8 (a one-time
     * purchase is 1): the documented ones are added. The spec has no List SKUs
     * ({@code GET /applications/{application_id}/skus}), which the SKU resource
     * documents: it is added, with the SKU object as documented.
     */
    private static JsonNode correct(JsonNode document) {
        withDocumentedEntitlementTypes(document);
        withListSkus(document);
        JsonNode inner = document.at("/components/schemas/InnerErrors/properties/_errors");
        if (inner instanceof ObjectNode errors
                && "#/components/schemas/Error".equals(errors.path("items").path("$ref").asString(""))) {
            ObjectNode item = errors.putObject("items");
            item.put("type", "object");
            item.putArray("required").add("code").add("message");
            item.putObject("properties")
                .<ObjectNode>set("code", JSON.createObjectNode().put("type", "string"))
                .set("message", JSON.createObjectNode().put("type", "string"));
        }
        return document;
    }

    private static void withDocumentedEntitlementTypes(JsonNode document) {
        JsonNode types = document.at("/components/schemas/EntitlementTypes/oneOf");
        if (!(types instanceof ArrayNode known)) {
            return;
        }
        List<String> names = List.of("PURCHASE", "PREMIUM_SUBSCRIPTION", "DEVELOPER_GIFT", "TEST_MODE_PURCHASE",
                "FREE_PURCHASE", "USER_GIFT", "PREMIUM_PURCHASE");
        for (int value = 1; value <= names.size(); value++) {
            int type = value;
            boolean listed = known.valueStream().anyMatch((entry) -> entry.path("const").asInt(-1) == type);
            if (!listed) {
                known.addObject().put("title", names.get(value - 1)).put("const", value);
            }
        }
    }

    private static void withListSkus(JsonNode document) {
        if (!(document.path("paths") instanceof ObjectNode paths)
                || !(document.path("components").path("schemas") instanceof ObjectNode schemas)
                || paths.has("/applications/{application_id}/skus")) {
            return;
        }
        ObjectNode sku = schemas.putObject("SKUResponse");
        sku.put("type", "object");
        ObjectNode properties = sku.putObject("properties");
        properties.putObject("id").put("$ref", "#/components/schemas/SnowflakeType");
        properties.putObject("type").put("type", "integer").putArray("enum").add(2).add(3).add(5).add(6);
        properties.putObject("application_id").put("$ref", "#/components/schemas/SnowflakeType");
        properties.putObject("name").put("type", "string");
        properties.putObject("slug").put("type", "string");
        properties.putObject("flags").put("type", "integer");
        sku.putArray("required").add("id").add("type").add("application_id").add("name").add("slug").add("flags");
        ObjectNode path = paths.putObject("/applications/{application_id}/skus");
        path.putArray("parameters")
            .addObject()
            .put("name", "application_id")
            .put("in", "path")
            .put("required", true)
            .putObject("schema")
            .put("$ref", "#/components/schemas/SnowflakeType");
        ObjectNode responses = path.putObject("get").put("operationId", "list_skus").putObject("responses");
        responses.putObject("200")
            .put("description", "200 response for list_skus")
            .putObject("content")
            .putObject("application/json")
            .putObject("schema")
            .put("type", "array")
            .putObject("items")
            .put("$ref", "#/components/schemas/SKUResponse");
        responses.putObject("429").put("$ref", "#/components/responses/ClientRatelimitedResponse");
        responses.putObject("4XX").put("$ref", "#/components/responses/ClientErrorResponse");
    }

    /** An operation of the spec, such as {@code GET /channels/{channel_id}}. */
    public record Operation(String method, String route) {

        @Override
        public String toString() {
            return this.method + " " + this.route;
        }
    }

    /**
     * A problem the validator found.
     *
     * @param pointer the JSON pointer into the checked JSON, {@code /} for the whole
     * @param message what is wrong there
     * @param schema where in the spec the rule it breaks is, such as
     * {@code #/components/schemas/UserResponse/properties/id/pattern}
     */
    public record Problem(String pointer, String message, String schema) {

        /** A problem with the whole of it, not with one of its values. */
        static Problem of(String message) {
            return new Problem("/", message, "");
        }

        @Override
        public String toString() {
            return this.pointer + ": " + this.message + (this.schema.isEmpty() ? "" : " [" + this.schema + "]");
        }

    }

    /**
     * The spec's route template for a request path, such as
     * {@code /channels/{channel_id}/messages} for {@code /channels/123/messages}, when it
     * has an operation for the method there.
     */
    public Optional<String> route(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : this.patterns) {
            if (pattern.matches(container) && this.document.path("paths")
                .path(pattern.getPatternString())
                .has(method.toLowerCase(Locale.ROOT))) {
                return Optional.of(pattern.getPatternString());
            }
        }
        return Optional.empty();
    }

    /** Every operation of the spec. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        this.document.path("paths")
            .properties()
            .forEach((path) -> path.getValue()
                .propertyNames()
                .stream()
                .filter(METHODS::contains)
                .forEach((method) -> operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey()))));
        return operations;
    }

    /**
     * What the spec declares for a response.
     *
     * @param operation e.g. {@code GET /channels/{channel_id}/messages}, as the spec
     * spells it
     * @param statusKey the key of {@code responses} that applies: the status itself, or
     * {@code 4XX}, {@code 5XX}, {@code default}; {@code ErrorResponse} when the spec
     * declares nothing for a 5xx
     * @param pointer the JSON pointer to the body's schema, or null when the spec
     * declares no body
     */
    public record Declared(String operation, String statusKey, @Nullable String pointer) {

        public boolean fallback(int status) {
            return !this.statusKey.equals(Integer.toString(status));
        }
    }

    /**
     * Finds the operation and the response for a status.
     * @param method the HTTP method
     * @param route a route template such as {@code /channels/{channel_id}/messages};
     * parameter names need not match the spec's
     * @throws IllegalArgumentException when the spec has no such operation or says
     * nothing about the status
     */
    public Declared declared(String method, String route, int status) {
        String template = this.paths.get(blank(route.startsWith("/") ? route : "/" + route));
        JsonNode operation = (template != null)
                ? this.document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT)) : null;
        if (operation == null || operation.isMissingNode()) {
            throw new IllegalArgumentException("The spec has no operation " + method + " " + route);
        }
        String name = method + " " + template;
        String base = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/";
        JsonNode responses = operation.path("responses");
        for (String key : List.of(Integer.toString(status), (status / 100) + "XX", "default")) {
            if (responses.has(key)) {
                String pointer = base + escape(key);
                JsonNode response = responses.get(key);
                String ref = response.path("$ref").asString("");
                if (ref.startsWith("#/")) {
                    pointer = ref.substring(1);
                    response = this.document.at(pointer);
                }
                boolean body = response.path("content").path("application/json").has("schema");
                return new Declared(name, key, body ? pointer + "/content/application~1json/schema" : null);
            }
        }
        if (status >= 500) {
            return new Declared(name, "5XX (not in the spec: ErrorResponse)", "/components/schemas/ErrorResponse");
        }
        throw new IllegalArgumentException("The spec declares no response for status " + status + " of " + name
                + " (it has " + responses.propertyNames() + ")");
    }

    /**
     * Checks a response body.
     * @return the problems, each as a JSON pointer into the body and a message; empty
     * when it validates
     */
    public List<Problem> validate(String method, String route, int status, String body) {
        Declared declared = declared(method, route, status);
        if (declared.pointer() == null) {
            return body.isEmpty() ? List.of()
                    : List.of(Problem.of("the spec declares no body for " + declared.statusKey() + ", got " + body));
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        }
        catch (JacksonException ex) {
            return List.of(Problem.of("not JSON: " + ex.getOriginalMessage()));
        }
        return validateAt(declared.pointer(), json);
    }

    /** Checks JSON against a component schema, such as {@code MessageResponse}. */
    public List<Problem> validateSchema(String component, JsonNode json) {
        if (!this.document.path("components").path("schemas").has(component)) {
            throw new IllegalArgumentException("The spec has no schema " + component);
        }
        return validateAt("/components/schemas/" + component, json);
    }

    /**
     * Checks JSON against the schema at a JSON pointer into the spec, such as the
     * {@code oneOf} of channels that {@code GET /channels/{channel_id}} answers with.
     */
    public List<Problem> validateAt(String pointer, JsonNode json) {
        Schema schema = this.schemas.computeIfAbsent(pointer, (key) -> {
            if (this.document.at(key).isMissingNode()) {
                throw new IllegalArgumentException("The spec has nothing at " + key);
            }
            return this.registry.getSchema(SchemaLocation.of(URI + "#" + key));
        });
        return pruned(schema.validate(json)).stream().map(OpenApiSpec::problem).toList();
    }

    /**
     * The JSON pointer to the schema of an operation's response body for a status, such
     * as that of {@code GET /channels/{channel_id}} and 200.
     * @throws IllegalArgumentException when the spec declares no body for it
     */
    public String responseSchema(String method, String route, int status) {
        String pointer = declared(method, route, status).pointer();
        if (pointer == null) {
            throw new IllegalArgumentException("The spec declares no body for " + method + " " + route + " " + status);
        }
        return pointer;
    }

    /**
     * Leaves out the branches of a {@code oneOf} whose {@code type} does not match the
     * instance's (Discord's schemas tell their variants apart by it), so that a failure
     * names what is wrong with the variant meant.
     */
    private static List<Error> pruned(List<Error> errors) {
        List<String> otherVariants = errors.stream()
            .map((error) -> DISCRIMINATOR.matcher(error.getEvaluationPath().toString()))
            .filter(Matcher::matches)
            .map((matcher) -> matcher.group(1) + "/")
            .toList();
        return errors.stream()
            .filter((error) -> otherVariants.stream()
                .noneMatch((variant) -> error.getEvaluationPath().toString().startsWith(variant)))
            .toList();
    }

    private static Problem problem(Error error) {
        String at = error.getInstanceLocation().toString();
        return new Problem(at.isEmpty() ? "/" : at, error.getMessage(),
                error.getSchemaLocation().toString().replace(URI, ""));
    }

    private static String blank(String template) {
        return template.replaceAll("\\{[^}/]+}", "{}");
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

}
