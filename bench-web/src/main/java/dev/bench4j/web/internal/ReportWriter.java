package dev.bench4j.web.internal;

import dev.bench4j.core.Environment;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Review;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.store.json.RunEntry;
import dev.bench4j.store.json.RunMetadata;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a report: the app's page with the data of some runs embedded, so that it shows the same
 * views as {@code bench serve} from a file. Cells are embedded whole, as arrays (about half the
 * size of objects); rendered messages share a table of strings, as a prompt's fixed messages
 * repeat for every trial.
 */
public final class ReportWriter {

    /** Comparing every ordered pair of runs is done for at most this many runs. */
    static final int MAX_COMPARED_RUNS = 6;

    private ReportWriter() {
    }

    /**
     * Writes the report's HTML.
     *
     * @param viewer the viewer of the store
     * @param runIds the runs to hold, at least one, all in the store
     * @param clock stamps the report
     * @return the HTML text
     * @throws IllegalArgumentException naming the run if an id is not valid or not in the store
     */
    public static String html(Viewer viewer, List<String> runIds, Clock clock) {
        JsonRunStore store = viewer.store();
        Set<String> ids = new LinkedHashSet<>(runIds);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one run");
        }
        Map<String, RunMetadata> metas = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                metas.put(id, viewer.metadata(id));
            } catch (HttpError e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        Map<String, Object> data = Json.object();
        data.put("generated_at", clock.instant().toString());
        data.put("bench4j_version", Environment.current().bench4jVersion());
        List<Object> entries = new ArrayList<>();
        Set<String> scoreNames = new LinkedHashSet<>();
        Set<String> models = new TreeSet<>();
        List<RunEntry> included = new ArrayList<>();
        for (RunEntry e : store.list()) {
            if (ids.contains(e.id())) {
                entries.add(RunJson.entry(e));
                scoreNames.addAll(e.scores().keySet());
                models.addAll(e.models());
                included.add(e);
            }
        }
        Map<String, Object> runs = Json.object();
        runs.put("runs", entries);
        runs.put("score_names", List.copyOf(scoreNames));
        runs.put("matching", entries.size());
        runs.put("total", entries.size());
        data.put("runs", runs);
        Map<String, Object> run = Json.object();
        Map<String, Object> cells = Json.object();
        Map<String, Object> reviews = Json.object();
        Map<String, Object> agreement = Json.object();
        for (String id : ids) {
            run.put(id, viewer.run(id));
            cells.put(id, cells(store, metas.get(id)));
            List<Review> rs = store.reviews(id);
            reviews.put(id, rs.stream().map(ReviewJson::toJson).toList());
            agreement.put(id, AgreementJson.betweenReviewers(viewer.indexOf(id), rs));
        }
        data.put("run", run);
        data.put("cells", cells);
        data.put("reviews", reviews);
        data.put("agreement", agreement);
        Map<String, Object> compared = Json.object();
        if (ids.size() <= MAX_COMPARED_RUNS) {
            for (String a : ids) {
                for (String b : ids) {
                    if (!a.equals(b)) {
                        compared.put(a + "|" + b, viewer.compareRuns(a, b));
                    }
                }
            }
        }
        data.put("compare_runs", compared);
        data.put("trends", trends(viewer, ids, scoreNames, models));
        Map<String, Object> boards = Json.object();
        for (String metric : scoreNames) {
            boards.put(metric, viewer.leaderboardAcrossRuns(metric, e -> ids.contains(e.id())));
        }
        data.put("leaderboards", boards);
        String title = "bench4j report: " + String.join(", ", metas.values().stream().map(m -> m.info().name()).distinct().toList());
        return Page.report(Assets.get(), title, Json.string(data));
    }

    private static Map<String, Object> trends(Viewer viewer, Set<String> ids, Set<String> scoreNames, Set<String> models) {
        List<String> metrics = new ArrayList<>(scoreNames);
        metrics.addAll(List.of("success_rate", "cost_usd", "latency_p50_ms", "latency_p95_ms"));
        Map<String, Object> options = Json.object();
        options.put("models", List.copyOf(models));
        options.put("metrics", metrics);
        Map<String, Object> series = Json.object();
        for (String metric : metrics) {
            Map<String, Object> byModel = Json.object();
            for (String model : models) {
                byModel.put(model, viewer.history(metric, model, ids::contains));
            }
            series.put(metric, byModel);
        }
        Map<String, Object> o = Json.object();
        o.put("options", options);
        o.put("series", series);
        return o;
    }

    /** A run's cells as arrays (see app.js, reportApi's F), with its trials and rendered messages. */
    private static Map<String, Object> cells(JsonRunStore store, RunMetadata m) {
        String id = m.info().id();
        List<Prompt> prompts = m.info().plan().prompts();
        List<ModelConfig> models = m.info().plan().models();
        List<Object> configs = new ArrayList<>();
        Map<String, Integer> configAt = new HashMap<>();
        for (int p = 0; p < prompts.size(); p++) {
            for (ModelConfig mc : models) {
                Map<String, Object> c = Json.object();
                c.put("prompt", prompts.get(p).name());
                c.put("model", mc.id());
                c.put("prompt_index", p);
                configAt.put(prompts.get(p).name() + "\u0000" + mc.id(), configs.size());
                configs.add(c);
            }
        }
        List<Trial> kept = store.trials(id);
        List<String> trialIds = new ArrayList<>();
        Map<String, Integer> trialAt = new HashMap<>();
        List<Object> trialData = new ArrayList<>();
        for (Trial t : kept) {
            trialAt.put(t.id(), trialIds.size());
            trialIds.add(t.id());
            Map<String, Object> td = Json.object();
            td.put("vars", t.vars());
            td.put("has_expected", t.expected().isPresent());
            td.put("expected", t.expected().orElse(null));
            trialData.add(td);
        }
        Set<String> scoreNames = new LinkedHashSet<>(m.info().plan().scorers());
        List<Object> rows = new ArrayList<>();
        Set<String> renderedFor = new HashSet<>();
        Strings strings = new Strings();
        Map<String, Object> messages = Json.object();
        store.forEachResult(id, r -> {
            Integer cfg = configAt.get(r.cell().prompt() + "\u0000" + r.cell().model());
            if (cfg == null) {
                return;
            }
            Integer t = trialAt.get(r.cell().trial());
            if (t == null) {
                t = trialIds.size();
                trialAt.put(r.cell().trial(), t);
                trialIds.add(r.cell().trial());
                trialData.add(null);
            }
            scoreNames.addAll(r.scores().keySet());
            int promptIndex = cfg / Math.max(1, models.size());
            String key = promptIndex + ":" + t;
            if (renderedFor.add(key)) {
                Trial trial = t < kept.size() ? kept.get(t) : null;
                messages.put(key, render(prompts.get(promptIndex), trial, strings));
            }
            rows.add(row(cfg, t, r));
        });
        Map<String, Object> o = Json.object();
        o.put("configs", configs);
        o.put("score_names", List.copyOf(scoreNames));
        o.put("repetitions", m.info().plan().repetitions());
        o.put("trials", trialIds);
        o.put("trial_data", trialData);
        o.put("strings", strings.list);
        o.put("messages", messages);
        o.put("rows", rows);
        return o;
    }

    private static Object render(Prompt prompt, Trial trial, Strings strings) {
        if (trial == null) {
            return "this run kept no trials (it was made before bench4j kept them)";
        }
        try {
            List<Object> out = new ArrayList<>();
            for (Message msg : prompt.render(trial.vars())) {
                out.add(List.of(msg.role().wireName(), strings.of(msg.content())));
            }
            return out;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static List<Object> row(int cfg, int trial, Result r) {
        List<Object> x = new ArrayList<>(21);
        x.add(cfg);
        x.add(trial);
        x.add(r.cell().repetition());
        x.add(r.succeeded() ? 1 : 0);
        x.add(r.output());
        x.add(r.finishReason().wireName());
        x.add(r.rawFinishReason().orElse(null));
        x.add(r.error().map(CellJson::error).orElse(null));
        x.add(Json.millis(r.latency()));
        x.add(Json.millis(r.timing().timeToFirstToken()));
        x.add(Json.num(r.usage().inputTokens()));
        x.add(Json.num(r.usage().outputTokens()));
        x.add(Json.num(r.usage().reasoningTokens()));
        x.add(Json.num(r.usage().cachedInputTokens()));
        x.add(Json.num(r.usage().totalTokens()));
        x.add(Json.num(r.costUsd()));
        x.add(r.cached() ? 1 : 0);
        x.add(r.attempts());
        x.add(r.modelVersion().orElse(null));
        Map<String, Object> scores = new LinkedHashMap<>();
        for (Map.Entry<String, Score> e : r.scores().entrySet()) {
            Score s = e.getValue();
            List<Object> v = new ArrayList<>(4);
            v.add(Json.num(s.value()));
            v.add(s.reason().orElse(null));
            v.add(s.error().orElse(null));
            v.add(s.details().isEmpty() ? null : s.details());
            scores.put(e.getKey(), v);
        }
        x.add(scores);
        x.add(r.timing().startedAt().toString());
        return x;
    }

    /** A table of distinct strings, referred to by index. */
    private static final class Strings {
        final List<String> list = new ArrayList<>();
        final Map<String, Integer> at = new HashMap<>();

        int of(String s) {
            return at.computeIfAbsent(s, k -> {
                list.add(k);
                return list.size() - 1;
            });
        }
    }
}
