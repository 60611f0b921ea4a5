package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Summary;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.ResultJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes a {@link Summary} as the {@code summary} object of {@code run.json} and reads it back.
 *
 * <p>The object holds the overall group's figures at its top ({@code cells}, {@code succeeded},
 * {@code failed}, {@code cached}, {@code attempts}, {@code success_rate} and its Wilson
 * {@code success_rate_ci95}, {@code tokens} (a kind no result reported is {@code null}; the mean
 * {@code total_tokens_per_result}), {@code cost_usd} and its parts ({@code results_with_cost},
 * {@code cost_per_result_usd}), {@code scores} (each {@code ci95} with its {@code method}, and for a
 * pass/fail score of a run with repetitions {@code pass_at_k}: {@code k}, {@code trials},
 * {@code too_few_repetitions}, {@code pass_at_k}, {@code pass_hat_k}),
 * {@code latency_ms} and {@code time_to_first_token_ms} ({@code min}, percentiles and their
 * order-statistic {@code p50_ci95}, {@code p95_ci95}, {@code p99_ci95}),
 * and {@code scorer_calls} when a scorer called a model: an LLM judge's calls, tokens and cost),
 * then {@code elapsed_seconds}, {@code requests_per_second} (finished cells per second),
 * {@code retried_cells} (cells a resume with retry called again; only when there are some),
 * {@code by_model} and {@code by_prompt} (objects keyed by model id and prompt name) and
 * {@code by_prompt_and_model} (an array of groups with {@code prompt} and {@code model}), and,
 * only when adaptive concurrency changed a limit, {@code concurrency}: an array of endpoints, each
 * with {@code endpoint}, {@code configured}, {@code lowest}, {@code last}, {@code changes} (an array
 * of {@code {"at_seconds", "limit"}}, oldest first) and {@code changes_omitted}.
 * Durations are milliseconds with a fraction; a figure that is unknown is {@code null}.
 */
