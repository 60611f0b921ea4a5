package dev.bench4j.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.scoring.compare.ReviewAgreement;
import dev.bench4j.scoring.compare.ReviewReliability;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.testing.RawHttp;
import dev.bench4j.web.testing.WebFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the viewer's API over HTTP, with the bad input and the security rules. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchServerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @TempDir
    static Path dir;

    private JsonRunStore store;
    private Run quickstart;
    private Run hostile;
    private BenchServer server;
    private RawHttp http;

    @BeforeAll
    void startOverTwoRuns() {
        store = JsonRunStore.at(dir.resolve("runs"));
        quickstart = WebFixtures.quickstart(store);
        hostile = WebFixtures.hostile(store);
        server = BenchServer.builder(store).port(0).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        http = new RawHttp(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Map<String, String> writeHeaders() {
        return Map.of("Content-Type", "application/json", "X-Bench4j-Token", server.token(),
                "Origin", "http://127.0.0.1:" + server.port());
    }

    private RawHttp.Response post(String runId, String json) {
        return http.send("POST", "/api/runs/" + runId + "/reviews", writeHeaders(), json);
    }

    @Test
    void thePageCarriesTheTokenAndEveryResponseAContentSecurityPolicy() {
        RawHttp.Response page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("<meta name=\"bench4j-token\" content=\"" + server.token() + "\">")
                .contains("<script src=\"/assets/app.js\"></script>").doesNotContain("<script>");
        for (String path : List.of("/", "/assets/app.js", "/assets/app.css", "/assets/vendor/chart.js", "/assets/vendor/sortable.js",
                "/assets/vendor/diff.js", "/api/runs", "/api/runs/nope", "/nowhere")) {
            RawHttp.Response r = http.get(path);
            assertThat(r.header("content-security-policy")).as(path)
                    .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                            + "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
            assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
        }
        assertThat(http.get("/assets/vendor/chart.js").body()).contains("Chart.js v4").doesNotContain("sourceMappingURL");
        assertThat(server.toString()).doesNotContain(server.token());
    }

    @Test
    void theRunsListHoldsEachRunWithItsMainScoresNewestFirstAndFilters() {
        JsonNode runs = http.get("/api/runs").json();
        assertThat(runs.get("total").asInt()).isEqualTo(2);
        assertThat(runs.get("runs").findValuesAsText("id")).containsExactlyInAnyOrder(quickstart.id(), hostile.id());
        JsonNode q = runs.get("runs").get(runs.get("runs").get(0).get("id").asText().equals(quickstart.id()) ? 0 : 1);
        assertThat(q.get("scores").get("set_f1").asDouble())
                .isEqualTo(quickstart.summary().overall().scores().get("set_f1").mean().getAsDouble());
        assertThat(q.get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(http.get("/api/runs?model=careful").json().get("runs")).hasSize(1);
        assertThat(http.get("/api/runs?name=HOSTILE").json().get("runs").get(0).get("id").asText()).isEqualTo(hostile.id());
        assertThat(http.get("/api/runs?status=failed").json().get("runs")).isEmpty();
        assertThat(http.get("/api/runs?since=2100-01-01").json().get("runs")).isEmpty();
        assertThat(http.get("/api/runs?status=odd").json().get("error").asText()).startsWith("status: ");
        RawHttp.Response badDate = http.get("/api/runs?since=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("error").asText())
                .isEqualTo("since: expected a date like 2026-12-07 or an instant like 2026-12-07T10:15:30Z but was 'yesterday'");
    }

    @Test
    void aRunPageHoldsItsSummaryLeaderboardsPlanAndTheJudgesCriteria() {
        JsonNode run = http.get("/api/runs/" + quickstart.id()).json();
        assertThat(run.get("score_names").toString()).isEqualTo("[\"set_f1\",\"judge\"]");
        assertThat(run.get("configs")).hasSize(4);
        assertThat(run.get("summary").get("by_prompt_and_model")).hasSize(4);
        assertThat(run.get("summary").get("overall").get("judge").get("calls").asInt()).isEqualTo(80);
        JsonNode board = run.get("leaderboards").get("set_f1").get("entries");
        assertThat(board.get(0).get("name").asText()).endsWith("/ careful");
        JsonNode judge = run.get("plan").get("scorer_settings").get("judge");
        assertThat(judge.get("criteria").asText()).startsWith("The answer lists exactly the medical conditions");
        assertThat(judge.get("template")).isNotEmpty();
    }

    @Test
    void cellsArePagedFilteredAndSortedOnTheServer() {
        String base = "/api/runs/" + quickstart.id() + "/cells";
        JsonNode all = http.get(base + "?size=5").json();
        assertThat(all.get("all_rows").asInt()).isEqualTo(20);
        assertThat(all.get("total_rows").asInt()).isEqualTo(20);
        assertThat(all.get("pages").asInt()).isEqualTo(4);
        assertThat(all.get("rows")).hasSize(5);
        assertThat(all.get("rows").get(0).get("cells")).hasSize(4);
        assertThat(all.get("rows").get(0).get("trial").asText()).isEqualTo("t01");

        JsonNode disagree = http.get(base + "?disagree=1&score=set_f1&size=200").json();
        assertThat(disagree.get("total_rows").asInt()).isBetween(1, 19);
        for (JsonNode row : disagree.get("rows")) {
            List<Double> values = new ArrayList<>();
            row.get("cells").forEach(c -> {
                if (c.get("scores").has("set_f1")) {
                    values.add(c.get("scores").get("set_f1").asDouble());
                }
            });
            assertThat(values.stream().distinct().count()).as(row.get("trial").asText()).isGreaterThan(1);
        }
        JsonNode below = http.get(base + "?score=set_f1&below=0.5&size=200").json();
        below.get("rows").forEach(row -> assertThat(row.get("cells").findValues("set_f1").stream()
                .anyMatch(v -> v.asDouble() < 0.5)).isTrue());
        JsonNode text = http.get(base + "?q=ASTHMA&size=200").json();
        assertThat(text.get("rows").findValuesAsText("trial")).contains("t03");

        JsonNode sorted = http.get(base + "?configs=1&sort=1:set_f1&dir=asc&size=200").json();
        assertThat(sorted.get("configs")).hasSize(1);
        List<Double> scores = new ArrayList<>();
        sorted.get("rows").forEach(r -> {
            JsonNode c = r.get("cells").get(0);
            if (c != null && c.get("scores").has("set_f1")) {
                scores.add(c.get("scores").get("set_f1").asDouble());
            }
        });
        assertThat(scores).isSorted();

        assertThat(http.get(base + "?sort=nope").json().get("error").asText())
                .isEqualTo("sort: expected 'trial' or CONFIG:METRIC (e.g. 0:latency) but was 'nope'");
        assertThat(http.get(base + "?configs=9").json().get("error").asText()).isEqualTo("configs: must be from 0 to 3 but was 9");
        assertThat(http.get(base + "?score=bleu").json().get("error").asText())
                .isEqualTo("score: the run has no score 'bleu'; it has [set_f1, judge]");
        assertThat(http.get(base + "?size=0").status()).isEqualTo(400);
    }

    @Test
    void aWholeCellHasItsRenderedMessagesExpectedAnswerAndScoresWithReasons() {
        JsonNode c = http.get("/api/runs/" + quickstart.id() + "/cell?prompt=extract-v1&model=careful&trial=t03&repetition=0").json();
        assertThat(c.get("messages").get(c.get("messages").size() - 1).get("content").asText())
                .contains("Open-label study of inhaled budesonide in children with asthma.");
        assertThat(c.get("expected").toString()).isEqualTo("[\"asthma\"]");
        assertThat(c.get("scores").get("judge").get("reason").asText()).isNotEmpty();
        assertThat(c.get("scores").get("judge").get("calls")).hasSize(1);
        assertThat(c.get("output").asText()).contains("asthma");

        RawHttp.Response missing = http.get("/api/runs/" + quickstart.id() + "/cell?prompt=extract-v1&model=careful&trial=t99");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText())
                .isEqualTo("run " + quickstart.id() + " has no result for cell extract-v1/careful/t99#0");
        assertThat(http.get("/api/runs/" + quickstart.id() + "/cell?prompt=extract-v1").json().get("error").asText())
                .isEqualTo("missing parameter 'model'");
    }

    @Test
    void answersOfSeveralConfigurationsAreComparedWithMarksAndOnlyDisagreementsOnRequest() {
        String items = "item=" + quickstart.id() + "%7C0&item=" + quickstart.id() + "%7C1";
        JsonNode first = http.get("/api/compare?" + items).json();
        assertThat(first.get("trial").asText()).isEqualTo("t01");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("label").asText()).isEqualTo("extract-v1 / careful");
        assertThat(first.get("marks").get("set_f1").get(0).asText()).isEqualTo("reference");
        JsonNode only = http.get("/api/compare?" + items + "&disagree=1").json();
        assertThat(only.get("count").asInt()).isLessThan(first.get("count").asInt());
        JsonNode marks = only.get("marks");
        boolean differs = false;
        for (var it = marks.elements(); it.hasNext(); ) {
            differs |= it.next().toString().contains("disagree");
        }
        assertThat(differs || !only.get("items").get(0).get("cell").get("ok").asBoolean()
                || !only.get("items").get(1).get("cell").get("ok").asBoolean()).isTrue();
        assertThat(http.get("/api/compare?item=" + quickstart.id() + "%7C7").json().get("error").asText())
                .isEqualTo("item: must be from 0 to 3 but was 7");
        assertThat(http.get("/api/compare").json().get("error").asText()).startsWith("item: name at least one RUN|CONFIG");
    }

    @Test
    void twoRunsAreComparedPerModelWithPairedTests() {
        JsonNode c = http.get("/api/compare-runs?a=" + quickstart.id() + "&b=" + quickstart.id()).json();
        assertThat(c.get("models").findValuesAsText("model")).containsExactly("careful", "hasty");
        JsonNode f1 = c.get("models").get(0).get("metrics").get(0);
        assertThat(f1.get("metric").asText()).isEqualTo("set_f1");
        assertThat(f1.get("delta").asDouble()).isZero();
        assertThat(f1.get("pairs").asInt()).isEqualTo(40);
        assertThat(c.get("models").get(0).get("metrics").findValuesAsText("metric"))
                .containsExactly("set_f1", "judge", "success_rate", "latency_ms", "cost_usd");
    }

    @Test
    void withSeveralModelsEachMetricsPValuesAreHolmAdjustedOverTheModels() {
        JsonNode c = http.get("/api/compare-runs?a=" + quickstart.id() + "&b=" + quickstart.id()).json();
        for (JsonNode model : c.get("models")) {
            JsonNode rate = model.get("metrics").get(2);
            assertThat(rate.get("metric").asText()).isEqualTo("success_rate");
            // the same run twice: no discordant cell, McNemar p = 1, adjusted 1 over the 2 models
            assertThat(rate.get("p_value").asDouble()).isEqualTo(1.0);
            assertThat(rate.get("p_adjusted").asDouble()).isEqualTo(1.0);
            assertThat(rate.get("p_adjustment").asText()).isEqualTo("Holm");
            assertThat(rate.get("comparisons").asInt()).isEqualTo(2);
        }
    }

    @Test
    void trendsAndTheLeaderboardAcrossRunsComeFromTheStoresHistory() {
        JsonNode options = http.get("/api/trends/options").json();
        assertThat(options.get("models").toString()).contains("careful", "evil-a");
        JsonNode t = http.get("/api/trends?metric=set_f1&model=careful&model=hasty").json();
        assertThat(t.get("series").get("careful")).hasSize(1);
        assertThat(t.get("series").get("careful").get(0).get("ci_low").isNumber()).isTrue();
        JsonNode board = http.get("/api/leaderboard?metric=set_f1").json();
        assertThat(board.get("entries").get(0).get("name").asText()).isEqualTo("careful");
        assertThat(board.get("entries").get(0).get("run").asText()).isEqualTo(quickstart.id());
    }

    @Test
    void aReviewIsSavedWithTheServersClockAndShowsInTheAgreementPanel() throws Exception {
        Path fresh = dir.resolve("reviewed");
        JsonRunStore s = JsonRunStore.at(fresh);
        Run run = WebFixtures.quickstart(s);
        try (BenchServer srv = BenchServer.builder(s).port(0).clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
            RawHttp h = new RawHttp(srv.port());
            Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Bench4j-Token", srv.token());
            String ranking = "{\"kind\":\"ranking\",\"reviewer\":\"ana\",\"trial\":\"t05\",\"repetition\":0,\"at\":\"1999-01-01T00:00:00Z\","
                    + "\"ranking\":[{\"prompt\":\"extract-v1\",\"model\":\"hasty\"},{\"prompt\":\"extract-v2\",\"model\":\"careful\"},"
                    + "{\"prompt\":\"extract-v1\",\"model\":\"careful\"},{\"prompt\":\"extract-v2\",\"model\":\"hasty\"}],\"time_spent_ms\":4200}";
            RawHttp.Response saved = h.send("POST", "/api/runs/" + run.id() + "/reviews", headers, ranking);
            assertThat(saved.status()).isEqualTo(201);
            assertThat(saved.json().get("saved").get("at").asText()).isEqualTo("2026-12-07T12:00:00Z");
            assertThat(s.reviews(run.id())).singleElement().isInstanceOf(Review.Ranking.class);

            JsonNode a = h.get("/api/runs/" + run.id() + "/agreement").json();
            assertThat(a.get("score").asText()).as("the run's LLM judge by default").isEqualTo("judge");
            JsonNode ana = a.get("rankings").get(0);
            assertThat(ana.get("reviewer").asText()).isEqualTo("ana");
            ReviewAgreement.ReviewerVsAi expected = ReviewAgreement.reviewersVsAi(s.reviews(run.id()), run.results(), "judge").get(0);
            assertThat(ana.get("trials").get(0).get("tau_b").asDouble())
                    .isEqualTo(expected.rankings().get(0).kendallTauB().orElseThrow().coefficient());
            assertThat(a.get("recommendation").get("recommended").asText()).isNotEmpty();
            assertThat(a.get("counts").get("rankings").asInt()).isEqualTo(1);
            assertThat(h.get("/api/runs/" + run.id() + "/agreement?score=set_f1&human_weight=2").json().get("recommendation")
                    .get("human_weight").asDouble()).isEqualTo(2.0);
            assertThat(h.get("/api/runs/" + run.id() + "/agreement?human_weight=-1").json().get("error").asText())
                    .isEqualTo("human_weight: must be >= 0 but was -1.0");
        }
    }

    @Test
    void theAgreementPanelHasTheReliabilityOfAllReviewersAndTheirVerdictsAgainstTheJudge() throws Exception {
        JsonRunStore s = JsonRunStore.at(dir.resolve("reliability"));
        Run run = WebFixtures.quickstart(s);
        String[][] verdicts = {{"ana", "t01", "yes"}, {"ana", "t02", "no"}, {"ana", "t03", "yes"}, {"bo", "t01", "yes"},
            {"bo", "t02", "yes"}, {"cy", "t01", "yes"}, {"cy", "t02", "no"}, {"cy", "t04", "no"}};
        for (String[] v : verdicts) {
            s.appendReview(run.id(), Review.verdict(v[0], NOW, new CellId("extract-v1", "hasty", v[1], 0), v[2].equals("yes")));
        }
        s.appendReview(run.id(), Review.rating("ana", NOW, new CellId("extract-v1", "hasty", "t01", 0), 4, 1, 5));
        s.appendReview(run.id(), Review.rating("bo", NOW, new CellId("extract-v1", "hasty", "t01", 0), 5, 1, 5));
        s.appendReview(run.id(), Review.rating("bo", NOW, new CellId("extract-v1", "hasty", "t02", 0), 2, 1, 5));
        List<Review> reviews = s.reviews(run.id());
        try (BenchServer srv = BenchServer.builder(s).port(0).start()) {
            RawHttp h = new RawHttp(srv.port());
            JsonNode a = h.get("/api/runs/" + run.id() + "/agreement").json();

            ReviewReliability.VerdictReliability want = ReviewReliability.verdictReliability(reviews);
            JsonNode vr = a.get("verdict_reliability");
            assertThat(vr.get("alpha").asDouble()).isEqualTo(want.alpha().orElseThrow().coefficient());
            assertThat(vr.get("fleiss_kappa").asDouble()).isEqualTo(want.fleissKappa().orElseThrow().coefficient());
            assertThat(vr.get("pairable").asLong()).as("t01 and t02 judged by all three; t03, t04 by one").isEqualTo(6);
            assertThat(vr.get("answers").asInt()).isEqualTo(4);
            assertThat(vr.get("judged_by_all").asInt()).isEqualTo(2);
            assertThat(vr.get("describe").asText()).isEqualTo(want.describe());
            ReviewReliability.RatingReliability ratings = ReviewReliability.ratingReliability(reviews).get(0);
            JsonNode rr = a.get("rating_reliability").get(0);
            assertThat(rr.get("scale").asText()).isEqualTo("[1, 5]");
            assertThat(rr.get("alpha_ordinal").asDouble()).isEqualTo(ratings.ordinal().orElseThrow().coefficient());
            assertThat(rr.get("alpha_interval").asDouble()).isEqualTo(ratings.interval().orElseThrow().coefficient());
            assertThat(rr.get("pairable").asLong()).isEqualTo(2);

            JsonNode vv = a.get("verdicts_vs_ai");
            assertThat(vv.get("score").asText()).isEqualTo("judge");
            assertThat(vv.get("pass_at").asDouble()).isEqualTo(0.5);
            List<ReviewAgreement.VerdictVsJudge> vsJudge = ReviewAgreement.verdictsVsJudge(reviews, run.results(), "judge", 0.5);
            assertThat(vv.get("rows")).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(vv.get("rows").get(i).get("reviewer").asText()).isEqualTo(vsJudge.get(i).reviewer());
                assertThat(vv.get("rows").get(i).get("n").asInt()).isEqualTo(vsJudge.get(i).n());
                assertThat(vv.get("rows").get(i).get("describe").asText()).isEqualTo(vsJudge.get(i).describe());
            }
            JsonNode strict = h.get("/api/runs/" + run.id() + "/agreement?pass_at=0.99").json().get("verdicts_vs_ai");
            assertThat(strict.get("pass_at").asDouble()).isEqualTo(0.99);
            assertThat(strict.get("rows").get(0).get("describe").asText())
                    .isEqualTo(ReviewAgreement.verdictsVsJudge(reviews, run.results(), "judge", 0.99).get(0).describe());
            assertThat(h.get("/api/runs/" + run.id() + "/agreement?pass_at=x").json().get("error").asText())
                    .isEqualTo("pass_at: expected a number but was 'x'");
        }
        JsonRunStore empty = JsonRunStore.at(dir.resolve("no-verdicts"));
        Run unreviewed = WebFixtures.quickstart(empty);
        try (BenchServer srv = BenchServer.builder(empty).port(0).start()) {
            JsonNode none = new RawHttp(srv.port()).get("/api/runs/" + unreviewed.id() + "/agreement").json();
            assertThat(none.get("verdicts_vs_ai").isNull()).as("no verdicts, nothing to compare").isTrue();
            assertThat(none.get("verdict_reliability").get("describe").asText()).isEqualTo("no verdicts");
            assertThat(none.get("rating_reliability")).isEmpty();
        }
    }

    @Test
    void aReviewOfACellThatDoesNotExistIsRefusedWithAClearMessage() {
        RawHttp.Response r = post(quickstart.id(), "{\"kind\":\"verdict\",\"reviewer\":\"ana\",\"prompt\":\"extract-v1\","
                + "\"model\":\"careful\",\"trial\":\"t77\",\"repetition\":0,\"acceptable\":true}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("run " + quickstart.id()
                + " has no answer to review for cell extract-v1/careful/t77#0: no trial 't77' or no result for it yet");
        assertThat(post(quickstart.id(), "{\"kind\":\"rating\",\"reviewer\":\"ana\",\"prompt\":\"extract-v1\",\"model\":\"careful\","
                + "\"trial\":\"t01\",\"repetition\":0,\"value\":9,\"scale\":[1,5]}").json().get("error").asText())
                .isEqualTo("review: not a valid rating: rating must be on the scale [1, 5] but was 9.0");
        assertThat(post(quickstart.id(), "[1,2]").json().get("error").asText()).isEqualTo("the body must be a JSON object (a review)");
        assertThat(post(quickstart.id(), "{oops").json().get("error").asText()).startsWith("the body is not JSON: ");
        assertThat(post(quickstart.id(), "{\"kind\":\"verdict\"}").json().get("error").asText())
                .isEqualTo("review: missing field 'reviewer'");
        assertThat(store.reviews(quickstart.id())).isEmpty();
    }

    @Test
    void changesNeedTheTokenHeaderAndTheServersOwnOrigin() {
        String body = "{\"kind\":\"verdict\",\"reviewer\":\"ana\",\"prompt\":\"extract-v1\",\"model\":\"careful\",\"trial\":\"t01\","
                + "\"repetition\":0,\"acceptable\":true}";
        String path = "/api/runs/" + quickstart.id() + "/reviews";
        RawHttp.Response noToken = http.send("POST", path, Map.of("Content-Type", "application/json"), body);
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.json().get("error").asText()).isEqualTo("a change needs the X-Bench4j-Token header with the viewer's token");
        RawHttp.Response wrong = http.send("POST", path, Map.of("Content-Type", "application/json", "X-Bench4j-Token",
                "0123456789abcdef0123"), body);
        assertThat(wrong.status()).isEqualTo(403);
        RawHttp.Response foreign = http.send("POST", path, Map.of("Content-Type", "application/json", "X-Bench4j-Token",
                server.token(), "Origin", "http://evil.example"), body);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("error").asText())
                .isEqualTo("cross-origin change refused: Origin http://evil.example is not this viewer's");
        RawHttp.Response crossSite = http.send("POST", path, Map.of("Content-Type", "application/json", "X-Bench4j-Token",
                server.token(), "Sec-Fetch-Site", "cross-site"), body);
        assertThat(crossSite.status()).isEqualTo(403);
        RawHttp.Response form = http.send("POST", path, Map.of("Content-Type", "text/plain", "X-Bench4j-Token", server.token()), body);
        assertThat(form.status()).isEqualTo(415);
        assertThat(http.send("PUT", path, Map.of(), body).status()).isEqualTo(405);
        assertThat(http.send("DELETE", "/api/runs/" + quickstart.id(), Map.of(), null).status()).isEqualTo(405);
        assertThat(store.reviews(quickstart.id())).isEmpty();
    }

    @Test
    void aRequestForAnotherHostIsRefusedAgainstDnsRebinding() {
        RawHttp.Response r = http.send("GET", "/api/runs", Map.of("Host", "attacker.example:" + server.port()), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).startsWith("this viewer answers only requests for ");
        assertThat(http.send("GET", "/api/runs", Map.of("Host", "localhost:" + server.port()), null).status()).isEqualTo(200);
    }

    @Test
    void anApiRequestFromAnotherSiteIsRefusedAndOtherLoopbackAddressesServeThemselves() {
        RawHttp.Response r = http.send("GET", "/api/runs", Map.of("Sec-Fetch-Site", "cross-site"), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("error").asText()).isEqualTo("a request from another site is refused (Sec-Fetch-Site: cross-site)");
        assertThat(http.send("GET", "/", Map.of("Sec-Fetch-Site", "cross-site"), null).status())
                .as("following a link to the app from elsewhere is fine").isEqualTo(200);
        assertThat(http.send("GET", "/api/runs", Map.of("Sec-Fetch-Site", "same-origin"), null).status()).isEqualTo(200);
        assertThat(http.get("/").header("cache-control")).as("the page holds the token").isEqualTo("no-store");
        try (BenchServer other = BenchServer.builder(store).host("127.0.0.2").port(0).start()) {
            assertThat(other.isLoopback()).isTrue();
            try (Socket s = new Socket("127.0.0.2", other.port())) {
                s.getOutputStream().write(("GET /api/runs HTTP/1.1\r\nHost: 127.0.0.2:" + other.port()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 200");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void runIdsInUrlsGoThroughTheStoresChecks() {
        for (String bad : List.of("..", "..%2F..%2Fetc", "%2Fetc%2Fpasswd", "a%5Cb", "x%0Ay", "index.json")) {
            RawHttp.Response r = http.get("/api/runs/" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(bad).contains("is not allowed");
        }
        RawHttp.Response unknown = http.get("/api/runs/bench_00000000_20260101_000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("the store has no run 'bench_00000000_20260101_000000'");
        assertThat(http.get("/api/runs/" + quickstart.id() + "/nothing").status()).isEqualTo(404);
        assertThat(http.get("/../../etc/passwd").status()).isEqualTo(404);
    }

    @Test
    void aDamagedRunShowsAnErrorForThatRunAndTheRestKeepsWorking() throws Exception {
        Path folder = dir.resolve("damaged");
        JsonRunStore s = JsonRunStore.at(folder);
        Run good = WebFixtures.quickstart(s);
        Run broken = WebFixtures.quickstart(s);
        Run gone = WebFixtures.quickstart(s);
        Path results = folder.resolve(broken.id()).resolve("results.jsonl");
        List<String> lines = Files.readAllLines(results);
        lines.set(3, "{\"prompt\": oops");
        Files.write(results, lines);
        Files.writeString(folder.resolve(good.id()).resolve("results.jsonl"), "{\"prompt\":\"extract-v1\",\"mo",
                StandardOpenOption.APPEND);   // a torn last line: repaired, not an error
        Files.delete(folder.resolve(gone.id()).resolve("run.json"));
        try (BenchServer srv = BenchServer.builder(s).port(0).start()) {
            RawHttp h = new RawHttp(srv.port());
            RawHttp.Response cells = h.get("/api/runs/" + broken.id() + "/cells");
            assertThat(cells.status()).isEqualTo(500);
            assertThat(cells.json().get("error").asText()).startsWith("a file of this run is damaged: ")
                    .contains("results.jsonl: line 4");
            assertThat(h.get("/api/runs/" + good.id() + "/cells").json().get("all_rows").asInt()).isEqualTo(20);
            assertThat(h.get("/api/runs/" + gone.id()).status()).isEqualTo(404);
            assertThat(h.get("/api/runs").json().get("runs").findValuesAsText("id")).contains(good.id(), broken.id())
                    .doesNotContain(gone.id());
        }
    }

    @Test
    void twoReviewersSavingAtOnceLoseNothing() throws Exception {
        Path fresh = dir.resolve("concurrent");
        JsonRunStore s = JsonRunStore.at(fresh);
        Run run = WebFixtures.quickstart(s);
        try (BenchServer srv = BenchServer.builder(s).port(0).threads(4).start()) {
            RawHttp h = new RawHttp(srv.port());
            Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Bench4j-Token", srv.token());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String who : List.of("ana", "bo")) {
                for (int i = 1; i <= 20; i++) {
                    String trial = String.format("t%02d", i);
                    statuses.add(pool.submit(() -> h.send("POST", "/api/runs/" + run.id() + "/reviews", headers,
                            "{\"kind\":\"verdict\",\"reviewer\":\"" + who + "\",\"prompt\":\"extract-v1\",\"model\":\"hasty\","
                                    + "\"trial\":\"" + trial + "\",\"repetition\":0,\"acceptable\":" + (trial.hashCode() % 3 != 0) + "}")
                            .status()));
                }
            }
            for (Future<Integer> f : statuses) {
                assertThat(f.get()).isEqualTo(201);
            }
            pool.shutdown();
            assertThat(s.reviews(run.id())).hasSize(40);
            JsonNode a = h.get("/api/runs/" + run.id() + "/agreement").json();
            assertThat(a.get("verdicts").get(0).get("n").asInt()).isEqualTo(20);
            assertThat(a.get("verdicts").get(0).get("kappa").asDouble()).isEqualTo(1.0);
            assertThat(a.get("unacceptable").get(0).get("judged").asInt()).isEqualTo(20);
        }
    }

    @Test
    void offLoopbackEveryRequestNeedsTheTokenWhichALinkSetsAsACookie() {
        try (BenchServer open = BenchServer.builder(store).host("0.0.0.0").port(0).token("secret-token-0123456789").start()) {
            assertThat(open.isLoopback()).isFalse();
            assertThat(open.loginUri().toString()).endsWith("/?token=secret-token-0123456789");
            RawHttp h = new RawHttp(open.port());
            RawHttp.Response anonymous = h.get("/api/runs");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(h.get("/").status()).isEqualTo(401);
            RawHttp.Response link = h.get("/?token=secret-token-0123456789");
            assertThat(link.status()).isEqualTo(303);
            assertThat(link.header("location")).isEqualTo("/");
            assertThat(link.header("set-cookie")).isEqualTo("bench4j_token=secret-token-0123456789; HttpOnly; SameSite=Strict; Path=/");
            assertThat(h.send("GET", "/api/runs", Map.of("Cookie", "bench4j_token=secret-token-0123456789"), null).status())
                    .isEqualTo(200);
            assertThat(h.send("GET", "/api/runs", Map.of("Authorization", "Bearer secret-token-0123456789"), null).status())
                    .isEqualTo(200);
            assertThat(h.get("/?token=wrong-token-0123456789").status()).isEqualTo(401);
        }
    }

    @Test
    void theBuilderRefusesBadSettingsNamingThem() {
        assertThatThrownBy(() -> BenchServer.builder(store).port(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be from 0 to 65535 but was 70000");
        assertThatThrownBy(() -> BenchServer.builder(store).token("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token must be 16 to 256 letters, digits, '-' or '_' (it had 5 characters)");
        assertThatThrownBy(() -> BenchServer.builder(store).host(" ")).hasMessage("host must not be blank");
        assertThatThrownBy(() -> BenchServer.builder(store).threads(0)).hasMessage("threads must be >= 1 but was 0");
        assertThatThrownBy(() -> BenchServer.builder(null)).isInstanceOf(NullPointerException.class).hasMessage("store");
        assertThatThrownBy(() -> BenchServer.builder(store).host("no-such-host.invalid").port(0).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("host 'no-such-host.invalid' is unknown");
    }
}
