package io.github.jdaboot.emulator;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.interaction.LayoutTestCommands;
import io.github.jdaboot.interaction.PollTestCommands;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.browser.Chromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layouts (Components V2) and polls on the emulator's chat page in Chromium, against the
 * bot with the framework's test layouts and polls: a card with its accent bar, sections
 * with their thumbnail or button on the right, a gallery, a file card and separators; a
 * poll's answers with their votes and shares, a vote from the page, and its end. Skipped
 * without Chromium and its driver, like {@link ChatPageBrowserTests}.
 */
@DiscordBotTest(properties = "discord.intents=guild-messages,direct-messages,message-content,guild-message-polls")
@Import({ LayoutTestCommands.class, PollTestCommands.class })
@RequiresPrograms({ Program.CHROMIUM, Program.CHROMEDRIVER })
@DisplayName("Layouts and polls on the chat page in Chromium")
class ChatPageLayoutBrowserTests {

    private static final AtomicInteger channels = new AtomicInteger();

    @RegisterExtension
    static final Chromium chromium = new Chromium("chat-page-layouts");

    private final DiscordEmulator discord;

    private final World world;

    private final WebDriverWait wait;

    ChatPageLayoutBrowserTests(DiscordEmulator discord) {
        this.discord = discord;
        this.world = discord.world();
        this.wait = chromium.await();
    }

    @Test
    @DisplayName("a card: its accent bar, sections with a button or thumbnail on the right, a gallery, a file, separators")
    void card() {
        EmulatedChannel channel = open("card");
        EmulatedMessage sent = this.world.as("alice")
            .runs(SlashCommand.of("card").in(channel))
            .awaitResponse(Timeouts.ANSWER);

        WebElement card = this.wait.until((driver) -> message(sent.idString()).findElement(By.cssSelector(".card")));
        assertThat(card.getCssValue("border-left-color")).isEqualTo("rgba(88, 101, 242, 1)");
        List<WebElement> sections = card.findElements(By.className("section"));
        assertThat(sections).hasSize(2);
        assertThat(sections.get(0).findElement(By.className("section-texts")).getText()).contains("A card")
            .contains("count 0");
        assertThat(sections.get(0).findElement(By.cssSelector(".section-accessory button")).getText())
            .isEqualTo("Count");
        assertThat(
                sections.get(1).findElement(By.cssSelector(".section-accessory .thumbnail img")).getDomAttribute("alt"))
            .isEqualTo("an avatar");
        assertThat(rightOf(sections.get(0).findElement(By.className("section-accessory")),
                sections.get(0).findElement(By.className("section-texts"))))
            .as("the button on the right of the texts")
            .isTrue();
        List<WebElement> gallery = card.findElements(By.cssSelector(".gallery .gallery-item"));
        assertThat(gallery).hasSize(2);
        assertThat(gallery.get(0).findElement(By.tagName("img")).getDomAttribute("alt")).isEqualTo("a chart");
        assertThat(gallery.get(1).getDomAttribute("class")).contains("spoiler");
        chromium.await("the gallery's images loaded from the emulator")
            .until((driver) -> gallery.stream()
                .allMatch((item) -> "1".equals(item.findElement(By.tagName("img")).getDomProperty("naturalWidth"))));
        assertThat(card.findElement(By.className("file-card")).getText()).contains("notes.txt").contains("10 bytes");
        assertThat(card.findElements(By.cssSelector("hr.separator.large"))).hasSize(1);
        assertThat(card.findElements(By.cssSelector(".separator.invisible"))).hasSize(1);
        assertThat(card.findElement(By.cssSelector("select")).getDomAttribute("data-custom-id"))
            .isEqualTo("card:flavor");
        assertThat(message(sent.idString()).findElements(By.className("attachment")))
            .as("a layout's files are shown by its components only")
            .isEmpty();
        assertThat(message(sent.idString()).findElement(By.cssSelector(".components.layout")).getText())
            .contains("below the card");

        this.wait.until((driver) -> {
            message(sent.idString()).findElement(By.xpath(".//button[text()='Count']")).click();
            return true;
        });
        chromium.await("the card updated by its section's button")
            .until((driver) -> message(sent.idString()).getText().contains("count 1"));
        assertThat(message(sent.idString()).findElements(By.cssSelector(".section-accessory button"))).hasSize(1);
    }

