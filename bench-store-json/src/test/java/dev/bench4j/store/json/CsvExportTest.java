package dev.bench4j.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Environment;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.RunSink;
import dev.bench4j.store.json.internal.SummaryBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {

    private static final Instant T0 = Instant.parse("2026-11-22T18:45:01.123456789Z");
    private static final String ID = "bench_0000c5v0_20261122_184501";
    private static final String TRICKY = "a,\"b\"\nc, Ünïcödé — 日本語 😀\r\nend ";

    @TempDir
    Path dir;

    private JsonRunStore store;

    @BeforeEach
    void writeARun() {
        store = JsonRunStore.builder(dir.resolve("runs")).fsyncEvery(Duration.ZERO).build();
        PlanSnapshot plan = new PlanSnapshot("csv", List.of(Prompt.named("p").user("Q {{x}}"), Prompt.named("q").user("R")),
                List.of(ModelConfig.of("echo", "m"), ModelConfig.of("echo", "n")), 2, "0".repeat(64), 1, 1,
                List.of("exact", "judge"));
        RunInfo info = new RunInfo(ID, "csv", T0, plan, Environment.current());
        Map<String, Score> failedScores = new LinkedHashMap<>();
        failedScores.put("judge", Score.of(0.5));
        failedScores.put("exact", Score.pass(false));
        List<Result> results = List.of(
                Result.success(new CellId("p", "echo:m", "t0", 0), TRICKY, FinishReason.STOP,
                        new Result.Timing(T0, Duration.ofNanos(812_345_678), Optional.of(Duration.ofNanos(123_456_789))))
                        .withUsage(Usage.of(10, 5).withReasoningTokens(2))
                        .withCostUsd(OptionalDouble.of(4.2e-5))
                        .withProviderDetails(Optional.of("stop"), Optional.of("v1"))
                        .withScores(Map.of("exact", Score.pass(true))),
                Result.failure(new CellId("p", "echo:n", "t0", 0),
                        new ResultError(ErrorKind.RATE_LIMITED, "Rate limit, \"slow down\"\nretry", OptionalInt.of(429)),
                        Result.Timing.of(T0.plusSeconds(1), Duration.ofMillis(30_000)), 4)
                        .withScores(failedScores),
                Result.success(new CellId("q", "echo:m", "t1", 0), "plain", FinishReason.LENGTH,
                        Result.Timing.of(T0, Duration.ofMillis(2)))
                        .withScores(Map.of("exact", Score.pass(false))),
                Result.success(new CellId("q", "echo:n", "t1", 0), "", FinishReason.STOP,
                        Result.Timing.of(T0, Duration.ofMillis(4)))
                        .withScores(Map.of("judge", Score.error("judge answer is not JSON"))));
        RunSink sink = store.open(info, List.of());
        results.forEach(sink::accept);
        SummaryBuilder summary = new SummaryBuilder(plan);
        results.forEach(summary::add);
        sink.finish(new Run(info, RunStatus.COMPLETED, Optional.empty(), T0.plusSeconds(40), results,
                summary.build(Duration.ofSeconds(40))));
    }

    /** Reads a CSV file back with jackson-dataformat-csv: the header, then each row by column name. */
    private static List<Map<String, String>> read(Path file, List<String> header) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(file.toFile())) {
            header.addAll(List.of(it.next()));
            while (it.hasNext()) {
                String[] cells = it.next();
                assertThat(cells).hasSameSizeAs(header.toArray());
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < cells.length; i++) {
                    row.put(header.get(i), cells[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void resultsAreOneRowEachWithOneColumnPerScore() throws Exception {
        Path file = dir.resolve("results.csv");
        store.exportResultsCsv(ID, file);

        List<String> header = new ArrayList<>();
        List<Map<String, String>> rows = read(file, header);
        assertThat(header).containsExactly("prompt", "model", "trial", "repetition", "ok", "error_kind", "error_message",
                "http_status", "finish_reason", "output", "input_tokens", "output_tokens", "reasoning_tokens",
                "cached_input_tokens", "total_tokens", "latency_ms", "time_to_first_token_ms", "cost_usd", "cached",
                "attempts", "model_version", "exact", "judge");
        assertThat(rows).hasSize(4);
        Map<String, String> first = new LinkedHashMap<>();
        first.put("prompt", "p");
        first.put("model", "echo:m");
        first.put("trial", "t0");
        first.put("repetition", "0");
        first.put("ok", "true");
        first.put("error_kind", "");
        first.put("error_message", "");
        first.put("http_status", "");
        first.put("finish_reason", "stop");
        first.put("output", TRICKY);
        first.put("input_tokens", "10");
        first.put("output_tokens", "5");
        first.put("reasoning_tokens", "2");
        first.put("cached_input_tokens", "");
        first.put("total_tokens", "15");
        first.put("latency_ms", "812.345678");
        first.put("time_to_first_token_ms", "123.456789");
        first.put("cost_usd", "0.000042");
        first.put("cached", "false");
        first.put("attempts", "1");
        first.put("model_version", "v1");
        first.put("exact", "1");
        first.put("judge", "");
        assertThat(rows.get(0)).containsExactlyEntriesOf(first);

        assertThat(rows.get(1)).containsEntry("ok", "false").containsEntry("error_kind", "rate_limited")
                .containsEntry("error_message", "Rate limit, \"slow down\"\nretry").containsEntry("http_status", "429")
                .containsEntry("finish_reason", "error").containsEntry("output", "").containsEntry("input_tokens", "")
                .containsEntry("latency_ms", "30000").containsEntry("cost_usd", "").containsEntry("attempts", "4")
                .containsEntry("exact", "0").containsEntry("judge", "0.5");
        assertThat(rows.get(2)).containsEntry("prompt", "q").containsEntry("output", "plain")
                .containsEntry("finish_reason", "length").containsEntry("exact", "0").containsEntry("judge", "");
        assertThat(rows.get(3)).containsEntry("output", "").containsEntry("judge", "").containsEntry("exact", "");

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("prompt,model,trial,")
                .contains(",\"a,\"\"b\"\"\nc, Ünïcödé — 日本語 😀\r\nend \",")
                .contains(",\"Rate limit, \"\"slow down\"\"\nretry\",");
    }

    @Test
    void theSummaryIsOneRowPerGroup() throws Exception {
        Path file = dir.resolve("summary.csv");
        store.exportSummaryCsv(ID, file);
        Summary s = store.summarize(ID);

        List<String> header = new ArrayList<>();
        List<Map<String, String>> rows = read(file, header);
        assertThat(header).containsExactly("group", "prompt", "model", "cells", "succeeded", "failed", "success_rate",
                "exact_mean", "exact_ci_low", "exact_ci_high", "exact_n", "judge_mean", "judge_ci_low", "judge_ci_high",
                "judge_n", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "input_tokens", "output_tokens",
                "cost_usd");
        assertThat(rows).extracting(r -> r.get("group") + "|" + r.get("prompt") + "|" + r.get("model")).containsExactly(
                "all||", "model||echo:m", "model||echo:n", "prompt|p|", "prompt|q|", "prompt_and_model|p|echo:m",
                "prompt_and_model|p|echo:n", "prompt_and_model|q|echo:m", "prompt_and_model|q|echo:n");
        Map<String, String> all = rows.get(0);
        assertThat(all).containsEntry("cells", "4").containsEntry("succeeded", "3").containsEntry("failed", "1")
                .containsEntry("success_rate", "0.75").containsEntry("exact_n", "2").containsEntry("exact_mean", "0.5")
                .containsEntry("judge_n", "0").containsEntry("judge_mean", "").containsEntry("judge_ci_low", "")
                .containsEntry("input_tokens", "10").containsEntry("output_tokens", "5").containsEntry("cost_usd", "");
        Summary.ScoreStats exact = s.overall().scores().get("exact");
        assertThat(Double.parseDouble(all.get("exact_ci_low"))).isEqualTo(exact.ci95().orElseThrow().lower());
        assertThat(Double.parseDouble(all.get("exact_ci_high"))).isEqualTo(exact.ci95().orElseThrow().upper());
        assertThat(Double.parseDouble(all.get("latency_p50_ms")))
                .isCloseTo(s.overall().latency().orElseThrow().p50().toNanos() / 1e6, offset(1e-9));
        assertThat(rows.get(5)).containsEntry("cells", "1").containsEntry("cost_usd", "0.000042")
                .containsEntry("exact_mean", "1").containsEntry("exact_n", "1");
    }

    /**
     * Unknown cells in the middle of a row are written as empty cells, so every later value stays in
     * its column. jackson-dataformat-csv before 2.21 (Spring Boot 3.5 manages 2.19.2) drops a
     * {@code null} element of an array row; this fails there unless the export writes "" itself
     * ({@code ./mvnw verify -Pspring-boot-3.5 ...}).
     */
    @Test
    void aRowWhoseMiddleCellsAreUnknownKeepsEveryLaterValueInItsColumn() throws Exception {
        Path results = dir.resolve("results.csv");
        store.exportResultsCsv(ID, results);
        Path summary = dir.resolve("summary.csv");
        store.exportSummaryCsv(ID, summary);

        // q / echo:m: no error (3 cells), no usage (5), no time to first token, cost or model version, no judge score
        assertThat(Files.readAllLines(results, StandardCharsets.UTF_8))
                .contains("q,echo:m,t1,0,true,,,,length,plain,,,,,,2,,,false,1,,0,");
        List<String> header = new ArrayList<>();
        Map<String, String> row = read(results, header).get(2);
        assertThat(row).containsEntry("finish_reason", "length").containsEntry("output", "plain")
                .containsEntry("latency_ms", "2").containsEntry("cached", "false").containsEntry("attempts", "1")
                .containsEntry("exact", "0").containsEntry("model_version", "").containsEntry("judge", "");
        // a model's group has no prompt: its cell is empty, and the model stays in the model column
        assertThat(Files.readAllLines(summary, StandardCharsets.UTF_8))
                .anySatisfy(line -> assertThat(line).startsWith("model,,echo:m,2,2,0,1,"));
    }

    @Test
    void csvFilesAreWrittenAtomically() throws Exception {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> store.exportResultsCsv("bench_nope", file)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readString(file)).isEqualTo("old");
        store.exportResultsCsv(ID, file);
        store.exportSummaryCsv(ID, dir.resolve("summary.csv"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("runs", "out.csv", "summary.csv");
        }
    }
}
