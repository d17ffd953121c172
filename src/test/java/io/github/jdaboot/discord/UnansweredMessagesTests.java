package io.github.jdaboot.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.jdaboot.discord.UnansweredMessages.Seen;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnansweredMessagesTests {

    private static final long BOT = 1;

    private static final long USER = 2;

    @Test
    void commandsWithoutAReplyOfTheBotsAreUnanswered() {
        List<Seen> newestFirst = List.of(command(14), reply(13, 12), command(12), command(11), reply(10, 9),
                command(9));

        assertThat(ids(UnansweredMessages.of(newestFirst, Function.identity(), BOT, 100))).containsExactly(14L, 11L);
    }

    @Test
    void theBotsOwnMessagesAreNeverFedBack() {
        List<Seen> newestFirst = List.of(new Seen(3, BOT, 0), reply(2, 1), command(1));

        assertThat(UnansweredMessages.of(newestFirst, Function.identity(), BOT, 100)).isEmpty();
    }

    @Test
    void aFullPageCountsOnlyWhatIsOlderThanTheBotsNewestMessageInIt() {
        // 100 messages: commands 1..98 each answered by the next message, as far as the
        // page goes; the answers to its two newest commands (99, 100) are on the next
        // page
        List<Seen> oldestFirst = new ArrayList<>();
        for (long id = 1; id <= 96; id += 2) {
            oldestFirst.add(command(id));
            oldestFirst.add(reply(id + 1, id));
        }
        oldestFirst.add(command(97)); // never answered
        oldestFirst.add(reply(98, 95)); // a second answer, the bot's newest in the page
        oldestFirst.add(command(99));
        oldestFirst.add(command(100));
        List<Seen> newestFirst = oldestFirst.reversed();

        assertThat(newestFirst).hasSize(100);
        assertThat(ids(UnansweredMessages.of(newestFirst, Function.identity(), BOT, 100))).containsExactly(97L);
        assertThat(ids(UnansweredMessages.of(newestFirst, Function.identity(), BOT, 101))).as("the same page, not full")
            .containsExactly(100L, 99L, 97L);
    }

    @Test
    void aFullPageTheBotAnsweredNothingInCountsWhole() {
        List<Seen> newestFirst = List.of(command(3), command(2), command(1));

        assertThat(ids(UnansweredMessages.of(newestFirst, Function.identity(), BOT, 3))).containsExactly(3L, 2L, 1L);
    }

    private static Seen command(long id) {
        return new Seen(id, USER, 0);
    }

    private static Seen reply(long id, long to) {
        return new Seen(id, BOT, to);
    }

    private static List<Long> ids(List<Seen> messages) {
        return messages.stream().map(Seen::id).toList();
    }

}
