package io.github.jdaboot.interaction.dispatch;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandledMessagesTests {

    @Test
    void aMessageIsTakenOnce() {
        HandledMessages handled = new HandledMessages(10);
        assertThat(handled.firstTime(1234)).isTrue();
        assertThat(handled.firstTime(1234)).isFalse();
        assertThat(handled.firstTime(5678)).isTrue();
    }

    @Test
    void theOldestAreForgottenBeyondTheCapacity() {
        HandledMessages handled = new HandledMessages(3);
        handled.firstTime(1);
        handled.firstTime(2);
        handled.firstTime(3);
        handled.firstTime(4);
        assertThat(handled.firstTime(2)).as("still remembered").isFalse();
        assertThat(handled.firstTime(1)).as("forgotten: the oldest").isTrue();
    }

    @Test
    void agreesWithASimpleModelOverManyRandomIds() {
        HandledMessages handled = new HandledMessages(1_000);
        Deque<Long> order = new ArrayDeque<>();
        Set<Long> model = new HashSet<>();
        Random random = new Random(16);
        for (int i = 0; i < 200_000; i++) {
            // a small range, so that ids repeat and the set's collisions and removals are
            // exercised
            long id = 1 + random.nextInt(3_000);
            boolean expected = !model.contains(id);
            assertThat(handled.firstTime(id)).as("id %d at step %d", id, i).isEqualTo(expected);
            if (expected) {
                order.addLast(id);
                model.add(id);
                if (order.size() > 1_000) {
                    model.remove(order.removeFirst());
                }
            }
        }
        assertThat(handled.size()).isEqualTo(1_000);
    }

}