final class SummaryJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SummaryJson() {
    }

    static ObjectNode write(Summary s) {
        ObjectNode n = F.objectNode();
        group(n, s.overall());
        n.put("elapsed_seconds", s.elapsed().toNanos() / 1e9);
        n.put("requests_per_second", s.cellsPerSecond());
        if (s.retriedCells() > 0) {
            n.put("retried_cells", s.retriedCells());
        }
        ObjectNode models = n.putObject("by_model");
        s.byModel().forEach((id, g) -> group(models.putObject(id), g));
        ObjectNode prompts = n.putObject("by_prompt");
        s.byPrompt().forEach((name, g) -> group(prompts.putObject(name), g));
        ArrayNode pairs = n.putArray("by_prompt_and_model");
        s.byPromptAndModel().forEach((pm, g) -> {
            ObjectNode o = pairs.addObject();
            o.put("prompt", pm.prompt());
            o.put("model", pm.model());
            group(o, g);
        });
        if (!s.concurrency().isEmpty()) {
            ArrayNode endpoints = n.putArray("concurrency");
            for (Summary.EndpointConcurrency c : s.concurrency()) {
                ObjectNode o = endpoints.addObject();
                o.put("endpoint", c.endpoint());
                o.put("configured", c.configured());
                o.put("lowest", c.lowest());
                o.put("last", c.last());
                ArrayNode changes = o.putArray("changes");
                for (Summary.ConcurrencyChange change : c.changes()) {
                    ObjectNode ch = changes.addObject();
                    ch.put("at_seconds", change.at().toNanos() / 1e9);
                    ch.put("limit", change.limit());
                }
                o.put("changes_omitted", c.omitted());
            }
        }
        return n;
    }

    private static List<Summary.EndpointConcurrency> concurrency(JsonFields f) {
        Optional<JsonNode> array = f.optArray("concurrency");
        if (array.isEmpty()) {
            return List.of();
        }
        List<Summary.EndpointConcurrency> endpoints = new ArrayList<>();
        for (int i = 0; i < array.get().size(); i++) {
            JsonFields e = f.nested(array.get().get(i), "concurrency[" + i + "]");
            JsonNode changeArray = e.array("changes");
            List<Summary.ConcurrencyChange> changes = new ArrayList<>();
            for (int j = 0; j < changeArray.size(); j++) {
                JsonFields c = e.nested(changeArray.get(j), "changes[" + j + "]");
                changes.add(new Summary.ConcurrencyChange(Duration.ofNanos(Math.round(c.number("at_seconds") * 1e9)),
                        c.intCount("limit")));
            }
            endpoints.add(new Summary.EndpointConcurrency(e.string("endpoint"), e.intCount("configured"),
                    e.intCount("lowest"), e.intCount("last"), changes, e.count("changes_omitted")));
        }
        return endpoints;
    }

    private static void group(ObjectNode n, Summary.Group g) {
        n.put("cells", g.cells());
        n.put("succeeded", g.succeeded());
        n.put("failed", g.failed());
        n.put("cached", g.cached());
        n.put("attempts", g.attempts());
        number(n, "success_rate", g.successRate());
        interval(n, "success_rate_ci95", g.successRateCi95());
        ObjectNode t = n.putObject("tokens");
        count(t, "input_tokens", g.tokens().input());
        count(t, "output_tokens", g.tokens().output());
        count(t, "reasoning_tokens", g.tokens().reasoning());
        count(t, "cached_input_tokens", g.tokens().cachedInput());
        count(t, "total_tokens", g.tokens().total());
        t.put("results_without_usage", g.tokens().resultsWithoutUsage());
        mean(t, "total_tokens_per_result", g.tokens().perResult());
        cost(n, g.cost(), "results_without_cost", "results_with_cost", "cost_per_result_usd");
        ObjectNode scores = n.putObject("scores");
        g.scores().forEach((name, st) -> {
            ObjectNode o = scores.putObject(name);
            o.put("n", st.n());
            o.put("errors", st.errors());
            number(o, "mean", st.mean());
            number(o, "standard_deviation", st.standardDeviation());
            number(o, "standard_error", st.standardError());
            interval(o, "ci95", st.ci95());
            st.passAtK().ifPresent(a -> {
                ObjectNode k = o.putObject("pass_at_k");
                k.put("k", a.k());
                k.put("trials", a.trials());
                k.put("too_few_repetitions", a.tooFewRepetitions());
                number(k, "pass_at_k", a.passAtK());
                number(k, "pass_hat_k", a.passHatK());
            });
        });
        latency(n, "latency_ms", g.latency());
        latency(n, "time_to_first_token_ms", g.timeToFirstToken());
        Summary.ScorerCalls calls = g.scorerCalls();
        if (calls.calls() > 0) {
            ObjectNode o = n.putObject("scorer_calls");
            o.put("calls", calls.calls());
            o.put("cached", calls.cached());
            o.put("failed", calls.failed());
            count(o, "input_tokens", calls.inputTokens());
            count(o, "output_tokens", calls.outputTokens());
            cost(o, calls.cost(), "calls_without_cost", "calls_with_cost", "cost_per_call_usd");
        }
    }

    private static void cost(ObjectNode n, Summary.Cost cost, String without, String with, String perResult) {
        number(n, "cost_usd", cost.totalUsd());
        n.put("cost_known_usd", cost.knownUsd());
        n.put("cost_spent_usd", cost.spentUsd());
        n.put(without, cost.resultsWithoutCost());
        n.put(with, cost.resultsWithCost());
        mean(n, perResult, cost.perResult());
    }

    private static void interval(ObjectNode n, String name, Optional<Summary.Interval> ci) {
        if (ci.isEmpty()) {
            n.putNull(name);
            return;
        }
        ObjectNode o = n.putObject(name);
        o.put("lower", ci.get().lower());
        o.put("upper", ci.get().upper());
        o.put("level", ci.get().level());
        o.put("method", ci.get().method().wireName());
    }

    private static void mean(ObjectNode n, String name, Optional<Summary.Mean> mean) {
        if (mean.isEmpty()) {
            n.putNull(name);
            return;
        }
        ObjectNode o = n.putObject(name);
        o.put("n", mean.get().n());
        o.put("mean", mean.get().mean());
        number(o, "standard_deviation", mean.get().standardDeviation());
        interval(o, "ci95", mean.get().ci95());
    }

    private static void count(ObjectNode n, String name, OptionalLong v) {
        if (v.isPresent()) {
            n.put(name, v.getAsLong());
        } else {
            n.putNull(name);
        }
    }

    private static void latency(ObjectNode n, String name, Optional<Summary.Latency> l) {
        if (l.isEmpty()) {
            n.putNull(name);
            return;
        }
        Summary.Latency v = l.get();
        ObjectNode o = n.putObject(name);
        o.put("n", v.n());
        o.put("mean", ResultJson.millis(v.mean()));
        if (v.min().isPresent()) {
            o.put("min", ResultJson.millis(v.min().get()));
        } else {
            o.putNull("min");
        }
        o.put("p50", ResultJson.millis(v.p50()));
        o.put("p95", ResultJson.millis(v.p95()));
        o.put("p99", ResultJson.millis(v.p99()));
        o.put("max", ResultJson.millis(v.max()));
        interval(o, "p50_ci95", v.ci95().p50());
        interval(o, "p95_ci95", v.ci95().p95());
        interval(o, "p99_ci95", v.ci95().p99());
    }

    private static void number(ObjectNode n, String name, OptionalDouble v) {
        if (v.isPresent()) {
            n.put(name, v.getAsDouble());
        } else {
            n.putNull(name);
        }
    }

    static Summary read(JsonFields f) {
        Summary.Group overall = group(f);
        Duration elapsed = Duration.ofNanos(Math.round(f.number("elapsed_seconds") * 1e9));
        double rate = f.number("requests_per_second");
        Map<String, Summary.Group> models = new LinkedHashMap<>();
        JsonFields byModel = f.object("by_model");
        byModel.node().fieldNames().forEachRemaining(id -> models.put(id, group(byModel.object(id))));
        Map<String, Summary.Group> prompts = new LinkedHashMap<>();
        JsonFields byPrompt = f.object("by_prompt");
        byPrompt.node().fieldNames().forEachRemaining(name -> prompts.put(name, group(byPrompt.object(name))));
        Map<Summary.PromptModel, Summary.Group> pairs = new LinkedHashMap<>();
        JsonNode array = f.array("by_prompt_and_model");
        for (int i = 0; i < array.size(); i++) {
            JsonFields pair = f.nested(array.get(i), "by_prompt_and_model[" + i + "]");
            pairs.put(new Summary.PromptModel(pair.string("prompt"), pair.string("model")), group(pair));
        }
        long retried = f.has("retried_cells") ? f.count("retried_cells") : 0;
        return new Summary(overall, models, prompts, pairs, elapsed, rate, retried, concurrency(f));
    }

    private static Summary.Group group(JsonFields f) {
        long cells = f.count("cells");
        long succeeded = f.count("succeeded");
        long failed = f.count("failed");
        if (succeeded + failed != cells) {
            throw f.problem("cells", "must be succeeded + failed (" + succeeded + " + " + failed + ") but was " + cells);
        }
        JsonFields t = f.object("tokens");
        Summary.Tokens tokens = new Summary.Tokens(optCount(t, "input_tokens"), optCount(t, "output_tokens"),
                optCount(t, "reasoning_tokens"), optCount(t, "cached_input_tokens"), optCount(t, "total_tokens"),
                t.count("results_without_usage"), mean(t, "total_tokens_per_result"));
        Summary.Cost cost = cost(f, "results_without_cost", "results_with_cost", "cost_per_result_usd", succeeded);
        Map<String, Summary.ScoreStats> scores = new LinkedHashMap<>();
        JsonFields s = f.object("scores");
        s.node().fieldNames().forEachRemaining(name -> {
            JsonFields st = s.object(name);
            Optional<Summary.PassAtK> atK = st.optObject("pass_at_k").map(a -> new Summary.PassAtK(
                    (int) Math.min(Integer.MAX_VALUE, a.count("k")), a.count("trials"), a.count("too_few_repetitions"),
                    optional(a.optNumber("pass_at_k")), optional(a.optNumber("pass_hat_k"))));
            scores.put(name, new Summary.ScoreStats(st.count("n"), st.count("errors"), optional(st.optNumber("mean")),
                    optional(st.optNumber("standard_deviation")), interval(st, "ci95"), atK));
        });
        Summary.ScorerCalls calls = f.optObject("scorer_calls").map(c -> new Summary.ScorerCalls(c.count("calls"),
                c.count("cached"), c.count("failed"), optCount(c, "input_tokens"), optCount(c, "output_tokens"),
                cost(c, "calls_without_cost", "calls_with_cost", "cost_per_call_usd",
                        Math.max(0, c.count("calls") - c.count("failed"))))).orElse(Summary.ScorerCalls.NONE);
        return new Summary.Group(cells, succeeded, failed, f.count("cached"), f.count("attempts"), scores,
                latency(f, "latency_ms"), latency(f, "time_to_first_token_ms"), tokens, cost, calls);
    }

    /**
     * Reads cost sums. A file written before issue 14 has no count of results with a known cost;
     * it is taken as the successful results (or calls) less those without cost, and at least 1
     * when some cost is known.
     */
    private static Summary.Cost cost(JsonFields f, String without, String with, String perResult, long succeeded) {
        double known = f.number("cost_known_usd");
        long withoutCost = f.count(without);
        long withCost = f.has(with) ? f.count(with)
                : Math.max(known > 0 ? 1 : 0, Math.max(0, succeeded - withoutCost));
        try {
            return new Summary.Cost(known, f.number("cost_spent_usd"), withoutCost, withCost, mean(f, perResult));
        } catch (IllegalArgumentException e) {
            throw f.problem(with, "is not a cost: " + e.getMessage());
        }
    }

    private static Optional<Summary.Interval> interval(JsonFields f, String name) {
        return f.optObject(name).map(c -> {
            try {
                Summary.IntervalMethod method = c.optString("method").map(Summary.IntervalMethod::fromWireName)
                        .orElse(Summary.IntervalMethod.T);
                return new Summary.Interval(c.number("lower"), c.number("upper"), c.number("level"), method);
            } catch (IllegalArgumentException e) {
                throw f.problem(name, "is not an interval: " + e.getMessage());
            }
        });
    }

    private static Optional<Summary.Mean> mean(JsonFields f, String name) {
        return f.optObject(name).map(m -> {
            try {
                return new Summary.Mean(m.count("n"), m.number("mean"), optional(m.optNumber("standard_deviation")),
                        interval(m, "ci95"));
            } catch (IllegalArgumentException e) {
                throw f.problem(name, "is not a mean: " + e.getMessage());
            }
        });
    }

    private static OptionalLong optCount(JsonFields f, String name) {
        if (f.get(name).isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(f.count(name));
    }

    private static Optional<Summary.Latency> latency(JsonFields f, String name) {
        return f.optObject(name).map(l -> new Summary.Latency(l.count("n"), ms(l, "mean"),
                l.get("min").isPresent() ? Optional.of(ms(l, "min")) : Optional.empty(), ms(l, "p50"), ms(l, "p95"),
                ms(l, "p99"), ms(l, "max"), new Summary.PercentileIntervals(interval(l, "p50_ci95"),
                        interval(l, "p95_ci95"), interval(l, "p99_ci95"))));
    }

    private static Duration ms(JsonFields f, String name) {
        double v = f.number(name);
        if (v < 0) {
            throw f.problem(name, "must be >= 0 but was " + v);
        }
        return ResultJson.duration(v);
    }

    private static OptionalDouble optional(Optional<Double> v) {
        return v.map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
    }
}
