package dev.bench4j.web.internal;

import dev.bench4j.core.Environment;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Summary;
import dev.bench4j.scoring.compare.Leaderboard;
import dev.bench4j.store.json.RunEntry;
import dev.bench4j.store.json.RunMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The JSON of runs: a row of the runs list, and a run's metadata, plan, summary and leaderboards. */
final class RunJson {

    private RunJson() {
    }

    /** A row of the runs page, from the store's index alone. */
    static Map<String, Object> entry(RunEntry e) {
        Map<String, Object> o = Json.object();
        o.put("id", e.id());
        o.put("name", e.name());
        o.put("status", e.status().wireName());
        o.put("started_at", e.startedAt().toString());
        o.put("ended_at", e.endedAt().map(Object::toString).orElse(null));
        o.put("duration_seconds", e.endedAt().map(end -> Duration.between(e.startedAt(), end).toNanos() / 1e9).orElse(null));
        o.put("models", e.models());
        o.put("prompts", e.prompts());
        o.put("trial_count", e.trialCount());
        o.put("cells", e.cells());
        o.put("success_rate", Json.num(e.successRate()));
        o.put("success_rate_ci", interval(e.successRateCi95()));
        o.put("cost_usd", Json.num(e.costUsd()));
        o.put("scores", e.scores());
        return o;
    }

    /** A run's page: metadata, plan, summary, configurations and leaderboards. */
    static Map<String, Object> run(RunMetadata m, Summary summary, List<String> scoreNames, int reviews) {
        Map<String, Object> o = Json.object();
        o.put("id", m.info().id());
        o.put("name", m.info().name());
        o.put("status", m.status().wireName());
        o.put("status_reason", m.statusReason().orElse(null));
        o.put("started_at", m.info().startedAt().toString());
        o.put("ended_at", m.endedAt().map(Object::toString).orElse(null));
        o.put("duration_seconds", m.duration().map(d -> d.toNanos() / 1e9).orElse(null));
        o.put("environment", environment(m.info().environment()));
        o.put("plan", plan(m.info().plan()));
        o.put("score_names", scoreNames);
        o.put("summary", summary(summary));
        List<Object> configs = new ArrayList<>();
        int i = 0;
        for (Prompt p : m.info().plan().prompts()) {
            for (ModelConfig mc : m.info().plan().models()) {
                Map<String, Object> c = Json.object();
                c.put("index", i++);
                c.put("key", p.name() + " / " + mc.id());
                c.put("prompt", p.name());
                c.put("model", mc.id());
                configs.add(c);
            }
        }
        o.put("configs", configs);
        Map<String, Object> boards = Json.object();
        for (String score : scoreNames) {
            try {
                boards.put(score, leaderboard(Leaderboard.byPromptAndModel(summary, score)));
            } catch (IllegalArgumentException e) {
                // no configuration has a value for this score: no board
            }
        }
        o.put("leaderboards", boards);
        o.put("review_count", reviews);
        o.put("warnings", warnings(m.warnings()));
        return o;
    }

    /** A finished run's health warnings: code, message, models, count and total each. */
    static List<Object> warnings(List<RunWarning> warnings) {
        List<Object> out = new ArrayList<>();
        for (RunWarning w : warnings) {
            Map<String, Object> x = Json.object();
            x.put("code", w.code());
            x.put("message", w.message());
            x.put("models", w.models());
            x.put("count", w.count());
            x.put("total", w.total());
            out.add(x);
        }
        return out;
    }

    static Map<String, Object> leaderboard(Leaderboard board) {
        Map<String, Object> o = Json.object();
        o.put("metric", board.metric());
        List<Object> entries = new ArrayList<>();
        for (Leaderboard.Entry e : board.entries()) {
            Map<String, Object> x = Json.object();
            x.put("rank", e.rank());
            x.put("name", e.name());
            x.put("mean", Json.num(e.mean()));
            x.put("ci_low", e.ci95().map(Summary.Interval::lower).orElse(null));
            x.put("ci_high", e.ci95().map(Summary.Interval::upper).orElse(null));
            x.put("n", e.n());
            x.put("tied_with_leader", e.tiedWithLeader());
            entries.add(x);
        }
        o.put("entries", entries);
        return o;
    }

