package dev.bench4j.examples.cli;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ResultSink;
import dev.bench4j.core.spi.RunSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects what a JUnit XML report of a run needs ({@code bench run --junit-xml FILE}, {@code bench
 * export RUN --format junit}): one test case per cell (prompt × model × trial × repetition), kept
 * small (the cell, its latency, its error, the thresholds it missed, a line of scores and, for a
 * cell that missed a threshold, its output), so that {@code bench run} need not keep every result.
 * {@link JunitXml} writes it. As a sink it also rewrites the file now and then while the run goes
 * (at a checkpoint, at most every so often and never more than 5% of the time), so that a run killed outright still leaves a file that says what had finished.
 *
 * <p>Used from one thread at a time: the run's thread while it runs, the command's after it ended.
 */
final class JunitReport implements ResultSink, RunSink {

    private static final Logger LOG = LoggerFactory.getLogger(JunitReport.class);
    /** Characters of a failing cell's output kept in its {@code system-out}. */
    static final int OUTPUT_KEPT = 4000;

    /**
     * One {@code --min-score SCORER=VALUE}: a cell whose score from that scorer is below the value
     * (or that the scorer could not score) is a failed test case.
     *
     * @param scorer the scorer's name
     * @param min the lowest passing score
     */
    record MinScore(String scorer, double min) {

