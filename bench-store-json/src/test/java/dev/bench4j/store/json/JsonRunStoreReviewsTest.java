package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.Run;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import dev.bench4j.store.json.testing.LogCapture;
import dev.bench4j.store.json.testing.StorePlans;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run keeps its trials and people's reviews of its answers, and finds one answer without a scan. */
class JsonRunStoreReviewsTest {

    private static final Instant T = Instant.parse("2026-12-07T10:15:30Z");

    @TempDir
    Path dir;

    private JsonRunStore store;
    private Run run;

    @BeforeEach
    void runAPlan() {
        store = JsonRunStore.at(dir.resolve("runs"));
        run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(store).build().run();
    }

    private static CellId cell(String prompt, String model, String trial, int repetition) {
        return new CellId(prompt, model, trial, repetition);
    }

    @Test
    void aRunKeepsItsTrialsForTheViewer() {
        assertThat(store.trials(run.id())).isEqualTo(Plans.trials(3));
    }

    @Test
    void oneCellsResultIsReadWithoutTheOthersAndAgainAfterMoreAreAppended() throws Exception {
        for (Result r : run.results()) {
            assertThat(store.result(run.id(), r.cell())).contains(r);
        }
        assertThat(store.result(run.id(), cell("p1", "second", "t9", 0))).isEmpty();

        // a resumed run appends: the index reads only what came since
        Path results = store.folder().resolve(run.id()).resolve("results.jsonl");
        List<String> lines = Files.readAllLines(results);
        String moved = lines.get(0).replace("\"trial\":\"t0\"", "\"trial\":\"t7\"");
        Files.writeString(results, moved + "\n", StandardOpenOption.APPEND);
        assertThat(store.result(run.id(), cell(run.results().get(0).cell().prompt(), run.results().get(0).cell().model(),
                "t7", run.results().get(0).cell().repetition()))).isPresent();
    }

    @Test
    void everyKindOfReviewRoundTripsInTheOrderItWasAdded() {
        CellId a = cell("p1", "echoing:m", "t1", 0);
        CellId b = cell("p1", "second", "t1", 0);
        List<Review> added = List.of(
                Review.rating("ana", T, a, 4, 1, 5),
                Review.verdict("ana", T.plusSeconds(1), b, false),
                Review.comment("bo", T.plusSeconds(2), a, "misses \"the\" <second> one\nline two"),
                Review.ranking("bo", T.plusSeconds(3), List.of(b, a), Duration.ofMillis(41_250)),
                Review.rating("ana", T.plusSeconds(4), a, 2.5, 0, 10));
        added.forEach(r -> store.appendReview(run.id(), r));

        assertThat(store.reviews(run.id())).containsExactlyElementsOf(added);
        assertThat(Review.latest(store.reviews(run.id()))).containsExactly(added.get(1), added.get(2), added.get(3),
                added.get(4));
    }

    @Test
    void aReviewLineIsDocumentedJson() throws Exception {
        store.appendReview(run.id(), Review.ranking("ana", T, List.of(cell("p2", "second", "t0", 1),
                cell("p2", "echoing:m", "t0", 1)), Duration.ofSeconds(12)));
        store.appendReview(run.id(), Review.rating("ana", T, cell("p2", "second", "t0", 1), 4, 1, 5));

        assertThat(Files.readAllLines(store.folder().resolve(run.id()).resolve("reviews.jsonl"))).containsExactly(
                "{\"kind\":\"ranking\",\"reviewer\":\"ana\",\"at\":\"2026-12-07T10:15:30Z\",\"trial\":\"t0\",\"repetition\":1,"
                        + "\"ranking\":[{\"prompt\":\"p2\",\"model\":\"second\"},{\"prompt\":\"p2\",\"model\":\"echoing:m\"}],"
                        + "\"time_spent_ms\":12000}",
                "{\"kind\":\"rating\",\"reviewer\":\"ana\",\"at\":\"2026-12-07T10:15:30Z\",\"prompt\":\"p2\",\"model\":\"second\","
                        + "\"trial\":\"t0\",\"repetition\":1,\"value\":4,\"scale\":[1,5]}");
    }

