/**
 * The Discord emulator: Discord's gateway and REST API (v10) on one loopback port, for
 * tests and local runs. {@link io.github.jdaboot.emulator.DiscordEmulator} starts it;
 * tests use its {@code gateway()}, {@code rest()} and {@code world()}.
 * <p>
 * Where things live:
 * <ul>
 * <li>the network: {@code EmulatorServer} (Netty, HTTP and WebSocket),
 * {@code GatewayConnection}, {@code EmulatorRequest}/{@code EmulatorResponse},
 * {@code Router};</li>
 * <li>the gateway: {@link io.github.jdaboot.emulator.Gateway}, {@code GatewaySession},
 * {@link io.github.jdaboot.emulator.GatewayEvent} (every dispatch with the
 * {@link io.github.jdaboot.emulator.Intent} that gates it),
 * {@link io.github.jdaboot.emulator.GatewayActivity};</li>
 * <li>REST: {@link io.github.jdaboot.emulator.RestApi} (routing, authentication, rate
 * limits by {@code RateLimits}, faults, recording), the routes of users, guilds, channels
 * and messages in {@code DiscordRoutes};</li>
 * <li>application commands and interactions, one class per job: {@code CommandRegistry}
 * (the commands and their routes) with {@code CommandValidator} (Discord's rules for a
 * definition); {@code InteractionDispatcher} (what users do, checked by
 * {@code CommandInput} and {@code ComponentInput}, sent as INTERACTION_CREATE);
 * {@code InteractionCallbacks} (the bot's callback and the interaction's webhook);</li>
 * <li>the world: {@code EmulatorWorld} (everything it knows), {@code Messaging},
 * {@code Payloads} (Discord's JSON shapes), {@code Components}, {@code Mentions},
 * {@link io.github.jdaboot.emulator.World} (the tests' view, users acting through
 * it);</li>
 * <li>time: {@link io.github.jdaboot.emulator.EmulatorClock}, the system's or a test's
 * {@link io.github.jdaboot.emulator.ManualClock};</li>
 * <li>people and tools: {@code ControlApi} under {@code /emulator/} and the chat page it
 * serves.</li>
 * </ul>
 * Test support that is not the emulator lives in {@code io.github.jdaboot.testing}.
 */
@NullMarked
package io.github.jdaboot.emulator;

import org.jspecify.annotations.NullMarked;
