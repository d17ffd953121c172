package io.github.jdaboot.interaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.Timeouts;
import io.github.jdaboot.testing.browser.ChatPage;
import io.github.jdaboot.testing.browser.Chromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms with radio buttons, checkboxes, menus and a file picker, filled in on the
 * emulator's chat page in Chromium, as a user fills them in Discord's client; the
 * handlers of {@link FormTestCommands} answer with what they got.
 */
@DiscordBotTest
@Import(FormTestCommands.class)
@RequiresPrograms({ Program.CHROMIUM, Program.CHROMEDRIVER })
@DisplayName("Forms on the chat page in Chromium, against the bot")
class FormsBrowserTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium("forms-page");

    private final WebDriverWait wait;

    private final ChatPage page;

    FormsBrowserTests(DiscordEmulator discord) {
        this.wait = new WebDriverWait(chromium.browser(), Timeouts.ANSWER);
        this.wait.ignoring(StaleElementReferenceException.class);
        this.page = new ChatPage(chromium, discord, this.wait, "forms");
    }

    @Test
    @DisplayName("a radio group, a checkbox and a checkbox group: the form checks the group's limits, the bot gets "
            + "what was ticked")
    void radioGroupAndCheckboxes() {
        open("profile");
        WebElement dialog = run("profile");
        assertThat(dialog.findElement(By.className("modal-text")).getText())
            .isEqualTo("Tell us a little about yourself.");
        WebElement flavors = dialog.findElement(By.cssSelector("[role=radiogroup][data-custom-id=flavor]"));
        assertThat(flavors.findElements(By.tagName("label"))).extracting(WebElement::getText)
            .containsExactly("Vanilla", "Salted caramel", "Mint");
        assertThat(flavors.findElement(By.cssSelector("input[type=radio]")).getDomProperty("required"))
            .isEqualTo("true");
        WebElement news = dialog.findElement(By.cssSelector("[data-custom-id=news] input[type=checkbox]"));
        assertThat(news.isSelected()).isFalse();

        dialog.findElement(By.cssSelector("input[data-custom-id=name]")).sendKeys("Ada");
        flavors.findElement(By.xpath(".//label[normalize-space()='Mint']")).click();
        news.click();
        WebElement days = dialog.findElement(By.cssSelector("[data-custom-id=days]"));
        for (String day : new String[] { "Monday", "Wednesday", "Friday" }) {
            days.findElement(By.xpath(".//label[normalize-space()='" + day + "']")).click();
        }
        WebElement submit = dialog.findElement(By.cssSelector("button[type=submit]"));
        submit.click(); // three days where the form takes one or two: refused in the page
        assertThat(chromium.script("return document.querySelector('[data-custom-id=days] input').validationMessage"))
            .isEqualTo("Please tick 1 to 2.");
        assertThat(dialog.isDisplayed()).isTrue();
        dialog.findElement(By.id("modal-title")).click(); // away from the message that
                                                          // covers Wednesday
        WebElement wednesday = days.findElement(By.cssSelector("input[value=wed]"));
        this.wait.until((driver) -> {
            wednesday.click();
            return !wednesday.isSelected();
        });
        submit.click();

        this.wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(awaitMessage("name=Ada").getText()).contains("name=Ada flavor=MINT news=true days=[mon, fri]");
    }

    @Test
    @DisplayName("a file picker, a menu of an enum and a menu of several values: the bot gets the files and choices")
    void filePickerAndMenus(@TempDir Path files) throws IOException {
        Path sketch = Files.write(files.resolve("sketch.png"), new byte[] { 1, 2, 3, 4, 5 });
        open("sketch");
        WebElement dialog = run("sketch");
        WebElement sketches = dialog.findElement(By.cssSelector("input[type=file][data-custom-id=sketches]"));
        assertThat(sketches.getDomProperty("multiple")).isEqualTo("true");
        assertThat(sketches.getDomProperty("required")).isEqualTo("true");
        assertThat(
                dialog.findElement(By.cssSelector("input[type=file][data-custom-id=cover]")).getDomProperty("required"))
            .isEqualTo("false");

        sketches.sendKeys(sketch.toString());
        new Select(dialog.findElement(By.cssSelector("select[data-custom-id=flavor]"))).selectByVisibleText("Mint");
        new Select(dialog.findElement(By.cssSelector("select[data-custom-id=tags]"))).selectByVisibleText("Games");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        this.wait.until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(awaitMessage("sketches=").getText())
            .contains("sketches=sketch.png:5 cover=none flavor=MINT tags=[games]");
    }

    /** A new channel of its own, opened in the page. */
    private void open(String name) {
        this.page.openNewChannel(name);
    }

    /** Runs a slash command typed out in full, and awaits the form the bot opens. */
    private WebElement run(String command) {
        WebElement composer = chromium.browser().findElement(By.id("content"));
        composer.sendKeys("/" + command, Keys.ESCAPE);
        this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("suggestions")));
        composer.sendKeys(Keys.ENTER);
        return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("modal")));
    }

    private WebElement awaitMessage(String text) {
        return this.page.awaitMessage(text);
    }

}
