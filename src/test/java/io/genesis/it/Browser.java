package io.genesis.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

/**
 * Headless Debian Chromium driven by Selenium for the dashboard tests: one browser for a test class, signed in by
 * pasting a token as a person would, with the console read after every test (any SEVERE entry is a failure) and a
 * screenshot of each page under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private static final Duration POLL = Duration.ofMillis(100);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Skips the calling test when {@code -Dbrowser.tests=skip}; fails it, naming the install command, when the
     * browser or its driver is missing. Call from {@code @BeforeEach} (a skip there is reported with its reason).
     */
    public static void requireChromium() {
        Assumptions.assumeFalse("skip".equals(System.getProperty("browser.tests")), "browser tests skipped (-Dbrowser.tests=skip)");
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            Assertions.fail("The dashboard browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + ": run `" + INSTALL
                    + "` (as root), or skip them with -Dbrowser.tests=skip");
        }
    }

    public static Browser start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-gpu", "--no-first-run", "--disable-extensions", "--password-store=basic");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens the dashboard at {@code hash} (for example {@code #/businesses}). */
    public void open(String hash) {
        driver.get(Api.BASE + "/" + hash);
    }

    /** Forgets any earlier session, then signs in through the form with this token. */
    public void signIn(String token) {
        open("#/overview");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
        driver.navigate().refresh();
        WebElement field = await("the sign-in form", d -> d.findElement(By.id("token")));
        field.sendKeys(token);
        driver.findElement(By.id("sign-in")).click();
        await("the navigation after sign-in", d -> d.findElement(By.id("nav")).isDisplayed());
    }

    /** Goes to a page of the dashboard and waits until it has rendered. */
    public void go(String hash) {
        ((JavascriptExecutor) driver).executeScript("delete document.body.dataset.ready; location.hash = arguments[0]", hash);
        await("page " + hash + " rendered", d -> d.findElement(By.tagName("body")).getAttribute("data-ready") != null);
    }

    public <T> T await(String what, ExpectedCondition<T> condition) {
        return await(what, Duration.ofSeconds(20), condition);
    }

    public <T> T await(String what, Duration timeout, ExpectedCondition<T> condition) {
        // polled every 100 ms (Selenium's default is 500 ms, which every page change of a test would wait out)
        return new WebDriverWait(driver, timeout, POLL).withMessage(() -> "waiting for " + what + " at " + driver.getCurrentUrl())
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement one(String css) {
        return await(css, d -> d.findElement(By.cssSelector(css)));
    }

    /** Renders as if the system asked for a dark (true) or light (false) colour scheme. */
    public void colourScheme(boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("features", List.of(java.util.Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("genesis.it.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console entries at SEVERE level since the last call (reading the log empties it). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
