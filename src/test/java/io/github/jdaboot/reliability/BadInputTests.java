package io.github.jdaboot.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.EmulatedInteraction;
import io.github.jdaboot.emulator.EmulatedMessage;
import io.github.jdaboot.emulator.EmulatedModal;
import io.github.jdaboot.emulator.SlashCommand;
import io.github.jdaboot.emulator.World;
import io.github.jdaboot.interaction.FrameworkTestCommands;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Timeouts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input from users, table-driven from {@code bad-input/corpus.tsv}: each message gets
 * no reply (when it is not addressed to the bot) or exactly one clear, polite reply; no
 * handler crashes, and no reply pings anyone.
 */
@DiscordBotTest
@Import({ FrameworkTestCommands.class, FrameworkTestCommands.TagCommands.class })
@DisplayName("Bad input from users")
class BadInputTests {

    /**
     * One row of the corpus.
     *
     * @param name what the case is
     * @param where guild, dm or thread
     * @param author a user name, OtherBot, or @webhook
     * @param content the message text, escapes and placeholders resolved
     * @param file an attachment's name, or null
     * @param replies whether a reply is expected
     * @param expected text the reply contains
     */
    record Case(String name, String where, String author, String content, String file, boolean replies,
            String expected) {
    }

    private final DiscordEmulator discord;

    private final World world;

    private final MeterRegistry registry;

    BadInputTests(DiscordEmulator discord, MeterRegistry registry) {
        this.discord = discord;
        this.world = discord.world();
        this.registry = registry;
    }

