package io.github.jdaboot.interaction.invocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text after a prefix command into words, keeping {@code "quoted text"}
 * (straight or curly quotes, backslash escapes) together, and remembers where each word
 * starts so that the last text option can take the rest of the line verbatim.
 */
public final class PrefixTokenizer {

    /**
     * A word of the input.
     *
     * @param text the word, quotes removed
     * @param start where it starts in the input
     * @param quoted whether it was quoted
     */
    public record Token(String text, int start, boolean quoted) {
    }

    private PrefixTokenizer() {
    }

    public static List<Token> tokenize(String input) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(input.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            char c = input.charAt(i);
            char close = closingQuote(c);
            if (close != 0) {
                StringBuilder word = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = input.charAt(i);
                    if (d == '\\' && i + 1 < n && (input.charAt(i + 1) == close || input.charAt(i + 1) == '\\')) {
                        word.append(input.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == close) {
                        closed = true;
                        i++;
                        break;
                    }
                    word.append(d);
                    i++;
                }
                if (closed) {
                    tokens.add(new Token(word.toString(), start, true));
                    continue;
                }
                // an unmatched quote is just a character: read the word plainly
                i = start;
            }
            StringBuilder word = new StringBuilder();
            while (i < n && !Character.isWhitespace(input.charAt(i))) {
                word.append(input.charAt(i));
                i++;
            }
            tokens.add(new Token(word.toString(), start, false));
        }
        return tokens;
    }

    private static char closingQuote(char open) {
        return switch (open) {
            case '"' -> '"';
            case '\u201C' -> '\u201D';
            case '\u201E' -> '\u201C';
            default -> 0;
        };
    }

}
