package dev.bench4j.web.internal;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Review;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON of cells: a grid cell from the index, and a whole cell from its result. */
final class CellJson {

    private CellJson() {
    }

    /** A configuration column. */
    static Map<String, Object> config(RunIndex index, int c) {
        Map<String, Object> o = Json.object();
        o.put("index", c);
        o.put("key", index.configs.get(c).key());
        o.put("prompt", index.configs.get(c).prompt());
        o.put("model", index.configs.get(c).model());
        return o;
    }

    /** A grid cell: its output cut to {@code preview} characters, scores, reasons, error and costs. */
    static Map<String, Object> summary(RunIndex index, int cell, int preview) {
        Map<String, Object> o = Json.object();
        o.put("ok", index.ok(cell));
        String out = index.output[cell];
        o.put("output", RunIndex.cut(out, preview));
        o.put("output_cut", out.length() > preview || !index.textComplete() && out.length() >= RunIndex.PREVIEW);
        o.put("finish_reason", RunIndex.finishReason(index.finish[cell]).wireName());
        o.put("error", index.error[cell]);
        o.put("latency_ms", Json.num(index.latencyMs[cell]));
        o.put("input_tokens", index.inputTokens[cell] < 0 ? null : index.inputTokens[cell]);
        o.put("output_tokens", index.outputTokens[cell] < 0 ? null : index.outputTokens[cell]);
        o.put("cost_usd", Json.num(index.costUsd[cell]));
        o.put("cached", index.cached(cell));
        Map<String, Object> scores = Json.object();
        Map<String, Object> reasons = Json.object();
        Map<String, Object> errors = Json.object();
        int s = index.scoreNames.size();
        for (int k = 0; k < s; k++) {
            String name = index.scoreNames.get(k);
            double v = index.score(cell, k);
            if (!Double.isNaN(v)) {
                scores.put(name, v);
            }
            String reason = index.reasons[cell * s + k];
            if (reason != null) {
                reasons.put(name, reason);
            }
            String error = index.scoreErrors[cell * s + k];
            if (error != null) {
                errors.put(name, RunIndex.cut(error, 300));
            }
        }
        o.put("scores", scores);
        o.put("reasons", reasons);
        o.put("score_errors", errors);
        return o;
    }

    /** A whole cell: the rendered messages, the trial's variables and expected answer, the result, and its reviews. */
    static Map<String, Object> full(Result r, Optional<Prompt> prompt, Optional<Trial> trial, List<Review> reviews) {
        Map<String, Object> o = Json.object();
        o.put("cell", cell(r.cell()));
        o.put("messages", null);
        if (prompt.isPresent() && trial.isPresent()) {
            try {
                o.put("messages", messages(prompt.get().render(trial.get().vars())));
            } catch (IllegalArgumentException e) {
                o.put("render_error", e.getMessage());
            }
        } else if (prompt.isPresent()) {
            o.put("render_error", "this run kept no trials (it was made before bench4j kept them); the prompt's template:");
            o.put("template", messages(prompt.get().messages()));
        }
        o.put("vars", trial.map(Trial::vars).orElse(null));
        o.put("has_expected", trial.map(t -> t.expected().isPresent()).orElse(false));
        o.put("expected", trial.flatMap(Trial::expected).orElse(null));
        o.put("output", r.output());
        o.put("ok", r.succeeded());
        o.put("finish_reason", r.finishReason().wireName());
        o.put("raw_finish_reason", r.rawFinishReason().orElse(null));
        o.put("error", r.error().map(CellJson::error).orElse(null));
        o.put("usage", usage(r.usage()));
        o.put("started_at", r.timing().startedAt().toString());
        o.put("latency_ms", Json.millis(r.latency()));
        o.put("time_to_first_token_ms", Json.millis(r.timing().timeToFirstToken()));
        o.put("cost_usd", Json.num(r.costUsd()));
        o.put("cached", r.cached());
        o.put("attempts", r.attempts());
        o.put("model_version", r.modelVersion().orElse(null));
        Map<String, Object> scores = Json.object();
        r.scores().forEach((name, s) -> scores.put(name, score(s)));
        o.put("scores", scores);
        o.put("metrics", r.metrics());
        List<Object> rs = new ArrayList<>();
        for (Review v : reviews) {
            rs.add(ReviewJson.toJson(v));
        }
        o.put("reviews", rs);
        return o;
    }

    static Map<String, Object> cell(CellId c) {
        Map<String, Object> o = Json.object();
        o.put("prompt", c.prompt());
        o.put("model", c.model());
        o.put("trial", c.trial());
        o.put("repetition", c.repetition());
        return o;
    }

    static List<Object> messages(List<Message> messages) {
        List<Object> out = new ArrayList<>();
        for (Message m : messages) {
            Map<String, Object> o = Json.object();
            o.put("role", m.role().wireName());
            o.put("content", m.content());
            out.add(o);
        }
        return out;
    }

    static Map<String, Object> usage(Usage u) {
        Map<String, Object> o = Json.object();
        o.put("input_tokens", Json.num(u.inputTokens()));
        o.put("output_tokens", Json.num(u.outputTokens()));
        o.put("reasoning_tokens", Json.num(u.reasoningTokens()));
        o.put("cached_input_tokens", Json.num(u.cachedInputTokens()));
        o.put("total_tokens", Json.num(u.totalTokens()));
        return o;
    }

    static Map<String, Object> error(ResultError e) {
        Map<String, Object> o = Json.object();
        o.put("kind", e.kind().wireName());
        o.put("message", e.message());
        o.put("http_status", Json.num(e.httpStatus()));
        return o;
    }

    private static Map<String, Object> score(Score s) {
        Map<String, Object> o = Json.object();
        o.put("value", Json.num(s.value()));
        o.put("reason", s.reason().orElse(null));
        o.put("details", s.details());
        o.put("error", s.error().orElse(null));
        List<Object> calls = new ArrayList<>();
        for (Score.Call c : s.calls()) {
            Map<String, Object> call = Json.object();
            call.put("model", c.model());
            call.put("usage", usage(c.usage()));
            call.put("cost_usd", Json.num(c.costUsd()));
            call.put("cached", c.cached());
            call.put("attempts", c.attempts());
            call.put("latency_ms", Json.millis(c.latency()));
            call.put("error", c.error().map(CellJson::error).orElse(null));
            calls.add(call);
        }
        o.put("calls", calls);
        return o;
    }
}
