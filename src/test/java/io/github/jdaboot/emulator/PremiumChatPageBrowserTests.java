package io.github.jdaboot.emulator;

import java.util.List;

import io.github.jdaboot.interaction.PremiumTestCommands;
import io.github.jdaboot.testing.DiscordBotTest;
import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.RequiresPrograms;
import io.github.jdaboot.testing.browser.ChatPage;
import io.github.jdaboot.testing.browser.Chromium;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Premium in the chat page, in Chromium, against the bot with the premium handlers: the
 * premium button as Discord shows it (shop icon, the SKU's name and price), its purchase
 * dialog, and the sidebar that grants and takes back an SKU for the user one is. Shares
 * its context with the other premium tests; skipped without Chromium.
 */
@DiscordBotTest(properties = { PremiumTestCommands.PRO, PremiumTestCommands.SPOTLIGHT })
@Import(PremiumTestCommands.class)
@RequiresPrograms({ Program.CHROMIUM, Program.CHROMEDRIVER })
@DisplayName("Premium in the chat page, in Chromium")
class PremiumChatPageBrowserTests {

    @RegisterExtension
    static final Chromium chromium = new Chromium("premium-chat-page");

    private final World world;

    private final WebDriverWait wait;

    private final ChatPage page;

    PremiumChatPageBrowserTests(DiscordEmulator discord) {
        this.world = discord.world();
        this.wait = chromium.await();
        this.page = new ChatPage(chromium, discord, this.wait, "premium");
    }

    @Test
    @DisplayName("/pro without Idea Pro shows Discord's premium button; it opens the purchase dialog; once bought /pro runs,"
            + " and a second purchase is refused, said why")
    void premiumButtonAndPurchase() {
        open("buy", "gina");
        runSlash("pro");

        WebElement refused = awaitMessage("/pro is a premium feature");
        assertThat(refused.getText()).contains("Only you can see this");
        WebElement button = refused.findElement(By.cssSelector("button.component-button.premium"));
        assertThat(button.getText()).isEqualToNormalizingWhitespace("🛒 Idea Pro $2.99");
        assertThat(button.findElement(By.className("price")).getText()).isEqualTo("$2.99");
        assertThat(button.isEnabled()).isTrue();

        button.click();
        WebElement dialog = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchase")));
        assertThat(dialog.findElement(By.id("purchase-title")).getText()).isEqualTo("Idea Pro, $2.99");
        assertThat(dialog.findElement(By.id("purchase-text")).getText()).contains("for gina");
        dialog.findElement(By.id("purchase-buy")).click();
        this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("purchase")));
        assertThat(this.world.activeEntitlements(this.world.user("gina"), 0)).extracting(EmulatedEntitlement::skuId)
            .containsExactly(this.world.sku("Idea Pro").id());
        assertThat(skuState("Idea Pro")).isEqualTo("owned");

        runSlash("pro");
        awaitMessage("pro for gina");

        this.wait.until((driver) -> {
            awaitMessage("/pro is a premium feature").findElement(By.cssSelector("button.premium")).click();
            return true;
        });
        this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purchase-buy"))).click();
        this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("purchase-error"),
                "Discord would not sell it: gina already has Idea Pro"));
        chromium.browser().findElement(By.id("purchase-cancel")).click();
        this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("purchase")));
    }

    @Test
    @DisplayName("the sidebar grants an SKU to the user one is and takes it back; a consumable shows as sold again once used up")
    void grantAndRevoke() {
        open("grant", "hana");
        List<String> names = this.wait.until((driver) -> skuNames().isEmpty() ? null : skuNames());
        // the default world's SKUs first; a test sharing this context may have added its
        // own after them
        assertThat(names).startsWith("Idea Pro", "Spotlight", "Idea Club");
        assertThat(skuState("Spotlight")).isEqualTo("$0.99");

        skuAction("Spotlight", "Grant");
        this.wait.until((driver) -> "owned".equals(skuState("Spotlight")));
        assertThat(this.world.activeEntitlements(this.world.user("hana"), 0)).extracting(EmulatedEntitlement::skuId)
            .containsExactly(this.world.sku("Spotlight").id());

        runSlash("coin");
        awaitMessage("coin used");
        this.wait.until((driver) -> "$0.99".equals(skuState("Spotlight")));

        skuAction("Idea Pro", "Grant");
        this.wait.until((driver) -> "owned".equals(skuState("Idea Pro")));
        skuAction("Idea Pro", "Revoke");
        this.wait.until((driver) -> "$2.99".equals(skuState("Idea Pro")));
        assertThat(this.world.activeEntitlements(this.world.user("hana"), 0)).isEmpty();
        runSlash("pro");
        awaitMessage("/pro is a premium feature");
    }

    /* ------------------------------------------------------------------ helpers */

    /** A channel of its own, opened in the page, acting as this user. */
    private void open(String name, String user) {
        this.page.openNewChannel(name);
        WebElement author = chromium.browser().findElement(By.id("author"));
        author.clear();
        author.sendKeys(user, Keys.TAB);
        this.wait.until(ExpectedConditions.textToBe(By.id("premium-user"), user));
    }

    /**
     * Runs a slash command without options as a person does: picks it from the list "/"
     * opens, then presses Send.
     */
    private void runSlash(String name) {
        WebElement composer = chromium.browser().findElement(By.id("content"));
        composer.sendKeys("/" + name);
        this.wait.until((driver) -> {
            driver.findElements(By.cssSelector("#suggestions [role=option]"))
                .stream()
                .filter((option) -> option.findElement(By.className("suggestion-label")).getText().equals("/" + name))
                .findFirst()
                .orElseThrow()
                .click();
            return true;
        });
        this.wait.until(ExpectedConditions.textToBe(By.id("slash-name"), "/" + name));
        chromium.browser().findElement(By.id("send")).click();
        this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("slash")));
    }

    private WebElement awaitMessage(String text) {
        return this.page.awaitMessage(text);
    }

    private List<String> skuNames() {
        return chromium.browser()
            .findElements(By.cssSelector("#skus .sku-name"))
            .stream()
            .map(WebElement::getText)
            .toList();
    }

    private WebElement sku(String name) {
        return chromium.browser()
            .findElement(By.xpath("//ul[@id='skus']/li[span[@class='sku-name' and text()='" + name + "']]"));
    }

    private String skuState(String name) {
        return sku(name).findElement(By.className("sku-state")).getText();
    }

    /** Clicks the SKU's button, again if the sidebar was drawn anew meanwhile. */
    private void skuAction(String name, String label) {
        this.wait.until((driver) -> {
            WebElement action = sku(name).findElement(By.className("sku-action"));
            if (!action.getText().equals(label)) {
                return false;
            }
            action.click();
            return true;
        });
    }

}
