package io.github.jdaboot.discord;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.core.instrument.binder.okhttp3.DefaultOkHttpObservationConvention;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpContext;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpObservationConvention;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * The key values of {@code discord.rest.requests}: what Micrometer's
 * {@link DefaultOkHttpObservationConvention} gives for the application's interceptor
 * ({@code method}, {@code uri} as Discord's route template, {@code status},
 * {@code outcome}, {@code scope} of a 429, {@code target.scheme}, {@code target.host},
 * {@code target.port}), but made once per route, status and scope: the default builds,
 * sorts and deduplicates them, and maps the path to its template, twice for every request
 * JDA sends. The route template is made once per request and kept on the context for the
 * observation's end.
 */
final class DiscordRestObservationConvention implements OkHttpObservationConvention {

    /** Slots of a route's key values: one per status below 600, then a 429's scopes. */
    private static final int STATUSES = 600;

    private static final String[] SCOPES = { "user", "global", "shared" };

    /** Routes by method and template. */
    private final ConcurrentMap<String, ConcurrentMap<String, Route>> routes = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return DiscordMetricsAutoConfiguration.REST_REQUESTS;
    }

    /** The method, as the default convention names the span. */
    @Override
    public String getContextualName(OkHttpContext context) {
        return context.getRequest().method();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(OkHttpContext context) {
        Request request = context.getRequest();
        Route route = context.get(Route.class);
        if (route == null || !route.serves(request.url())) {
            route = route(request);
            context.put(Route.class, route);
        }
        Throwable error = context.getError();
        return route.keyValues(context.getResponse(), error instanceof IOException);
    }

    private Route route(Request request) {
        String uri = DiscordRoutes.template(request.url().encodedPathSegments());
        ConcurrentMap<String, Route> byTemplate = this.routes.get(request.method());
        if (byTemplate == null) {
            byTemplate = this.routes.computeIfAbsent(request.method(), (method) -> new ConcurrentHashMap<>());
        }
        Route route = byTemplate.get(uri);
        if (route == null || !route.serves(request.url())) {
            route = new Route(request.method(), uri, request.url());
            // another host (the REST URL changed): the new one is kept, both stay correct
            byTemplate.put(uri, route);
        }
        return route;
    }

    /** The key values of one method and route template, by how its requests ended. */
    private static final class Route {

        private final String method;

        private final String uri;

        private final String scheme;

        private final String host;

        private final int port;

        /** Before the answer: no status yet (as the default says, CLIENT_ERROR). */
        private final KeyValues started;

        private final KeyValues ioError;

        private final AtomicReferenceArray<@Nullable KeyValues> answered = new AtomicReferenceArray<>(
                STATUSES + SCOPES.length);

        Route(String method, String uri, HttpUrl url) {
            this.method = method;
            this.uri = uri;
            this.scheme = url.scheme();
            this.host = url.host();
            this.port = url.port();
            this.started = keyValues("CLIENT_ERROR", Outcome.UNKNOWN, "none");
            this.ioError = keyValues("IO_ERROR", Outcome.UNKNOWN, "none");
        }

        boolean serves(HttpUrl url) {
            return this.port == url.port() && this.host.equals(url.host()) && this.scheme.equals(url.scheme());
        }

        KeyValues keyValues(@Nullable Response response, boolean ioError) {
            if (ioError) {
                return this.ioError;
            }
            if (response == null) {
                return this.started;
            }
            int code = response.code();
            String scope = DiscordRateLimitMetrics.scope(response);
            int slot = slot(code, scope);
            if (slot < 0) {
                return keyValues(Integer.toString(code), Outcome.forStatus(code), scope);
            }
            KeyValues keyValues = this.answered.get(slot);
            if (keyValues == null) {
                keyValues = keyValues(Integer.toString(code), Outcome.forStatus(code), scope);
                this.answered.set(slot, keyValues);
            }
            return keyValues;
        }

        private static int slot(int code, String scope) {
            if (scope.equals("none")) {
                return (code >= 0 && code < STATUSES) ? code : -1;
            }
            for (int i = 0; i < SCOPES.length; i++) {
                if (SCOPES[i].equals(scope)) {
                    return (code == 429) ? STATUSES + i : -1;
                }
            }
            return -1;
        }

        private KeyValues keyValues(String status, Outcome outcome, String scope) {
            return KeyValues.of("method", this.method, "uri", this.uri, "status", status, "outcome", outcome.name(),
                    "scope", scope, "target.scheme", this.scheme, "target.host", this.host, "target.port",
                    Integer.toString(this.port));
        }

    }

}
