package dev.bench4j.examples;

import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Progress;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Example 2: run a plan file (the quickstart's by default) from Java, override a setting, and watch
 * the progress while it runs, as the {@code bench} command does.
 */
public final class Example02PlanFile {

    private Example02PlanFile() {
    }

    /**
     * Runs a plan file.
     *
     * @param args the plan file, default {@code examples/quickstart/plan.json}
     */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/quickstart/plan.json");

        // Everything the file declares, then code-level overrides on the same builder.
        RunHandle handle = PlanFile.load(file).toBuilder().concurrency(4).build().start();

        Optional<Run> done;
        while ((done = handle.await(Duration.ofMillis(100))).isEmpty()) {
            Progress p = handle.progress();
            System.out.printf("%d/%d cells, %d failed%n", p.done(), p.totalCells(), p.failed());
        }
        Run run = done.get();
        run.summary().byPromptAndModel().forEach((pair, g) -> System.out.printf("%-12s %-10s F1 %s%n",
                pair.prompt(), pair.model(), g.scores().get("set_f1").describe()));
    }
}
