package dev.bench4j.examples.cli;

import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The summary a person reads after {@code bench run}: one row per (prompt, model) with cells,
 * success rate and its Wilson interval, each score's mean with its 95% interval, latency, tokens
 * and cost (– where no result reported them); then the run's totals, tokens and cost per cell with
 * their intervals, the LLM judges' calls and cost (kept apart), and what failed.
 */
final class SummaryTable {

    private SummaryTable() {
    }

    /**
     * Renders a run's summary.
     *
     * @param run the run
     * @param failures what was kept of the failed cells
     * @param t the terminal (for colours)
     * @return the text, ending with a newline
     */
    static String render(Run run, FailureSample failures, Terminal t) {
        Summary s = run.summary();
        Set<String> scorers = new LinkedHashSet<>(run.info().plan().scorers());
        s.overall().scores().keySet().forEach(scorers::add);
        StringBuilder sb = new StringBuilder(groups(s, scorers, t));
        sb.append('\n').append(footer(run, t));
        sb.append('\n');
        perCell(s.overall(), sb);
        legend(!scorers.isEmpty(), sb);
        passAtK(s, t, sb);
        judges(s.overall().scorerCalls(), sb);
        concurrency(s, sb);
        errors(s, failures, t, sb);
        return sb.toString();
    }