    /** Every score name a run shows: the plan's scorers, then any other its summary has. */
    static List<String> scoreNames(RunMetadata m, Optional<Summary> summary) {
        Set<String> names = new LinkedHashSet<>(m.info().plan().scorers());
        summary.ifPresent(s -> names.addAll(s.overall().scores().keySet()));
        return List.copyOf(names);
    }

    static Map<String, Object> summary(Summary s) {
        Map<String, Object> o = Json.object();
        o.put("overall", group(s.overall()));
        Map<String, Object> byModel = Json.object();
        s.byModel().forEach((k, g) -> byModel.put(k, group(g)));
        o.put("by_model", byModel);
        Map<String, Object> byPrompt = Json.object();
        s.byPrompt().forEach((k, g) -> byPrompt.put(k, group(g)));
        o.put("by_prompt", byPrompt);
        List<Object> pairs = new ArrayList<>();
        s.byPromptAndModel().forEach((k, g) -> {
            Map<String, Object> x = group(g);
            x.put("prompt", k.prompt());
            x.put("model", k.model());
            x.put("key", k.prompt() + " / " + k.model());
            pairs.add(x);
        });
        o.put("by_prompt_and_model", pairs);
        o.put("elapsed_seconds", s.elapsed().toNanos() / 1e9);
        o.put("cells_per_second", Json.num(s.cellsPerSecond()));
        return o;
    }

    static Map<String, Object> group(Summary.Group g) {
        Map<String, Object> o = Json.object();
        o.put("cells", g.cells());
        o.put("succeeded", g.succeeded());
        o.put("failed", g.failed());
        o.put("cached", g.cached());
        o.put("attempts", g.attempts());
        o.put("success_rate", Json.num(g.successRate()));
        o.put("success_rate_ci", interval(g.successRateCi95()));
        Map<String, Object> scores = Json.object();
        g.scores().forEach((name, st) -> {
            Map<String, Object> x = Json.object();
            x.put("n", st.n());
            x.put("errors", st.errors());
            x.put("mean", Json.num(st.mean()));
            x.put("standard_deviation", Json.num(st.standardDeviation()));
            x.put("ci_low", st.ci95().map(Summary.Interval::lower).orElse(null));
            x.put("ci_high", st.ci95().map(Summary.Interval::upper).orElse(null));
            x.put("ci_method", st.ci95().map(ci -> ci.method().wireName()).orElse(null));
            x.put("describe", st.describe());
            st.passAtK().ifPresent(a -> {
                Map<String, Object> k = Json.object();
                k.put("k", a.k());
                k.put("trials", a.trials());
                k.put("too_few_repetitions", a.tooFewRepetitions());
                k.put("pass_at_k", Json.num(a.passAtK()));
                k.put("pass_hat_k", Json.num(a.passHatK()));
                x.put("pass_at_k", k);
            });
            scores.put(name, x);
        });
        o.put("scores", scores);
        o.put("latency", g.latency().map(RunJson::latency).orElse(null));
        o.put("time_to_first_token", g.timeToFirstToken().map(RunJson::latency).orElse(null));
        Map<String, Object> tokens = Json.object();
        tokens.put("input", Json.num(g.tokens().input()));
        tokens.put("output", Json.num(g.tokens().output()));
        tokens.put("reasoning", Json.num(g.tokens().reasoning()));
        tokens.put("cached_input", Json.num(g.tokens().cachedInput()));
        tokens.put("total", Json.num(g.tokens().total()));
        tokens.put("results_without_usage", g.tokens().resultsWithoutUsage());
        tokens.put("per_cell", g.tokensPerCell().map(RunJson::mean).orElse(null));
        o.put("tokens", tokens);
        o.put("cost_usd", Json.num(g.cost().totalUsd()));
        o.put("cost_known_usd", g.cost().resultsWithCost() == 0 ? null : g.cost().knownUsd());
        o.put("results_without_cost", g.cost().resultsWithoutCost());
        o.put("cost_per_cell", g.costPerCell().map(RunJson::mean).orElse(null));
        Summary.ScorerCalls j = g.scorerCalls();
        if (j.calls() > 0) {
            Map<String, Object> judge = Json.object();
            judge.put("calls", j.calls());
            judge.put("cached", j.cached());
            judge.put("failed", j.failed());
            judge.put("input_tokens", Json.num(j.inputTokens()));
            judge.put("output_tokens", Json.num(j.outputTokens()));
            judge.put("cost_usd", Json.num(j.cost().totalUsd()));
            judge.put("cost_known_usd", j.cost().resultsWithCost() == 0 ? null : j.cost().knownUsd());
            o.put("judge", judge);
        } else {
            o.put("judge", null);
        }
        return o;
    }

