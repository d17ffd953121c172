package io.github.jdaboot.testing;

import io.github.jdaboot.emulator.DiscordEmulator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each test of a {@link DiscordBotTest}, takes back the faults and limits it set on
 * the shared emulator ({@link DiscordEmulator#resetFaults()}), so that test classes
 * sharing a context stay independent.
 */
class EmulatorFaultsReset implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(DiscordEmulator.class).resetFaults();
    }

}
