package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.MutableClock;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.internal.Jackson;
import dev.bench4j.store.json.testing.LogCapture;
import dev.bench4j.store.json.testing.StorePlans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRunStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-22T18:45:01Z");

    @TempDir
    Path dir;

    private static JsonNode json(Path file) throws Exception {
        return Jackson.MAPPER.readTree(file.toFile());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aRunWritesRunJsonResultsAndIndexAsDocumented() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir.resolve("runs"));
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(store).build().run();

        Path folder = dir.resolve("runs").resolve(run.id());
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.json", "results.jsonl", "trials.jsonl",
                    "run.lock", "run.log");
        }
        assertThat(Files.readAllLines(folder.resolve("trials.jsonl"))).hasSize(3).first()
                .isEqualTo("{\"id\":\"t0\",\"vars\":{\"x\":\"0\"}}");
        assertThat(store.trials(run.id())).isEqualTo(Plans.trials(3));
        String text = Files.readString(folder.resolve("run.json"));
        assertThat(text).doesNotContain("sk-very-secret");
        JsonNode r = json(folder.resolve("run.json"));
        assertThat(names(r)).containsExactly("schema", "run_id", "name", "status", "status_reason", "started_at", "ended_at",
                "duration_seconds", "plan", "environment", "provenance", "summary", "warnings");
        assertThat(r.get("schema").textValue()).isEqualTo("bench4j.run/1");
        assertThat(r.get("run_id").textValue()).isEqualTo(run.id()).matches("bench_[0-9a-f]{8}_\\d{8}_\\d{6}");
        assertThat(r.get("name").textValue()).isEqualTo("triage");
        assertThat(r.get("status").textValue()).isEqualTo("completed");
        assertThat(r.get("status_reason").isNull()).isTrue();
        assertThat(Instant.parse(r.get("started_at").textValue())).isEqualTo(run.info().startedAt());
        assertThat(Instant.parse(r.get("ended_at").textValue())).isEqualTo(run.endedAt());
        assertThat(r.get("duration_seconds").doubleValue()).isEqualTo(run.duration().toNanos() / 1e9);

        JsonNode plan = r.get("plan");
        assertThat(names(plan)).containsExactly("prompts", "models", "trial_count", "trials_fingerprint", "repetitions",
                "concurrency", "scorers");
        assertThat(plan.get("prompts").toString()).isEqualTo("[{\"name\":\"p1\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You classify.\"},{\"role\":\"user\",\"content\":\"Q {{x}}\"}],"
                + "\"metadata\":{\"tags\":[\"a\"]}},"
                + "{\"name\":\"p2\",\"messages\":[{\"role\":\"user\",\"content\":\"R {{x}}\"}]}]");
        assertThat(plan.get("models").get(0).toString()).isEqualTo("{\"provider\":\"echoing\",\"model\":\"m\","
                + "\"temperature\":0.0,\"max_output_tokens\":64,\"timeout_seconds\":1.5,\"stream\":false,"
                + "\"price\":{\"input\":1.0,\"output\":2.0},\"params\":{\"num_ctx\":8192}}");
        assertThat(plan.get("models").get(1).toString()).isEqualTo("{\"id\":\"second\",\"provider\":\"echoing\",\"model\":\"n\","
                + "\"seed\":7,\"stop\":[\"\\n\\n\"],\"stream\":true}");
        assertThat(plan.get("trial_count").intValue()).isEqualTo(3);
        assertThat(plan.get("trials_fingerprint").textValue()).matches("[0-9a-f]{64}");
        assertThat(plan.get("repetitions").intValue()).isEqualTo(2);
        assertThat(plan.get("concurrency").intValue()).isEqualTo(3);
        assertThat(plan.get("scorers").toString()).isEqualTo("[\"len\"]");
        assertThat(names(r.get("environment"))).containsExactly("bench4j", "java", "java_vendor", "os", "arch", "processors");
        assertThat(r.get("environment").get("java").textValue()).isEqualTo(System.getProperty("java.version"));

        JsonNode s = r.get("summary");
        assertThat(names(s)).containsExactly("cells", "succeeded", "failed", "cached", "attempts", "success_rate",
                "success_rate_ci95", "tokens", "cost_usd", "cost_known_usd", "cost_spent_usd", "results_without_cost",
                "results_with_cost", "cost_per_result_usd", "scores", "latency_ms",
                "time_to_first_token_ms", "elapsed_seconds", "requests_per_second", "by_model", "by_prompt",
                "by_prompt_and_model");
        assertThat(s.get("cells").longValue()).isEqualTo(24);
        assertThat(s.get("succeeded").longValue()).isEqualTo(24);
        assertThat(s.get("failed").longValue()).isZero();
        assertThat(s.get("success_rate").doubleValue()).isEqualTo(1.0);
        assertThat(s.get("tokens").toString()).as("no result reported reasoning or cached input tokens: null, not 0")
                .isEqualTo("{\"input_tokens\":240,\"output_tokens\":120,\"reasoning_tokens\":null,"
                + "\"cached_input_tokens\":null,\"total_tokens\":360,\"results_without_usage\":0,"
                + "\"total_tokens_per_result\":{\"n\":24,\"mean\":15.0,\"standard_deviation\":0.0,"
                + "\"ci95\":{\"lower\":15.0,\"upper\":15.0,\"level\":0.95,\"method\":\"t_clamped\"}}}");
        assertThat(s.get("cost_usd").isNull()).as("model 'second' has no price: the total is unknown").isTrue();
        assertThat(s.get("by_model").get("echoing:m").get("cost_usd").doubleValue()).isEqualTo(12 * 2e-5, offset(1e-12));
        assertThat(names(s.get("by_model"))).containsExactly("echoing:m", "second");
        assertThat(names(s.get("by_prompt"))).containsExactly("p1", "p2");
        assertThat(s.get("by_prompt_and_model")).hasSize(4);
        assertThat(s.get("by_prompt_and_model").get(3).get("prompt").textValue()).isEqualTo("p2");
        assertThat(s.get("by_prompt_and_model").get(3).get("model").textValue()).isEqualTo("second");
        assertThat(names(s.get("scores").get("len"))).containsExactly("n", "errors", "mean", "standard_deviation", "standard_error", "ci95");
        assertThat(s.get("scores").get("len").get("n").longValue()).isEqualTo(24);
        assertThat(names(s.get("latency_ms"))).containsExactly("n", "mean", "min", "p50", "p95", "p99", "max", "p50_ci95", "p95_ci95",
                "p99_ci95");
        assertThat(s.get("requests_per_second").doubleValue()).isPositive();

        List<String> lines = Files.readAllLines(folder.resolve("results.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(24);
        JsonNode line = Jackson.MAPPER.readTree(lines.get(0));
        assertThat(line.get("output").textValue()).startsWith(line.get("prompt").textValue().equals("p1") ? "Q " : "R ");
        assertThat(line.get("scores").get("len").get("value").doubleValue()).isEqualTo(line.get("output").textValue().length());

        JsonNode index = json(dir.resolve("runs").resolve("index.json"));
        assertThat(index.get("schema").textValue()).isEqualTo("bench4j.index/1");
        assertThat(index.get("runs")).hasSize(1);
        JsonNode entry = index.get("runs").get(0);
        assertThat(names(entry)).containsExactly("id", "name", "status", "started_at", "ended_at", "models", "prompts",
                "trial_count", "cells", "success_rate", "cost_usd", "folder", "scores");
        assertThat(entry.get("scores").get("len").doubleValue())
                .isEqualTo(run.summary().overall().scores().get("len").mean().getAsDouble());
        assertThat(store.list().get(0).scores()).containsOnlyKeys("len");
        assertThat(entry.get("id").textValue()).isEqualTo(run.id());
        assertThat(entry.get("folder").textValue()).isEqualTo(run.id());
        assertThat(entry.get("models").toString()).isEqualTo("[\"echoing:m\",\"second\"]");
        assertThat(entry.get("cells").longValue()).isEqualTo(24);
        assertThat(entry.get("status").textValue()).isEqualTo("completed");
    }

    @Test
    void loadReadsTheMetadataPlanAndSummaryWithoutResults() {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(store).build().run();

        RunMetadata m = store.load(run.id()).orElseThrow();

        assertThat(m.info()).isEqualTo(run.info());
        assertThat(m.info().plan().models().get(0).endpoint().apiKey()).isEmpty();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(m.statusReason()).isEmpty();
        assertThat(m.endedAt()).contains(run.endedAt());
        assertThat(m.duration()).contains(run.duration());
        assertThat(m.summary()).contains(run.summary());
        assertThat(m.folder()).isEqualTo(store.folder().resolve(run.id()));
        assertThat(store.load("bench_00000000_20260101_000000")).isEmpty();
    }

    @Test
    void forEachResultStreamsTheResultsInTheOrderTheyFinished() {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(store).build().run();

        List<Result> read = new ArrayList<>();
        store.forEachResult(run.id(), read::add);

        assertThat(read).containsExactlyElementsOf(run.results());
        assertThatThrownBy(() -> store.forEachResult("bench_00000000_20260101_000000", r -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store " + store.folder() + " has no run 'bench_00000000_20260101_000000'");
    }

    @Test
    void summarizeComputesFromTheResultsWhatTheRunnerComputed() {
        JsonRunStore store = JsonRunStore.at(dir);
        Run run = StorePlans.rich(ScriptedProvider.echoing("echoing")).store(store).build().run();

        Summary s = store.summarize(run.id());

        assertThat(s.overall()).isEqualTo(run.summary().overall());
        assertThat(s.byModel()).isEqualTo(run.summary().byModel());
        assertThat(s.byPrompt()).isEqualTo(run.summary().byPrompt());
        assertThat(s.byPromptAndModel()).isEqualTo(run.summary().byPromptAndModel());
        assertThat(s.elapsed()).isEqualTo(run.duration());
    }

    /** Three runs at distinct times: alpha/echoing:m/p (completed), beta/echoing:other/q, alpha cancelled. */
    private List<String> threeRuns(JsonRunStore store) {
        MutableClock clock = new MutableClock(T0);
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        String r1 = Plans.over(p, 2).name("alpha").clock(clock).store(store).noCache().build().run().id();
        clock.advance(Duration.ofHours(1));
        String r2 = BenchmarkPlan.named("beta").provider(p).prompt(Prompt.named("q").user("Q {{x}}"))
                .model(ModelConfig.of("echoing", "other")).trials(Plans.trials(2)).clock(clock).store(store).noCache()
                .build().run().id();
        clock.advance(Duration.ofHours(1));
        ScriptedProvider hanging = ScriptedProvider.named("echoing", r -> new CompletableFuture<>());
        RunHandle h = Plans.over(hanging, 2).name("alpha").clock(clock).store(store).noCache().build().start();
        h.cancel();
        Run cancelled = h.await();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        return List.of(r1, r2, cancelled.id());
    }

    @Test
    void listFiltersByNameModelPromptStatusAndTimeNewestFirst() {
        JsonRunStore store = JsonRunStore.at(dir);
        List<String> ids = threeRuns(store);
        String r1 = ids.get(0);
        String r2 = ids.get(1);
        String r3 = ids.get(2);

        assertThat(store.list()).extracting(RunEntry::id).containsExactly(r3, r2, r1);
        assertThat(store.list(RunQuery.all().withName("alpha"))).extracting(RunEntry::id).containsExactly(r3, r1);
        assertThat(store.list(RunQuery.all().withModel("echoing:other"))).extracting(RunEntry::id).containsExactly(r2);
        assertThat(store.list(RunQuery.all().withPrompt("p"))).extracting(RunEntry::id).containsExactly(r3, r1);
        assertThat(store.list(RunQuery.all().withStatus(RunStatus.CANCELLED))).extracting(RunEntry::id).containsExactly(r3);
        assertThat(store.list(RunQuery.all().withStatus(RunStatus.FAILED))).isEmpty();
        assertThat(store.list(RunQuery.all().withSince(T0.plus(Duration.ofHours(1))))).extracting(RunEntry::id)
                .containsExactly(r3, r2);
        assertThat(store.list(RunQuery.all().withUntil(T0.plus(Duration.ofHours(1))))).extracting(RunEntry::id)
                .containsExactly(r1);
        assertThat(store.list(RunQuery.all().withName("alpha").withStatus(RunStatus.COMPLETED))).extracting(RunEntry::id)
                .containsExactly(r1);

        RunEntry first = store.list().get(2);
        assertThat(first.name()).isEqualTo("alpha");
        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(first.startedAt()).isEqualTo(T0);
        assertThat(first.endedAt()).isPresent();
        assertThat(first.models()).containsExactly("echoing:m");
        assertThat(first.prompts()).containsExactly("p");
        assertThat(first.trialCount()).isEqualTo(2);
        assertThat(first.cells()).isEqualTo(2);
        assertThat(first.successRate()).hasValue(1.0);
        assertThat(first.costUsd()).isEmpty();
        assertThat(first.folder()).isEqualTo(store.folder().resolve(r1));
        RunEntry cancelled = store.list().get(0);
        assertThat(cancelled.cells()).isZero();
        assertThat(cancelled.successRate()).isEmpty();
    }

    @Test
    void deleteRemovesTheRunsFolderAndIndexEntry() {
        JsonRunStore store = JsonRunStore.at(dir);
        List<String> ids = threeRuns(store);

        assertThat(store.delete(ids.get(1))).isTrue();

        assertThat(store.list()).extracting(RunEntry::id).containsExactly(ids.get(2), ids.get(0));
        assertThat(store.load(ids.get(1))).isEmpty();
        assertThat(Files.exists(dir.resolve(ids.get(1)))).isFalse();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(ids.get(0), ids.get(2),
                    "index.json", "index.lock");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(store.delete(ids.get(1))).isFalse();
    }

    @Test
    void aRunThatIsBeingWrittenCannotBeDeleted() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        ScriptedProvider hanging = ScriptedProvider.named("echoing", r -> new CompletableFuture<>());
        RunHandle h = Plans.over(hanging, 2).store(store).noCache().build().start();
        while (hanging.calls() == 0) {
            Thread.sleep(5);
        }

        assertThatThrownBy(() -> store.delete(h.id())).isInstanceOf(IllegalStateException.class)
                .hasMessage("run " + h.id() + " is being written; delete it once it has finished");
        assertThatThrownBy(() -> JsonRunStore.at(dir).delete(h.id())).isInstanceOf(IllegalStateException.class);

        h.cancel();
        h.await();
        assertThat(store.delete(h.id())).isTrue();
    }

    @Test
    void historyGivesOnePointPerRunOldestFirst() {
        JsonRunStore store = JsonRunStore.at(dir);
        MutableClock clock = new MutableClock(T0);
        List<String> ids = new ArrayList<>();
        for (double quality : new double[] {0.5, 0.7, 0.9}) {
            ids.add(Plans.over(ScriptedProvider.echoing("echoing"), 4)
                    .model(ModelConfig.of("echoing", "priced").withPrice(Price.perMillionTokens(1, 2)))
                    .scorer(Scorer.of("quality", r -> Score.of(quality)))
                    .clock(clock).store(store).noCache().build().run().id());
            clock.advance(Duration.ofDays(1));
        }

        assertThat(store.history("quality", "echoing:m")).extracting(MetricPoint::runId, MetricPoint::startedAt,
                MetricPoint::value).containsExactly(
                tuple(ids.get(0), T0, 0.5),
                tuple(ids.get(1), T0.plus(Duration.ofDays(1)), 0.7),
                tuple(ids.get(2), T0.plus(Duration.ofDays(2)), 0.9));
        assertThat(store.history("quality", "echoing:m").get(0).ci95()).as("a score's mean carries its interval")
                .isEqualTo(store.load(ids.get(0)).orElseThrow().summary().orElseThrow().byModel().get("echoing:m")
                        .scores().get("quality").ci95()).isPresent();
        assertThat(store.history("success_rate", "echoing:m")).allSatisfy(p -> assertThat(p.ci95()).isEmpty());
        assertThat(store.history("success_rate", "echoing:m")).extracting(MetricPoint::value).containsExactly(1.0, 1.0, 1.0);
        assertThat(store.history("cost_usd", "echoing:m")).as("no price: unknown cost has no point").isEmpty();
        assertThat(store.history("cost_usd", "echoing:priced")).extracting(MetricPoint::value)
                .allSatisfy(v -> assertThat(v).isCloseTo(4 * 2e-5, offset(1e-12)));
        assertThat(store.history("latency_p50_ms", "echoing:m")).hasSize(3).extracting(MetricPoint::value)
                .allSatisfy(v -> assertThat(v).isNotNegative());
        assertThat(store.history("no_such_metric", "echoing:m")).isEmpty();
        assertThat(store.history("quality", "no:model")).isEmpty();
    }

    @Test
    void runIdsThatWouldLeaveTheStoreAreRefusedAndNothingIsWrittenOutside() throws Exception {
        Path storeDir = dir.resolve("store");
        JsonRunStore store = JsonRunStore.at(storeDir);
        for (String bad : List.of("../evil", "..", "/tmp/evil", "a/b", "a\\b", "evil\u0000", "")) {
            assertThatThrownBy(() -> store.load(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(bad.isEmpty() ? "run id must not be empty"
                            : "run id '" + bad.replace('\u0000', '?') + "' is not allowed: ");
            assertThatThrownBy(() -> store.forEachResult(bad, r -> { })).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.resumable(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.summarize(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        RunMetadata m = storeRunAndLoad(store);
        assertThatThrownBy(() -> store.open(new RunInfo("../evil", "x", T0, m.info().plan(),
                m.info().environment()), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("run id '../evil' is not allowed: it contains '..'");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("store");
        }
    }

    private RunMetadata storeRunAndLoad(JsonRunStore store) {
        String id = Plans.over(ScriptedProvider.echoing("echoing"), 1).store(store).noCache().build().run().id();
        return store.load(id).orElseThrow();
    }

    @Test
    void aDamagedOrMissingIndexIsRebuiltFromTheRunFoldersWithAWarning() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        List<String> ids = threeRuns(store);
        List<RunEntry> before = store.list();
        Path index = dir.resolve("index.json");

        Files.writeString(index, "{\"schema\": \"bench4j.index/1\", \"runs\": [{\"id\": ");
        try (LogCapture log = LogCapture.start()) {
            assertThat(store.list()).isEqualTo(before);
            assertThat(log.text()).contains("WARN").contains(index + " is damaged (" + index + ": line 1, column ")
                    .contains("rebuilding it from the run folders");
        }
        assertThat(json(index).get("runs")).hasSize(3);

        Files.delete(index);
        try (LogCapture log = LogCapture.start()) {
            assertThat(store.list()).isEqualTo(before);
            assertThat(log.text()).contains(index + " is missing; rebuilding it from the run folders");
        }

        Files.writeString(index, "{\"schema\": \"bench4j.index/1\", \"runs\": []}");
        assertThat(store.list()).as("an index that lists other runs than the folders is brought up to date").isEqualTo(before);
        Files.writeString(index, "{\"schema\": \"bench4j.index/1\", \"runs\": [{\"id\": \"../x\"}]}");
        assertThat(store.list()).isEqualTo(before);
        assertThat(ids).hasSize(3);
    }

    @Test
    void twoThreadsWritingRunsIntoOneStoreLoseNoEntry() throws Exception {
        JsonRunStore shared = JsonRunStore.at(dir);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                boolean own = i % 2 == 0;
                runs.add(pool.submit(() -> Plans.over(ScriptedProvider.echoing("echoing"), 20).concurrency(4)
                        .store(own ? JsonRunStore.at(dir) : shared).noCache().build().run().id()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : runs) {
                ids.add(f.get());
            }

            assertThat(shared.list()).extracting(RunEntry::id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(json(dir.resolve("index.json")).get("runs")).hasSize(12);
            for (String id : ids) {
                List<Result> results = new ArrayList<>();
                shared.forEachResult(id, results::add);
                assertThat(results).hasSize(20).extracting(Result::cell).doesNotHaveDuplicates();
                assertThat(shared.load(id).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStoreWritesSeveralOpenRunsEachThroughItsOwnSink() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        RunMetadata m = storeRunAndLoad(store);
        RunInfo a = new RunInfo("bench_0000000a_20261122_184501", "a", T0, m.info().plan(), m.info().environment());
        RunInfo b = new RunInfo("bench_0000000b_20261122_184501", "b", T0, m.info().plan(), m.info().environment());
        RunSink sa = store.open(a, List.of());
        RunSink sb = store.open(b, List.of());
        sa.accept(Result.success(new CellId("p", "echoing:m", "t0", 0), "for a", FinishReason.STOP,
                Result.Timing.of(T0, Duration.ZERO)));
        sb.accept(Result.success(new CellId("p", "echoing:m", "t0", 0), "for b", FinishReason.STOP,
                Result.Timing.of(T0, Duration.ZERO)));
        sb.accept(Result.success(new CellId("p", "echoing:m", "t1", 0), "for b too", FinishReason.STOP,
                Result.Timing.of(T0, Duration.ZERO)));

        List<String> ofA = new ArrayList<>();
        List<String> ofB = new ArrayList<>();
        store.forEachResult(a.id(), r -> ofA.add(r.output()));
        store.forEachResult(b.id(), r -> ofB.add(r.output()));
        assertThat(ofA).containsExactly("for a");
        assertThat(ofB).containsExactly("for b", "for b too");
        assertThatThrownBy(() -> store.open(a, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessage("run " + a.id() + " is already being written by this store");
        assertThatThrownBy(() -> JsonRunStore.at(dir).open(a, List.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("run " + a.id() + " is being written by another process or store");
    }

    @Test
    void aMalformedRunFileIsAClearErrorAndTheStoreIsLeftAsItWas() throws Exception {
        JsonRunStore store = JsonRunStore.at(dir);
        String id = storeRunAndLoad(store).info().id();
        Path file = dir.resolve(id).resolve("run.json");
        String good = Files.readString(file);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"schema\": \"bench4j.run/1\",", file + ": line 1, column ");
        cases.put("", file + ": the file is empty");
        cases.put("[]", file + ": expected a JSON object but found an array");
        cases.put(good.replace("bench4j.run/1", "bench4j.run/2"),
                file + ": field 'schema' must be \"bench4j.run/1\" but was \"bench4j.run/2\"; this file was written by another bench4j version");
        cases.put(good.replace("\"schema\" : \"bench4j.run/1\",", ""),
                file + ": missing field 'schema'; expected \"bench4j.run/1\" (is this a bench4j run file?)");
        cases.put(good.replace("\"trial_count\" :", "\"trials\" :"), file + ": missing field 'plan.trial_count'");
        cases.put(good.replace("\"status\" : \"completed\"", "\"status\" : \"done\""),
                file + ": field 'status' must be one of running, completed, failed, cancelled, budget_exceeded, interrupted but was 'done'");
        cases.put(good.replace("\"provider\" : \"echoing\",", "\"provider\" : \"echoing\", \"api_key\": \"sk\","),
                file + ": plan.models[0]: field 'api_key' is not allowed");
        cases.put(good.replace("\"run_id\" : \"" + id + "\"", "\"run_id\" : \"bench_other\""),
                file + ": field 'run_id' is \"bench_other\" but the run's folder is named \"" + id + "\"");
        cases.put(good.replace("\"role\" : \"user\"", "\"role\" : \"robot\""),
                file + ": plan.prompts[0]: field 'messages[0].role': role must be one of system, user, assistant but was 'robot'");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(c.getKey()).isNotEqualTo(good);
            Files.writeString(file, c.getKey());
            byte[] results = Files.readAllBytes(dir.resolve(id).resolve("results.jsonl"));
            byte[] index = Files.readAllBytes(dir.resolve("index.json"));

            assertThatThrownBy(() -> store.load(id)).isInstanceOf(InvalidRunFileException.class)
                    .hasMessageStartingWith(c.getValue());
            assertThatThrownBy(() -> store.resumable(id)).isInstanceOf(InvalidRunFileException.class);

            assertThat(Files.readString(file)).isEqualTo(c.getKey());
            assertThat(Files.readAllBytes(dir.resolve(id).resolve("results.jsonl"))).isEqualTo(results);
            assertThat(Files.readAllBytes(dir.resolve("index.json"))).isEqualTo(index);
        }
    }

    @Test
    void theBuilderValidatesAndCreatesTheFolder() throws Exception {
        Path nested = dir.resolve("a").resolve("b");
        JsonRunStore store = JsonRunStore.builder(nested).fsyncEvery(Duration.ZERO).build();

        assertThat(Files.isDirectory(nested)).isTrue();
        assertThat(store.folder()).isEqualTo(nested.toRealPath());
        assertThat(store).hasToString("JsonRunStore[" + nested.toRealPath() + "]");
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> JsonRunStore.builder(dir).fsyncEvery(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("fsyncEvery must be >= 0 but was PT-0.001S");
        assertThatThrownBy(() -> JsonRunStore.builder(dir).fsyncEvery(null))
                .isInstanceOf(NullPointerException.class).hasMessage("interval");
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> JsonRunStore.at(file)).isInstanceOf(InvalidStorePathException.class)
                .hasMessage("store folder " + file + " is a file, not a folder; give the folder runs are kept in (it is"
                        + " created if missing)");
    }

    @Test
    void publicMethodsRejectNull() {
        JsonRunStore store = JsonRunStore.at(dir);

        assertThatThrownBy(() -> JsonRunStore.at(null)).isInstanceOf(NullPointerException.class).hasMessage("folder");
        assertThatThrownBy(() -> store.list(null)).isInstanceOf(NullPointerException.class).hasMessage("query");
        assertThatThrownBy(() -> store.load(null)).isInstanceOf(NullPointerException.class).hasMessage("runId");
        assertThatThrownBy(() -> store.forEachResult("bench_1", null)).isInstanceOf(NullPointerException.class).hasMessage("action");
        assertThatThrownBy(() -> store.delete(null)).isInstanceOf(NullPointerException.class).hasMessage("runId");
        assertThatThrownBy(() -> store.history(null, "m")).isInstanceOf(NullPointerException.class).hasMessage("metric");
        assertThatThrownBy(() -> store.history("m", null)).isInstanceOf(NullPointerException.class).hasMessage("modelId");
        assertThatThrownBy(() -> store.open(null, List.of())).isInstanceOf(NullPointerException.class).hasMessage("run");
        RunSink sink = store.open(storeRunAndLoad(store).info(), List.of());
        assertThatThrownBy(() -> sink.accept(null)).isInstanceOf(NullPointerException.class).hasMessage("result");
        assertThatThrownBy(() -> sink.finish(null)).isInstanceOf(NullPointerException.class).hasMessage("run");
        assertThatThrownBy(() -> store.resumable(null)).isInstanceOf(NullPointerException.class).hasMessage("runId");
        assertThatThrownBy(() -> store.summarize(null)).isInstanceOf(NullPointerException.class).hasMessage("runId");
    }
}
