package io.github.jdaboot.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.idea.IdeaProperties;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.browser.Chromium;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's chat page in a real browser, Debian's Chromium (headless, see
 * {@link Chromium}), against the real bot: what a person sees and does there. Without
 * Chromium and its driver on the {@code PATH} the class is skipped, saying which package
 * to install.
 */
@DiscordBotTest
@RequiresPrograms({ Program.CHROMIUM, Program.CHROMEDRIVER })
@DisplayName("The chat page in Chromium, against the bot")
class ChatPageBrowserTests {

    private static final AtomicInteger channels = new AtomicInteger();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final Chromium chromium = new Chromium("chat-page");

    private final DiscordEmulator discord;

    private final World world;

    private final ShardManager shards;

    private final IdeaProperties ideas;

    private final WebDriverWait wait;

    ChatPageBrowserTests(DiscordEmulator discord, ShardManager shards, IdeaProperties ideas) {
        this.discord = discord;
        this.ideas = ideas;
        this.world = discord.world();
        this.shards = shards;
        this.wait = chromium.await();
    }

    @Test
    @DisplayName(".idea typed in the page gets the bot's reply, shown as a reply to it")
    void prefixCommand() {
        EmulatedChannel channel = open("prefix");

        send(".idea");

        WebElement reply = awaitMessage("Okay, so how about this: ");
        assertThat(reply.findElement(By.cssSelector(".meta .author")).getText()).isEqualTo("IdeaBot");
        assertThat(reply.findElement(By.className("reply-to")).getText()).isEqualTo("↱ alice .idea");
        assertThat(this.world.messages(channel)).anySatisfy((message) -> {
            assertThat(message.author().username()).isEqualTo("alice");
            assertThat(message.content()).isEqualTo(".idea");
        });
    }

    @Test
    @DisplayName(".help's markdown is rendered: bold and code spans, no raw ** or backticks")
    void helpRenderedAsMarkdown() {
        open("help");

        send(".help");

        WebElement reply = awaitMessage("Commands");
        WebElement content = reply.findElement(By.className("content"));
        assertThat(texts(content, "strong")).contains("Commands");
        assertThat(texts(content, "code")).anyMatch((code) -> code.startsWith(".idea"))
            .anyMatch((code) -> code.startsWith(".help"));
        assertThat(content.getText()).doesNotContain("**").doesNotContain("`");
    }

    @Test
    @DisplayName("@Idea offers IdeaBot (arrows and Enter), and the message reaches the bot as <@id> idea")
    void mentionCompletion() {
        EmulatedChannel channel = open("mention");
        WebElement composer = composer();

        composer.sendKeys("@Idea");
        assertThat(selectedSuggestion().getText()).isEqualTo("@IdeaBot\nbot");
        assertThat(suggestions()).containsExactly("@IdeaBot\nbot", "@IdeaBot\nrole", "@Idea Fans\nrole");
        composer.sendKeys(Keys.ARROW_UP); // from the first to the last
        assertThat(selectedSuggestion().getText()).isEqualTo("@Idea Fans\nrole");
        composer.sendKeys(Keys.ARROW_DOWN); // and round again
        assertThat(selectedSuggestion().getText()).isEqualTo("@IdeaBot\nbot");
        composer.sendKeys(Keys.ENTER);
        this.wait.until((driver) -> "@IdeaBot ".equals(composer.getDomProperty("value")));
        composer.sendKeys("idea", Keys.ENTER);

        awaitMessage("Okay, so how about this: ");
        EmulatedMessage asked = this.world.messages(channel).getFirst();
        assertThat(asked.content()).isEqualTo(this.world.bot().mention() + " idea");
        WebElement shown = this.wait.until((driver) -> messages().stream()
            .filter((item) -> texts(item, ".mention").contains("@IdeaBot"))
            .findFirst()
            .orElse(null));
        assertThat(shown.findElement(By.className("content")).getText()).isEqualTo("@IdeaBot idea");
    }

