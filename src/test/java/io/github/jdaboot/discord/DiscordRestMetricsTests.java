package io.github.jdaboot.discord;

import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.okhttp3.DefaultOkHttpObservationConvention;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST requests' convention and meter handler, made for speed, against what
 * Micrometer's defaults made before with the same settings: the same key values, the same
 * meters.
 */
@DisplayName("discord.rest.requests: the same key values and meters as Micrometer's defaults")
class DiscordRestMetricsTests {

    private static final String API = "https://discord.com/api/v10";

    /** Requests and how they end: status and headers, or an exception. */
    private static final List<Exchange> EXCHANGES = List.of(
            new Exchange("POST", "/interactions/1234567890123456789/aW50ZXJhY3Rpb246MTIz/callback", 204, Map.of()),
            new Exchange("POST", "/interactions/2234567890123456789/dG9rZW4/callback", 204, Map.of()),
            new Exchange("POST", "/channels/123456789012345678/messages", 200, Map.of()),
            new Exchange("PATCH", "/webhooks/111111111111111111/dG9rZW4/messages/@original", 200, Map.of()),
            new Exchange("POST", "/channels/123456789012345678/messages", 429, Map.of("X-RateLimit-Scope", "user")),
            new Exchange("POST", "/channels/123456789012345678/messages", 429, Map.of("X-RateLimit-Global", "true")),
            new Exchange("PUT", "/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", 429,
                    Map.of("X-RateLimit-Scope", "shared")),
            new Exchange("GET", "/gateway/bot", 401, Map.of()), new Exchange("GET", "/users/@me", 503, Map.of()),
            new Exchange("POST", "/channels/123456789012345678/messages", 0, Map.of()));

    @Test
    @DisplayName("the convention gives the default convention's key values, before and after the answer")
    void keyValues() {
        DefaultOkHttpObservationConvention before = new DefaultOkHttpObservationConvention(
                DiscordMetricsAutoConfiguration.REST_REQUESTS);
        DiscordRestObservationConvention now = new DiscordRestObservationConvention();
        for (int pass = 0; pass < 2; pass++) { // the second from the cache
            for (Exchange exchange : EXCHANGES) {
                OkHttpContext previous = exchange.context();
                OkHttpContext current = exchange.context();
                assertThat(now.getLowCardinalityKeyValues(current)).as("%s before the answer", exchange)
                    .isEqualTo(before.getLowCardinalityKeyValues(previous));
                exchange.end(previous);
                exchange.end(current);
                assertThat(now.getLowCardinalityKeyValues(current)).as("%s", exchange)
                    .isEqualTo(before.getLowCardinalityKeyValues(previous));
                assertThat(now.getContextualName(current)).isEqualTo(before.getContextualName(previous));
                assertThat(now.getName()).isEqualTo(before.getName());
            }
        }
    }

    @Test
    @DisplayName("the route's tags never carry an id or a token")
    void boundedTags() {
        OkHttpContext context = EXCHANGES.getFirst().context();
        EXCHANGES.getFirst().end(context);

        assertThat(new DiscordRestObservationConvention().getLowCardinalityKeyValues(context))
            .contains(KeyValue.of("uri", "/interactions/{interaction_id}/{interaction_token}/callback"))
            .noneMatch((keyValue) -> keyValue.getValue().contains("1234567890123456789")
                    || keyValue.getValue().contains("aW50ZXJhY3Rpb246MTIz"));
    }

    @Test
    @DisplayName("the meter handler makes the default handler's meters, with the same counts")
    void meters() {
        MeterRegistry defaults = new SimpleMeterRegistry();
        MeterRegistry cached = new SimpleMeterRegistry();
        ObservationRegistry before = observations(new DefaultMeterObservationHandler(defaults));
        ObservationRegistry now = observations(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new DiscordRestMeterObservationHandler(cached, true), new DefaultMeterObservationHandler(cached)));
        for (int pass = 0; pass < 3; pass++) {
            for (Exchange exchange : EXCHANGES) {
                observe(before, new DiscordRestObservationConvention(), exchange);
                observe(now, new DiscordRestObservationConvention(), exchange);
            }
        }
        // one observation left running: the long task timers count it alike
        Observation running = Observation
            .createNotStarted(new DiscordRestObservationConvention(), () -> EXCHANGES.getFirst().context(), now)
            .start();
        Observation runningBefore = Observation
            .createNotStarted(new DiscordRestObservationConvention(), () -> EXCHANGES.getFirst().context(), before)
            .start();

        assertThat(meters(cached)).isEqualTo(meters(defaults)).isNotEmpty();
        assertThat(cached.find(DiscordMetricsAutoConfiguration.REST_REQUESTS + ".active")
            .tag("uri", "/interactions/{interaction_id}/{interaction_token}/callback")
            .longTaskTimer()
            .activeTasks()).isOne();
        running.stop();
        runningBefore.stop();
        assertThat(meters(cached)).isEqualTo(meters(defaults));
    }

    @Test
    @DisplayName("without the long task timer when Boot's ignored-meters says so")
    void withoutLongTaskTimer() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ObservationRegistry observations = observations(new DiscordRestMeterObservationHandler(registry, false));

        observe(observations, new DiscordRestObservationConvention(), EXCHANGES.getFirst());

        assertThat(registry.find(DiscordMetricsAutoConfiguration.REST_REQUESTS).timers()).hasSize(1);
        assertThat(registry.find(DiscordMetricsAutoConfiguration.REST_REQUESTS + ".active").longTaskTimers()).isEmpty();
    }

    private static ObservationRegistry observations(ObservationHandler<?> handler) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(handler);
        return registry;
    }

    private static void observe(ObservationRegistry registry, DiscordRestObservationConvention convention,
            Exchange exchange) {
        OkHttpContext context = exchange.context();
        Observation observation = Observation.createNotStarted(convention, () -> context, registry).start();
        exchange.end(context);
        if (context.getError() != null) {
            observation.error(context.getError());
        }
        observation.stop();
    }

    /** Every meter by name, tags and type, with its count. */
    private static Map<String, Double> meters(MeterRegistry registry) {
        Map<String, Double> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            double count = switch (meter) {
                case Timer timer -> timer.count();
                case io.micrometer.core.instrument.LongTaskTimer timer -> timer.activeTasks();
                default -> Double.NaN;
            };
            meters.put(meter.getId().getType() + " " + meter.getId().getName() + meter.getId().getTags(), count);
        }
        return meters;
    }

    /** A request and its end: a status (0 for an I/O failure) and headers. */
    private record Exchange(String method, String path, int status, Map<String, String> headers) {

        OkHttpContext context() {
            Request request = new Request.Builder().url(API + this.path)
                .method(this.method, this.method.equals("GET") ? null : okhttp3.RequestBody.create(new byte[0], null))
                .build();
            return new OkHttpContext(DiscordRestMetricsTests::template, List.of(),
                    List.of((req, res) -> KeyValue.of("scope", DiscordRateLimitMetrics.scope(res))), false, request);
        }

        void end(OkHttpContext context) {
            if (this.status == 0) {
                context.setError(new SocketTimeoutException("timeout"));
                return;
            }
            Response.Builder response = new Response.Builder().request(context.getRequest())
                .protocol(Protocol.HTTP_1_1)
                .code(this.status)
                .message("status");
            this.headers.forEach(response::header);
            context.setResponse(response.build());
        }

    }

    /** The interceptor's uri mapper before the convention: the route template. */
    private static String template(Request request) {
        return DiscordRoutes.template(request.url().encodedPathSegments());
    }

}
