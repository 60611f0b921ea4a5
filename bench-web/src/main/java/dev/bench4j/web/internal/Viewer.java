package dev.bench4j.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.scoring.compare.Leaderboard;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.MetricPoint;
import dev.bench4j.store.json.RunEntry;
import dev.bench4j.store.json.RunMetadata;
import dev.bench4j.store.json.RunQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Everything the viewer shows, as JSON trees, over one store: the operations behind the web app's
 * API and the data a report embeds. Independent of HTTP; thread-safe.
 */
public final class Viewer {

    private final JsonRunStore store;
    private final RunIndexes indexes;
    private final Clock clock;
    private final RunComparisons comparisons = new RunComparisons();

    /**
     * Makes a viewer of a store.
     *
     * @param store the store
     * @param indexBytes how much memory the cell indexes of open runs may take, roughly
     * @param clock stamps reviews
     */
    public Viewer(JsonRunStore store, long indexBytes, Clock clock) {
        this.store = store;
        this.indexes = new RunIndexes(store, indexBytes);
        this.clock = clock;
    }

    JsonRunStore store() {
        return store;
    }

    // ---- runs ------------------------------------------------------------------------------------

    /** The runs page: every run of the store, newest first, filtered. */
    Map<String, Object> runs(Map<String, String> p) {
        RunQuery q = RunQuery.all();
        String status = p.getOrDefault("status", "");
        if (!status.isEmpty()) {
            try {
                q = q.withStatus(RunStatus.fromWireName(status));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("status: " + e.getMessage());
            }
        }
        Optional<Instant> since = date(p, "since", false);
        Optional<Instant> until = date(p, "until", true);
        if (since.isPresent()) {
            q = q.withSince(since.get());
        }
        if (until.isPresent()) {
            q = q.withUntil(until.get());
        }
        String name = p.getOrDefault("name", "").strip().toLowerCase(Locale.ROOT);
        String model = p.getOrDefault("model", "").strip().toLowerCase(Locale.ROOT);
        String prompt = p.getOrDefault("prompt", "").strip().toLowerCase(Locale.ROOT);
        List<Object> rows = new ArrayList<>();
        Set<String> scoreNames = new LinkedHashSet<>();
        int total = 0;
        for (RunEntry e : store.list(q)) {
            total++;
            if (!name.isEmpty() && !e.name().toLowerCase(Locale.ROOT).contains(name)
                    && !e.id().toLowerCase(Locale.ROOT).contains(name)) {
                continue;
            }
            if (!model.isEmpty() && e.models().stream().noneMatch(m -> m.toLowerCase(Locale.ROOT).contains(model))) {
                continue;
            }
            if (!prompt.isEmpty() && e.prompts().stream().noneMatch(m -> m.toLowerCase(Locale.ROOT).contains(prompt))) {
                continue;
            }
            rows.add(RunJson.entry(e));
            scoreNames.addAll(e.scores().keySet());
        }
        Map<String, Object> o = Json.object();
        o.put("runs", rows);
        o.put("score_names", List.copyOf(scoreNames));
        o.put("matching", rows.size());
        o.put("total", total);
        return o;
    }

