package io.github.jdaboot.emulator;

import org.jspecify.annotations.Nullable;

/**
 * Sees everything the emulator sends the bot: each REST response, with the route it
 * answered, and each gateway dispatch. The test suite's check, found on the class path
 * ({@code META-INF/services/io.github.jdaboot.emulator.TrafficCheck}), validates them
 * against Discord's OpenAPI spec. Every emulator hands its traffic to the checks found
 * there unless built with {@link DiscordEmulator.Builder#trafficChecks(boolean)} off, as
 * the load test, the benchmark and the running application do.
 * <p>
 * A check runs on the emulator's threads, before what it sees is sent: it must be
 * thread-safe and quick, and must not throw.
 */
public interface TrafficCheck {

    /**
     * A REST response the emulator is about to send.
     * @param method the request's method
     * @param route the route template it answered, such as
     * {@code /channels/{channel_id}/messages}; null when no route matched (404)
     * @param path the request's path under {@code /api/v10}, such as
     * {@code /channels/123/messages}
     * @param status the response's status
     * @param body the response's body, empty for none
     */
    void response(String method, @Nullable String route, String path, int status, String body);

    /**
     * A gateway dispatch (op 0) the emulator is about to send.
     * @param event the event, its {@code t}
     * @param data its {@code d}, as sent
     */
    void dispatch(GatewayEvent event, String data);

}
