package dev.bench4j.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.scoring.compare.ReviewAgreement;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.testing.Browser;
import dev.bench4j.web.testing.WebFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The served app in headless Chromium, as a reviewer uses it: runs, a run's leaderboard and charts,
 * the cells with filters, answers compared, a drag-and-drop ranking saved, and the agreement it makes;
 * and hostile run content that must stay text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    @TempDir
    static Path dir;

    private JsonRunStore store;
    private Run quickstart;
    private Run hostile;
    private BenchServer server;
    private Browser browser;

    @BeforeAll
    void start() {
        browser = Browser.start(dir);
        store = JsonRunStore.at(dir.resolve("runs"));
        quickstart = WebFixtures.quickstart(store);
        hostile = WebFixtures.hostile(store);
        server = BenchServer.builder(store).port(0).start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aReviewerLooksComparesRanksAndSeesTheAgreement() {
        Browser b = browser;
        b.open(server.uri() + "#/");
        b.waitFor(By.cssSelector("table.runs tbody tr"));
        assertThat(b.all(By.cssSelector("table.runs tbody tr"))).hasSize(2);
        b.screenshot("served-1-runs");

        b.andRender(() -> b.waitFor(By.linkText("quickstart-conditions")).click());
        WebElement leader = b.waitFor(By.cssSelector("table.leaderboard tbody tr td:nth-child(2)"));
        assertThat(leader.getText()).endsWith("/ careful");
        Object chart = b.waitFor(d -> b.js("return Chart.getChart(document.getElementById('chart-score')) ? true : null"));
        assertThat(chart).isEqualTo(true);
        assertThat(b.js("return Chart.getChart(document.getElementById('chart-cost')).data.datasets[1].label")).isEqualTo("Pareto front");
        assertThat(b.waitFor(By.cssSelector(".criteria")).getText()).contains("The answer lists exactly the medical conditions");
        // each summary table (prompt × model, by model, by prompt) has its own full header
        assertThat(b.all(By.xpath("//h3[.='Prompt × model' or .='By model' or .='By prompt']/following-sibling::*[1]"
                + "//th[.='p50 (95% CI)']"))).hasSize(3);
        assertThat(b.driver.findElement(By.xpath("//table[contains(@class,'summary')]//tr[td[1]='all']/td[3]")).getText())
                .as("the success rate with its Wilson interval").isEqualTo("100% (95.4%–100%)");
        b.screenshot("served-2-run");

        b.view("#/run/" + quickstart.id() + "/cells");
        assertThat(b.all(By.cssSelector("table.grid tbody tr"))).hasSize(20);
        b.andRender(() -> b.driver.findElement(By.xpath("//label[contains(., 'configurations disagree')]/input")).click());
        int disagreeing = b.all(By.cssSelector("table.grid tbody tr")).size();
        assertThat(disagreeing).isBetween(1, 19);
        b.andRender(() -> b.driver.findElement(By.xpath("//label[contains(., 'configurations disagree')]/input")).click());
        assertThat(b.all(By.cssSelector("table.grid tbody tr"))).hasSize(20);
        WebElement search = b.driver.findElement(By.cssSelector("input[aria-label=search]"));
        b.andRender(() -> search.sendKeys("asthma", Keys.ENTER));
        assertThat((String) b.js("return location.hash")).contains("q=asthma");
        List<String> found = b.all(By.cssSelector("table.grid tbody tr td:first-child strong")).stream().map(WebElement::getText)
                .toList();
        assertThat(found).contains("t03").hasSizeLessThan(20);
        for (String t : found) {
            assertThat(quickstart.results().stream().filter(r -> r.cell().trial().equals(t)).map(r -> r.output().toLowerCase(Locale.ROOT)))
                    .as(t).anyMatch(o -> o.contains("asthma"));
        }
        b.screenshot("served-3-cells");
        b.driver.findElement(By.cssSelector("table.grid td.cell")).click();
        WebElement expected = b.waitFor(By.cssSelector("dialog[open] pre.expected"));
        assertThat(expected.getText()).contains("asthma");
        assertThat(b.driver.findElement(By.cssSelector("dialog[open] .msg")).getText()).contains("asthma");
        b.screenshot("served-4-cell");
        b.driver.findElement(By.id("dialog-close")).click();

        b.view("#/compare?run=" + quickstart.id());
        assertThat(b.all(By.cssSelector(".compare-item"))).hasSize(4);
        b.andRender(() -> b.driver.findElement(By.id("only-disagree")).click());
        assertThat((String) b.js("return location.hash")).contains("disagree=1");
        assertThat(b.all(By.cssSelector(".compare-item ins, .compare-item del, .badge.disagree"))).isNotEmpty();
        b.screenshot("served-5-compare");
        b.view("#/compare?item=" + quickstart.id() + "%7C0&item=" + hostile.id() + "%7C1");
        assertThat(b.all(By.cssSelector(".compare-item strong"))).extracting(WebElement::getText)
                .containsExactly(quickstart.id() + " · extract-v1 / careful", hostile.id() + " · p" + WebFixtures.IMG + " / evil-b");
        assertThat(b.all(By.cssSelector("#compare-picker input"))).as("every configuration of both runs").hasSize(8);

        b.view("#/run/" + quickstart.id() + "/review?trial=t05&repetition=0");
        WebElement name = b.waitFor(By.id("reviewer"));
        name.clear();
        name.sendKeys("ana", Keys.TAB);
        List<String> before = order(b);
        assertThat(before).hasSize(4);
        List<WebElement> handles = b.all(By.cssSelector("#ranking li .handle"));
        new Actions(b.driver).clickAndHold(handles.get(3)).moveByOffset(0, -20).moveToElement(handles.get(0), 0, -10)
                .moveByOffset(0, -5).release().perform();
        List<String> dragged = b.waitFor(d -> {
            List<String> now = order(b);
            return now.get(0).equals(before.get(3)) ? now : null;
        });
        assertThat(dragged).as("the last answer dragged to the top").containsExactly(before.get(3), before.get(0), before.get(1),
                before.get(2));
        WebElement second = b.all(By.cssSelector("#ranking li")).get(2);
        second.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_UP));
        List<String> keyed = order(b);
        assertThat(keyed).as("Alt+Up moves the focused answer up").containsExactly(before.get(3), before.get(1), before.get(0),
                before.get(2));
        b.driver.findElement(By.id("save-ranking")).click();
        b.waitFor(By.id("ranking-saved"));
        b.screenshot("served-6-review");
        List<Review> saved = store.reviews(quickstart.id());
        assertThat(saved).singleElement().isInstanceOfSatisfying(Review.Ranking.class, r -> {
            assertThat(r.reviewer()).isEqualTo("ana");
            assertThat(r.ranked()).extracting(c -> c.prompt() + " / " + c.model()).containsExactlyElementsOf(keyed);
            assertThat(r.timeSpent()).isPositive();
        });

        b.view("#/run/" + quickstart.id() + "/agreement");
        String tau = b.waitFor(By.cssSelector(".reviewer-agreement .tau")).getText();
        ReviewAgreement.ReviewerVsAi expectedTau = ReviewAgreement.reviewersVsAi(saved, quickstart.results(), "judge").get(0);
        assertThat(tau).startsWith(String.format(Locale.ROOT, "%.3f", expectedTau.pooledTauB().orElseThrow().coefficient()));
        assertThat(b.driver.findElement(By.id("recommended")).getText()).isNotEmpty();
        b.screenshot("served-7-agreement");
        assertThat(b.pwned()).isNull();
    }

    private static List<String> order(Browser b) {
        return b.all(By.cssSelector("#ranking li")).stream().map(li -> li.getAttribute("aria-label")).toList();
    }

    @Test
    void hostileRunContentIsShownAsTextAndNeverRuns() {
        Browser b = browser;
        b.open(server.uri() + "#/");
        b.waitFor(By.cssSelector("table.runs tbody tr"));
        assertThat(b.driver.findElement(By.cssSelector("table.runs")).getText()).contains("hostile " + WebFixtures.SCRIPT);
        b.view("#/run/" + hostile.id());
        b.waitFor(By.cssSelector("h1"));
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).contains(WebFixtures.SCRIPT);
        b.view("#/run/" + hostile.id() + "/cells?size=200");
        String grid = b.waitFor(By.cssSelector("table.grid")).getText();
        assertThat(grid).contains(WebFixtures.SCRIPT).contains(WebFixtures.IMG).contains(WebFixtures.CLOSE);
        assertThat(b.all(By.cssSelector("table.grid img, table.grid script"))).isEmpty();
        b.driver.findElement(By.cssSelector("table.grid td.cell")).click();
        String dialog = b.waitFor(By.cssSelector("dialog[open] pre.output")).getText();
        assertThat(dialog).contains(WebFixtures.SCRIPT);
        assertThat(b.driver.findElement(By.cssSelector("dialog[open]")).getText()).contains(WebFixtures.MUSTACHE).contains(WebFixtures.IMG);
        b.screenshot("served-8-hostile-cell");
        b.driver.findElement(By.id("dialog-close")).click();
        b.view("#/compare?run=" + hostile.id());
        b.waitFor(By.cssSelector(".compare-item"));
        b.view("#/run/" + hostile.id() + "/review");
        b.waitFor(By.cssSelector("#ranking li"));
        b.view("#/trends");
        b.waitFor(By.cssSelector("#chart-trend"));
        assertThat(b.all(By.cssSelector("main img, main script, main iframe"))).isEmpty();
        assertThat(b.pwned()).as("no hostile text ever ran").isNull();
    }
}
