package io.github.jdaboot.command;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the framework keeps per user, channel or message has a bound, whatever the
 * traffic: a bot in many guilds sees millions of each. (It keeps nothing per guild; JDA's
 * caches are JDA's, sized by its cache flags and member cache policy.) Each test feeds
 * far more than the bound and checks it is never passed.
 */
class MemoryBoundsTests {

    @Test
    @DisplayName("per channel: the channels remembered for recovery, at most 1,000, the most recently active")
    void channelsRememberedForRecovery() {
        ChannelActivity channels = new ChannelActivity(MissedCommandRecovery.MAX_CHANNELS);
        for (long channel = 1; channel <= 100_000; channel++) {
            channels.seen(channel, 1_000_000 + channel, 0);
            assertThat(channels.size()).isLessThanOrEqualTo(1_000);
        }
        assertThat(channels.activeSince(0)).hasSizeGreaterThanOrEqualTo(750)
            .first()
            .extracting(ChannelActivity.Channel::id)
            .isEqualTo(100_000L);
    }

    @Test
    @DisplayName("per message: the messages taken as commands, at most 50,000, the most recent")
    void messagesTakenAsCommands() {
        HandledMessages handled = new HandledMessages(InteractionDispatcher.HANDLED_MESSAGES);
        for (long message = 1; message <= 500_000; message++) {
            handled.firstTime(message);
        }
        assertThat(handled.size()).isEqualTo(50_000);
        assertThat(handled.firstTime(500_000)).as("the newest is remembered").isFalse();
        assertThat(handled.firstTime(450_001)).as("the oldest kept").isFalse();
        assertThat(handled.firstTime(450_000)).as("older ones are forgotten").isTrue();
    }

    @Test
    @DisplayName("per user: cooldowns, at most 100,000 users even when all are cooling down at once")
    void cooldowns() {
        AtomicLong now = new AtomicLong();
        CooldownTracker cooldowns = new CooldownTracker(now::get);
        for (long user = 1; user <= 300_000; user++) {
            cooldowns.tryUse("roll", Duration.ofHours(1), user);
            now.addAndGet(1_000);
            if (user % 1_000 == 0) {
                assertThat(cooldowns.size()).isLessThanOrEqualTo(CooldownTracker.CAPACITY);
            }
        }
        assertThat(cooldowns.size()).isLessThanOrEqualTo(CooldownTracker.CAPACITY);
        assertThat(cooldowns.tryUse("roll", Duration.ofHours(1), 300_000)).as("the latest still wait").isPositive();
    }

    @Test
    @DisplayName("per user: expired cooldowns do not pile up")
    void expiredCooldowns() {
        AtomicLong now = new AtomicLong();
        CooldownTracker cooldowns = new CooldownTracker(now::get);
        for (long user = 1; user <= 100_000; user++) {
            cooldowns.tryUse("roll", Duration.ofSeconds(1), user);
            now.addAndGet(Duration.ofMillis(10).toNanos()); // a hundred users a second
        }
        assertThat(cooldowns.size()).isLessThanOrEqualTo(10_001);
    }

    @Test
    @DisplayName("per message: component callbacks, at most discord.commands.components.max-callbacks")
    void componentCallbacks() {
        int max = new CommandProperties().getComponents().getMaxCallbacks();
        ComponentCallbacks callbacks = new ComponentCallbacks(max, Duration.ofMinutes(15));
        for (int i = 0; i < max * 3; i++) {
            callbacks.register((click) -> "clicked");
        }
        assertThat(callbacks.size()).isEqualTo(max);
    }

}