    @Test
    @DisplayName("/idea from the list, its topic suggested by the bot and typed with spaces: \"alice used /idea\" and the answer")
    void slashCommandWithOptionField() {
        open("slash");
        WebElement composer = composer();

        composer.sendKeys("/id");
        assertThat(selectedSuggestion().getText()).startsWith("/idea").contains("Suggests a project idea");
        composer.sendKeys(Keys.ENTER);
        WebElement topic = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("option-topic")));
        assertThat(chromium.browser().findElement(By.cssSelector("label[for=option-topic]")).getText())
            .isEqualTo("topic (optional)");
        assertThat(topic.getDomProperty("maxLength")).isEqualTo("100");
        this.wait.until((driver) -> autocompleted("option-topic").contains("game")); // the
                                                                                     // bot's
                                                                                     // topics,
                                                                                     // on
                                                                                     // focus
        topic.sendKeys("fin");
        this.wait.until((driver) -> autocompleted("option-topic").equals(List.of("finance")));
        topic.clear();
        topic.sendKeys("zzq xyzzy plugh", Keys.ENTER);

        WebElement answer = awaitMessage("alice used /idea");
        assertThat(idea(answer).getText()).startsWith("Okay, so how about this: ").contains("“zzq xyzzy plugh”"); // the
                                                                                                                  // whole
                                                                                                                  // value
                                                                                                                  // reached
                                                                                                                  // the
                                                                                                                  // bot
        assertThat(composer.isDisplayed()).isTrue();
    }

    @Test
    @DisplayName("each option type gets its field (numbers with limits, choices, pickers), and subcommands are listed")
    void optionFieldsByType() throws InterruptedException {
        EmulatedChannel channel = open("options");
        String commands = "applications/" + Long.toUnsignedString(this.world.applicationId()) + "/guilds/"
                + this.world.guild().idString() + "/commands";
        String registered = http("GET", commands, null).body(); // put back afterwards
        BlockingQueue<SlashCommandInteractionEvent> received = new LinkedBlockingQueue<>();
        EventListener bot = (GenericEvent event) -> {
            if (event instanceof SlashCommandInteractionEvent slash
                    && slash.getChannelId().equals(channel.idString())) {
                received.add(slash);
            }
        };
        this.shards.addEventListener(bot);
        try {
            assertThat(http("PUT", commands, """
                    [{"name": "roll", "description": "Rolls a die", "options": [
                       {"type": 4, "name": "sides", "description": "Number of sides", "required": true,
                        "min_value": 2, "max_value": 120},
                       {"type": 3, "name": "reason", "description": "What the roll is for"},
                       {"type": 3, "name": "color", "description": "A colour",
                        "choices": [{"name": "Red", "value": "red"}, {"name": "Blue", "value": "blue"}]},
                       {"type": 5, "name": "loud", "description": "Shout it"},
                       {"type": 6, "name": "for", "description": "Who it is for"},
                       {"type": 7, "name": "where", "description": "Where"},
                       {"type": 8, "name": "role", "description": "A role"},
                       {"type": 10, "name": "bonus", "description": "A bonus", "min_value": 0, "max_value": 1.5}]},
                     {"name": "tag", "description": "Tags", "options": [
                       {"type": 1, "name": "add", "description": "Adds a tag", "options": [
                         {"type": 3, "name": "name", "description": "The tag", "required": true}]},
                       {"type": 1, "name": "show", "description": "Shows a tag"}]}]""").statusCode()).isEqualTo(200);
            chromium.browser().navigate().refresh(); // the page reads the commands when
                                                     // it loads,
            // and every 3 s
            this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), "# " + channel.name()));
            WebElement composer = composer();

            composer.sendKeys("/ro");
            assertThat(selectedSuggestion().getText()).startsWith("/roll");
            composer.sendKeys(Keys.ENTER);
            WebElement sides = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("option-sides")));
            assertThat(chromium.browser().findElement(By.cssSelector("label[for=option-sides]")).getText())
                .isEqualTo("sides *");
            assertThat(sides.getDomProperty("type")).isEqualTo("number");
            assertThat(sides.getDomProperty("min")).isEqualTo("2");
            assertThat(sides.getDomProperty("max")).isEqualTo("120");
            sides.sendKeys("1", Keys.ENTER); // below min_value: the form refuses, nothing
                                             // is sent
            assertThat(script("return document.getElementById('option-sides').validity.rangeUnderflow"))
                .isEqualTo(true);
            sides.clear();
            sides.sendKeys("6");
            chromium.browser().findElement(By.id("option-reason")).sendKeys("for the win");
            new Select(chromium.browser().findElement(By.id("option-color"))).selectByVisibleText("Blue");
            new Select(chromium.browser().findElement(By.id("option-loud"))).selectByVisibleText("True");
            new Select(chromium.browser().findElement(By.id("option-for"))).selectByVisibleText("@bob");
            new Select(chromium.browser().findElement(By.id("option-where"))).selectByVisibleText("#" + channel.name());
            new Select(chromium.browser().findElement(By.id("option-role"))).selectByVisibleText("@Moderators");
            chromium.browser().findElement(By.id("option-bonus")).sendKeys("0.5", Keys.ENTER);

            SlashCommandInteractionEvent roll = received.poll(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(roll).as("/roll reached the bot").isNotNull();
            assertThat(roll.getOption("sides").getAsLong()).isEqualTo(6);
            assertThat(roll.getOption("reason").getAsString()).isEqualTo("for the win");
            assertThat(roll.getOption("color").getAsString()).isEqualTo("blue");
            assertThat(roll.getOption("loud").getAsBoolean()).isTrue();
            assertThat(roll.getOption("for").getAsUser().getName()).isEqualTo("bob");
            assertThat(roll.getOption("where").getAsChannel().getName()).isEqualTo(channel.name());
            assertThat(roll.getOption("role").getAsRole().getName()).isEqualTo("Moderators");
            assertThat(roll.getOption("bonus").getAsDouble()).isEqualTo(0.5);
            awaitMessage("alice used /roll");

            composer.sendKeys("/tag ");
            this.wait
                .until((driver) -> suggestions().equals(List.of("/tag add\nAdds a tag", "/tag show\nShows a tag")));
            composer.sendKeys(Keys.ENTER);
            this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("option-name")))
                .sendKeys("faq", Keys.ENTER);
            SlashCommandInteractionEvent tag = received.poll(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(tag).as("/tag add reached the bot").isNotNull();
            assertThat(tag.getFullCommandName()).isEqualTo("tag add");
            assertThat(tag.getOption("name").getAsString()).isEqualTo("faq");
        }
        finally {
            this.shards.removeEventListener(bot);
            http("PUT", commands, registered);
        }
    }

    @Test
    @DisplayName("an option Discord refuses is explained in the page, naming the option")
    void slashOptionRefused() {
        open("refused");

        send("/idea topik:games");

        WebElement error = this.wait.until((driver) -> {
            WebElement alert = driver.findElement(By.id("error"));
            return alert.getText().isBlank() ? null : alert;
        });
        assertThat(error.getText()).startsWith("Discord did not accept /idea: topik: ").doesNotContain("{\"");
        assertThat(composer().getDomProperty("value")).isEqualTo("/idea topik:games"); // kept,
                                                                                       // to
                                                                                       // fix
                                                                                       // it
    }

    @Test
    @DisplayName("an ephemeral answer shows to the user who ran the command only, marked \"Only you can see this\"")
    void ephemeralAnswer() {
        open("ephemeral");
        WebElement composer = composer();

        composer.sendKeys("/help");
        this.wait.until((driver) -> selectedSuggestion().getText().startsWith("/help"));
        composer.sendKeys(Keys.ENTER);
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("option-command"))).sendKeys(Keys.ENTER);

        WebElement answer = awaitMessage("alice used /help");
        assertThat(answer.getText()).contains("Only you can see this");
        assertThat(texts(answer, "strong")).contains("Commands");
        actAs("bob");
        this.wait.until((driver) -> messages().stream().noneMatch((item) -> item.getText().contains("used /help")));
        actAs("alice");
        awaitMessage("alice used /help");
    }

    @Test
    @DisplayName("markdown and mentions in another user's message are rendered as Discord renders them")
    void markdownAndMentions() {
        EmulatedChannel channel = open("markdown");
        EmulatedUser alice = this.world.user("alice");
        EmulatedRole moderators = this.world.guild().role("Moderators");

        this.world.as("bob")
            .says(channel, "**hi** " + alice.mention() + " " + moderators.mention() + " " + channel.mention()
                    + " <@123> @everyone ||secret|| `a <b>` [docs](https://example.com/docs) __under__ "
                    + "~~gone~~ *it* https://example.org/x\n> quoted\n# Big\n-# small print\n```java\nint x = 1;\n```\n- one\n- two");

        WebElement message = awaitMessage("hi");
        WebElement content = message.findElement(By.className("content"));
        assertThat(texts(content, "strong")).containsExactly("hi");
        assertThat(texts(content, "em")).containsExactly("it");
        assertThat(texts(content, "u")).containsExactly("under");
        assertThat(texts(content, "s")).containsExactly("gone");
        assertThat(texts(content, ".md-code")).containsExactly("a <b>");
        assertThat(content.findElement(By.cssSelector("pre code.language-java")).getText()).isEqualTo("int x = 1;");
        assertThat(texts(content, "blockquote")).containsExactly("quoted");
        assertThat(texts(content, "h3")).containsExactly("Big");
        assertThat(texts(content, ".md-subtext")).containsExactly("small print");
        assertThat(texts(content, "ul li")).containsExactly("one", "two");
        assertThat(texts(content, ".mention")).containsExactly("@alice", "@Moderators", "#" + channel.name(),
                "@unknown-user", "@everyone");
        WebElement link = content.findElement(By.linkText("docs"));
        assertThat(link.getDomAttribute("href")).isEqualTo("https://example.com/docs");
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(link.getDomAttribute("rel")).contains("noopener");
        assertThat(content.findElement(By.linkText("https://example.org/x")).getDomAttribute("rel"))
            .contains("noopener");
        assertThat(content.getText()).doesNotContain("**", "<@", "<#", "||", "```");
        assertThat(message.getDomAttribute("class")).contains("mentioned"); // alice, who
                                                                            // is looking,
                                                                            // is
                                                                            // mentioned

        WebElement spoiler = content.findElement(By.className("spoiler"));
        assertThat(spoiler.getDomAttribute("aria-expanded")).isEqualTo("false");
        spoiler.click();
        assertThat(spoiler.getDomAttribute("class")).contains("revealed");
    }

    @Test
    @DisplayName("HTML in messages and names is shown as text, never run")
    void noScriptFromMessages() {
        EmulatedChannel channel = open("xss");
        String attack = "<img src=x onerror=\"window.xssed=1\"> **<script>window.xssed=2</script>** "
                + "[click](javascript:window.xssed=3) <a href=\"javascript:window.xssed=4\">a</a>\n"
                + "```html\n<iframe src=\"javascript:window.xssed=5\"></iframe>\n```";

        this.world.as("<img src=y onerror=window.xssed=6>").says(channel, attack);
        send("<svg onload=window.xssed=7>");

        WebElement message = awaitMessage("<img src=x onerror=\"window.xssed=1\">");
        awaitMessage("<svg onload=window.xssed=7>");
        assertThat(message.getText()).contains("<img src=y onerror=window.xssed=6>", "<script>window.xssed=2</script>",
                "[click](javascript:window.xssed=3)", "<iframe src=\"javascript:window.xssed=5\"></iframe>");
        assertThat(chromium.browser()
            .findElements(By.cssSelector("#messages img, #messages script, #messages iframe, #messages svg")))
            .isEmpty();
        assertThat(script(
                "return [...document.querySelectorAll('#messages a')].filter((a) => !/^https?:/.test(a.href)).length"))
            .isEqualTo(0L);
        assertThat(script("return window.xssed === undefined")).isEqualTo(true);
    }

    @Test
    @DisplayName("a bot message's buttons and select menus are shown under it, in Discord's styles")
    void componentsRendered() {
        EmulatedChannel channel = open("components");

        String posted = postAsBot(channel, """
                {"content": "Pick one", "components": [
                  {"type": 1, "components": [
                    {"type": 2, "style": 1, "label": "Primary", "custom_id": "primary"},
                    {"type": 2, "style": 2, "label": "Dice", "custom_id": "dice", "emoji": {"name": "🎲"}},
                    {"type": 2, "style": 3, "label": "Yes", "custom_id": "yes"},
                    {"type": 2, "style": 4, "label": "Delete", "custom_id": "delete", "disabled": true},
                    {"type": 2, "style": 5, "label": "Docs", "url": "https://example.com/docs"}]},
                  {"type": 1, "components": [
                    {"type": 3, "custom_id": "topic", "placeholder": "Pick a topic", "options": [
                      {"label": "Games", "value": "games", "description": "Things to play"},
                      {"label": "Tools", "value": "tools"}]}]},
                  {"type": 1, "components": [{"type": 5, "custom_id": "who", "placeholder": "Pick someone"}]}]}""");

        WebElement message = awaitMessage("Pick one");
        assertThat(message.findElement(By.cssSelector("button.primary")).getText()).isEqualTo("Primary");
        assertThat(message.findElement(By.cssSelector("button.secondary")).getText()).isEqualTo("🎲 Dice");
        assertThat(message.findElement(By.cssSelector("button.success")).getText()).isEqualTo("Yes");
        assertThat(message.findElement(By.cssSelector("button.danger")).isEnabled()).isFalse();
        WebElement docs = message.findElement(By.cssSelector("a.component-button.link"));
        assertThat(docs.getDomAttribute("href")).isEqualTo("https://example.com/docs");
        assertThat(docs.getDomAttribute("rel")).contains("noopener");
        Select topic = new Select(message.findElement(By.cssSelector("select[aria-label='Pick a topic']")));
        assertThat(topic.getOptions()).extracting(WebElement::getText)
            .containsExactly("Pick a topic", "Games", "Tools");
        Select who = new Select(message.findElement(By.cssSelector("select[aria-label='Pick someone']")));
        assertThat(who.getOptions()).extracting(WebElement::getText).contains("@alice", "@bob");

        http("PATCH", posted, """
                {"content": "Picked", "components": [{"type": 1, "components": [
                  {"type": 2, "style": 1, "label": "Primary", "custom_id": "primary", "disabled": true}]}]}""");
        WebElement edited = awaitMessage("Picked");
        assertThat(edited.findElement(By.cssSelector("button.primary")).isEnabled()).isFalse();
        assertThat(edited.findElements(By.tagName("select"))).isEmpty();
        http("DELETE", posted, null);
        this.wait.until((driver) -> messages().isEmpty());

        postAsBot(channel, """
                {"content": "Click me", "components": [{"type": 1, "components": [
                  {"type": 2, "style": 1, "label": "Primary", "custom_id": "primary"}]}]}""");
        message = awaitMessage("Click me");
        message.findElement(By.cssSelector("button.primary")).click(); // reaches the bot,
                                                                       // which has no
                                                                       // handler for it
        assertThat(awaitMessage("alice clicked “Primary”").getText()).contains("Only you can see this");
    }

    @Test
    @DisplayName("the idea's topic menu and Another button update it in place; its form opens, checks its limits, submits")
    void ideaComponentsAndForm() {
        open("idea-components");
        send(".idea");
        WebElement idea = awaitMessage("Okay, so how about this: ");
        String id = idea.getDomAttribute("data-id");
        String first = idea(idea).getText().toLowerCase(Locale.ROOT);
        assertThat(texts(idea, "button")).contains("Another", "Suggest one");

        Select topics = new Select(idea.findElement(By.cssSelector("select[aria-label='Pick a topic']")));
        String topic = topics.getOptions()
            .stream()
            .map(WebElement::getText)
            .filter((name) -> !name.equals("Pick a topic") && !first.contains(name))
            .findFirst()
            .orElseThrow();
        topics.selectByVisibleText(topic);
        // what idea the topic gives is the bot's (IdeaCommandEndToEndTests): an idea
        // filed under the topic by another test's suggestion need not name it
        chromium.await("the topic " + topic + " picked in the card's menu, and the card edited in place")
            .until((driver) -> this.world.interactions()
                .stream()
                .anyMatch((pick) -> "idea:topic".equals(pick.customId()) && pick.values().equals(List.of(topic))
                        && pick.message().map(EmulatedMessage::idString).orElse("").equals(id)
                        && pick.callbackType() == EmulatedInteraction.UPDATE_MESSAGE)
                    && message(id).getText().contains("(edited)"));
        assertThat(idea(message(id)).getText()).startsWith("Okay, so how about this: ");
        click(id, "Another");
        this.wait.until((driver) -> this.world.interactions()
            .stream()
            .anyMatch((click) -> click.customId() != null && click.customId().startsWith("idea:another")
                    && click.message().map(EmulatedMessage::idString).orElse("").equals(id)
                    && click.callbackType() == EmulatedInteraction.UPDATE_MESSAGE));

        click(id, "Suggest one");
        WebElement dialog = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
        assertThat(dialog.findElement(By.id("modal-title")).getText()).isEqualTo("Suggest a project idea");
        assertThat(dialog.findElement(By.tagName("label")).getText()).isEqualTo("Your idea *");
        WebElement field = dialog.findElement(By.cssSelector("textarea[data-custom-id=idea]"));
        assertThat(field.getDomProperty("minLength")).isEqualTo("10");
        assertThat(field.getDomProperty("maxLength")).isEqualTo("300");
        assertThat(dialog.findElements(By.cssSelector("[role=radiogroup][data-custom-id=topic] input[type=radio]")))
            .as("the topics as radio buttons, none required")
            .hasSize(this.ideas.getTopics().size())
            .allSatisfy((radio) -> assertThat(radio.getDomProperty("required")).isEqualTo("false"));
        assertThat(dialog.findElement(By.cssSelector("[data-custom-id=credit] input[type=checkbox]")).isSelected())
            .isFalse();
        WebElement submit = dialog.findElement(By.cssSelector("button[type=submit]"));
        submit.click(); // empty: the form refuses it
        assertThat(script("return document.querySelector('#modal textarea').validity.valueMissing")).isEqualTo(true);
        field.sendKeys("too short");
        submit.click();
        assertThat(script("return document.querySelector('#modal textarea').validity.valid")).isEqualTo(false);
        assertThat(dialog.isDisplayed()).isTrue();
        field.clear();
        String suggestion = this.ideas.getSuggestions().getFirst(); // one it has: other
                                                                    // tests' ideas stay
                                                                    // the same
        field.sendKeys(suggestion);
        submit.click();
        this.wait.until(ExpectedConditions.invisibilityOf(dialog));
        WebElement thanks = awaitMessage("Thanks, added: " + suggestion);
        assertThat(thanks.getText()).contains("alice submitted “Suggest a project idea”", "Only you can see this");
        assertThat(shownEmoji(thanks.findElement(By.cssSelector(".content img.md-emoji"))))
            .as("the application emoji the bot uploaded, as an image")
            .matches(":idea_[0-9a-f]{6}:");
        assertThat(shownEmoji(message(id).findElement(By.cssSelector("button img.md-emoji"))))
            .matches(":idea_[0-9a-f]{6}:");

        click(id, "Suggest one");
        this.wait.until(ExpectedConditions.visibilityOf(dialog)).findElement(By.id("modal-cancel")).click();
        this.wait.until(ExpectedConditions.invisibilityOf(dialog));
        click(id, "Suggest one");
        this.wait.until(ExpectedConditions.visibilityOf(dialog))
            .findElement(By.tagName("textarea"))
            .sendKeys(Keys.ESCAPE);
        this.wait.until(ExpectedConditions.invisibilityOf(dialog));
    }

    @Test
    @DisplayName("the Apps menu of a message runs the bot's message command on it")
    void messageCommand() {
        open("apps");
        send("I like board games");
        WebElement mine = awaitMessage("I like board games");

        mine.findElement(By.cssSelector(".apps summary")).click();
        mine.findElement(By.xpath(".//button[text()='Idea from this message']")).click();

        WebElement answer = awaitMessage("alice used Idea from this message");
        assertThat(idea(answer).getText()).startsWith("Okay, so how about this: ");
    }

    @Test
    @DisplayName("a user's name opens the Apps menu with the bot's user commands (right-click, click, keyboard), run on that user")
    void userCommand() throws InterruptedException {
        EmulatedChannel channel = open("user-apps");
        EmulatedUser bob = this.world.user("bob");
        String commands = guildCommands();
        String registered = http("GET", commands, null).body(); // put back afterwards
        BlockingQueue<UserContextInteractionEvent> received = new LinkedBlockingQueue<>();
        EventListener bot = (GenericEvent event) -> {
            if (event instanceof UserContextInteractionEvent menu && menu.getChannelId().equals(channel.idString())) {
                received.add(menu);
            }
        };
        this.shards.addEventListener(bot);
        try {
            assertThat(http("PUT", commands, """
                    [{"type": 2, "name": "Inspect", "name_localizations": {"de": "Untersuchen"}}]""").statusCode())
                .isEqualTo(200);
            this.world.as("bob").says(channel, "I made a thing");
            // the page reads the commands every 3 s; then bob's name opens the menu
            WebElement name = chromium.await("bob's name opening an Apps menu")
                .until((driver) -> messages().stream()
                    .filter((item) -> item.getText().contains("I made a thing"))
                    .flatMap((item) -> item.findElements(By.cssSelector(".meta .user-apps summary")).stream())
                    .findFirst()
                    .orElse(null));
            assertThat(name.getText()).isEqualTo("bob");
            WebElement said = message(messageOf(name));
            WebElement menu = said.findElement(By.className("user-apps"));
            assertThat(said.findElements(By.cssSelector(".apps .apps-list button")))
                .as("the message's own Apps menu: message commands only")
                .extracting((button) -> button.getDomProperty("textContent"))
                .doesNotContain("Inspect");

            new Actions(chromium.browser()).contextClick(name).perform(); // right-click:
                                                                          // open, the
            // first app focused
            this.wait.until((driver) -> isOpen(menu));
            assertThat(menu.findElement(By.className("apps-list")).getDomAttribute("aria-label"))
                .isEqualTo("Apps for bob");
            assertThat(texts(menu, ".apps-list button")).containsExactly("Inspect");
            assertThat(chromium.browser().switchTo().activeElement().getText()).isEqualTo("Inspect");
            chromium.browser().switchTo().activeElement().sendKeys(Keys.ESCAPE); // closes
                                                                                 // it,
                                                                                 // the
            // focus back on the
            // name
            this.wait.until((driver) -> !isOpen(menu));
            assertThat(chromium.browser().switchTo().activeElement().getText()).isEqualTo("bob");

            name.click(); // a click opens it too, and another one closes it
            this.wait.until((driver) -> isOpen(menu));
            name.click();
            this.wait.until((driver) -> !isOpen(menu));

            name.sendKeys(Keys.ENTER); // by keyboard: open, down to the app, run it
            this.wait.until((driver) -> isOpen(menu));
            name.sendKeys(Keys.ARROW_DOWN);
            assertThat(chromium.browser().switchTo().activeElement().getText()).isEqualTo("Inspect");
            chromium.browser().switchTo().activeElement().sendKeys(Keys.ENTER);

            UserContextInteractionEvent inspect = received.poll(Timeouts.ANSWER.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(inspect).as("Inspect reached the bot").isNotNull();
            assertThat(inspect.getName()).isEqualTo("Inspect");
            assertThat(inspect.getTarget().getId()).as("the target").isEqualTo(bob.idString());
            assertThat(inspect.getUser().getName()).isEqualTo("alice");
            WebElement answer = awaitMessage("alice used Inspect"); // the plain app has
                                                                    // no handler for it:
                                                                    // says so
            assertThat(answer.findElement(By.className("content")).getText()).contains("Inspect");
            assertThat(answer.getText()).contains("Only you can see this");
            assertThat(isOpen(menu)).isFalse();
            assertThat(received).as("run once").isEmpty();
        }
        finally {
            this.shards.removeEventListener(bot);
            http("PUT", commands, registered);
        }
    }

    @Test
    @DisplayName("the language switch sets the user's Discord locale: shown on load, /idee listed in German, answered in German")
    void localeSwitch() {
        EmulatedUser alice = this.world.user("alice");
        this.world.locale(alice, "fr");
        try {
            EmulatedChannel channel = open("locale");
            WebElement language = chromium.browser().findElement(By.id("locale"));
            assertThat(language.getDomProperty("value")).as("alice's locale, on load").isEqualTo("fr");
            assertThat(chromium.browser().findElement(By.cssSelector("label[for=locale]")).getText())
                .isEqualTo("Language");
            assertThat(new Select(language).getOptions()).extracting((option) -> option.getDomAttribute("value"))
                .contains("en-US", "en-GB", "de", "fr", "es-ES", "ja", "pt-BR");

            new Select(language).selectByValue("de");
            chromium.await("alice's locale set to de through the control API")
                .until((driver) -> "de".equals(this.world.locale(alice)));
            WebElement composer = composer();
            composer.sendKeys("/id");
            // as Discord's client shows a command to a German user: from
            // name_localizations and description_localizations
            assertThat(selectedSuggestion().getText()).isEqualTo("/idee\nSchlägt eine Projektidee vor");
            composer.sendKeys(Keys.ENTER);
            WebElement topic = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("option-topic")));
            assertThat(chromium.browser().findElement(By.id("slash-name")).getText()).isEqualTo("/idee");
            assertThat(chromium.browser().findElement(By.cssSelector("label[for=option-topic]")).getText())
                .isEqualTo("thema (optional)");
            topic.sendKeys(Keys.ENTER);

            WebElement answer = awaitMessage("alice used /idea"); // sent with the default
                                                                  // name, as Discord's
                                                                  // client does
            assertThat(idea(answer).getText()).startsWith("Okay, wie wäre es damit: ");
            assertThat(answer.findElements(By.cssSelector(".apps .apps-list button")))
                .extracting((button) -> button.getDomProperty("textContent"))
                .containsExactly("Idee aus dieser Nachricht");

            chromium.browser().navigate().refresh();
            this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), "# " + channel.name()));
            assertThat(chromium.browser().findElement(By.id("locale")).getDomProperty("value")).as("after a reload")
                .isEqualTo("de");

            new Select(chromium.browser().findElement(By.id("locale"))).selectByValue("en-US");
            this.wait.until((driver) -> "en-US".equals(this.world.locale(alice)));
            composer().sendKeys("/id");
            assertThat(selectedSuggestion().getText()).isEqualTo("/idea\nSuggests a project idea");
        }
        finally {
            this.world.locale(alice, "en-US"); // the bot's context is shared with other
                                               // test classes
        }
    }

    /* ------------------------------------------------------------------ helpers */

    /**
     * A new channel of its own, opened in the page: what other tests did stays out of
     * sight.
     */
    @Test
    @DisplayName("in a group DM the bot is not in, a user who installed the app runs /idea and sees the answer; /help "
            + "(servers and the bot's DM only) is not offered there, nor /idea once the app is removed")
    void userInstalledCommandInAGroupDirectMessage() {
        EmulatedUser alice = this.world.user("alice");
        EmulatedChannel group = this.world.groupChannel("Game night " + channels.incrementAndGet(), alice,
                this.world.user("bob"), this.world.user("carol"));
        try {
            chromium.browser().get(this.discord.chatUrl() + "?channel=" + group.idString());
            this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), group.name()));
            this.wait.until(ExpectedConditions.textToBe(By.id("status"), "IdeaBot is connected"));
            assertThat(texts(chromium.browser().findElement(By.id("private-channels")), "button"))
                .contains(group.name(), "@ bob");
            WebElement composer = composer();

            composer.sendKeys("/");
            this.wait.until((driver) -> suggestions().stream().anyMatch((entry) -> entry.startsWith("/idea")));
            assertThat(suggestions()).noneMatch((entry) -> entry.startsWith("/help"));
            composer.sendKeys("id");
            assertThat(selectedSuggestion().getText()).startsWith("/idea");
            composer.sendKeys(Keys.ENTER);
            this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("option-topic")))
                .sendKeys("chess", Keys.ENTER);

            WebElement answer = awaitMessage("alice used /idea");
            assertThat(idea(answer).getText()).startsWith("Okay, so how about this: ");
            assertThat(this.world.messages(group)).singleElement()
                .satisfies((message) -> assertThat(message.author().id()).isEqualTo(this.world.bot().id()));

            WebElement install = chromium.browser().findElement(By.id("app-install"));
            assertThat(install.getText()).isEqualTo("Remove the app from my account");
            install.click();
            this.wait.until(ExpectedConditions.textToBe(By.id("app-install"), "Add the app to my account"));
            assertThat(this.world.hasInstalledApp(alice)).isFalse();
            composer().clear();
            composer().sendKeys("/");
            assertThat(chromium.browser().findElement(By.id("suggestions")).isDisplayed())
                .as("no command of the app is offered in the group DM")
                .isFalse();
        }
        finally {
            this.world.installApp(alice);
        }
    }

    @Test
    @DisplayName("an age-restricted command is offered only in an age-restricted channel")
    void ageRestrictedCommandOnlyInAgeRestrictedChannels() {
        EmulatedChannel plain = open("all-ages");
        EmulatedChannel adult = this.world.addTextChannel(this.world.guild(),
                "page-after-dark-" + channels.incrementAndGet(), true);
        String registered = http("GET", guildCommands(), null).body(); // put back
                                                                       // afterwards
        try {
            assertThat(http("PUT", guildCommands(), """
                    [{"name": "late-show", "description": "Only for grown-ups", "nsfw": true},
                     {"name": "early-show", "description": "For everyone"}]""").statusCode()).isEqualTo(200);
            chromium.browser().navigate().refresh(); // the page reads the commands when
                                                     // it loads
            this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), "# " + plain.name()));
            composer().sendKeys("/");
            this.wait.until((driver) -> suggestions().contains("/early-show\nFor everyone"));
            assertThat(suggestions()).noneMatch((entry) -> entry.startsWith("/late-show"));

            chromium.browser().get(this.discord.chatUrl() + "?channel=" + adult.idString());
            this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), "# " + adult.name()));
            composer().sendKeys("/");
            this.wait.until((driver) -> suggestions().contains("/late-show\nOnly for grown-ups"));
        }
        finally {
            http("PUT", guildCommands(), registered);
        }
    }

    private EmulatedChannel open(String name) {
        EmulatedChannel channel = this.world.addTextChannel(this.world.guild(),
                "page-" + name + "-" + channels.incrementAndGet());
        chromium.browser().get(this.discord.chatUrl() + "?channel=" + channel.idString());
        this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), "# " + channel.name()));
        this.wait.until(ExpectedConditions.textToBe(By.id("status"), "IdeaBot is connected"));
        return channel;
    }

    private String guildCommands() {
        return "applications/" + Long.toUnsignedString(this.world.applicationId()) + "/guilds/"
                + this.world.guild().idString() + "/commands";
    }

    /**
     * The name of an emoji shown as an image, once the image is loaded from the
     * emulator's CDN route.
     */
    private String shownEmoji(WebElement image) {
        this.wait.until((driver) -> Boolean.TRUE.equals(chromium.script("return document.querySelector('img[src=\""
                + image.getDomAttribute("src") + "\"]').naturalWidth > 0")));
        return image.getDomAttribute("alt");
    }

    /** The id of the message an element is in. */
    private static String messageOf(WebElement element) {
        return element.findElement(By.xpath("ancestor::li[contains(@class, 'message')]")).getDomAttribute("data-id");
    }

    /** The idea in the bot's card: the text of the section beside "Another". */
    private static WebElement idea(WebElement message) {
        return message.findElement(By.cssSelector(".card .section-texts"));
    }

    private static boolean isOpen(WebElement details) {
        return "true".equals(details.getDomProperty("open"));
    }

    private WebElement composer() {
        return chromium.browser().findElement(By.id("content"));
    }

    private void send(String text) {
        composer().sendKeys(text);
        this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
        composer().sendKeys(Keys.ENTER);
    }

    private void actAs(String user) {
        WebElement author = chromium.browser().findElement(By.id("author"));
        author.clear();
        author.sendKeys(user, Keys.TAB);
    }

    private WebElement message(String id) {
        return chromium.browser().findElement(By.cssSelector("#messages > li[data-id='" + id + "']"));
    }

    /**
     * Clicks the button with this label in the message, again if the page re-rendered the
     * message meanwhile.
     */
    private void click(String messageId, String label) {
        this.wait.until((driver) -> {
            message(messageId).findElement(By.xpath(".//button[text()='" + label + "']")).click();
            return true;
        });
    }

    private List<WebElement> messages() {
        return chromium.browser().findElements(By.cssSelector("#messages > li.message"));
    }

    /** The first message in the page whose text contains this, once there is one. */
    private WebElement awaitMessage(String text) {
        return chromium.await("a message containing \"" + text + "\"")
            .until((driver) -> messages().stream()
                .filter((item) -> item.getText().contains(text))
                .findFirst()
                .orElse(null));
    }

    /**
     * The values the bot suggested for an option (autocomplete), as the page offers them.
     */
    private static List<String> autocompleted(String field) {
        return chromium.browser()
            .findElements(By.cssSelector("#" + field + "-choices option"))
            .stream()
            .map((option) -> option.getDomAttribute("value"))
            .toList();
    }

    private WebElement selectedSuggestion() {
        return this.wait.until(ExpectedConditions
            .visibilityOfElementLocated(By.cssSelector("#suggestions [role=option][aria-selected=true]")));
    }

    private List<String> suggestions() {
        return texts(chromium.browser().findElement(By.id("suggestions")), "[role=option]");
    }

    private static List<String> texts(WebElement within, String css) {
        return within.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static @Nullable Object script(String script) {
        return chromium.script(script);
    }

    /**
     * The bot posts a message through Discord's REST API, as JDA would; answers the
     * message's path.
     */
    private String postAsBot(EmulatedChannel channel, String json) {
        HttpResponse<String> response = http("POST", "channels/" + channel.idString() + "/messages", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return "channels/" + channel.idString() + "/messages/" + JSON.readTree(response.body()).path("id").asString();
    }

    private HttpResponse<String> http(String method, String path, String json) {
        String url = path.startsWith("/") ? this.discord.chatUrl().replace("/emulator/", "") + path
                : this.discord.restUrl() + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Timeouts.ANSWER)
            .header("Authorization", "Bot " + this.discord.token())
            .method(method, (json != null) ? BodyPublishers.ofString(json) : BodyPublishers.noBody());
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
