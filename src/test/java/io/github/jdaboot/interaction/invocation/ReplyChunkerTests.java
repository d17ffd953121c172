package io.github.jdaboot.interaction.invocation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyChunkerTests {

    @Test
    void shortTextIsOneMessage() {
        assertThat(ReplyChunker.split("hello")).containsExactly("hello");
        assertThat(ReplyChunker.split("x".repeat(2000))).hasSize(1);
    }

    @Test
    void longTextIsSplitAtLineBreaksWithinTheLimit() {
        String text = ("a line of text\n").repeat(300);
        List<String> chunks = ReplyChunker.split(text);
        assertThat(chunks).hasSize(3).allSatisfy((chunk) -> assertThat(chunk.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join("", chunks).replace("\n", "")).isEqualTo(text.replace("\n", ""));
    }

    @Test
    void surrogatePairsAreNeverCut() {
        String text = "\uD83D\uDE00".repeat(1500);
        List<String> chunks = ReplyChunker.split(text);
        assertThat(chunks).allSatisfy((chunk) -> {
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
        });
        assertThat(String.join("", chunks)).isEqualTo(text);
    }

    @Test
    void codeBlocksCutInTwoAreClosedAndReopened() {
        String text = "```\n" + "code line\n".repeat(300) + "```";
        List<String> chunks = ReplyChunker.split(text);
        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy((chunk) -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(2000);
            assertThat(chunk.split("```", -1).length % 2).as("balanced fences in %s", chunk).isEqualTo(1);
        });
    }

    @Test
    void veryLongTextGoesAsAFile() {
        assertThat(ReplyChunker.split("word ".repeat(2000))).isEmpty();
    }

}
