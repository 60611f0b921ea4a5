package dev.bench4j.web.internal;

import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the viewer keeps of one run to filter, sort and page its cells in memory: per cell a few
 * numbers in parallel arrays, its output text and error, and each score's reason (cut short); the
 * grid of rows (trial × repetition) by configuration (prompt × model, in plan order). The full
 * result of a cell is read from the store when it is opened.
 *
 * <p>Outputs are kept whole while the run's outputs fit in {@link #TEXT_BUDGET} characters; beyond
 * that, only their first {@link #PREVIEW} characters are kept and {@link #textComplete()} is false
 * (a text search then reads the store).
 *
 * <p>Immutable once built; safe to share between request threads.
 */
final class RunIndex {

    /** How many characters of output a run may keep in memory in all before outputs are cut to previews. */
    static final long TEXT_BUDGET = 48_000_000;
    /** How long an output preview is once the budget is spent. */
    static final int PREVIEW = 600;
    /** How long a score's reason is kept. */
    static final int REASON = 400;

    static final int OK = 1;
    static final int CACHED = 2;

    /** One column of the grid: a prompt with a model. */
    record Config(String prompt, String model) {
        String key() {
            return prompt + " / " + model;
        }
    }

    final RunMetadata meta;
    final List<Config> configs;
    final List<String> trialIds;
    final List<String> scoreNames;
    final int repetitions;

    // cells, in file order
    final int size;
    final int[] config;
    final int[] trial;
    final int[] repetition;
    final byte[] flags;
    final byte[] finish;
    final float[] latencyMs;
    final int[] inputTokens;
    final int[] outputTokens;
    final double[] costUsd;
    final double[] scores;         // size * scoreNames.size(), NaN when none
    final String[] scoreErrors;    // size * scoreNames.size(), null when none
    final String[] reasons;        // size * scoreNames.size(), null when none
    final String[] output;
    final String[] error;          // "kind: message" of a failed cell, null when it succeeded
    private final boolean textComplete;

    // rows: (trial, repetition) with at least one result, in plan order: repetition 0 of every trial, then 1, ...
    final int rows;
    final int[] rowTrial;
    final int[] rowRepetition;
    final int[] rowCells;          // rows * configs.size(), -1 when the cell has no result
    private final int[] rowOf;     // trial * repetitions + repetition -> row, -1 when it has no result
    private final Map<String, Integer> trialPosition;

    private RunIndex(Builder b) {
        meta = b.meta;
        configs = b.configs;
        trialIds = b.trialIds;
        trialPosition = b.trialPosition;
        scoreNames = List.copyOf(b.scoreNames);
        repetitions = b.repetitions;
        size = b.n;
        config = Arrays.copyOf(b.config, size);
        trial = Arrays.copyOf(b.trial, size);
        repetition = Arrays.copyOf(b.repetition, size);
        flags = Arrays.copyOf(b.flags, size);
        finish = Arrays.copyOf(b.finish, size);
        latencyMs = Arrays.copyOf(b.latencyMs, size);
        inputTokens = Arrays.copyOf(b.inputTokens, size);
        outputTokens = Arrays.copyOf(b.outputTokens, size);
        costUsd = Arrays.copyOf(b.costUsd, size);
        output = Arrays.copyOf(b.output, size);
        error = Arrays.copyOf(b.error, size);
        textComplete = b.textComplete;
        int s = scoreNames.size();
        scores = new double[size * s];
        scoreErrors = new String[size * s];
        reasons = new String[size * s];
        Arrays.fill(scores, Double.NaN);
        for (int i = 0; i < size; i++) {
            Map<String, Score> cellScores = b.cellScores.get(i);
            for (int k = 0; k < s; k++) {
                Score sc = cellScores.get(scoreNames.get(k));
                if (sc != null) {
                    if (sc.value().isPresent()) {
                        scores[i * s + k] = sc.value().getAsDouble();
                    }
                    scoreErrors[i * s + k] = sc.error().orElse(null);
                    reasons[i * s + k] = sc.reason().map(r -> cut(r, REASON)).orElse(null);
                }
            }
        }
        // the grid
        int c = configs.size();
        int trialCount = trialIds.size();
        int maxRows = trialCount * Math.max(1, repetitions);
        rowOf = new int[maxRows];
        Arrays.fill(rowOf, -1);
        for (int i = 0; i < size; i++) {
            rowOf[repetition[i] * trialCount + trial[i]] = 0;
        }
        int r = 0;
        for (int k = 0; k < maxRows; k++) {
            if (rowOf[k] == 0) {
                rowOf[k] = r++;
            }
        }
        rows = r;
        rowTrial = new int[rows];
        rowRepetition = new int[rows];
        rowCells = new int[rows * c];
        Arrays.fill(rowCells, -1);
        for (int k = 0; k < maxRows; k++) {
            if (rowOf[k] >= 0) {
                rowTrial[rowOf[k]] = k % trialCount;
                rowRepetition[rowOf[k]] = k / trialCount;
            }
        }
        for (int i = 0; i < size; i++) {
            rowCells[rowOf[repetition[i] * trialCount + trial[i]] * c + config[i]] = i;
        }
    }

    /** Reads a run from the store into an index. */
    static RunIndex build(JsonRunStore store, String runId) {
        return build(store, runId, store.trialIds(runId));
    }

    /** Reads a run's results into an index, with its trial ids (in plan order) already read. */
    static RunIndex build(JsonRunStore store, String runId, List<String> kept) {
        RunMetadata meta = store.load(runId).orElseThrow(() -> HttpError.notFound("the store has no run '" + runId + "'"));
        Builder b = new Builder(meta, kept);
        store.forEachResult(runId, b::add);
        return new RunIndex(b);
    }

    /** Stops a scan of the results once the rows a first page needs are complete. */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * Indexes only the beginning of a run's results: as far as needed for its first {@code rows}
     * rows (in plan order) to hold a result of every configuration, reading at most
     * {@code maxResults} results. Results are kept in the order cells finish, which follows the plan
     * closely, so a first page of a large run is ready long before the whole index.
     *
     * @return the partial index, or empty when the first rows are not complete within {@code maxResults}
     */
    static Optional<RunIndex> prefix(JsonRunStore store, String runId, List<String> kept, int rows, int maxResults) {
        RunMetadata meta = store.load(runId).orElseThrow(() -> HttpError.notFound("the store has no run '" + runId + "'"));
        Builder b = new Builder(meta, kept);
        int configs = b.configs.size();
        int trials = b.trialIds.size();
        int wanted = Math.min(rows, trials * b.repetitions);
        if (wanted == 0 || configs == 0) {
            return Optional.empty();
        }
        int[] seen = new int[wanted];
        boolean[] had = new boolean[wanted * configs];   // a cell counts once, even if a result repeats it
        int[] complete = {0};
        try {
            Consumer<Result> take = r -> {
                int before = b.n;
                b.add(r);
                if (b.n > before && b.trial[before] < trials) {
                    int row = b.repetition[before] * trials + b.trial[before];
                    if (row < wanted && !had[row * configs + b.config[before]]) {
                        had[row * configs + b.config[before]] = true;
                        if (++seen[row] == configs) {
                            complete[0]++;
                        }
                    }
                }
                if (complete[0] == wanted || b.n >= maxResults) {
                    throw new Enough();
                }
            };
            if (oneLinePerCell(meta)) {
                store.forEachStoredResult(runId, take);   // no need to find each cell's latest line first
            } else {
                store.forEachResult(runId, take);
            }
        } catch (Enough e) {
            // the first rows are complete, or the scan went far enough
        }
        return complete[0] == wanted ? Optional.of(new RunIndex(b)) : Optional.empty();
    }

    /**
     * Whether a run's results file holds one line per cell, so that its beginning can be read without
     * first scanning the whole file for superseded lines: a run that finished (its summary kept)
     * without calling a cell again, as only a retry writes a second line for a cell; not a run being
     * written or interrupted, whose summary may predate its last lines. (A line appended by hand
     * would show in a partial first page until the whole index, which finds it, is built.)
     */
    private static boolean oneLinePerCell(RunMetadata m) {
        return m.status() != RunStatus.RUNNING && m.status() != RunStatus.INTERRUPTED
                && m.summary().map(s -> s.retriedCells() == 0).orElse(false);
    }

    /** Whether every output is kept whole, so that a text search in memory sees all of it. */
    boolean textComplete() {
        return textComplete;
    }

    boolean ok(int cell) {
        return (flags[cell] & OK) != 0;
    }

    boolean cached(int cell) {
        return (flags[cell] & CACHED) != 0;
    }

    /** The score of a cell by score index, NaN when it has none. */
    double score(int cell, int scoreIndex) {
        return scores[cell * scoreNames.size() + scoreIndex];
    }

    CellId cellId(int cell) {
        Config c = configs.get(config[cell]);
        return new CellId(c.prompt(), c.model(), trialIds.get(trial[cell]), repetition[cell]);
    }

    int configIndex(String prompt, String model) {
        for (int i = 0; i < configs.size(); i++) {
            if (configs.get(i).prompt().equals(prompt) && configs.get(i).model().equals(model)) {
                return i;
            }
        }
        return -1;
    }

    int trialIndex(String trialId) {
        Integer i = trialPosition.get(trialId);
        return i == null ? -1 : i;
    }

    /** The cell of a row and configuration, or -1. */
    int cellAt(int row, int configIndex) {
        return rowCells[row * configs.size() + configIndex];
    }

    /** The row of a trial and repetition, or -1. */
    int row(int trialIndex, int rep) {
        if (trialIndex < 0 || trialIndex >= trialIds.size() || rep < 0 || rep >= repetitions) {
            return -1;
        }
        return rowOf[rep * trialIds.size() + trialIndex];
    }

    /** Roughly how many bytes the index holds, for a cache's weigher. */
    int weight() {
        long chars = 0;
        for (String s : output) {
            chars += s.length();
        }
        for (String s : reasons) {
            chars += s == null ? 0 : s.length();
        }
        long bytes = 64L * size + 2 * chars + 16L * scores.length;
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    /** Collects a run's results. */
    private static final class Builder {
        final RunMetadata meta;
        final List<Config> configs = new ArrayList<>();
        final List<String> trialIds = new ArrayList<>();
        final Map<String, Integer> trialPosition = new HashMap<>();
        final Set<String> scoreNames = new LinkedHashSet<>();
        final Map<String, Integer> configPosition = new HashMap<>();
        final int repetitions;
        int n;
        int[] config = new int[1024];
        int[] trial = new int[1024];
        int[] repetition = new int[1024];
        byte[] flags = new byte[1024];
        byte[] finish = new byte[1024];
        float[] latencyMs = new float[1024];
        int[] inputTokens = new int[1024];
        int[] outputTokens = new int[1024];
        double[] costUsd = new double[1024];
        String[] output = new String[1024];
        String[] error = new String[1024];
        final List<Map<String, Score>> cellScores = new ArrayList<>();
        long chars;
        boolean textComplete = true;

        Builder(RunMetadata meta, List<String> kept) {
            this.meta = meta;
            this.repetitions = Math.max(1, meta.info().plan().repetitions());
            for (Prompt p : meta.info().plan().prompts()) {
                for (ModelConfig m : meta.info().plan().models()) {
                    configPosition.put(p.name() + "\u0000" + m.id(), configs.size());
                    configs.add(new Config(p.name(), m.id()));
                }
            }
            for (String t : kept) {
                trialPosition.put(t, trialIds.size());
                trialIds.add(t);
            }
            scoreNames.addAll(meta.info().plan().scorers());
        }

        void add(Result r) {
            CellId id = r.cell();
            Integer c = configPosition.get(id.prompt() + "\u0000" + id.model());
            if (c == null || id.repetition() >= repetitions) {
                return;   // not a cell of the plan (the store refuses those; an edited file may have them)
            }
            Integer t = trialPosition.get(id.trial());
            if (t == null) {
                t = trialIds.size();
                trialPosition.put(id.trial(), t);
                trialIds.add(id.trial());
            }
            if (n == config.length) {
                grow();
            }
            config[n] = c;
            trial[n] = t;
            repetition[n] = id.repetition();
            flags[n] = (byte) ((r.succeeded() ? OK : 0) | (r.cached() ? CACHED : 0));
            finish[n] = (byte) r.finishReason().ordinal();
            latencyMs[n] = (float) (r.latency().toNanos() / 1e6);
            inputTokens[n] = (int) Math.min(Integer.MAX_VALUE, r.usage().inputTokens().orElse(-1));
            outputTokens[n] = (int) Math.min(Integer.MAX_VALUE, r.usage().outputTokens().orElse(-1));
            costUsd[n] = r.costUsd().orElse(Double.NaN);
            String text = r.output();
            if (textComplete && chars + text.length() > TEXT_BUDGET) {
                textComplete = false;
            }
            output[n] = textComplete ? text : cut(text, PREVIEW);
            chars += output[n].length();
            error[n] = r.error().map(e -> e.kind().wireName() + ": " + cut(e.message(), 2_000)).orElse(null);
            scoreNames.addAll(r.scores().keySet());
            cellScores.add(r.scores().isEmpty() ? Map.of() : r.scores());
            n++;
        }

        private void grow() {
            int size = config.length * 2;
            config = Arrays.copyOf(config, size);
            trial = Arrays.copyOf(trial, size);
            repetition = Arrays.copyOf(repetition, size);
            flags = Arrays.copyOf(flags, size);
            finish = Arrays.copyOf(finish, size);
            latencyMs = Arrays.copyOf(latencyMs, size);
            inputTokens = Arrays.copyOf(inputTokens, size);
            outputTokens = Arrays.copyOf(outputTokens, size);
            costUsd = Arrays.copyOf(costUsd, size);
            output = Arrays.copyOf(output, size);
            error = Arrays.copyOf(error, size);
        }
    }

    static FinishReason finishReason(byte ordinal) {
        return FinishReason.values()[ordinal];
    }
}
