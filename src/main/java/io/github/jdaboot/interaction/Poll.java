package io.github.jdaboot.interaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.entities.messages.MessagePoll;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import org.jspecify.annotations.Nullable;

/**
 * A poll for a {@link Reply#poll(Poll) reply}: a question, 1 to 10 answers (each with an
 * optional emoji), how long it stays open (1 to 768 hours, 24 unless said otherwise), and
 * whether a user may choose several answers. Discord's limits are checked when the reply
 * is sent, with the others, and fail the run naming the limit and the handler.
 * <p>
 * JDA's own {@code MessagePollData.builder(...)} works too
 * ({@link Reply#poll(MessagePollData)}), but stops at 7 days, where Discord allows 32.
 *
 * <pre>{@code
 * return Reply.poll(Poll.question("Which idea should we build?")
 *     .answer("A habit tracker", Emoji.fromUnicode("📅"))
 *     .answer("A trivia game")
 *     .lasting(Duration.ofDays(2)));
 * }</pre>
 */
public final class Poll {

    /** Discord's most answers in a poll. */
    public static final int MAX_ANSWERS = MessagePoll.MAX_ANSWERS;

    /** Discord's longest question. */
    public static final int MAX_QUESTION_LENGTH = MessagePoll.MAX_QUESTION_TEXT_LENGTH;

    /** Discord's longest answer. */
    public static final int MAX_ANSWER_LENGTH = MessagePoll.MAX_ANSWER_TEXT_LENGTH;

    /** Discord's longest poll: 32 days. */
    public static final Duration MAX_DURATION = Duration.ofHours(768);

    /** How long a poll stays open unless said otherwise. */
    public static final Duration DEFAULT_DURATION = Duration.ofHours(24);

    /**
     * One answer.
     *
     * @param text what it says
     * @param emoji shown before it, or null: a Unicode emoji ({@code Emoji.fromUnicode})
     * or a custom one, an application's emoji included
     */
    public record Answer(String text, @Nullable Emoji emoji) {

        public Answer {
            Objects.requireNonNull(text, "text");
        }
    }

    private final String question;

    private final List<Answer> answers;

    private final Duration duration;

    private final boolean multipleAnswers;

    private Poll(String question, List<Answer> answers, Duration duration, boolean multipleAnswers) {
        this.question = Objects.requireNonNull(question, "question");
        this.answers = List.copyOf(answers);
        this.duration = Objects.requireNonNull(duration, "duration");
        this.multipleAnswers = multipleAnswers;
    }

    /** A poll asking this, open for 24 hours, one answer a user. */
    public static Poll question(String question) {
        return new Poll(question, List.of(), DEFAULT_DURATION, false);
    }

    /**
     * JDA's poll as one of these: the hours it is open as JDA sends them (whole hours,
     * rounded down).
     */
    public static Poll from(MessagePollData poll) {
        DataObject data = poll.toData();
        Poll from = new Poll(data.getObject("question").getString("text", ""), List.of(),
                Duration.ofHours(data.getLong("duration", DEFAULT_DURATION.toHours())),
                data.getBoolean("allow_multiselect"));
        DataArray answers = data.getArray("answers");
        for (int i = 0; i < answers.length(); i++) {
            DataObject media = answers.getObject(i).getObject("poll_media");
            from = from.answer(media.getString("text", ""),
                    media.isNull("emoji") ? null : Emoji.fromData(media.getObject("emoji")));
        }
        return from;
    }

    /** The same poll with one more answer. */
    public Poll answer(String text) {
        return answer(text, null);
    }

    /** The same poll with one more answer, an emoji before it. */
    public Poll answer(String text, @Nullable Emoji emoji) {
        List<Answer> more = new ArrayList<>(this.answers);
        more.add(new Answer(text, emoji));
        return new Poll(this.question, more, this.duration, this.multipleAnswers);
    }

    /**
     * The same poll, open for this long: whole hours, from 1 to 768 (Discord counts in
     * hours).
     */
    public Poll lasting(Duration duration) {
        return new Poll(this.question, this.answers, duration, this.multipleAnswers);
    }

    /** The same poll, where a user may choose several answers. */
    public Poll multipleAnswers() {
        return new Poll(this.question, this.answers, this.duration, true);
    }

    public String question() {
        return this.question;
    }

    public List<Answer> answers() {
        return this.answers;
    }

    public Duration duration() {
        return this.duration;
    }

    public boolean isMultipleAnswers() {
        return this.multipleAnswers;
    }

    /**
     * The poll as JDA sends it. Its limits are not checked here but when the reply is
     * sent; a duration that is not whole hours is sent as it is, for that check to
     * refuse.
     */
    public MessagePollData toJda() {
        List<MessagePoll.Answer> jdaAnswers = new ArrayList<>();
        for (Answer answer : this.answers) {
            // JDA takes its own emoji types only: an application's emoji becomes the
            // custom emoji it is
            EmojiUnion emoji = (answer.emoji() != null) ? Emoji.fromFormatted(answer.emoji().getFormatted()) : null;
            jdaAnswers.add(new MessagePoll.Answer(jdaAnswers.size() + 1, answer.text(), emoji, 0, false));
        }
        return new MessagePollData(MessagePoll.LayoutType.DEFAULT, new MessagePoll.Question(this.question, null),
                jdaAnswers, this.duration, this.multipleAnswers);
    }

    @Override
    public String toString() {
        return "Poll[" + this.question + ", " + this.answers.size() + " answer(s), " + this.duration.toHours() + " h"
                + (this.multipleAnswers ? ", multiple answers" : "") + "]";
    }

}
