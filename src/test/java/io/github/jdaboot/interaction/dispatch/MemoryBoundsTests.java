package io.github.jdaboot.interaction.dispatch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the framework keeps per user, channel or message has a bound, whatever the
 * traffic: a bot in many guilds sees millions of each. (It keeps nothing per guild; JDA's
 * caches are JDA's, sized by its cache flags and member cache policy.) Each test feeds
 * far more than the bound and checks it is never passed. These are the dispatcher's; the
 * cooldowns' bound is in {@code CooldownTrackerTests}, the component callbacks' in
 * {@code ComponentCallbacksTests}.
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

}