        /**
         * Reads {@code SCORER=VALUE}.
         *
         * @param text e.g. {@code set_f1=0.8}
         * @return the threshold
         * @throws Bench.UsageException if the text is not a name, {@code =} and a finite number
         */
        static MinScore parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new Bench.UsageException("--min-score: expected SCORER=VALUE (e.g. set_f1=0.8) but was '" + text + "'");
            }
            String value = text.substring(eq + 1).trim();
            double min;
            try {
                min = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                min = Double.NaN;
            }
            if (!Double.isFinite(min)) {
                throw new Bench.UsageException("--min-score: expected a number after '=' but was '" + value + "' in '" + text + "'");
            }
            return new MinScore(text.substring(0, eq).trim(), min);
        }

        /**
         * Checks that the run has every scorer the thresholds name.
         *
         * @param thresholds the thresholds
         * @param scorers the run's scorers
         * @throws Bench.UsageException naming the first unknown scorer and the run's scorers
         */
        static void check(List<MinScore> thresholds, List<String> scorers) {
            for (MinScore t : thresholds) {
                if (!scorers.contains(t.scorer())) {
                    throw new Bench.UsageException("--min-score: no scorer '" + t.scorer() + "' in the plan; its scorers: "
                            + (scorers.isEmpty() ? "none" : String.join(", ", scorers)));
                }
            }
        }
    }

    /**
     * What the report keeps of one finished cell.
     *
     * @param cell the cell
     * @param seconds its latency
     * @param error why it failed
     * @param misses one line per threshold it missed
     * @param scores its scores, e.g. {@code set_f1=0.5, judge=4}
     * @param output the start of its output when it missed a threshold, else empty
     */
    record Case(CellId cell, double seconds, Optional<ResultError> error, List<String> misses, String scores,
            String output) {
    }

    private final List<MinScore> thresholds;
    private final Optional<Path> interimFile;
    private final Duration interimEvery;
    private final Map<CellId, Case> cases = new LinkedHashMap<>();
    private RunInfo info;
    private List<String> trialIds = List.of();
    private long lastWrite = System.nanoTime();
    private long lastWriteNanos;
    private boolean interimFailed;

    /**
     * Starts an empty report.
     *
     * @param thresholds the {@code --min-score} thresholds
     * @param interimFile where to rewrite the report at checkpoints while the run goes, if anywhere
     * @param interimEvery how long at least between two of those rewrites
     */
    JunitReport(List<MinScore> thresholds, Optional<Path> interimFile, Duration interimEvery) {
        this.thresholds = List.copyOf(thresholds);
        this.interimFile = interimFile;
        this.interimEvery = interimEvery;
    }

    /**
     * Sets the run the report is about (a stored run's; a live run's comes through {@link #open}).
     *
     * @param run the run's id, name, start and plan
     * @param trials its trials in plan order; empty when unknown (the finished cells' trials are used)
     */
    void about(RunInfo run, List<Trial> trials) {
        this.info = run;
        this.trialIds = trials.stream().map(Trial::id).toList();
    }

    @Override
    public RunSink open(RunInfo run, List<Trial> trials) {
        about(run, trials);
        return this;
    }

    @Override
    public void accept(Result result) {
        add(result);
    }

    @Override
    public void checkpoint(Summary soFar) {
        if (interimFile.isEmpty() || info == null) {
            return;
        }
        long since = System.nanoTime() - lastWrite;
        if (since >= interimEvery.toNanos() && since >= 20 * lastWriteNanos) {
            writeInterim();
        }
    }

    /**
     * Rewrites the report file while the run goes: the cells that have not finished are skipped as
     * not finished yet. A failure is logged once and otherwise ignored; the final write reports it.
     */
    void writeInterim() {
        long start = System.nanoTime();
        try {
            JunitXml.write(interimFile.orElseThrow(), this, RunStatus.RUNNING, Optional.empty(),
                    Duration.between(info.startedAt(), Instant.now()));
        } catch (IOException | RuntimeException e) {
            if (!interimFailed) {
                LOG.warn("Could not write the JUnit XML report {} while the run goes: {}", interimFile.get(), e.toString());
            }
            interimFailed = true;
        }
        lastWrite = System.nanoTime();
        lastWriteNanos = lastWrite - start;
    }

    /**
     * Adds (or replaces, for a cell called again) one cell's result.
     *
     * @param result the result
     */
    void add(Result result) {
        List<String> misses = new ArrayList<>();
        if (result.error().isEmpty()) {
            for (MinScore t : thresholds) {
                Score s = result.scores().get(t.scorer());
                if (s == null) {
                    misses.add(t.scorer() + ": no score (needs at least " + num(t.min()) + ")");
                } else if (s.value().isEmpty()) {
                    misses.add(t.scorer() + ": could not be scored (needs at least " + num(t.min()) + "): "
                            + s.error().orElse(""));
                } else if (s.value().getAsDouble() < t.min()) {
                    misses.add(t.scorer() + " = " + num(s.value().getAsDouble()) + ", below --min-score "
                            + num(t.min()) + s.reason().map(r -> " (" + r + ")").orElse(""));
                }
            }
        }
        List<String> scores = new ArrayList<>();
        result.scores().forEach((name, s) -> scores.add(name + "=" + s.value().stream().mapToObj(JunitReport::num)
                .findFirst().orElse("error")));
        String output = misses.isEmpty() ? "" : result.output().length() <= OUTPUT_KEPT ? result.output()
                : result.output().substring(0, OUTPUT_KEPT) + "\n[… " + (result.output().length() - OUTPUT_KEPT)
                        + " more characters]";
        cases.put(result.cell(), new Case(result.cell(), result.latency().toNanos() / 1e9, result.error(),
                List.copyOf(misses), String.join(", ", scores), output));
    }

    /** @return the run the report is about, or {@code null} before {@link #about} or {@link #open} */
    RunInfo info() {
        return info;
    }

    /** @return the thresholds */
    List<MinScore> thresholds() {
        return thresholds;
    }

    /** @return the prompts of the run, in plan order */
    List<Prompt> prompts() {
        return info.plan().prompts();
    }

    /** @return the model configs of the run, in plan order */
    List<ModelConfig> models() {
        return info.plan().models();
    }

    /** @return the trial ids in plan order, or those of the finished cells when the run's trials are unknown */
    List<String> trialIds() {
        if (!trialIds.isEmpty()) {
            return trialIds;
        }
        Set<String> seen = new LinkedHashSet<>();
        cases.keySet().forEach(c -> seen.add(c.trial()));
        return List.copyOf(seen);
    }

    /**
     * Returns a finished cell.
     *
     * @param cell the cell
     * @return what the report keeps of it, or empty when it has not finished
     */
    Optional<Case> get(CellId cell) {
        return Optional.ofNullable(cases.get(cell));
    }

    /** A score as people write it: at most four decimals, no trailing zeros ({@code 0.8}, {@code 4}). */
    static String num(double d) {
        return java.math.BigDecimal.valueOf(d).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }

    /** @return how many cells have finished */
    int finished() {
        return cases.size();
    }
}
