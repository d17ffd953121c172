package io.github.jdaboot.emulator;

import java.util.List;
import java.util.ServiceLoader;

import org.jspecify.annotations.Nullable;

/**
 * The {@link TrafficCheck}s one emulator hands its traffic to: those on the class path,
 * loaded once, or none.
 */
final class TrafficChecks implements TrafficCheck {

    private static final TrafficChecks NONE = new TrafficChecks(List.of());

    private final List<TrafficCheck> checks;

    private TrafficChecks(List<TrafficCheck> checks) {
        this.checks = checks;
    }

    static TrafficChecks onClassPath() {
        return OnClassPath.CHECKS;
    }

    static TrafficChecks none() {
        return NONE;
    }

    /** Whether any check looks: when none does, the traffic need not be shown. */
    boolean isActive() {
        return !this.checks.isEmpty();
    }

    @Override
    public void response(String method, @Nullable String route, String path, int status, String body) {
        for (TrafficCheck check : this.checks) {
            check.response(method, route, path, status, body);
        }
    }

    @Override
    public void dispatch(GatewayEvent event, String data) {
        for (TrafficCheck check : this.checks) {
            check.dispatch(event, data);
        }
    }

    /** The checks on the class path, loaded on first use. */
    private static final class OnClassPath {

        private static final TrafficChecks CHECKS = new TrafficChecks(
                ServiceLoader.load(TrafficCheck.class).stream().map(ServiceLoader.Provider::get).toList());

    }

}