    @Test
    @DisplayName("a poll: votes from users and from the page, each answer's count and share, a refused vote, its end")
    void poll() {
        EmulatedChannel channel = open("poll");
        EmulatedMessage sent = this.world.as("alice")
            .runs(SlashCommand.of("vote").in(channel))
            .awaitResponse(Timeouts.ANSWER);
        WebElement poll = this.wait.until((driver) -> message(sent.idString()).findElement(By.className("poll")));
        assertThat(poll.findElement(By.className("poll-question")).getText()).isEqualTo("Tea or coffee?");
        assertThat(answers(sent)).containsExactly("🍵 Tea 0 votes 0%", "Coffee 0 votes 0%", "Both 0 votes 0%");
        assertThat(poll.findElement(By.className("poll-end")).getText()).startsWith("ends ");

        this.world.as("bob").votes(sent, 1);
        this.world.as("carol").votes(sent, 1);
        this.wait.until((driver) -> answers(sent).getFirst().equals("🍵 Tea 2 votes 100%"));
        pollButton(sent, "Coffee");
        pollButton(sent, "Both");
        pollButton(sent, "Vote");

        chromium.await("alice's votes from the page counted")
            .until((driver) -> answers(sent)
                .equals(List.of("🍵 Tea 2 votes 50%", "Coffee 1 vote 25%", "Both 1 vote 25%")));
        assertThat(this.world.poll(sent).orElseThrow().votesOf(this.world.user("alice").id())).containsExactly(2, 3);
        assertThat(message(sent.idString()).findElement(By.className("poll-total")).getText()).isEqualTo("4 votes");

        pollButton(sent, "Tea");
        pollButton(sent, "Vote");
        WebElement error = this.wait.until((driver) -> {
            WebElement alert = driver.findElement(By.id("error"));
            return alert.getText().isBlank() ? null : alert;
        });
        assertThat(error.getText()).startsWith("Discord did not take that vote: ").contains("voted");

        this.world.endPoll(sent);
        chromium.await("the poll shown as ended")
            .until((driver) -> message(sent.idString()).findElement(By.className("poll-end"))
                .getText()
                .equals("Poll closed"));
        assertThat(message(sent.idString()).findElements(By.cssSelector(".poll button"))).isEmpty();
        assertThat(message(sent.idString()).findElement(By.cssSelector(".poll-answer.winner")).getText())
            .startsWith("🍵 Tea");
    }

    private EmulatedChannel open(String name) {
        EmulatedChannel channel = this.world.addTextChannel(this.world.guild(),
                "layout-" + name + "-" + channels.incrementAndGet());
        chromium.browser().get(this.discord.chatUrl() + "?channel=" + channel.idString());
        this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), "# " + channel.name()));
        this.wait.until(ExpectedConditions.textToBe(By.id("status"), "IdeaBot is connected"));
        return channel;
    }

    private WebElement message(String id) {
        return chromium.browser().findElement(By.cssSelector("#messages > li[data-id='" + id + "']"));
    }

    /** Each answer of the message's poll as the page shows it, on one line. */
    private List<String> answers(EmulatedMessage message) {
        return message(message.idString()).findElements(By.className("poll-answer"))
            .stream()
            .map((answer) -> answer.getText().replaceAll("\\s+", " ").strip())
            .toList();
    }

    /**
     * Clicks the poll's answer or button whose text starts with this, again if the page
     * re-rendered the message meanwhile.
     */
    private void pollButton(EmulatedMessage message, String text) {
        this.wait.until((driver) -> {
            WebElement button = message(message.idString()).findElements(By.cssSelector(".poll button"))
                .stream()
                .filter((candidate) -> candidate.getText().replace("🍵 ", "").startsWith(text))
                .findFirst()
                .orElse(null);
            if (button == null) {
                return false;
            }
            button.click();
            return true;
        });
    }

    private static boolean rightOf(WebElement right, WebElement left) {
        return right.getRect().getX() >= left.getRect().getX() + left.getRect().getWidth();
    }

}
