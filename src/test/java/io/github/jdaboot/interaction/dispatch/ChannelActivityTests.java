package io.github.jdaboot.interaction.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelActivityTests {

    private final ChannelActivity activity = new ChannelActivity(8);

    @Test
    void remembersTheNewestMessageOfEachChannel() {
        this.activity.seen(1, 100, 0);
        this.activity.seen(1, 300, 0);
        this.activity.seen(1, 200, 0); // replayed late: older than what was seen
        this.activity.seen(2, 150, 42);
        assertThat(this.activity.activeSince(0))
            .extracting(ChannelActivity.Channel::id, ChannelActivity.Channel::lastMessageId,
                    ChannelActivity.Channel::directUserId)
            .containsExactly(Tuple.tuple(1L, 300L, 0L), Tuple.tuple(2L, 150L, 42L));
    }

    @Test
    void activeSinceLeavesOutChannelsQuietBeforeIt() {
        this.activity.seen(1, 100, 0);
        this.activity.seen(2, 500, 0);
        assertThat(this.activity.activeSince(400)).extracting(ChannelActivity.Channel::id).containsExactly(2L);
    }

    @Test
    void whenFullTheLeastRecentlyActiveGoFirst() {
        for (long channel = 1; channel <= 8; channel++) {
            this.activity.seen(channel, channel * 10, 0);
        }
        this.activity.seen(1, 1_000, 0); // channel 1 spoke last
        this.activity.seen(9, 900, 0);
        assertThat(this.activity.size()).isEqualTo(7); // three quarters kept, then
                                                       // channel 9 added
        assertThat(this.activity.activeSince(0)).extracting(ChannelActivity.Channel::id)
            .containsExactly(1L, 9L, 8L, 7L, 6L, 5L, 4L);
    }

    @Test
    void threadsSeeingTheirOwnChannelsLoseNothing() throws InterruptedException {
        ChannelActivity shared = new ChannelActivity(1_000);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long first = t * 100L + 1;
            threads.add(Thread.ofPlatform().start(() -> {
                await(start);
                for (long message = 1; message <= 10_000; message++) {
                    shared.seen(first + message % 100, message, 0);
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(shared.size()).isEqualTo(400);
        assertThat(shared.activeSince(0))
            .allSatisfy((channel) -> assertThat(channel.lastMessageId()).isGreaterThan(9_900));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
