package dev.bench4j.examples.cli;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.PlanEstimate;
import dev.bench4j.core.PlanEstimate.InputTokens;
import dev.bench4j.core.PlanEstimate.ModelEstimate;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code bench run PLAN --dry-run}: the plan's {@link PlanEstimate} as a table (one row per model
 * config and judge: how its tokens were counted, calls, input tokens, the output cap and the cost
 * range) with a total row and notes on what is unknown and what the range assumes. Nothing is
 * called, opened or stored.
 */
final class DryRunReport {

    private DryRunReport() {
    }

    /**
     * Estimates the plan and prints the report on standard output.
     *
     * @param plan the built plan (without a store)
     * @param resumeId the run {@code --resume} names, if any: its finished cells are still counted
     * @param io where to print
     * @return the exit code, 0
     */
    static int print(BenchmarkPlan plan, Optional<String> resumeId, Bench.Io io) {
        PlanEstimate estimate = plan.estimate();
        PrintStream out = io.out();
        out.print(render(plan, estimate, resumeId, io.terminal()));
        out.flush();
        return 0;
    }

    /**
     * Renders the report.
     *
     * @param plan the plan
     * @param e its estimate
     * @param resumeId the run {@code --resume} names, if any
     * @param t the terminal (bold header and total)
     * @return the lines, each ending with a newline
     */
    static String render(BenchmarkPlan plan, PlanEstimate e, Optional<String> resumeId, Terminal t) {
        StringBuilder sb = new StringBuilder();
        sb.append("Dry run of ").append(Terminal.clean(plan.name())).append(": nothing is called or stored.\n");
        sb.append(plan.prompts().size()).append(" prompts × ").append(plan.models().size()).append(" models × ")
                .append(plan.trials().size()).append(" trials × ").append(plan.repetitions()).append(" repetitions = ")
                .append(Format.count(e.cells())).append(" cells: ").append(Format.count(e.requests()))
                .append(" model requests, ").append(Format.count(e.judgeCalls())).append(" judge calls\n\n");
        List<List<String>> rows = new ArrayList<>();
        e.models().forEach(m -> rows.add(row(m.id(), m)));
        e.judges().forEach(j -> rows.add(row(j.id() + " (judge)", j)));
        rows.add(List.of("total", "", e.exact() ? "exact" : "estimated", Format.count(e.requests() + e.judgeCalls()),
                tokens(e), "", cost(e.minCostUsd(), e.maxCostUsd())));
        sb.append(Table.render(List.of("model", "provider/model", "tokens counted", "calls", "input tokens",
                "max output", "cost (min - max)"), rows, 3, true, t));
        sb.append('\n');
        notes(e, resumeId).forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
    }

    private static List<String> row(String label, ModelEstimate m) {
        InputTokens in = m.inputTokens();
        String tokens = in.atMost().isPresent() && in.atMost().getAsLong() != in.atLeast()
                ? Format.count(in.atLeast()) + " - " + Format.count(in.atMost().getAsLong())
                : in.atMost().isPresent() ? Format.count(in.atLeast()) : ">= " + Format.count(in.atLeast());
        String cap = m.maxOutputTokens().isPresent() ? Format.count(m.maxOutputTokens().getAsInt()) + "/call" : "not set";
        return List.of(Terminal.clean(label), Terminal.clean(m.provider() + "/" + m.model()),
                (in.exact() ? "exact (" : "estimated (") + Terminal.clean(in.counter()) + ")", Format.count(m.calls()),
                tokens, cap,
                m.price().isEmpty() ? "unknown (no price)" : cost(m.minCostUsd(), m.maxCostUsd()));
    }

    private static String tokens(PlanEstimate e) {
        long least = e.inputTokens();
        boolean bounded = true;
        long most = 0;
        for (ModelEstimate l : lines(e)) {
            if (l.inputTokens().atMost().isEmpty()) {
                bounded = false;
            } else {
                most += l.inputTokens().atMost().getAsLong();
            }
        }
        if (!bounded) {
            return ">= " + Format.count(least);
        }
        return most == least ? Format.count(least) : Format.count(least) + " - " + Format.count(most);
    }

    private static String cost(OptionalDouble min, OptionalDouble max) {
        if (min.isEmpty()) {
            return "unknown";
        }
        if (max.isEmpty()) {
            return ">= " + Format.usd(min.getAsDouble());
        }
        return Format.usd(min.getAsDouble()) + " - " + Format.usd(max.getAsDouble());
    }

    private static List<ModelEstimate> lines(PlanEstimate e) {
        List<ModelEstimate> all = new ArrayList<>(e.models());
        all.addAll(e.judges());
        return all;
    }

    private static List<String> notes(PlanEstimate e, Optional<String> resumeId) {
        List<String> notes = new ArrayList<>();
        List<String> unpriced = lines(e).stream().filter(l -> l.price().isEmpty()).map(ModelEstimate::id).distinct()
                .map(Terminal::clean).toList();
        if (!unpriced.isEmpty()) {
            notes.add("No price for " + String.join(", ", unpriced) + ": their cost and the total are unknown "
                    + "(set \"price\" in the model config).");
        }
        List<String> uncapped = lines(e).stream().filter(l -> l.maxOutputTokens().isEmpty()).map(ModelEstimate::id)
                .distinct().map(Terminal::clean).toList();
        if (!uncapped.isEmpty()) {
            notes.add("No max_output_tokens for " + String.join(", ", uncapped) + ": the most their answers can "
                    + "cost is unknown, so only a lower bound is shown.");
        }
        notes.add("Input tokens: exact = the model's own tokenizer (the chat framing, a few tokens a message, "
                + "follows OpenAI's documented rule); estimated = from the text's UTF-8 length, usually within "
                + "about 30%.");
        notes.add("Cost: from the input alone (every answer empty) to the input plus every answer at "
                + "max_output_tokens; retries, cache hits and cached-input discounts are not counted.");
        if (e.judgeCalls() > 0) {
            notes.add("Judges: one call per cell and judge, as if every cell succeeds; the answer a judge reads is "
                    + "counted from 0 up to the graded model's max_output_tokens.");
        }
        resumeId.ifPresent(id -> notes.add("--resume " + Terminal.clean(id) + ": the cells the run already holds "
                + "are counted too."));
        return notes;
    }
}
