package dev.bench4j.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the system's packages (Debian {@code chromium} and {@code chromium-driver}),
 * driven by Selenium; nothing is downloaded. Without them the browser tests are skipped, unless
 * {@code BENCH4J_REQUIRE_BROWSER=1} (set by {@code .ci/run}) makes that a failure. Screenshots go
 * to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    private static final Path SHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    public final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** Starts a browser, or skips the test (fails it under {@code BENCH4J_REQUIRE_BROWSER=1}) when there is none. */
    public static Browser start(Path workDir) {
        Path chromium = Path.of(System.getenv().getOrDefault("BENCH4J_CHROMIUM", "/usr/bin/chromium"));
        Path driverExe = Path.of(System.getenv().getOrDefault("BENCH4J_CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(driverExe);
        String why = "headless Chromium is not installed (" + chromium + ", " + driverExe + "): install Debian's chromium and"
                + " chromium-driver (.ci/run does) or set BENCH4J_CHROMIUM and BENCH4J_CHROMEDRIVER";
        if (!present && "1".equals(System.getenv("BENCH4J_REQUIRE_BROWSER"))) {
            throw new IllegalStateException(why);
        }
        Assumptions.assumeTrue(present, why);
        try {
            Path profile = Files.createDirectories(workDir.resolve("chromium-profile"));
            Path downloads = Files.createDirectories(workDir.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-US");
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
            prefs.put("download.prompt_for_download", false);
            options.setExperimentalOption("prefs", prefs);
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.ACCEPT);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driverExe.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(driver, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a page afresh (a page already open is left first, even if only the #fragment differs). */
    public void open(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    /** Goes to a view of the page already open (changes the #fragment) and waits for it to render. */
    public void view(String fragment) {
        js("window.__rendered = false; location.hash = arguments[0]", fragment);
        waitFor(d -> Boolean.TRUE.equals(js("return window.__rendered === true")) ? true : null);
    }

    /** Does something that changes the view (a click, keys) and waits until the app has rendered the new one. */
    public void andRender(Runnable action) {
        js("window.__rendered = false");
        action.run();
        waitFor(d -> Boolean.TRUE.equals(js("return window.__rendered === true")) ? true : null);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
    }

    public WebElement waitFor(By by) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Saves a screenshot as {@code target/screenshots/NAME.png} and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path file = SHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's warnings and errors since the last call (a CSP violation or a script error shows here). */
    public List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** Whether any hostile text ever ran as script. */
    public Object pwned() {
        return js("return window.__pwned === undefined ? null : String(window.__pwned)");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
