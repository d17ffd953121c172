package io.github.jdaboot.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.jdaboot.emulator.DiscordEmulator;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A test of the whole bot against the Discord emulator: the application on a random port,
 * a {@link DiscordEmulator} bean it is connected to, and a {@link JdaEvents} bean. Test
 * classes with the same properties and imports share one context (and one emulator), as
 * Spring's test context cache shares any context: a test must not depend on the
 * emulator's history before it started, only on what it did itself. Each test starts once
 * the bot registered its commands, and faults it injects are taken back after it
 * ({@link DiscordEmulator#resetFaults()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(DiscordEmulatorTestConfiguration.class)
@ExtendWith({ AwaitCommandsRegistered.class, EmulatorFaultsReset.class })
public @interface DiscordBotTest {

    /** Properties for the application, {@code key=value}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

}
