package dev.bench4j.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.scoring.compare.Recommendation;
import dev.bench4j.scoring.compare.ReviewAgreement;
import dev.bench4j.scoring.compare.ReviewReliability;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.ReviewFormat;
import dev.bench4j.web.testing.Browser;
import dev.bench4j.web.testing.RawHttp;
import dev.bench4j.web.testing.WebFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
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
 * The static report from {@code file://} in headless Chromium: the same views as the app with no
 * server and no network, a ranking made in the page with its agreement computed there (checked
 * against bench-scoring's numbers), downloaded and imported into the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    @TempDir
    static Path dir;

    private JsonRunStore store;
    private Run quickstart;
    private Run hostile;
    private Path report;
    private Browser browser;

    @BeforeAll
    void writeTheReport() {
        browser = Browser.start(dir);
        store = JsonRunStore.at(dir.resolve("runs"));
        quickstart = WebFixtures.quickstart(store);
        hostile = WebFixtures.hostile(store);
        store.appendReview(quickstart.id(), Review.verdict("bo", Instant.parse("2026-12-07T09:00:00Z"),
                new CellId("extract-v1", "hasty", "t01", 0), false));
        // a second reviewer's verdicts and both one's ratings: the reliability of all reviewers
        Instant at = Instant.parse("2026-12-07T09:30:00Z");
        store.appendReview(quickstart.id(), Review.verdict("di", at, new CellId("extract-v1", "hasty", "t01", 0), true));
        store.appendReview(quickstart.id(), Review.verdict("di", at, new CellId("extract-v1", "hasty", "t02", 0), false));
        store.appendReview(quickstart.id(), Review.verdict("bo", at, new CellId("extract-v1", "hasty", "t02", 0), false));
        store.appendReview(quickstart.id(), Review.rating("bo", at, new CellId("extract-v1", "hasty", "t01", 0), 4, 1, 5));
        store.appendReview(quickstart.id(), Review.rating("di", at, new CellId("extract-v1", "hasty", "t01", 0), 5, 1, 5));
        store.appendReview(quickstart.id(), Review.rating("bo", at, new CellId("extract-v1", "hasty", "t02", 0), 2, 1, 5));
        store.appendReview(quickstart.id(), Review.rating("di", at, new CellId("extract-v1", "hasty", "t02", 0), 2, 1, 5));
        report = dir.resolve("report.html");
        BenchReport.write(store, List.of(quickstart.id(), hostile.id()), report);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void openReport(String fragment) {
        browser.open(report.toUri() + fragment);
        browser.waitFor(d -> Boolean.TRUE.equals(browser.js("return window.__rendered === true")) ? true : null);
    }

    @Test
    void theReportIsOneFileWithEverythingInlineAndAPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
        String html = Files.readString(report);
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-")
                .doesNotContain("<script src=").doesNotContain("<link rel=\"stylesheet\"").doesNotContain("http://")
                .doesNotContain("https://cdn");
        String data = html.substring(html.indexOf("id=\"bench4j-data\">"), html.indexOf("</script>", html.indexOf("id=\"bench4j-data\">")));
        assertThat(data).doesNotContain("<script").doesNotContain("</").contains("\\u003cscript\\u003ewindow.__pwned");
    }

    @Test
    void aReviewerReadsTheReportRanksInItAndImportsTheDownloadedReviews() throws Exception {
        Browser b = browser;
        openReport("#/");
        assertThat(b.all(By.cssSelector("table.runs tbody tr"))).hasSize(2);
        b.andRender(() -> b.driver.findElement(By.linkText("quickstart-conditions")).click());
        assertThat(b.waitFor(By.cssSelector("table.leaderboard tbody tr td:nth-child(2)")).getText()).endsWith("/ careful");
        Object chart = b.waitFor(d -> b.js("return Chart.getChart(document.getElementById('chart-score')) ? true : null"));
        assertThat(chart).isEqualTo(true);
        b.screenshot("report-1-run");

        // the report filters as the server does
        try (BenchServer server = BenchServer.builder(store).port(0).start()) {
            RawHttp http = new RawHttp(server.port());
            for (String filter : List.of("disagree=1", "score=judge&below=0.7", "q=asthma", "failed=1", "disagree=1&configs=0,1",
                    "sort=1:set_f1&dir=desc&size=200")) {
                b.view("#/run/" + quickstart.id() + "/cells?" + filter);
                List<String> inPage = b.all(By.cssSelector("table.grid tbody tr td:first-child strong")).stream()
                        .map(WebElement::getText).toList();
                List<String> fromServer = http.get("/api/runs/" + quickstart.id() + "/cells?" + filter).json().get("rows")
                        .findValuesAsText("trial");
                assertThat(inPage).as(filter).isEqualTo(fromServer);
            }
        }
        b.view("#/run/" + quickstart.id() + "/cells?disagree=1");
        b.screenshot("report-2-cells");

        b.view("#/compare?run=" + quickstart.id() + "&disagree=1");
        assertThat(b.all(By.cssSelector(".compare-item"))).hasSize(4);
        assertThat(b.all(By.cssSelector(".compare-item ins, .compare-item del, .badge.disagree"))).isNotEmpty();
        b.screenshot("report-3-compare");

        b.view("#/run/" + quickstart.id() + "/review?trial=t07&repetition=0");
        WebElement name = b.waitFor(By.id("reviewer"));
        name.clear();
        name.sendKeys("cy", Keys.TAB);
        List<String> before = b.all(By.cssSelector("#ranking li")).stream().map(li -> li.getAttribute("aria-label")).toList();
        List<WebElement> handles = b.all(By.cssSelector("#ranking li .handle"));
        new Actions(b.driver).clickAndHold(handles.get(2)).moveByOffset(0, -20).moveToElement(handles.get(0), 0, -10)
                .moveByOffset(0, -5).release().perform();
        b.waitFor(d -> b.all(By.cssSelector("#ranking li")).get(0).getAttribute("aria-label").equals(before.get(2)) ? true : null);
        b.driver.findElement(By.id("save-ranking")).click();
        b.waitFor(By.id("ranking-saved"));
        assertThat(b.driver.findElement(By.id("banner")).getText()).contains("1 review made in this file");
        b.screenshot("report-4-review");

        b.view("#/run/" + quickstart.id() + "/agreement");
        String shown = b.waitFor(By.cssSelector(".reviewer-agreement .tau")).getText();
        List<Review> written = store.reviews(quickstart.id()); // as the report was written
        ReviewReliability.VerdictReliability verdicts = ReviewReliability.verdictReliability(written);
        assertThat(b.driver.findElement(By.cssSelector(".verdict-reliability")).getText()).isEqualTo(String.format(Locale.ROOT,
                "Krippendorff's alpha of all reviewers' verdicts (2 reviewers, 2 answers, 4 pairable verdicts): %.3f",
                verdicts.alpha().orElseThrow().coefficient()));
        ReviewReliability.RatingReliability ratings = ReviewReliability.ratingReliability(written).get(0);
        assertThat(b.driver.findElement(By.cssSelector(".rating-reliability")).getText()).isEqualTo(String.format(Locale.ROOT,
                "Krippendorff's alpha of bo, di on [1, 5] (2 answers, 4 pairable ratings): ordinal %.3f, interval %.3f",
                ratings.ordinal().orElseThrow().coefficient(), ratings.interval().orElseThrow().coefficient()));
        List<ReviewAgreement.VerdictVsJudge> vsJudge = ReviewAgreement.verdictsVsJudge(written, quickstart.results(), "judge", 0.5);
        List<String> rows = b.all(By.cssSelector(".verdicts-vs-ai tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(2).containsExactlyElementsOf(vsJudge.stream().map(v -> v.reviewer() + " " + v.n() + " "
                + v.kappa().map(k -> String.format(Locale.ROOT, "%.3f", k.coefficient())).orElse("undefined")).toList());
        b.screenshot("report-5-agreement");
        b.js("document.querySelector('.verdict-reliability').scrollIntoView(); return null");
        b.screenshot("report-5-reliability");
        b.js("window.scrollTo(0, 0); return null");

        b.driver.findElement(By.id("download-reviews")).click();
        Path downloaded = b.downloads.resolve(quickstart.id() + ".reviews.jsonl");
        b.waitFor(d -> Files.exists(downloaded) ? true : null);
        assertThat(store.importReviews(quickstart.id(), downloaded, Optional.empty())).isEqualTo(1);
        List<Review> reviews = store.reviews(quickstart.id());
        ReviewAgreement.ReviewerVsAi cy = ReviewAgreement.reviewersVsAi(reviews, quickstart.results(), "judge").stream()
                .filter(r -> r.reviewer().equals("cy")).findFirst().orElseThrow();
        assertThat(shown).as("the page's tau-b is the library's").startsWith(String.format(Locale.ROOT, "%.3f (",
                cy.pooledTauB().orElseThrow().coefficient()));
        assertThat(b.pwned()).isNull();
        assertThat(b.consoleProblems()).as("no script error and no policy violation").isEmpty();
    }

    /** Random rankings by two reviewers, with ties among the AI scores: the page's statistics equal bench-scoring's. */
    @Test
    void thePagesAgreementStatisticsEqualTheLibrarys() throws Exception {
        openReport("#/");
        Random random = new Random(7);
        List<Review> reviews = new ArrayList<>();
        List<String[]> configs = List.of(new String[] {"extract-v1", "careful"}, new String[] {"extract-v1", "hasty"},
                new String[] {"extract-v2", "careful"}, new String[] {"extract-v2", "hasty"});
        for (String who : List.of("ana", "bo")) {
            for (int t = 1; t <= 20; t++) {
                List<String[]> order = new ArrayList<>(configs);
                Collections.shuffle(order, random);
                int keep = 2 + random.nextInt(3);
                List<CellId> ranked = new ArrayList<>();
                for (String[] c : order.subList(0, keep)) {
                    ranked.add(new CellId(c[0], c[1], String.format("t%02d", t), 0));
                }
                reviews.add(Review.ranking(who, Instant.EPOCH.plusSeconds(t), ranked, Duration.ofSeconds(t)));
            }
        }
        Map<CellId, Double> ai = ReviewAgreement.aiScores(quickstart.results(), "judge");
        ObjectMapper json = new ObjectMapper();
        List<Object> reviewJson = new ArrayList<>();
        for (Review r : Review.latest(reviews)) {
            reviewJson.add(json.readTree(ReviewFormat.toJson(r)));
        }
        Map<String, Double> aiJson = new LinkedHashMap<>();
        ai.forEach((c, v) -> aiJson.put(c.prompt() + "\u0000" + c.model() + "\u0000" + c.trial() + "\u0000" + c.repetition(), v));
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) browser.js(
                "return bench4jStats.agreement(JSON.parse(arguments[0]), new Map(Object.entries(JSON.parse(arguments[1]))), 2, 1)",
                json.writeValueAsString(reviewJson), json.writeValueAsString(aiJson));

        List<ReviewAgreement.ReviewerVsAi> library = ReviewAgreement.reviewersVsAi(reviews, ai);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rankings = (List<Map<String, Object>>) page.get("rankings");
        assertThat(rankings).hasSameSizeAs(library);
        for (int i = 0; i < library.size(); i++) {
            ReviewAgreement.ReviewerVsAi want = library.get(i);
            Map<String, Object> got = rankings.get(i);
            assertThat(got.get("reviewer")).isEqualTo(want.reviewer());
            @SuppressWarnings("unchecked")
            Map<String, Object> pooled = (Map<String, Object>) got.get("pooled");
            assertThat(((Number) pooled.get("tau_b")).doubleValue()).isCloseTo(want.pooledTauB().orElseThrow().coefficient(), within(1e-12));
            assertThat(((Number) pooled.get("p")).doubleValue()).isCloseTo(want.pooledTauB().orElseThrow().pValue().orElseThrow(), within(1e-12));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> trials = (List<Map<String, Object>>) got.get("trials");
            for (ReviewAgreement.RankingVsAi t : want.rankings()) {
                Map<String, Object> match = trials.stream().filter(x -> x.get("trial").equals(t.trial())).findFirst().orElseThrow();
                if (t.kendallTauB().isPresent()) {
                    assertThat(((Number) match.get("tau_b")).doubleValue()).as(t.trial())
                            .isCloseTo(t.kendallTauB().get().coefficient(), within(1e-12));
                    assertThat(((Number) match.get("p")).doubleValue()).as(t.trial())
                            .isCloseTo(t.kendallTauB().get().pValue().orElseThrow(), within(1e-12));
                } else {
                    assertThat(match.get("tau_b")).as(t.trial()).isNull();
                }
            }
        }
        Recommendation want = Recommendation.fromReviews(reviews, ai, 2, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> rec = (Map<String, Object>) page.get("recommendation");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranking = (List<Map<String, Object>>) rec.get("ranking");
        assertThat(ranking.stream().map(e -> e.get("name"))).containsExactlyElementsOf(
                want.ranking().stream().map(Recommendation.Entry::name).toList());
        for (int i = 0; i < ranking.size(); i++) {
            assertThat(((Number) ranking.get(i).get("points")).doubleValue()).isCloseTo(want.ranking().get(i).points(), within(1e-12));
        }
    }

    @Test
    void hostileRunContentStaysTextInTheReport() {
        Browser b = browser;
        for (String view : Stream.of("#/", "#/run/" + hostile.id(), "#/run/" + hostile.id() + "/cells?size=200",
                "#/compare?run=" + hostile.id(), "#/run/" + hostile.id() + "/review", "#/run/" + hostile.id() + "/agreement",
                "#/trends").toList()) {
            openReport(view);
            assertThat(b.all(By.cssSelector("main img, main script, main iframe"))).as(view).isEmpty();
        }
        openReport("#/run/" + hostile.id() + "/cells?size=200");
        assertThat(b.driver.findElement(By.cssSelector("table.grid")).getText()).contains(WebFixtures.SCRIPT)
                .contains(WebFixtures.CLOSE);
        b.driver.findElement(By.cssSelector("table.grid td.cell")).click();
        assertThat(b.waitFor(By.cssSelector("dialog[open] pre.output")).getText()).contains(WebFixtures.IMG);
        b.screenshot("report-6-hostile");
        assertThat(b.pwned()).isNull();
    }
}
