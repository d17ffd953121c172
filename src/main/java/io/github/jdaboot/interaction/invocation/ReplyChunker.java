package io.github.jdaboot.interaction.invocation;

import java.util.ArrayList;
import java.util.List;

import net.dv8tion.jda.api.entities.Message;

/**
 * Fits reply text into Discord messages of at most 2,000 characters: short text is one
 * message, longer text is split at line breaks or spaces (never inside a surrogate pair,
 * and a code block cut in two is closed and reopened), and text longer than
 * {@link #MAX_MESSAGES} messages goes as a file.
 */
final class ReplyChunker {

    static final int MAX_LENGTH = Message.MAX_CONTENT_LENGTH;

    static final int MAX_MESSAGES = 3;

    private static final String FENCE = "```";

    private ReplyChunker() {
    }

    /** The messages to send, or an empty list when the text should be sent as a file. */
    static List<String> split(String content) {
        if (content.length() <= MAX_LENGTH) {
            return List.of(content);
        }
        List<String> chunks = new ArrayList<>();
        String rest = content;
        boolean reopenFence = false;
        while (!rest.isEmpty()) {
            String prefix = reopenFence ? FENCE + "\n" : "";
            int room = MAX_LENGTH - prefix.length();
            if (rest.length() <= room) {
                chunks.add(prefix + rest);
                break;
            }
            int cut = cutPoint(rest, room - FENCE.length() - 1);
            String chunk = prefix + rest.substring(0, cut);
            reopenFence = countFences(chunk) % 2 == 1;
            if (reopenFence) {
                chunk = chunk + "\n" + FENCE;
            }
            chunks.add(chunk);
            rest = rest.substring(cut).stripLeading();
            if (chunks.size() > MAX_MESSAGES) {
                return List.of();
            }
        }
        return (chunks.size() > MAX_MESSAGES) ? List.of() : chunks;
    }

    /**
     * Where to cut at most {@code limit} characters: the last line break, else space,
     * else the limit.
     */
    private static int cutPoint(String text, int limit) {
        int newline = text.lastIndexOf('\n', limit);
        if (newline > limit / 2) {
            return newline + 1;
        }
        int space = text.lastIndexOf(' ', limit);
        if (space > limit / 2) {
            return space + 1;
        }
        int cut = limit;
        if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return cut;
    }

    private static int countFences(String text) {
        int count = 0;
        int from = 0;
        while ((from = text.indexOf(FENCE, from)) >= 0) {
            count++;
            from += FENCE.length();
        }
        return count;
    }

}