    private static Map<String, Object> latency(Summary.Latency l) {
        Map<String, Object> o = Json.object();
        o.put("n", l.n());
        o.put("mean_ms", Json.millis(l.mean()));
        o.put("min_ms", Json.millis(l.min()));
        o.put("p50_ms", Json.millis(l.p50()));
        o.put("p95_ms", Json.millis(l.p95()));
        o.put("p99_ms", Json.millis(l.p99()));
        o.put("max_ms", Json.millis(l.max()));
        o.put("p50_ci_ms", interval(l.ci95().p50()));
        o.put("p95_ci_ms", interval(l.ci95().p95()));
        o.put("p99_ci_ms", interval(l.ci95().p99()));
        return o;
    }

    /** An interval as {@code {low, high, method}}, or null when there is none. */
    private static Map<String, Object> interval(Optional<Summary.Interval> ci) {
        if (ci.isEmpty()) {
            return null;
        }
        Map<String, Object> o = Json.object();
        o.put("low", ci.get().lower());
        o.put("high", ci.get().upper());
        o.put("method", ci.get().method().wireName());
        return o;
    }

    /** A mean per cell as {@code {n, mean, ci}}. */
    private static Map<String, Object> mean(Summary.Mean m) {
        Map<String, Object> o = Json.object();
        o.put("n", m.n());
        o.put("mean", m.mean());
        o.put("ci", interval(m.ci95()));
        return o;
    }

    static Map<String, Object> plan(PlanSnapshot p) {
        Map<String, Object> o = Json.object();
        o.put("name", p.name());
        List<Object> prompts = new ArrayList<>();
        for (Prompt pr : p.prompts()) {
            Map<String, Object> x = Json.object();
            x.put("name", pr.name());
            x.put("messages", CellJson.messages(pr.messages()));
            x.put("metadata", pr.metadata());
            prompts.add(x);
        }
        o.put("prompts", prompts);
        o.put("models", p.models().stream().map(RunJson::model).toList());
        o.put("trial_count", p.trialCount());
        o.put("trials_fingerprint", p.trialsFingerprint());
        o.put("repetitions", p.repetitions());
        o.put("concurrency", p.concurrency());
        o.put("scorers", p.scorers());
        o.put("scorer_settings", p.scorerSettings());
        o.put("scorer_models", p.scorerModels().stream().map(RunJson::model).toList());
        return o;
    }

    static Map<String, Object> model(ModelConfig m) {
        Map<String, Object> o = Json.object();
        o.put("id", m.id());
        o.put("provider", m.provider());
        o.put("model", m.model());
        o.putAll(m.parameters().asMap());
        if (!m.extras().isEmpty()) {
            o.put("params", m.extras());
        }
        m.endpoint().baseUrl().ifPresent(u -> o.put("base_url", u));
        m.endpoint().apiKeyEnv().ifPresent(v -> o.put("api_key_env", v));
        if (m.endpoint().stream()) {
            o.put("stream", true);
        }
        m.price().ifPresent(pr -> {
            Map<String, Object> price = Json.object();
            price.put("input", pr.inputPerMillion());
            price.put("output", pr.outputPerMillion());
            pr.cachedInputPerMillion().ifPresent(c -> price.put("cached_input", c));
            o.put("price", price);
        });
        return o;
    }

    private static Map<String, Object> environment(Environment e) {
        Map<String, Object> o = Json.object();
        o.put("bench4j", e.bench4jVersion());
        o.put("java", e.javaVersion() + " (" + e.javaVendor() + ")");
        o.put("os", e.os() + " " + e.arch());
        o.put("processors", e.processors());
        return o;
    }
}