    private static Optional<Instant> date(Map<String, String> p, String name, boolean endOfDay) {
        String v = p.getOrDefault(name, "").strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return Optional.of((endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            throw HttpError.badRequest(name + ": expected a date like 2026-12-07 or an instant like 2026-12-07T10:15:30Z"
                    + " but was '" + RunIndex.cut(v, 40) + "'");
        }
    }

    /** Reads a run's metadata, refusing a bad id (400) or an unknown run (404). */
    RunMetadata metadata(String runId) {
        try {
            return store.load(runId).orElseThrow(() -> HttpError.notFound("the store has no run '" + runId + "'"));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    /** A run's summary: the one in run.json, or computed from its results while it has none. */
    Summary summary(RunMetadata m) {
        return m.summary().orElseGet(() -> store.summarize(m.info().id()));
    }

    /** A run's cell index (the run must exist). */
    RunIndex indexOf(String runId) {
        metadata(runId);
        return indexes.get(runId);
    }

    /** A run's page; starts indexing its cells in the background, as the cells are likely asked for next. */
    Map<String, Object> run(String runId) {
        RunMetadata m = metadata(runId);
        Summary s = summary(m);
        indexes.prefetch(runId);
        return RunJson.run(m, s, RunJson.scoreNames(m, Optional.of(s)), store.reviews(runId).size());
    }

    // ---- cells -----------------------------------------------------------------------------------

    /**
     * One page of a run's cell grid. The first page of a large run whose index is still being built
     * comes from the beginning of its results, marked {@code partial} (filters, sorting and other
     * pages wait for the whole index).
     */
    Map<String, Object> cells(String runId, Map<String, String> p) {
        RunMetadata m = metadata(runId);
        Optional<RunIndex> ready = indexes.ready(runId);
        if (ready.isEmpty() && m.info().totalCells() >= PARTIAL_FIRST_PAGE && firstPageOnly(p)) {
            indexes.prefetch(runId);
            int size = p.containsKey("size") ? Params.intIn(p, "size", p.get("size"), 1, CellQuery.MAX_SIZE) : CellQuery.DEFAULT_SIZE;
            Optional<RunIndex> prefix = indexes.prefix(runId, size, PREFIX_RESULTS);
            if (prefix.isPresent()) {
                Map<String, Object> page = CellQuery.parse(prefix.get(), p).run(prefix.get(), Optional.empty());
                long rows = (long) m.info().plan().trialCount() * Math.max(1, m.info().plan().repetitions());
                page.put("total_rows", rows);
                page.put("all_rows", rows);
                page.put("pages", Math.max(1, (rows + size - 1) / size));
                page.put("partial", true);
                page.put("rows_planned", true);   // the totals are the plan's until the whole run is read
                page.put("indexed_cells", prefix.get().size);
                page.put("cells", m.info().totalCells());
                return page;
            }
        }
        RunIndex index = ready.orElseGet(() -> indexes.get(runId));
        CellQuery q = CellQuery.parse(index, p);
        Optional<Set<Integer>> matches = Optional.empty();
        if (!q.text().isEmpty() && !index.textComplete()) {
            matches = Optional.of(searchStore(runId, index, q.text()));
        }
        return q.run(index, matches);
    }

    /** Runs this large have their first page of cells served before their whole index is built. */
    static final long PARTIAL_FIRST_PAGE = 20_000;
    /** How far into a run's results the first page is looked for. */
    static final int PREFIX_RESULTS = 20_000;

    /** Whether a query asks for the first page in plan order with no filter (what a partial index can answer). */
    private static boolean firstPageOnly(Map<String, String> p) {
        for (String k : p.keySet()) {
            if (!List.of("configs", "size", "keys").contains(k) && !(k.equals("page") && p.get(k).equals("0"))
                    && !(k.equals("sort") && p.get(k).equals("trial")) && !(k.equals("dir") && p.get(k).equals("asc"))
                    && !p.get(k).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Stops the viewer's background work. */
    public void close() {
        indexes.close();
    }

    /** The cells whose whole output holds a text, read from the store (for runs whose outputs are too large to keep). */
    private Set<Integer> searchStore(String runId, RunIndex index, String text) {
        Pattern needle = Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Set<Integer> out = new HashSet<>();
        store.forEachResult(runId, r -> {
            if (needle.matcher(r.output()).find()) {
                int c = index.configIndex(r.cell().prompt(), r.cell().model());
                int row = index.row(index.trialIndex(r.cell().trial()), r.cell().repetition());
                if (c >= 0 && row >= 0) {
                    int cell = index.cellAt(row, c);
                    if (cell >= 0) {
                        out.add(cell);
                    }
                }
            }
        });
        return out;
    }

    /** One whole cell: messages, trial, result, and the reviews of it in effect. */
    Map<String, Object> cell(String runId, Map<String, String> p) {
        RunMetadata m = metadata(runId);
        CellId id = cellId(p);
        Result r;
        try {
            r = store.result(runId, id).orElseThrow(() -> HttpError.notFound("run " + runId + " has no result for cell " + id));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        Optional<Prompt> prompt = m.info().plan().prompts().stream().filter(x -> x.name().equals(id.prompt())).findFirst();
        Optional<Trial> trial = indexes.trials(runId).stream().filter(t -> t.id().equals(id.trial())).findFirst();
        List<Review> reviews = Review.latest(store.reviews(runId)).stream()
                .filter(v -> !(v instanceof Review.Ranking) && v.cells().get(0).equals(id)).toList();
        return CellJson.full(r, prompt, trial, reviews);
    }

    static CellId cellId(Map<String, String> p) {
        int rep = Params.intIn(p, "repetition", p.getOrDefault("repetition", "0"), 0, Integer.MAX_VALUE);
        return new CellId(Params.required(p, "prompt"), Params.required(p, "model"), Params.required(p, "trial"), rep);
    }

    // ---- compare ---------------------------------------------------------------------------------

    /** An item of a comparison: a configuration of a run. */
    private record Item(String runId, RunIndex index, int config) {
        String label(boolean manyRuns) {
            return (manyRuns ? runId + " · " : "") + index.configs.get(config).key();
        }
    }

    private List<Item> items(List<String> specs) {
        if (specs.isEmpty()) {
            throw HttpError.badRequest("item: name at least one RUN|CONFIG to compare, e.g. item=bench_1a2b3c4d_20261207_101500|0");
        }
        List<Item> items = new ArrayList<>();
        for (String spec : specs) {
            int bar = spec.lastIndexOf('|');
            if (bar <= 0) {
                throw HttpError.badRequest("item: expected RUN|CONFIG (a run id and a configuration index) but was '"
                        + RunIndex.cut(spec, 80) + "'");
            }
            String runId = spec.substring(0, bar);
            metadata(runId);
            RunIndex index = indexes.get(runId);
            int config = Params.intIn(Map.of(), "item", spec.substring(bar + 1), 0, index.configs.size() - 1);
            items.add(new Item(runId, index, config));
        }
        return items;
    }

    /** The answers of several configurations (of one run or several) to one trial, side by side. */
    Map<String, Object> compare(String query) {
        Map<String, String> p = Params.parse(query);
        List<Item> items = items(Params.all(query, "item"));
        boolean onlyDisagreeing = Params.flag(p, "disagree");
        List<String[]> rows = compareRows(items, onlyDisagreeing);
        String trial = p.get("trial");
        int rep = p.containsKey("repetition") ? Params.intIn(p, "repetition", p.get("repetition"), 0, Integer.MAX_VALUE) : 0;
        int at = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (trial == null ? i == 0 : rows.get(i)[0].equals(trial) && Integer.parseInt(rows.get(i)[1]) == rep) {
                at = i;
                break;
            }
        }
        if (trial == null && !rows.isEmpty()) {
            trial = rows.get(0)[0];
            rep = Integer.parseInt(rows.get(0)[1]);
        }
        Map<String, Object> o = Json.object();
        o.put("trial", trial);
        o.put("repetition", rep);
        o.put("position", at);
        o.put("count", rows.size());
        o.put("prev", at > 0 ? position(rows.get(at - 1)) : null);
        o.put("next", at >= 0 && at + 1 < rows.size() ? position(rows.get(at + 1)) : at < 0 && !rows.isEmpty()
                ? position(rows.get(0)) : null);
        boolean manyRuns = items.stream().map(Item::runId).distinct().count() > 1;
        Set<String> scoreNames = new LinkedHashSet<>();
        items.forEach(it -> scoreNames.addAll(it.index().scoreNames));
        List<Object> out = new ArrayList<>();
        List<Map<String, Object>> cells = new ArrayList<>();
        for (Item it : items) {
            Map<String, Object> x = Json.object();
            x.put("run", it.runId());
            x.put("run_name", it.index().meta.info().name());
            x.put("config", CellJson.config(it.index(), it.config()));
            x.put("label", it.label(manyRuns));
            Map<String, Object> cell = null;
            if (trial != null) {
                int row = it.index().row(it.index().trialIndex(trial), rep);
                int c = row < 0 ? -1 : it.index().cellAt(row, it.config());
                if (c >= 0) {
                    Map<String, Object> summary = CellJson.summary(it.index(), c, Integer.MAX_VALUE);
                    if (!it.index().textComplete()) {   // the index keeps only the outputs' beginnings
                        store.result(it.runId(), it.index().cellId(c)).ifPresent(r -> summary.put("output", r.output()));
                    }
                    cell = summary;
                }
            }
            x.put("cell", cell);
            cells.add(cell);
            out.add(x);
        }
        o.put("items", out);
        o.put("score_names", List.copyOf(scoreNames));
        Map<String, Object> marks = Json.object();
        for (String s : scoreNames) {
            marks.put(s, marks(cells, s));
        }
        o.put("marks", marks);
        String shown = trial;
        Optional<Trial> t = shown == null ? Optional.empty()
                : indexes.trials(items.get(0).runId()).stream().filter(x -> x.id().equals(shown)).findFirst();
        o.put("vars", t.map(Trial::vars).orElse(null));
        o.put("has_expected", t.map(x -> x.expected().isPresent()).orElse(false));
        o.put("expected", t.flatMap(Trial::expected).orElse(null));
        return o;
    }

    private static Map<String, Object> position(String[] row) {
        Map<String, Object> o = Json.object();
        o.put("trial", row[0]);
        o.put("repetition", Integer.parseInt(row[1]));
        return o;
    }

    /** Per item: {@code reference} for the first, then {@code agree} / {@code disagree} with it, or null without a value. */
    private static List<Object> marks(List<Map<String, Object>> cells, String score) {
        List<Object> marks = new ArrayList<>();
        Double first = null;
        for (int i = 0; i < cells.size(); i++) {
            Double v = value(cells.get(i), score);
            if (i == 0) {
                first = v;
                marks.add(v == null ? null : "reference");
            } else if (v == null || first == null) {
                marks.add(null);
            } else {
                marks.add(Math.abs(v - first) < 1e-9 ? "agree" : "disagree");
            }
        }
        return marks;
    }

    @SuppressWarnings("unchecked")
    private static Double value(Map<String, Object> cell, String score) {
        if (cell == null) {
            return null;
        }
        Object v = ((Map<String, Object>) cell.get("scores")).get(score);
        return v instanceof Double d ? d : null;
    }

    /** The (trial, repetition) pairs at least one item answered, in the first run's order; only disagreements if asked. */
    private static List<String[]> compareRows(List<Item> items, boolean onlyDisagreeing) {
        List<String[]> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item it : items) {
            RunIndex x = it.index();
            for (int row = 0; row < x.rows; row++) {
                String trial = x.trialIds.get(x.rowTrial[row]);
                int rep = x.rowRepetition[row];
                if (x.cellAt(row, it.config()) < 0 || !seen.add(trial + "\u0000" + rep)) {
                    continue;
                }
                if (!onlyDisagreeing || disagree(items, trial, rep)) {
                    rows.add(new String[] {trial, String.valueOf(rep)});
                }
            }
        }
        return rows;
    }

    private static boolean disagree(List<Item> items, String trial, int rep) {
        Map<String, Double> firstValue = new LinkedHashMap<>();
        Boolean firstOk = null;
        String firstOutput = null;
        boolean anyScore = false;
        boolean outputsDiffer = false;
        for (Item it : items) {
            RunIndex x = it.index();
            int row = x.row(x.trialIndex(trial), rep);
            int cell = row < 0 ? -1 : x.cellAt(row, it.config());
            if (cell < 0) {
                continue;
            }
            if (firstOk == null) {
                firstOk = x.ok(cell);
            } else if (firstOk != x.ok(cell)) {
                return true;
            }
            for (int k = 0; k < x.scoreNames.size(); k++) {
                double v = x.score(cell, k);
                if (Double.isNaN(v)) {
                    continue;
                }
                anyScore = true;
                Double f = firstValue.putIfAbsent(x.scoreNames.get(k), v);
                if (f != null && Math.abs(f - v) > 1e-9) {
                    return true;
                }
            }
            String normalized = x.output[cell].strip().replaceAll("\\s+", " ");
            if (firstOutput == null) {
                firstOutput = normalized;
            } else {
                outputsDiffer |= !firstOutput.equals(normalized);
            }
        }
        return !anyScore && outputsDiffer;
    }

    /** Two runs per model: every score, success rate, latency and cost, with paired tests over the cells both have. */
    Map<String, Object> compareRuns(String a, String b) {
        RunMetadata ma = metadata(a);
        RunMetadata mb = metadata(b);
        RunIndex ia = indexes.get(a);
        RunIndex ib = indexes.get(b);
        return comparisons.compare(ma, summary(ma), ia, mb, summary(mb), ib);
    }

    // ---- trends ----------------------------------------------------------------------------------

    /** The models and metrics the store's runs have, for the trends page's choices. */
    Map<String, Object> trendOptions() {
        Set<String> models = new TreeSet<>();
        Set<String> metrics = new LinkedHashSet<>();
        for (RunEntry e : store.list()) {
            models.addAll(e.models());
            metrics.addAll(e.scores().keySet());
        }
        metrics.addAll(List.of("success_rate", "cost_usd", "latency_p50_ms", "latency_p95_ms"));
        Map<String, Object> o = Json.object();
        o.put("models", List.copyOf(models));
        o.put("metrics", List.copyOf(metrics));
        return o;
    }

    /** A metric of models over the store's runs, oldest first, with score intervals. */
    Map<String, Object> trends(String query) {
        Map<String, String> p = Params.parse(query);
        String metric = Params.required(p, "metric");
        List<String> models = Params.all(query, "model");
        if (models.isEmpty()) {
            throw HttpError.badRequest("missing parameter 'model'");
        }
        Map<String, Object> series = Json.object();
        for (String model : models) {
            series.put(model, history(metric, model, id -> true));
        }
        Map<String, Object> o = Json.object();
        o.put("metric", metric);
        o.put("series", series);
        return o;
    }

    /** The points of a metric of a model over the runs a filter keeps, oldest first. */
    List<Object> history(String metric, String model, Predicate<String> runs) {
        List<Object> points = new ArrayList<>();
        for (MetricPoint pt : store.history(metric, model, e -> runs.test(e.id()))) {
            Map<String, Object> x = Json.object();
            x.put("run", pt.runId());
            x.put("started_at", pt.startedAt().toString());
            x.put("value", pt.value());
            x.put("ci_low", pt.ci95().map(Summary.Interval::lower).orElse(null));
            x.put("ci_high", pt.ci95().map(Summary.Interval::upper).orElse(null));
            points.add(x);
        }
        return points;
    }

    /** The leaderboard across runs: each model's latest run with the score, ranked by its mean. */
    Map<String, Object> leaderboardAcrossRuns(String metric) {
        return leaderboardAcrossRuns(metric, e -> true);
    }

    /** The leaderboard across the runs a filter keeps. */
    Map<String, Object> leaderboardAcrossRuns(String metric, Predicate<RunEntry> runs) {
        Map<String, Summary.Group> latest = new LinkedHashMap<>();
        Map<String, RunEntry> from = new LinkedHashMap<>();
        for (RunEntry e : store.list()) {   // newest first: the first group seen per model is its latest
            if (!runs.test(e) || !e.scores().containsKey(metric) || e.models().stream().allMatch(latest::containsKey)) {
                continue;
            }
            Optional<RunMetadata> m;
            try {
                m = store.load(e.id());
            } catch (RuntimeException ex) {
                continue;   // a damaged run is left out of the board; the runs page shows its error
            }
            Optional<Summary> s = m.flatMap(RunMetadata::summary);
            if (s.isEmpty()) {
                continue;
            }
            s.get().byModel().forEach((model, g) -> {
                Summary.ScoreStats st = g.scores().get(metric);
                if (st != null && st.mean().isPresent() && !latest.containsKey(model)) {
                    latest.put(model, g);
                    from.put(model, e);
                }
            });
        }
        Map<String, Object> o = Json.object();
        o.put("metric", metric);
        if (latest.isEmpty()) {
            o.put("entries", List.of());
            return o;
        }
        Map<String, Object> board = RunJson.leaderboard(Leaderboard.of(latest, metric));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) board.get("entries");
        for (Map<String, Object> x : entries) {
            RunEntry e = from.get((String) x.get("name"));
            x.put("run", e.id());
            x.put("run_name", e.name());
            x.put("started_at", e.startedAt().toString());
        }
        o.put("entries", entries);
        return o;
    }

    // ---- reviews ---------------------------------------------------------------------------------

    /** A run's reviews: all of them, and those in effect. */
    Map<String, Object> reviews(String runId) {
        metadata(runId);
        List<Review> all = store.reviews(runId);
        Map<String, Object> o = Json.object();
        o.put("all", all.stream().map(ReviewJson::toJson).toList());
        o.put("latest", Review.latest(all).stream().map(ReviewJson::toJson).toList());
        o.put("reviewers", all.stream().map(Review::reviewer).distinct().sorted().toList());
        return o;
    }

    /** Adds a posted review to a run; the store checks that its cells exist. */
    Map<String, Object> addReview(String runId, JsonNode body) {
        metadata(runId);
        Review r = ReviewJson.fromRequest(body, clock);
        try {
            store.appendReview(runId, r);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        Map<String, Object> o = Json.object();
        o.put("saved", ReviewJson.toJson(r));
        return o;
    }

    /** The agreement panel: reviewers against an AI score and against each other, and the recommendation. */
    Map<String, Object> agreement(String runId, Map<String, String> p) {
        metadata(runId);
        RunIndex index = indexes.get(runId);
        return AgreementJson.of(index, store.reviews(runId), p);
    }
}
