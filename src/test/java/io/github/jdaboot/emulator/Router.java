package io.github.jdaboot.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Routes requests by method and path template ({@code /channels/{channel_id}/messages})
 * with Spring's {@link PathPattern}s; a literal segment wins over a variable one
 * ({@code /users/@me} before {@code /users/{user_id}}).
 *
 * @param <T> what a route leads to
 */
final class Router<T> {

    /** A route: its method, its template as written, and what it leads to. */
    record Route<T>(String method, String template, PathPattern pattern, T target) {
    }

    /**
     * The outcome of routing one request.
     *
     * @param route the matching route, null when none
     * @param variables the template's variables, decoded
     * @param pathKnown whether some route has this path (for a method) even if none
     * matched
     */
    record Match<T>(@Nullable Route<T> route, Map<String, String> variables, boolean pathKnown) {
    }

    private final List<Route<T>> routes = new ArrayList<>();

    synchronized void add(String method, String template, T target) {
        this.routes.add(new Route<>(method, template, PathPatternParser.defaultInstance.parse(template), target));
        this.routes.sort((a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.pattern(), b.pattern()));
    }

    synchronized List<Route<T>> routes() {
        return List.copyOf(this.routes);
    }

    Match<T> match(String method, String rawPath) {
        PathContainer path = PathContainer.parsePath(rawPath);
        boolean pathKnown = false;
        for (Route<T> route : routes()) {
            PathPattern.PathMatchInfo info = route.pattern().matchAndExtract(path);
            if (info == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match<>(route, info.getUriVariables(), true);
            }
            pathKnown = true;
        }
        return new Match<>(null, Map.of(), pathKnown);
    }

}
