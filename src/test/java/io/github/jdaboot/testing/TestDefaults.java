package io.github.jdaboot.testing;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the suite's defaults before any test runs: Awaitility waits up to
 * {@link Timeouts#ANSWER} unless a test says otherwise. Registered with the JUnit
 * Platform as a {@link LauncherSessionListener}.
 */
public class TestDefaults implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultTimeout(Timeouts.ANSWER);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
    }

}
