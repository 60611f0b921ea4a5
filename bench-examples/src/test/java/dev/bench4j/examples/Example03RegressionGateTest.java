package dev.bench4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Summary;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Example 3: a regression gate in JUnit. The quickstart plan replays recorded answers, so this test
 * is fast and offline; point the plan at real models to gate a prompt change in CI.
 */
class Example03RegressionGateTest {

    private static final Path PLAN = Path.of("..", "examples", "quickstart", "plan.json");

    @Test
    void theCarefulModelKeepsItsExtractionQuality() {
        Run run = PlanFile.load(PLAN).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        Summary.Group careful = run.summary().byModel().get("careful");
        assertThat(careful.successRate()).hasValue(1.0);
        assertThat(careful.scores().get("set_f1").mean().getAsDouble()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void thePromptWithRulesHelpsTheHastyModel() {
        Run run = PlanFile.load(PLAN).build().run();

        double v1 = run.summary().forPair("extract-v1", "hasty").orElseThrow().scores().get("set_f1").mean().getAsDouble();
        double v2 = run.summary().forPair("extract-v2", "hasty").orElseThrow().scores().get("set_f1").mean().getAsDouble();
        assertThat(v2).isGreaterThan(v1);
    }
}
