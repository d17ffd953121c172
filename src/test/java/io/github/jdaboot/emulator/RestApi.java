package io.github.jdaboot.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's REST API, {@code discord.rest()}: Discord's API (v10) under
 * {@code /api/v10/}, routed by Discord's route templates, with bot-token authentication,
 * rate limits and their headers. Tests inject faults (429s of each scope, server errors),
 * change limits, and read every request the bot made, in the manner of OkHttp's
 * MockWebServer ({@link #takeRequest(Duration)}).
 */
public final class RestApi {

    static final String PREFIX = "/api/v10/";

    /** Answers one request to a matched route. */
    interface RouteHandler {

        EmulatorResponse handle(EmulatorRequest request, Map<String, String> params) throws Exception;

    }

    /**
     * What a route leads to: its rate limit, whether it needs the bot token, and its
     * handler.
     */
    private record Endpoint(String name, String template, RateLimits.Limit limit, boolean authenticated,
            RouteHandler handler) {
    }

    /** Answers the next matching requests with an error instead of handling them. */
    private static final class Fault {

        final Predicate<String> route;

        final int status;

        final double retryAfter;

        final @Nullable String scope;

        final boolean afterProcessing;

        int remaining;

        Fault(Predicate<String> route, int count, int status, double retryAfter, @Nullable String scope,
                boolean afterProcessing) {
            this.route = route;
            this.remaining = count;
            this.status = status;
            this.retryAfter = retryAfter;
            this.scope = scope;
            this.afterProcessing = afterProcessing;
        }

    }

    private final EmulatorWorld world;

    private final Payloads payloads;

    private final RateLimits rateLimits;

    private final Router<Endpoint> routes = new Router<>();

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /**
     * Every request, in the order received: appending costs the same however many came
     * before (the benchmark sends over 100,000 a run).
     */
    private final Queue<RecordedRequest> recorded = new ConcurrentLinkedQueue<>();

    private final BlockingQueue<RecordedRequest> taken = new LinkedBlockingQueue<>();

    private final TrafficChecks checks;

    RestApi(EmulatorWorld world, Payloads payloads, RateLimits rateLimits, TrafficChecks checks) {
        this.world = world;
        this.payloads = payloads;
        this.rateLimits = rateLimits;
        this.checks = checks;
    }

    /**
     * Adds a route.
     * @param method the HTTP method
     * @param template Discord's route template without a leading slash, e.g.
     * {@code channels/{channel_id}/messages}
     * @param limit its rate limit, per major parameter
     * @param authenticated whether the bot token is required (interaction routes
     * authenticate by their URL token)
     * @param handler what answers it
     */
    void route(String method, String template, RateLimits.Limit limit, boolean authenticated, RouteHandler handler) {
        this.routes.add(method, "/" + template,
                new Endpoint(method + " /" + template, "/" + template, limit, authenticated, handler));
    }

    /**
     * Every route served, as {@code METHOD /template}, such as {@code GET
     * /channels/{channel_id}}.
     */
    List<String> routes() {
        return this.routes.routes().stream().map((route) -> route.target().name()).toList();
    }

    EmulatorResponse handle(EmulatorRequest request) {
        String path = request.path().substring(PREFIX.length() - 1);
        Router.Match<Endpoint> match = this.routes.match(request.method(), path);
        Router.Route<Endpoint> route = match.route();
        // what the emulator does not emulate answers as Discord answers an unknown route
        EmulatorResponse response = (route != null) ? answer(route.target(), request, match.variables())
                : EmulatorResponse.json(404, this.payloads.error(0, "404: Not Found"));
        if (this.checks.isActive()) {
            this.checks.response(request.method(), (route != null) ? route.target().template() : null, path,
                    response.status(), new String(response.body(), StandardCharsets.UTF_8));
        }
        RecordedRequest record = new RecordedRequest(request, (route != null) ? route.target().name() : null,
                response.status(), request.arrivedAt());
        this.recorded.add(record);
        this.taken.add(record);
        return response;
    }

    private EmulatorResponse answer(Endpoint route, EmulatorRequest request, Map<String, String> params) {
        if (route.authenticated() && !("Bot " + this.world.token()).equals(request.header("authorization"))) {
            return EmulatorResponse.json(401, this.payloads.error(0, "401: Unauthorized"));
        }
        String routeName = route.name();
        String major = majorParameter(route, params);
        String bucketKey = routeName + " " + major;
        String bucketHash = Integer.toHexString(routeName.hashCode());
        this.rateLimits.arrived(bucketKey, route.authenticated(), request.arrivedAt());
        Fault fault = takeFault(routeName);
        if (fault != null) {
            if (fault.afterProcessing) {
                // the request takes effect, but the answer is lost: as when Discord
                // stored a message and then failed
                invoke(route, request, params);
            }
            if (fault.status == 429) {
                this.rateLimits.told(bucketKey, "global".equals(fault.scope), fault.retryAfter);
            }
            return faultResponse(fault, route, bucketHash);
        }
        RateLimits.Decision decision = this.rateLimits.check(bucketKey, bucketHash,
                this.rateLimits.limitFor(routeName, route.limit()), route.authenticated());
        if (!decision.allowed()) {
            return tooManyRequests(decision.retryAfter(), decision.global(), decision.scope())
                .withHeaders(decision.headers());
        }
        return invoke(route, request, params).withHeaders(decision.headers());
    }

    private EmulatorResponse invoke(Endpoint route, EmulatorRequest request, Map<String, String> params) {
        try {
            return route.handler().handle(request, params);
        }
        catch (DiscordError error) {
            return EmulatorResponse.json(error.status(), this.payloads.error(error));
        }
        catch (RuntimeException ex) {
            return EmulatorResponse.json(400, this.payloads.error(50035, "Invalid Form Body: " + ex.getMessage()));
        }
        catch (Exception ex) {
            return EmulatorResponse.json(500, this.payloads.error(0, "500: Internal Server Error"));
        }
    }

    private static String majorParameter(Endpoint route, Map<String, String> params) {
        for (String major : List.of("channel_id", "guild_id", "interaction_token", "webhook_id")) {
            String value = params.get(major);
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    private synchronized @Nullable Fault takeFault(String routeName) {
        for (Fault fault : this.faults) {
            if (fault.remaining > 0 && fault.route.test(routeName)) {
                fault.remaining--;
                if (fault.remaining == 0) {
                    this.faults.remove(fault);
                }
                return fault;
            }
        }
        return null;
    }

    private EmulatorResponse faultResponse(Fault fault, Endpoint route, String bucketHash) {
        if (fault.status == 429) {
            boolean global = "global".equals(fault.scope);
            EmulatorResponse response = tooManyRequests(fault.retryAfter, global, fault.scope);
            if (!global) {
                response = response.withHeaders(this.rateLimits.headers(route.limit(), 0,
                        (long) (fault.retryAfter * 1_000_000_000L), bucketHash));
            }
            return response.withHeader("X-RateLimit-Scope", String.valueOf(fault.scope));
        }
        return EmulatorResponse.json(fault.status,
                this.payloads.error(0, fault.status + ": " + HttpResponseStatus.valueOf(fault.status).reasonPhrase()));
    }

    private EmulatorResponse tooManyRequests(double retryAfter, boolean global, @Nullable String scope) {
        String body = "{\"message\":\"You are being rate limited.\",\"retry_after\":"
                + String.format(Locale.ROOT, "%.3f", retryAfter) + ",\"global\":" + global + ",\"code\":0}";
        EmulatorResponse response = EmulatorResponse.json(429, body)
            .withHeader("Retry-After", Long.toString((long) Math.ceil(retryAfter)))
            .withHeader("Via", "1.1 google");
        if (global) {
            response = response.withHeader("X-RateLimit-Global", "true");
        }
        return response;
    }

    /**
     * Answers the next {@code count} requests to the route with 429 and
     * {@code retry_after}.
     * @param route a route such as {@code POST /channels/{channel_id}/messages}
     * @param scope {@code user}, {@code global} or {@code shared}
     */
    public void rateLimitNext(String route, int count, Duration retryAfter, String scope) {
        fail(route, count, 429, retryAfter, scope, false);
    }

    /**
     * Answers the next {@code count} requests to the route with a server error such as
     * 500, 502 or 503.
     */
    public void failNext(String route, int count, int status) {
        fail(route, count, status, Duration.ZERO, null, false);
    }

    /**
     * Handles the next {@code count} requests to the route, then answers them with a
     * server error anyway: the message is stored but the bot never hears so, as when
     * Discord fails after doing the work.
     */
    public void failNextAfterProcessing(String route, int count, int status) {
        fail(route, count, status, Duration.ZERO, null, true);
    }

    private void fail(String route, int count, int status, Duration retryAfter, @Nullable String scope,
            boolean afterProcessing) {
        this.faults
            .add(new Fault(route::equals, count, status, retryAfter.toMillis() / 1000.0, scope, afterProcessing));
    }

    /** Takes back every fault a test injected and every limit it changed. */
    void resetFaults() {
        this.faults.clear();
        this.rateLimits.reset();
    }

    /**
     * Sets the rate limit of one route, e.g. {@code POST
     * /channels/{channel_id}/messages}, per channel.
     */
    public void rateLimit(String route, int requests, Duration window) {
        this.rateLimits.override(route, new RateLimits.Limit(requests, window));
    }

    /** Sets the global limit of requests per bot (Discord's is 50 per second). */
    public void globalRateLimit(int requests, Duration window) {
        this.rateLimits.globalLimit(new RateLimits.Limit(requests, window));
    }

    /** Turns Discord's rate limits on or off (off for benchmarks). */
    public void rateLimits(boolean enabled) {
        this.rateLimits.enabled(enabled);
    }

    /** How many requests the emulator answered with 429 because a limit was reached. */
    public int rateLimitedRequests() {
        return this.rateLimits.limited();
    }

    /**
     * How many requests arrived while their bucket had already answered 429 and had not
     * reset.
     */
    public int rateLimitViolations() {
        return this.rateLimits.violations();
    }

    /** Every REST request the bot made so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(this.recorded);
    }

    /**
     * The next REST request not yet taken, waiting up to the timeout; null when none
     * came.
     */
    public @Nullable RecordedRequest takeRequest(Duration timeout) {
        try {
            return this.taken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * An error Discord answers with: HTTP status, Discord's JSON error code and message,
     * and for an Invalid Form Body the {@code errors} object, or a message
     * {@code "Invalid Form Body: <field path>: <text>"}.
     */
    static final class DiscordError extends RuntimeException {

        private final int status;

        private final int code;

        private final @Nullable ObjectNode errors;

        DiscordError(int status, int code, String message) {
            this(status, code, message, null);
        }

        DiscordError(int status, int code, String message, @Nullable ObjectNode errors) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.errors = errors;
        }

        @Nullable ObjectNode errors() {
            return this.errors;
        }

        /**
         * The same error for a body nested under {@code key}, as the {@code data} of an
         * interaction callback.
         */
        DiscordError under(String key) {
            if (this.errors != null) {
                ObjectNode nested = JsonNodeFactory.instance.objectNode();
                nested.set(key, this.errors);
                return new DiscordError(this.status, this.code, getMessage(), nested);
            }
            String prefix = "Invalid Form Body: ";
            String field = getMessage().startsWith(prefix) ? getMessage().substring(prefix.length()) : null;
            return (field != null) ? new DiscordError(this.status, this.code, prefix + key + "." + field) : this;
        }

        int status() {
            return this.status;
        }

        int code() {
            return this.code;
        }

        static DiscordError unknown(String what, int code) {
            return new DiscordError(404, code, "Unknown " + what);
        }

    }

}