    @TestFactory
    @DisplayName("the corpus")
    Stream<DynamicTest> corpus() throws IOException {
        this.discord.rest().rateLimit("POST /channels/{channel_id}/messages", 100, Duration.ofSeconds(1));
        this.discord.rest().globalRateLimit(500, Duration.ofSeconds(1));
        double errorsBefore = errors();
        List<Case> cases = load();
        Map<Case, EmulatedMessage> sent = new LinkedHashMap<>();
        for (Case testCase : cases) {
            sent.put(testCase, send(testCase));
        }
        // every case that gets a reply has it, then nothing more comes (no second reply,
        // no late answer to a case that should get none)
        await().atMost(Timeouts.RECOVERY)
            .until(() -> sent.entrySet()
                .stream()
                .filter((entry) -> entry.getKey().replies())
                .allMatch((entry) -> !this.world.repliesTo(entry.getValue()).isEmpty()));
        long answered = botMessages();
        await().during(Timeouts.QUIET)
            .atMost(Timeouts.QUIET.plus(Timeouts.ANSWER))
            .until(() -> botMessages() == answered);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<Case, EmulatedMessage> entry : sent.entrySet()) {
            Case testCase = entry.getKey();
            tests.add(DynamicTest.dynamicTest(testCase.name(), () -> check(testCase, entry.getValue())));
        }
        tests.add(DynamicTest.dynamicTest("no handler crashed", () -> assertThat(errors()).isEqualTo(errorsBefore)));
        return tests.stream();
    }

    /**
     * One row of the interactions corpus.
     *
     * @param name what the case is
     * @param kind click, select or submit
     * @param on what the bot answered with the component or form: a message (.idea) or a
     * slash command (/suggest)
     * @param customId the forged custom id, or the form's field
     * @param value a select's value or the field's value, or null
     * @param expected text the reply contains
     */
    record InteractionCase(String name, String kind, String on, String customId, @Nullable String value,
            String expected) {
    }

    @TestFactory
    @DisplayName("forged clicks and forms")
    Stream<DynamicTest> interactions() throws IOException {
        double errorsBefore = errors();
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] columns : rows("/bad-input/interactions.tsv")) {
            InteractionCase testCase = new InteractionCase(columns[0], columns[1], columns[2],
                    resolve(unescape(columns[3])), columns[4].equals("-") ? null : resolve(unescape(columns[4])),
                    columns[5]);
            EmulatedMessage reply = send(testCase).awaitResponse(Timeouts.ANSWER);
            tests.add(DynamicTest.dynamicTest(testCase.name(), () -> checkReply(reply, testCase.expected())));
        }
        tests.add(DynamicTest.dynamicTest("no handler crashed", () -> assertThat(errors()).isEqualTo(errorsBefore)));
        return tests.stream();
    }

    private EmulatedInteraction send(InteractionCase testCase) {
        World.Forging mallory = this.world.as("mallory").forging();
        if (testCase.kind().equals("submit")) {
            EmulatedModal form = this.world.as("mallory")
                .runs(SlashCommand.of(testCase.on().substring(1)))
                .awaitModal(Timeouts.ANSWER);
            return mallory.submits(form, Map.of(testCase.customId(), String.valueOf(testCase.value())));
        }
        EmulatedMessage answer = this.world
            .awaitReply(this.world.as("mallory").says(this.world.channel("bot-lab"), testCase.on()), Timeouts.ANSWER);
        return testCase.kind().equals("select")
                ? mallory.selects(answer, testCase.customId(), String.valueOf(testCase.value()))
                : mallory.clicks(answer, testCase.customId());
    }

    private void check(Case testCase, EmulatedMessage message) {
        List<EmulatedMessage> replies = this.world.repliesTo(message);
        if (!testCase.replies()) {
            assertThat(replies).as("not addressed to the bot: no reply").isEmpty();
            return;
        }
        assertThat(replies).as("exactly one reply").hasSize(1);
        checkReply(replies.getFirst(), testCase.expected());
    }

    private void checkReply(EmulatedMessage reply, String expected) {
        // the text a user reads: the content, or a layout's text displays (the idea is a
        // card)
        String text = reply.text();
        assertThat(text).contains(expected).doesNotContain("something went wrong");
        assertThat(text.length()).as("Discord's limit").isLessThanOrEqualTo(reply.isLayout() ? 4000 : 2000);
        assertThat(reply.mentionEveryone()).as("pings everyone").isFalse();
        assertThat(reply.mentionRoleIds()).as("pings roles").isEmpty();
        assertThat(reply.mentionUserIds()).as("pings users").isEmpty();
        assertThat(text.chars().anyMatch((c) -> Character.isSurrogate((char) c) && !isPaired(text, text.indexOf(c))))
            .as("invalid UTF-16")
            .isFalse();
    }

    private static boolean isPaired(String text, int index) {
        char c = text.charAt(index);
        return Character.isHighSurrogate(c)
                ? index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1))
                : index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
    }

    private EmulatedMessage send(Case testCase) {
        EmulatedChannel channel = switch (testCase.where()) {
            case "dm" -> this.world.directChannel(this.world.user(testCase.author()));
            case "thread" -> this.world.channel("brainstorm");
            default -> this.world.channel("bot-lab");
        };
        if (testCase.author().equals("@webhook")) {
            return this.world.webhookSays(channel, "Captain Hook", testCase.content());
        }
        if (testCase.file() != null) {
            return this.world.as(testCase.author())
                .saysWithFile(channel, testCase.content(), testCase.file(),
                        "some notes".getBytes(StandardCharsets.UTF_8));
        }
        return this.world.as(testCase.author()).says(channel, testCase.content());
    }

    private long botMessages() {
        return this.world.allMessages().stream().filter((m) -> m.author().equals(this.world.bot())).count();
    }

    private double errors() {
        return this.registry.find("discord.commands")
            .tag("outcome", "error")
            .timers()
            .stream()
            .mapToDouble(Timer::count)
            .sum();
    }

    private List<Case> load() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String[] columns : rows("/bad-input/corpus.tsv")) {
            cases.add(new Case(columns[0], columns[1], columns[2], resolve(unescape(columns[3])),
                    columns[4].equals("-") ? null : columns[4], columns[5].equals("reply"), columns[6]));
        }
        return cases;
    }

    private List<String[]> rows(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter((line) -> !line.startsWith("#"))
                .skip(1)
                .map((line) -> line.split("\t", -1))
                .toList();
        }
    }

    private String resolve(String content) {
        String resolved = replace(content, "<REPEAT:(\\d+:[^>]*)>",
                (repeat) -> repeat.substring(repeat.indexOf(':') + 1)
                    .repeat(Integer.parseInt(repeat.substring(0, repeat.indexOf(':')))));
        resolved = resolved.replace("<@BOT>", this.world.bot().mention());
        resolved = replace(resolved, "<@USER:([^>]+)>", (name) -> this.world.user(name).mention());
        resolved = replace(resolved, "<@&ROLE:([^>]+)>", (name) -> this.world.guild().role(name).mention());
        return replace(resolved, "<#CHANNEL:([^>]+)>", (name) -> this.world.channel(name).mention());
    }

    private static String replace(String text, String regex, Function<String, String> lookup) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(lookup.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * {@code \n}, {@code \t}, {@code \\} and {@code \}{@code uXXXX}, lone surrogates
     * included.
     */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

}
