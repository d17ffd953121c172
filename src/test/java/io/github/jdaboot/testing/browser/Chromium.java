package io.github.jdaboot.testing.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.github.jdaboot.testing.Program;
import io.github.jdaboot.testing.Timeouts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's Chromium, headless, driven through Selenium and Debian's {@code chromedriver}
 * ({@code apt-get install chromium chromium-driver}; {@code .ci/run} installs them; found
 * on the {@code PATH}; nothing is downloaded), for the tests of one class: started before
 * them, quit after them. After each test the browser's console must hold no script errors
 * (failed requests are expected: the emulator's 400s and 404s that a page handles), and a
 * test that fails leaves a screenshot and the page's HTML in {@code target/<name>/}.
 *
 * <pre>{@code
 * &#64;RegisterExtension
 * static final Chromium chromium = new Chromium("chat-page");
 * }</pre>
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, TestWatcher {

    /**
     * Quiet: Debian's Chromium is often newer than the CDP versions this Selenium knows,
     * which it warns about.
     */
    private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    private final Path failures;

    private @Nullable WebDriver browser;

    private @Nullable Path profile;

    /**
     * @param name the directory under {@code target/} for what failing tests leave
     */
    public Chromium(String name) {
        this.failures = Path.of("target", name);
    }

    /** The browser; it runs while the tests of the class run. */
    public WebDriver browser() {
        if (this.browser == null) {
            throw new IllegalStateException("Chromium starts before the tests of the class; register it with"
                    + " @RegisterExtension on a static field");
        }
        return this.browser;
    }

    /**
     * A wait for what the page should come to show: up to {@link Timeouts#ANSWER},
     * looking every 50 ms, a re-rendered element looked up again. A class's tests may
     * share one that is never given a message; a wait that names what it waits for is
     * {@link #await(String)}.
     * @return the wait
     */
    public WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(browser(), Timeouts.ANSWER, Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * A wait of its own, as {@link #await()}, whose failure names what it waited for. A
     * new one each time, because Selenium's waits keep the message they were given: a
     * wait shared by a class's tests would name the last thing any of them waited for.
     * @param what what the page should come to show
     * @return the wait
     */
    public WebDriverWait await(String what) {
        WebDriverWait wait = await();
        wait.withMessage(what);
        return wait;
    }

    /** Runs JavaScript in the page and answers its result. */
    public @Nullable Object script(String script) {
        return ((JavascriptExecutor) browser()).executeScript(script);
    }

    /**
     * Starts Chromium and its driver, found on the {@code PATH}; a test class that uses
     * this declares {@code @RequiresPrograms({ Program.CHROMIUM, Program.CHROMEDRIVER
     * })}, so that it is skipped, saying what to install, where they are missing.
     */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // Selenium Manager is not needed with the paths given; should anything start it,
        // it must not download
        System.setProperty("SE_OFFLINE", "true");
        CDP_LOG.setLevel(Level.SEVERE);
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions().setBinary(Program.CHROMIUM.path().toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + this.profile, "--window-size=1280,900", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(Program.CHROMEDRIVER.path().toFile())
            .usingAnyFreePort()
            .build();
        this.browser = new ChromeDriver(service, options);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> errors = browser().manage()
            .logs()
            .get(LogType.BROWSER)
            .getAll()
            .stream()
            .filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter((message) -> !message.contains("Failed to load resource"))
            .toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    @Override
    public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
        WebDriver driver = this.browser;
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(this.failures);
            Files.write(this.failures.resolve(name + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(this.failures.resolve(name + ".html"), driver.getPageSource());
        }
        catch (IOException | RuntimeException ex) {
            // the test's own failure is what matters
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (this.browser != null) {
            this.browser.quit();
            this.browser = null;
        }
        if (this.profile != null) {
            try (Stream<Path> files = Files.walk(this.profile)) {
                files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
            }
        }
    }

}
