package dev.bench4j.web.testing;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.Score;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.store.json.JsonRunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Runs the viewer's tests look at: the quickstart, and a run full of hostile text. */
public final class WebFixtures {

    /** Text that would run script or inject markup if a page ever treated it as HTML. */
    public static final String SCRIPT = "<script>window.__pwned = 'script'</script>";
    public static final String IMG = "\"><img src=x onerror=\"window.__pwned = 'img'\">";
    public static final String CLOSE = "</script><script>window.__pwned = 'close'</script>";
    public static final String MUSTACHE = "{{constructor.constructor('window.__pwned = 1')()}}";

    private WebFixtures() {
    }

    /** The quickstart plan (replayed answers, set_f1 and a recorded judge): 80 cells. */
    public static Run quickstart(JsonRunStore store) {
        return PlanFile.load(Path.of("..", "examples", "quickstart", "plan.json")).toBuilder().store(store).build().run();
    }

    /**
     * A run whose name, prompt, model id, trial ids, variables, outputs, errors and score reasons
     * hold markup and script: 2 prompts × 2 models × 3 trials, one call failing with a hostile message.
     */
    public static Run hostile(JsonRunStore store) {
        ScriptedProvider evil = ScriptedProvider.named("evil", r -> {
            String last = r.messages().get(r.messages().size() - 1).content();
            if (last.contains("fail") && r.config().id().endsWith("b")) {
                return CompletableFuture.failedFuture(CallException.forHttpStatus(400, "bad request " + SCRIPT + IMG, Optional.empty()));
            }
            return CompletableFuture.completedFuture(ScriptedProvider.answer(last + " " + SCRIPT + " " + IMG + " " + CLOSE));
        });
        Scorer reason = Scorer.of("evil_score", r -> Score.of(r.result().output().length() % 2).withReason(IMG + SCRIPT));
        return BenchmarkPlan.named("hostile " + SCRIPT).provider(evil)
                .prompt(Prompt.named("p" + IMG).user("Q {{x}} " + MUSTACHE))
                .prompt(Prompt.named("plain").user("R {{x}}"))
                .model(ModelConfig.of("evil", "a").withId("evil-a"))
                .model(ModelConfig.of("evil", "b").withId("evil-" + "b"))
                .trials(List.of(
                        Trial.of("t-" + SCRIPT, Map.of("x", SCRIPT)).withExpected(IMG),
                        Trial.of("t2", Map.of("x", "fail " + CLOSE)).withExpected(Map.of("k", SCRIPT)),
                        Trial.of("t3", Map.of("x", MUSTACHE))))
                .scorer(reason)
                .noCache().store(store).build().run();
    }
}
