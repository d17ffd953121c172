package io.github.jdaboot.testing.spec;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jdaboot.emulator.GatewayEvent;
import io.github.jdaboot.emulator.TrafficCheck;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks what every emulator of the test suite sends against Discord's OpenAPI spec: each
 * REST response against what the spec declares for its operation and status (an unknown
 * route's 404 against Discord's error body), and each gateway dispatch's objects against
 * their REST schemas ({@link GatewaySchemas}). What breaks the spec goes to
 * {@link SpecViolations}, for {@link SpecViolationsExtension} to fail the test during
 * which it was sent. Registered in
 * {@code META-INF/services/io.github.jdaboot.emulator.TrafficCheck}.
 */
public final class OpenApiTrafficCheck implements TrafficCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How many dispatches of each event were checked, by every check of the JVM. */
    private static final Map<GatewayEvent, AtomicLong> CHECKED = new EnumMap<>(GatewayEvent.class);

    static {
        for (GatewayEvent event : GatewayEvent.values()) {
            CHECKED.put(event, new AtomicLong());
        }
    }

    private final OpenApiSpec spec = OpenApiSpec.load();

    /**
     * How many dispatches of each event the checks of this JVM have seen so far: for a
     * test that must know its payloads were checked.
     */
    public static Map<GatewayEvent, Long> checked() {
        Map<GatewayEvent, Long> counts = new EnumMap<>(GatewayEvent.class);
        CHECKED.forEach((event, count) -> counts.put(event, count.get()));
        return counts;
    }

    @Override
    public void response(String method, @Nullable String route, String path, int status, String body) {
        // the spec's operation for the path itself: the emulator's template may take one
        // variable where the spec has a literal (a reaction's {user_id} and @me)
        String operation = this.spec.route(method, path).orElse(null);
        String subject = method + " " + ((route != null) ? route : path) + " -> " + status;
        try {
            if (operation != null) {
                this.spec.validate(method, operation, status, body)
                    .forEach((problem) -> SpecViolations.add(SpecViolation.of(subject, problem, body)));
            }
            else if (route != null && status < 400) {
                SpecViolations.add(SpecViolation.of(subject,
                        OpenApiSpec.Problem.of("the spec has no operation " + method + " " + path), body));
            }
            else {
                // a route Discord does not have: answered with Discord's error body
                check(subject, "/components/schemas/ErrorResponse", JSON.readTree(body), body);
            }
        }
        catch (IllegalArgumentException | JacksonException ex) {
            SpecViolations.add(SpecViolation.of(subject, OpenApiSpec.Problem.of(ex.getMessage()), body));
        }
    }

    @Override
    public void dispatch(GatewayEvent event, String data) {
        CHECKED.get(event).incrementAndGet();
        JsonNode json;
        try {
            json = JSON.readTree(data);
        }
        catch (JacksonException ex) {
            SpecViolations
                .add(SpecViolation.of(event.name(), OpenApiSpec.Problem.of("not JSON: " + ex.getMessage()), data));
            return;
        }
        for (GatewaySchemas.Part part : GatewaySchemas.parts(event)) {
            for (GatewaySchemas.Found found : part.find(json)) {
                check(event + " " + found.pointer() + " as " + part.schema(), part.schema(),
                        part.completion().apply(json, found), data);
            }
        }
    }

    private void check(String subject, String schema, JsonNode json, String sent) {
        this.spec.validateAt(schema, json)
            .forEach((problem) -> SpecViolations.add(SpecViolation.of(subject, problem, sent)));
    }

}
