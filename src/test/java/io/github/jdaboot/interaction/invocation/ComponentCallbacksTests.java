package io.github.jdaboot.interaction.invocation;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.jdaboot.interaction.ComponentCallback;
import io.github.jdaboot.interaction.autoconfigure.CommandProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Callbacks of components sent with one: bounded and expiring")
class ComponentCallbacksTests {

    private final AtomicLong now = new AtomicLong();

    private final ComponentCallbacks callbacks = new ComponentCallbacks(3, Duration.ofMinutes(15), this.now::get);

    @Test
    @DisplayName("a callback is found by its id, which starts with ~ and fits Discord's 100 characters")
    void found() {
        ComponentCallback callback = (context) -> "clicked";

        String id = this.callbacks.register(callback);

        assertThat(id).startsWith("~").hasSizeLessThanOrEqualTo(100);
        assertThat(this.callbacks.find(id)).containsSame(callback);
        assertThat(this.callbacks.find("~unknown")).isEmpty();
    }

    @Test
    @DisplayName("after expire-after the callback is gone")
    void expires() {
        String id = this.callbacks.register((context) -> "clicked");

        this.now.addAndGet(Duration.ofMinutes(15).toNanos() - 1);
        assertThat(this.callbacks.find(id)).isPresent();
        this.now.addAndGet(1);
        assertThat(this.callbacks.find(id)).isEmpty();
        assertThat(this.callbacks.size()).isZero();
    }

    @Test
    @DisplayName("never more than max: the least recently used go first")
    void bounded() {
        String first = this.callbacks.register((context) -> "1");
        String second = this.callbacks.register((context) -> "2");
        String third = this.callbacks.register((context) -> "3");
        this.callbacks.find(first);

        for (int i = 0; i < 1000; i++) {
            this.callbacks.register((context) -> "more");
            assertThat(this.callbacks.size()).isLessThanOrEqualTo(3);
        }
        assertThat(this.callbacks.find(second)).isEmpty();
        assertThat(this.callbacks.find(third)).isEmpty();
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
