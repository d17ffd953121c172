package io.github.jdaboot.testing.browser;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.jdaboot.emulator.DiscordEmulator;
import io.github.jdaboot.emulator.EmulatedChannel;
import io.github.jdaboot.emulator.World;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The emulator's chat page in {@link Chromium}, as the browser tests drive it: each test
 * in a new text channel of its own, and the messages it shows awaited by their text.
 */
public final class ChatPage {

    private static final AtomicInteger channels = new AtomicInteger();

    private final Chromium chromium;

    private final DiscordEmulator discord;

    private final WebDriverWait wait;

    private final String prefix;

    /**
     * The chat page of this emulator in this browser.
     * @param chromium the browser
     * @param discord the emulator whose page it is
     * @param wait how the test waits for the page
     * @param prefix what the names of the channels it opens start with
     */
    public ChatPage(Chromium chromium, DiscordEmulator discord, WebDriverWait wait, String prefix) {
        this.chromium = chromium;
        this.discord = discord;
        this.wait = wait;
        this.prefix = prefix;
    }

    /**
     * Opens a new text channel of the guild in the page ({@code <prefix>-<name>-<n>}) and
     * waits until the page shows it, the bot connected.
     * @param name the middle of the channel's name
     * @return the channel
     */
    public EmulatedChannel openNewChannel(String name) {
        World world = this.discord.world();
        EmulatedChannel channel = world.addTextChannel(world.guild(),
                this.prefix + "-" + name + "-" + channels.incrementAndGet());
        this.chromium.browser().get(this.discord.chatUrl() + "?channel=" + channel.idString());
        this.wait.until(ExpectedConditions.textToBe(By.id("channel-title"), "# " + channel.name()));
        this.wait.until(ExpectedConditions.textToBe(By.id("status"), "IdeaBot is connected"));
        return channel;
    }

    /**
     * Waits until the page shows a message containing the text.
     * @param text what the message contains
     * @return the message
     */
    public WebElement awaitMessage(String text) {
        return this.chromium.await("a message containing \"" + text + "\"")
            .until((driver) -> driver.findElements(By.cssSelector("#messages > li.message"))
                .stream()
                .filter((item) -> item.getText().contains(text))
                .findFirst()
                .orElse(null));
    }

}
