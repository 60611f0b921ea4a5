package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Usage;
import dev.bench4j.core.json.AtomicFiles;
import dev.bench4j.core.json.ResultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a run's results and its summary as CSV (RFC 4180 quoting, UTF-8, a header row), with
 * jackson-dataformat-csv, atomically. Unknown values are empty cells, never 0 (and never a
 * {@code null} handed to Jackson, which older versions drop, shifting the row).
 */
public final class CsvExport {

    /** The fixed columns of the results file, before one column per score. */
    public static final List<String> RESULT_COLUMNS = List.of("prompt", "model", "trial", "repetition", "ok",
            "error_kind", "error_message", "http_status", "finish_reason", "output", "input_tokens", "output_tokens",
            "reasoning_tokens", "cached_input_tokens", "total_tokens", "latency_ms", "time_to_first_token_ms",
            "cost_usd", "cached", "attempts", "model_version");

    private static final CsvMapper CSV = new CsvMapper();

    private CsvExport() {
    }

    /**
     * Writes one row per result: the {@link #RESULT_COLUMNS}, then one column per score name (the
     * union over the results, in first-seen order; a name that clashes with a fixed column is
     * prefixed {@code score_}), holding the score's value (empty when the result lacks the score or
     * the scorer failed). Reads the results twice, in constant memory.
     *
     * @param results streams the run's results to an action; called twice
     * @param file the CSV file to create or replace
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeResults(Consumer<Consumer<Result>> results, Path file) {
        Set<String> scores = new LinkedHashSet<>();
        results.accept(r -> scores.addAll(r.scores().keySet()));
        List<String> header = new ArrayList<>(RESULT_COLUMNS);
        for (String s : scores) {
            header.add(unique(header, s));
        }
        write(file, header, rows -> results.accept(r -> rows.accept(resultRow(r, scores))));
    }

    private static String[] resultRow(Result r, Set<String> scores) {
        String[] row = new String[RESULT_COLUMNS.size() + scores.size()];
        int i = 0;
        row[i++] = r.cell().prompt();
        row[i++] = r.cell().model();
        row[i++] = r.cell().trial();
        row[i++] = Integer.toString(r.cell().repetition());
        row[i++] = Boolean.toString(r.succeeded());
        Optional<ResultError> e = r.error();
        row[i++] = e.map(x -> x.kind().wireName()).orElse(null);
        row[i++] = e.map(ResultError::message).orElse(null);
        row[i++] = e.filter(x -> x.httpStatus().isPresent()).map(x -> Integer.toString(x.httpStatus().getAsInt())).orElse(null);
        row[i++] = r.finishReason().wireName();
        row[i++] = r.output();
        Usage u = r.usage();
        row[i++] = count(u.inputTokens());
        row[i++] = count(u.outputTokens());
        row[i++] = count(u.reasoningTokens());
        row[i++] = count(u.cachedInputTokens());
        row[i++] = count(u.totalTokens());
        row[i++] = millis(Optional.of(r.timing().latency()));
        row[i++] = millis(r.timing().timeToFirstToken());
        row[i++] = number(r.costUsd());
        row[i++] = Boolean.toString(r.cached());
        row[i++] = Integer.toString(r.attempts());
        row[i++] = r.modelVersion().orElse(null);
        for (String s : scores) {
            Score score = r.scores().get(s);
            row[i++] = score == null ? null : number(score.value());
        }
        return row;
    }

    /**
     * Writes one row per group of a summary: the run ({@code all}), then each model, each prompt and
     * each (prompt, model) pair. Columns: {@code group}, {@code prompt}, {@code model}, {@code cells},
     * {@code succeeded}, {@code failed}, {@code success_rate}, per score {@code <name>_mean},
     * {@code <name>_ci_low}, {@code <name>_ci_high} (95%), {@code <name>_n}, then
     * {@code latency_p50_ms}, {@code latency_p95_ms}, {@code latency_p99_ms}, {@code input_tokens},
     * {@code output_tokens} and {@code cost_usd}.
     *
     * @param summary the run's summary
     * @param file the CSV file to create or replace
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeSummary(Summary summary, Path file) {
        Set<String> scores = new LinkedHashSet<>(summary.overall().scores().keySet());
        for (Map<?, Summary.Group> groups : List.of(summary.byModel(), summary.byPrompt(), summary.byPromptAndModel())) {
            groups.values().forEach(g -> scores.addAll(g.scores().keySet()));
        }
        List<String> header = new ArrayList<>(List.of("group", "prompt", "model", "cells", "succeeded", "failed",
                "success_rate"));
        for (String s : scores) {
            for (String suffix : List.of("_mean", "_ci_low", "_ci_high", "_n")) {
                header.add(unique(header, s + suffix));
            }
        }
        header.addAll(List.of("latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "input_tokens", "output_tokens",
                "cost_usd"));
        Map<String[], Summary.Group> rows = new LinkedHashMap<>();
        rows.put(new String[] {"all", null, null}, summary.overall());
        summary.byModel().forEach((m, g) -> rows.put(new String[] {"model", null, m}, g));
        summary.byPrompt().forEach((p, g) -> rows.put(new String[] {"prompt", p, null}, g));
        summary.byPromptAndModel().forEach((pm, g) -> rows.put(new String[] {"prompt_and_model", pm.prompt(), pm.model()}, g));
        write(file, header, out -> rows.forEach((key, g) -> out.accept(summaryRow(key, g, scores, header.size()))));
    }

    private static String[] summaryRow(String[] key, Summary.Group g, Set<String> scores, int width) {
        String[] row = new String[width];
        int i = 0;
        row[i++] = key[0];
        row[i++] = key[1];
        row[i++] = key[2];
        row[i++] = Long.toString(g.cells());
        row[i++] = Long.toString(g.succeeded());
        row[i++] = Long.toString(g.failed());
        row[i++] = number(g.successRate());
        for (String s : scores) {
            Summary.ScoreStats st = g.scores().get(s);
            row[i++] = st == null ? null : number(st.mean());
            row[i++] = st == null ? null : st.ci95().map(ci -> number(ci.lower())).orElse(null);
            row[i++] = st == null ? null : st.ci95().map(ci -> number(ci.upper())).orElse(null);
            row[i++] = st == null ? null : Long.toString(st.n());
        }
        row[i++] = millis(g.latency().map(Summary.Latency::p50));
        row[i++] = millis(g.latency().map(Summary.Latency::p95));
        row[i++] = millis(g.latency().map(Summary.Latency::p99));
        row[i++] = count(g.tokens().input());
        row[i++] = count(g.tokens().output());
        row[i++] = number(g.cost().totalUsd());
        return row;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String unique(List<String> header, String name) {
        String n = name;
        while (header.contains(n)) {
            n = "score_" + n;
        }
        return n;
    }

    static void write(Path file, List<String> header, Consumer<Consumer<String[]>> rows) {
        CsvSchema.Builder b = CsvSchema.builder();
        header.forEach(b::addColumn);
        CsvSchema schema = b.build().withHeader();
        try {
            AtomicFiles.write(file, out -> {
                try (SequenceWriter w = CSV.writer(schema).writeValues(out)) {
                    try {
                        rows.accept(row -> {
                            try {
                                w.write(emptyForUnknown(row));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes an unknown cell as an empty string, never as {@code null}: jackson-dataformat-csv
     * before 2.21 (the 2.19 that Spring Boot 3.5 manages, for one) drops a {@code null} element of
     * an array row, which moves every later value one column left.
     */
    private static String[] emptyForUnknown(String[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                row[i] = "";
            }
        }
        return row;
    }

    private static String count(OptionalLong v) {
        return v.isPresent() ? Long.toString(v.getAsLong()) : null;
    }

    private static String millis(Optional<Duration> d) {
        return d.map(x -> plain(ResultJson.millis(x))).orElse(null);
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? plain(v.getAsDouble()) : null;
    }

    private static String number(double v) {
        return plain(v);
    }

    /** A number without exponent ({@code 0.000042}, not {@code 4.2E-5}), as spreadsheets read it. */
    private static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = BigDecimal.valueOf(v).toPlainString();
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }
}
