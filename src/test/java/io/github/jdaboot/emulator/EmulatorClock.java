package io.github.jdaboot.emulator;

import java.time.Duration;
import java.time.InstantSource;

/**
 * The emulator's time. It stamps what happens (messages, edits, interactions, ids,
 * recorded requests) and measures every wait that Discord imposes and the emulator
 * enforces: one IDENTIFY per 5 s per bucket, the 3 s callback deadline, 15-minute
 * interaction tokens, rate-limit windows, the nonce window; and it runs what the emulator
 * schedules (a close frame's answer given up on, a wait for the bot's autocomplete
 * choices ending at the deadline).
 * <p>
 * The running application and the benchmark use the system's time; a test that would
 * otherwise sleep through one of Discord's waits gives the emulator a {@link ManualClock}
 * ({@link DiscordEmulator.Builder#clock(EmulatorClock)}) and moves it on. What the
 * emulator records to measure the bot by ({@link Gateway#events()},
 * {@link Gateway#heartbeatTimes()}) stays in real time.
 */
public interface EmulatorClock extends InstantSource {

    /**
     * Runs the task once this clock has moved on by the delay, on a thread of the clock's
     * choosing.
     */
    void schedule(Duration delay, Runnable task);

}
