package io.github.jdaboot.interaction.invocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixTokenizerTests {

    @Test
    void wordsAndQuotes() {
        assertThat(PrefixTokenizer.tokenize("  add \"two words\" \u201Ccurly quotes\u201D  last "))
            .extracting(PrefixTokenizer.Token::text)
            .containsExactly("add", "two words", "curly quotes", "last");
    }

    @Test
    void escapesAndUnmatchedQuotes() {
        assertThat(PrefixTokenizer.tokenize("\"say \\\"hi\\\"\" \"unclosed here"))
            .extracting(PrefixTokenizer.Token::text)
            .containsExactly("say \"hi\"", "\"unclosed", "here");
    }

    @Test
    void startsAreKeptForTheRestOfTheLine() {
        String input = "faq  Read the   docs";
        assertThat(PrefixTokenizer.tokenize(input)).extracting(PrefixTokenizer.Token::start)
            .containsExactly(0, 5, 10, 16);
    }

    @Test
    void emptyAndOddInput() {
        assertThat(PrefixTokenizer.tokenize("")).isEmpty();
        assertThat(PrefixTokenizer.tokenize(" \t\n ")).isEmpty();
        assertThat(PrefixTokenizer.tokenize("\uD83D\uDE00 \u200B \u202Eabc")).extracting(PrefixTokenizer.Token::text)
            .containsExactly("\uD83D\uDE00", "\u200B", "\u202Eabc");
    }

}