    @Test
    void aReviewOfACellTheRunDoesNotHaveIsRefusedSayingWhy() {
        String id = run.id();
        assertThatThrownBy(() -> store.appendReview(id, Review.verdict("ana", T, cell("p9", "second", "t0", 0), true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run " + id + " has no answer to review for cell p9/second/t0#0: the run has no prompt 'p9'");
        assertThatThrownBy(() -> store.appendReview(id, Review.verdict("ana", T, cell("p1", "third", "t0", 0), true)))
                .hasMessageEndingWith("the run has no model 'third'");
        assertThatThrownBy(() -> store.appendReview(id, Review.verdict("ana", T, cell("p1", "second", "t0", 2), true)))
                .hasMessageEndingWith("the run has 2 repetitions (0 to 1)");
        assertThatThrownBy(() -> store.appendReview(id, Review.verdict("ana", T, cell("p1", "second", "t3", 0), true)))
                .hasMessageEndingWith("no trial 't3' or no result for it yet");
        assertThatThrownBy(() -> store.appendReviews(id, List.of(Review.verdict("ana", T, cell("p1", "second", "t0", 0), true),
                Review.ranking("ana", T, List.of(cell("p1", "second", "t0", 0), cell("p1", "nope", "t0", 0)), Duration.ZERO))))
                .hasMessageStartingWith("review 2 of 2: run " + id + " has no answer to review for cell p1/nope/t0#0");
        assertThatThrownBy(() -> store.appendReview("bench_nope", Review.verdict("ana", T, cell("p1", "second", "t0", 0), true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no run 'bench_nope'");
        assertThatThrownBy(() -> store.reviews("../x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not allowed");
        assertThat(store.reviews(id)).as("nothing was written").isEmpty();
    }

    @Test
    void reviewersSavingAtOnceInManyThreadsAndTwoStoresLoseNothing() throws Exception {
        JsonRunStore other = JsonRunStore.at(dir.resolve("runs"));
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            JsonRunStore s = w % 2 == 0 ? store : other;
            String reviewer = "r" + w;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    s.appendReview(run.id(), Review.rating(reviewer, T, cell("p1", "second", "t" + (i % 3), i % 2), i % 5 + 1, 1, 5));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<Review> kept = store.reviews(run.id());
        assertThat(kept).hasSize(writers * each);
        for (int w = 0; w < writers; w++) {
            String reviewer = "r" + w;
            assertThat(kept).as("each writer's reviews, whole and in its order").filteredOn(r -> r.reviewer().equals(reviewer))
                    .extracting(r -> ((Review.Rating) r).value()).containsExactly(expectedValues(each));
        }
    }

    private static Double[] expectedValues(int each) {
        Double[] v = new Double[each];
        for (int i = 0; i < each; i++) {
            v[i] = (double) (i % 5 + 1);
        }
        return v;
    }

    @Test
    void aTornLastReviewLineIsCutOffAtTheNextAppendAndKept() throws Exception {
        CellId a = cell("p1", "second", "t0", 0);
        store.appendReview(run.id(), Review.verdict("ana", T, a, true));
        Path file = store.folder().resolve(run.id()).resolve("reviews.jsonl");
        Files.writeString(file, "{\"kind\":\"verdict\",\"revie", StandardOpenOption.APPEND);
        assertThat(store.reviews(run.id())).as("a line without its end is left out when reading").hasSize(1);

        try (LogCapture log = LogCapture.start()) {
            store.appendReview(run.id(), Review.verdict("bo", T, a, false));
            assertThat(log.text()).contains(file + ": line 2 was torn (it has no line end");
        }
        assertThat(store.reviews(run.id())).extracting(Review::reviewer).containsExactly("ana", "bo");
        assertThat(Files.readString(file.resolveSibling("reviews.jsonl.torn"), StandardCharsets.UTF_8))
                .isEqualTo("{\"kind\":\"verdict\",\"revie\n");
    }

    @Test
    void aDamagedReviewLineIsAnErrorNamingTheFileAndLine() throws Exception {
        store.appendReview(run.id(), Review.verdict("ana", T, cell("p1", "second", "t0", 0), true));
        Path file = store.folder().resolve(run.id()).resolve("reviews.jsonl");
        Files.writeString(file, "{\"kind\":\"verdict\",\"reviewer\":\"bo\",\"at\":\"2026-12-07T10:15:30Z\"}\n",
                StandardOpenOption.APPEND);
        Files.writeString(file, "{\"kind\":\"rating\",\"reviewer\":\"bo\",\"at\":\"2026-12-07T10:15:30Z\",\"prompt\":\"p1\","
                + "\"model\":\"second\",\"trial\":\"t0\",\"repetition\":0,\"value\":7,\"scale\":[1,5]}\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> store.reviews(run.id())).isInstanceOf(InvalidRunFileException.class)
                .hasMessage(file + ": line 2: review: missing field 'acceptable'");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, List.of(lines.get(0), lines.get(2)));
        assertThatThrownBy(() -> store.reviews(run.id()))
                .hasMessage(file + ": line 2: review: not a valid rating: rating must be on the scale [1, 5] but was 7.0");
    }

    @Test
    void anExportCarriesTrialsAndReviewsAndAnImportRestoresThem() throws Exception {
        CellId a = cell("p1", "second", "t2", 1);
        store.appendReview(run.id(), Review.rating("ana", T, a, 5, 1, 5));
        store.appendReview(run.id(), Review.comment("ana", T, a, "good </script>"));
        Path export = dir.resolve("export.json");
        store.exportRun(run.id(), export);

        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        assertThat(target.importRun(export, false)).isEqualTo(run.id());
        assertThat(target.trials(run.id())).isEqualTo(Plans.trials(3));
        assertThat(target.reviews(run.id())).isEqualTo(store.reviews(run.id()));
        assertThat(target.result(run.id(), a)).isEqualTo(store.result(run.id(), a));
    }

    @Test
    void anImportRefusesReviewsOfCellsTheRunDoesNotHaveAndTrialsThatDoNotMatchItsPlan() throws Exception {
        store.appendReview(run.id(), Review.verdict("ana", T, cell("p1", "second", "t2", 1), true));
        Path export = dir.resolve("export.json");
        store.exportRun(run.id(), export);
        ObjectNode n = (ObjectNode) Jackson.MAPPER.readTree(export.toFile());
        ((ObjectNode) n.get("reviews").get(0)).put("trial", "t8");
        Path badReview = dir.resolve("bad-review.json");
        Files.write(badReview, Jackson.MAPPER.writeValueAsBytes(n));
        ((ObjectNode) n.get("reviews").get(0)).put("trial", "t2");
        ((ArrayNode) n.get("trials")).remove(2);
        Path fewTrials = dir.resolve("few-trials.json");
        Files.write(fewTrials, Jackson.MAPPER.writeValueAsBytes(n));

        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        assertThatThrownBy(() -> target.importRun(badReview, false)).isInstanceOf(InvalidRunFileException.class)
                .hasMessage(badReview + ": reviews[0] names cell p1/second/t8#1, but the run has no trial 't8'");
        assertThatThrownBy(() -> target.importRun(fewTrials, false)).isInstanceOf(InvalidRunFileException.class)
                .hasMessage(fewTrials + ": field 'trials' holds 2 trials but the run's plan has 3");
        assertThat(target.list()).isEmpty();
    }

    @Test
    void aReviewLineTornByACrashIsLeftOutWhenReadAndCutOffAtTheNextAppend() throws Exception {
        CellId a = cell("p1", "second", "t0", 0);
        store.appendReview(run.id(), Review.verdict("ana", T, a, true));
        Path file = store.folder().resolve(run.id()).resolve("reviews.jsonl");
        Files.write(file, new byte[] {0, 0, 0, '\n'}, StandardOpenOption.APPEND);
        assertThat(store.reviews(run.id())).hasSize(1);
        store.appendReview(run.id(), Review.verdict("bo", T, a, false));
        assertThat(store.reviews(run.id())).extracting(Review::reviewer).containsExactly("ana", "bo");
    }

    @Test
    void oneCellIsFoundAgainAfterItsRunWasReplacedByAnImport() throws Exception {
        CellId c = run.results().get(5).cell();
        assertThat(store.result(run.id(), c)).contains(run.results().get(5));
        Path export = dir.resolve("export.json");
        store.exportRun(run.id(), export);
        ObjectNode n = (ObjectNode) Jackson.MAPPER.readTree(export.toFile());
        ArrayNode results = (ArrayNode) n.get("results");
        for (int i = 0; i < results.size(); i++) {
            ((ObjectNode) results.get(i)).put("output", "a much longer output than before, so that offsets move " + i);
        }
        Files.write(export, Jackson.MAPPER.writeValueAsBytes(n));
        JsonRunStore other = JsonRunStore.at(store.folder());   // another process, as far as this store knows
        other.importRun(export, true);
        assertThat(store.result(run.id(), c).orElseThrow().output()).startsWith("a much longer output than before");
    }

    @Test
    void anImportRefusesAReviewOfACellTheRunHasNoAnswerFor() throws Exception {
        CellId reviewed = run.results().get(0).cell();
        store.appendReview(run.id(), Review.verdict("ana", T, reviewed, true));
        Path export = dir.resolve("export.json");
        store.exportRun(run.id(), export);
        ObjectNode n = (ObjectNode) Jackson.MAPPER.readTree(export.toFile());
        ((ArrayNode) n.get("results")).remove(0);
        Files.write(export, Jackson.MAPPER.writeValueAsBytes(n));
        JsonRunStore target = JsonRunStore.at(dir.resolve("b"));
        assertThatThrownBy(() -> target.importRun(export, false)).isInstanceOf(InvalidRunFileException.class)
                .hasMessage(export + ": reviews[0] names cell " + reviewed + ", but the run has no answer for it");
    }
}
