package io.github.jdaboot.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A REST request the bot made, as the emulator received it, with the route it matched and
 * what the emulator answered.
 *
 * @param request the request as received
 * @param route the route template, such as {@code POST /channels/{channel_id}/messages},
 * or null when none matched
 * @param status the status the emulator answered with
 * @param receivedAt when it was read off the connection (its
 * {@link EmulatorRequest#arrivedAt()})
 */
public record RecordedRequest(EmulatorRequest request, @Nullable String route, int status, Instant receivedAt) {

    public String method() {
        return this.request.method();
    }

    public String path() {
        return this.request.path();
    }

    public String body() {
        return this.request.bodyText();
    }

    public boolean isWrite() {
        return !"GET".equals(this.request.method());
    }

    @Override
    public String toString() {
        return this.request + " -> " + this.status;
    }
}
