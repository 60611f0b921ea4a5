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

/**
 * Writes a {@link Summary} as the {@code summary} object of {@code run.json} and reads it back.
 *
 * <p>The object holds the overall group's figures at its top ({@code cells}, {@code succeeded},
 * {@code failed}, {@code cached}, {@code attempts}, {@code success_rate}, {@code tokens},
 * {@code cost_usd} and its parts, {@code scores}, {@code latency_ms}, {@code time_to_first_token_ms},
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
        ObjectNode t = n.putObject("tokens");
        t.put("input_tokens", g.tokens().input());
        t.put("output_tokens", g.tokens().output());
        t.put("reasoning_tokens", g.tokens().reasoning());
        t.put("cached_input_tokens", g.tokens().cachedInput());
        t.put("total_tokens", g.tokens().total());
        t.put("results_without_usage", g.tokens().resultsWithoutUsage());
        cost(n, g.cost(), "results_without_cost");
        ObjectNode scores = n.putObject("scores");
        g.scores().forEach((name, st) -> {
            ObjectNode o = scores.putObject(name);
            o.put("n", st.n());
            o.put("errors", st.errors());
            number(o, "mean", st.mean());
            number(o, "standard_deviation", st.standardDeviation());
            number(o, "standard_error", st.standardError());
            if (st.ci95().isPresent()) {
                ObjectNode ci = o.putObject("ci95");
                ci.put("lower", st.ci95().get().lower());
                ci.put("upper", st.ci95().get().upper());
                ci.put("level", st.ci95().get().level());
            } else {
                o.putNull("ci95");
            }
        });
        latency(n, "latency_ms", g.latency());
        latency(n, "time_to_first_token_ms", g.timeToFirstToken());
        Summary.ScorerCalls calls = g.scorerCalls();
        if (calls.calls() > 0) {
            ObjectNode o = n.putObject("scorer_calls");
            o.put("calls", calls.calls());
            o.put("cached", calls.cached());
            o.put("failed", calls.failed());
            o.put("input_tokens", calls.inputTokens());
            o.put("output_tokens", calls.outputTokens());
            cost(o, calls.cost(), "calls_without_cost");
        }
    }

    private static void cost(ObjectNode n, Summary.Cost cost, String without) {
        number(n, "cost_usd", cost.totalUsd());
        n.put("cost_known_usd", cost.knownUsd());
        n.put("cost_spent_usd", cost.spentUsd());
        n.put(without, cost.resultsWithoutCost());
    }

    private static void latency(ObjectNode n, String name, Optional<Summary.Latency> l) {
        if (l.isEmpty()) {
            n.putNull(name);
            return;
        }
        ObjectNode o = n.putObject(name);
        o.put("n", l.get().n());
        o.put("mean", ResultJson.millis(l.get().mean()));
        o.put("p50", ResultJson.millis(l.get().p50()));
        o.put("p95", ResultJson.millis(l.get().p95()));
        o.put("p99", ResultJson.millis(l.get().p99()));
        o.put("max", ResultJson.millis(l.get().max()));
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
        JsonFields t = f.object("tokens");
        Summary.Tokens tokens = new Summary.Tokens(t.count("input_tokens"), t.count("output_tokens"),
                t.count("reasoning_tokens"), t.count("cached_input_tokens"), t.count("total_tokens"),
                t.count("results_without_usage"));
        Summary.Cost cost = cost(f, "results_without_cost");
        Map<String, Summary.ScoreStats> scores = new LinkedHashMap<>();
        JsonFields s = f.object("scores");
        s.node().fieldNames().forEachRemaining(name -> {
            JsonFields st = s.object(name);
            Optional<Summary.Interval> ci = st.optObject("ci95").map(c -> {
                try {
                    return new Summary.Interval(c.number("lower"), c.number("upper"), c.number("level"));
                } catch (IllegalArgumentException e) {
                    throw st.problem("ci95", "is not an interval: " + e.getMessage());
                }
            });
            scores.put(name, new Summary.ScoreStats(st.count("n"), st.count("errors"), optional(st.optNumber("mean")),
                    optional(st.optNumber("standard_deviation")), ci));
        });
        long cells = f.count("cells");
        long succeeded = f.count("succeeded");
        long failed = f.count("failed");
        if (succeeded + failed != cells) {
            throw f.problem("cells", "must be succeeded + failed (" + succeeded + " + " + failed + ") but was " + cells);
        }
        Summary.ScorerCalls calls = f.optObject("scorer_calls").map(c -> new Summary.ScorerCalls(c.count("calls"),
                c.count("cached"), c.count("failed"), c.count("input_tokens"), c.count("output_tokens"),
                cost(c, "calls_without_cost"))).orElse(Summary.ScorerCalls.NONE);
        return new Summary.Group(cells, succeeded, failed, f.count("cached"), f.count("attempts"), scores,
                latency(f, "latency_ms"), latency(f, "time_to_first_token_ms"), tokens, cost, calls);
    }

    private static Summary.Cost cost(JsonFields f, String without) {
        return new Summary.Cost(f.number("cost_known_usd"), f.number("cost_spent_usd"), f.count(without));
    }

    private static Optional<Summary.Latency> latency(JsonFields f, String name) {
        return f.optObject(name).map(l -> new Summary.Latency(l.count("n"), ms(l, "mean"), ms(l, "p50"), ms(l, "p95"),
                ms(l, "p99"), ms(l, "max")));
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