    /**
     * Renders a summary's (prompt, model) groups and the total, one row each.
     *
     * @param s the summary
     * @param scorers the score columns, in order
     * @param t the terminal
     * @return the table, ending with a newline
     */
    static String groups(Summary s, Set<String> scorers, Terminal t) {
        List<String> header = new ArrayList<>(List.of("prompt", "model", "cells", "ok"));
        scorers.forEach(header::add);
        header.addAll(List.of("p50", "p95"));
        boolean streamed = s.overall().timeToFirstToken().isPresent();
        if (streamed) {
            header.add("ttft p50");
        }
        header.addAll(List.of("tokens in/out", "cost"));
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<Summary.PromptModel, Summary.Group> e : s.byPromptAndModel().entrySet()) {
            rows.add(row(Terminal.clean(e.getKey().prompt()), Terminal.clean(e.getKey().model()), e.getValue(), scorers,
                    streamed));
        }
        rows.add(row("all", "", s.overall(), scorers, streamed));
        return Table.render(header, rows, 2, rows.size() > 2, t);
    }

    private static List<String> row(String prompt, String model, Summary.Group g, Set<String> scorers, boolean streamed) {
        List<String> r = new ArrayList<>(List.of(prompt, model, Format.count(g.cells()),
                Format.percent(g.successRate(), g.successRateCi95())));
        for (String name : scorers) {
            Summary.ScoreStats st = g.scores().get(name);
            if (st == null || st.mean().isEmpty()) {
                r.add(st != null && st.errors() > 0 ? "- (" + st.errors() + " errors)" : "-");
            } else {
                String m = Format.number(st.mean().getAsDouble());
                String cell = st.ci95().map(ci -> ci.method() == Summary.IntervalMethod.T
                        ? m + " ± " + Format.number(ci.halfWidth())
                        : m + " (" + Format.number(ci.lower()) + "–" + Format.number(ci.upper()) + ")").orElse(m);
                r.add(st.errors() > 0 ? cell + " (" + st.errors() + " err)" : cell);
            }
        }
        r.add(g.latency().map(l -> Format.duration(l.p50())).orElse("-"));
        r.add(g.latency().map(l -> Format.duration(l.p95())).orElse("-"));
        if (streamed) {
            r.add(g.timeToFirstToken().map(l -> Format.duration(l.p50())).orElse("-"));
        }
        r.add(Format.count(g.tokens().input()) + " / " + Format.count(g.tokens().output()));
        r.add(cost(g.cost()));
        return r;
    }

    /** The total cost; {@code >= $x} while some result's cost is unknown; – when no result's is known. */
    private static String cost(Summary.Cost cost) {
        if (cost.totalUsd().isPresent()) {
            return Format.usd(cost.totalUsd().getAsDouble());
        }
        return cost.resultsWithCost() == 0 ? Format.UNKNOWN : ">= " + Format.usd(cost.knownUsd());
    }

    /**
     * Appends the line that says what the table's intervals are and what "–" means.
     *
     * @param scores whether the table has score columns
     * @param sb where to append
     */
    static void legend(boolean scores, StringBuilder sb) {
        sb.append("ok is the success rate (95% Wilson interval)");
        if (scores) {
            sb.append("; scores are mean ± half-width of the 95% t-interval, or mean (95% interval) for 0/1 scores"
                    + " (Wilson) and scores in [0, 1] (t, clamped)");
        }
        sb.append("; – is unknown\n");
    }

    /**
     * Appends pass@k and pass^k of each pass/fail score, per (prompt, model) and overall, when the
     * run had repetitions; nothing otherwise.
     *
     * @param s the summary
     * @param t the terminal
     * @param sb where to append
     */
    static void passAtK(Summary s, Terminal t, StringBuilder sb) {
        List<String> scores = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, Summary.ScoreStats> e : s.overall().scores().entrySet()) {
            if (e.getValue().passAtK().isPresent()) {
                scores.add(e.getKey());
                k = e.getValue().passAtK().get().k();
            }
        }
        if (scores.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("prompt", "model"));
        for (String name : scores) {
            header.add(Terminal.clean(name) + " pass@" + k);
            header.add("pass^" + k);
        }
        List<List<String>> rows = new ArrayList<>();
        s.byPromptAndModel().forEach((pm, g) -> rows.add(passRow(Terminal.clean(pm.prompt()), Terminal.clean(pm.model()),
                g, scores)));
        rows.add(passRow("all", "", s.overall(), scores));
        sb.append('\n').append(Table.render(header, rows, 2, rows.size() > 2, t));
        sb.append("pass@").append(k).append(" is the chance that at least one of ").append(k)
                .append(" attempts at a trial passes, pass^").append(k).append(" that all do (mean over the trials;")
                .append(" Chen et al. 2021's unbiased estimator)\n");
    }

    private static List<String> passRow(String prompt, String model, Summary.Group g, List<String> scores) {
        List<String> r = new ArrayList<>(List.of(prompt, model));
        for (String name : scores) {
            Optional<Summary.PassAtK> a = Optional.ofNullable(g.scores().get(name)).flatMap(Summary.ScoreStats::passAtK);
            r.add(a.flatMap(x -> x.passAtK().isPresent() ? Optional.of(Format.number(x.passAtK().getAsDouble()))
                    : Optional.empty()).orElse("-"));
            r.add(a.flatMap(x -> x.passHatK().isPresent() ? Optional.of(Format.number(x.passHatK().getAsDouble()))
                    : Optional.empty()).orElse("-"));
        }
        return r;
    }

    /**
     * Appends the run's mean tokens and cost per cell with their 95% intervals (t, clamped at 0),
     * over the cells whose figure is known; nothing when neither is known.
     *
     * @param all the overall group
     * @param sb where to append
     */
    static void perCell(Summary.Group all, StringBuilder sb) {
        Optional<Summary.Mean> tokens = all.tokensPerCell();
        Optional<Summary.Mean> cost = all.costPerCell();
        if (tokens.isEmpty() && cost.isEmpty()) {
            return;
        }
        sb.append("Per cell: ");
        tokens.ifPresent(m -> sb.append(String.format(Locale.ROOT, "%,.1f", m.mean())).append(" tokens")
                .append(m.ci95().map(ci -> String.format(Locale.ROOT, " (95%% CI %,.1f–%,.1f)", ci.lower(), ci.upper()))
                        .orElse("")));
        if (tokens.isPresent() && cost.isPresent()) {
            sb.append(", ");
        }
        cost.ifPresent(m -> sb.append(Format.usd(m.mean())).append(m.ci95()
                .map(ci -> " (95% CI " + Format.usd(ci.lower()) + "–" + Format.usd(ci.upper()) + ")").orElse("")));
        sb.append('\n');
    }

    private static String footer(Run run, Terminal t) {
        Summary.Group all = run.summary().overall();
        String status = run.status().wireName() + run.statusReason().map(r -> " (" + Terminal.clean(r) + ")").orElse("");
        status = run.status() == RunStatus.COMPLETED ? t.green(status) : t.red(status);
        return "Run " + run.id() + " " + status + " in " + Format.duration(run.duration()) + ": "
                + Format.count(all.cells()) + " cells, " + Format.count(all.succeeded()) + " ok, "
                + Format.count(all.failed()) + " failed, " + Format.count(all.cached()) + " cached, "
                + Format.count(all.attempts()) + " calls; "
                + String.format(Locale.ROOT, "%.1f cells/s", run.summary().cellsPerSecond());
    }

    /**
     * Appends one line on the scorers' own model calls (LLM judges), whose cost is not in the cost
     * column; nothing when no scorer called a model.
     *
     * @param c the calls
     * @param sb where to append
     */
    static void judges(Summary.ScorerCalls c, StringBuilder sb) {
        if (c.calls() == 0) {
            return;
        }
        Summary.Cost cost = c.cost();
        sb.append("Judge calls (not in the cost column): ").append(Format.count(c.calls())).append(" calls, ")
                .append(Format.count(c.cached())).append(" cached, ").append(Format.count(c.failed())).append(" failed, ")
                .append(Format.count(c.inputTokens())).append(" / ").append(Format.count(c.outputTokens()))
                .append(" tokens, cost ").append(cost(cost))
                .append('\n');
    }

    /**
     * Appends one line per endpoint whose adaptive concurrency changed, e.g.
     * {@code concurrency openai https://api.x/v1: 64 → 32 at 1.2 s → 40 at 5.0 s (min 32)}; nothing
     * when no limit changed.
     *
     * @param s the summary
     * @param sb where to append
     */
    static void concurrency(Summary s, StringBuilder sb) {
        for (Summary.EndpointConcurrency c : s.concurrency()) {
            sb.append("concurrency ").append(Terminal.clean(c.endpoint())).append(": ").append(c.configured());
            for (Summary.ConcurrencyChange change : c.changes()) {
                sb.append(" → ").append(change.limit()).append(" at ").append(Format.duration(change.at()));
            }
            if (c.omitted() > 0) {
                sb.append(" → … (").append(Format.count(c.omitted())).append(" more changes) → ").append(c.last());
            }
            sb.append(" (min ").append(c.lowest()).append(")\n");
        }
    }

    /** Which per-trial checks failed, how often, and the first answers that failed one with the reason. */
    private static void failedChecks(FailureSample failures, Terminal t, StringBuilder sb) {
        long failed = failures.failedChecks();
        if (failed == 0) {
            return;
        }
        sb.append(t.red("Failed checks: " + Format.count(failed) + (failed == 1 ? " answer" : " answers") + " ("
                + failures.byCheck().entrySet().stream().map(e -> Terminal.clean(e.getKey()) + " × " + e.getValue())
                .collect(Collectors.joining(", ")) + ")")).append('\n');
        for (Result r : failures.firstFailedChecks()) {
            sb.append("  ").append(Terminal.clean(r.cell().toString())).append(": ")
                    .append(Terminal.clean(r.scores().get(FailureSample.CHECKS).reason().orElse(""))).append('\n');
        }
        if (failed > failures.firstFailedChecks().size()) {
            sb.append("  ... and ").append(Format.count(failed - failures.firstFailedChecks().size())).append(" more\n");
        }
    }

    private static void errors(Summary s, FailureSample failures, Terminal t, StringBuilder sb) {
        failedChecks(failures, t, sb);
        long failed = s.overall().failed();
        if (failed == 0) {
            return;
        }
        sb.append(t.red("Failed cells: " + failures.byKind().entrySet().stream().map(e -> e.getKey() + " × " + e.getValue())
                .collect(Collectors.joining(", ")))).append('\n');
        for (Result r : failures.first()) {
            sb.append("  ").append(Terminal.clean(r.cell().toString())).append(": ")
                    .append(Terminal.clean(r.error().orElseThrow().message())).append('\n');
        }
        if (failed > failures.first().size()) {
            sb.append("  ... and ").append(Format.count(failed - failures.first().size())).append(" more\n");
        }
    }
}
