package io.github.jdaboot.emulator;

import java.util.List;

/**
 * A reaction on a message: one emoji and who reacted with it, in the order they did.
 *
 * @param emoji the Unicode emoji, such as {@code 👍}
 * @param userIds the users who reacted with it, the bot included if it did
 */
public record EmulatedReaction(String emoji, List<Long> userIds) {

    public int count() {
        return this.userIds.size();
    }

}
