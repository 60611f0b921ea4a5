package dev.bench4j.examples;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Summary;
import dev.bench4j.core.Trial;
import dev.bench4j.scoring.Scorers;
import java.util.List;
import java.util.Map;

/**
 * Example 1: a whole benchmark in plain Java, on the built-in {@code echo} provider (it answers with
 * the rendered user message), so it runs anywhere without an API key. Swap the model configs for
 * real ones (e.g. {@code ModelConfig.of("openai", "gpt-4o-mini")}) once a provider module is on the
 * class path.
 */
public final class Example01Quickstart {

    private Example01Quickstart() {
    }

    /**
     * Runs the example and prints one line per result and the summary per model.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        // 1. Describe the benchmark: prompts × models × trials × repetitions.
        BenchmarkPlan plan = BenchmarkPlan.named("triage")
                .prompt(Prompt.named("v1").system("You are a triage nurse.").user("Classify: {{text}}"))
                .prompt(Prompt.named("v2").system("Answer with one word.").user("{{text}}"))
                .model(ModelConfig.of("echo", "echo-1"))
                .model(ModelConfig.of("echo", "echo-slow").withParam("latency_ms", 20))
                .trials(List.of(
                        Trial.of("t1", Map.of("text", "crushing chest pain")).withExpected("chest pain"),
                        Trial.of("t2", Map.of("text", "runny nose since Monday")).withExpected("runny nose")))
                .scorer(Scorers.contains())          // 1.0 when the output contains the expected text
                .repetitions(2)
                .concurrency(8)
                .build();                            // everything is checked here, before any call

        // 2. Run it (blocking; plan.start() returns a handle with progress and cancel).
        Run run = plan.run();

        // 3. Read every result and the summary.
        for (Result r : run.results()) {
            System.out.printf("%-28s %-10s %s%n", r.cell(), r.succeeded() ? "ok" : r.error().orElseThrow().kind(), r.output());
        }
        for (Map.Entry<String, Summary.Group> e : run.summary().byModel().entrySet()) {
            Summary.Group g = e.getValue();
            System.out.printf("%s: %d cells, contains %s, p50 %d ms%n", e.getKey(), g.cells(),
                    g.scores().get("contains").describe(), g.latency().map(Summary.Latency::p50).orElseThrow().toMillis());
        }
        System.out.println(run);
    }
}
