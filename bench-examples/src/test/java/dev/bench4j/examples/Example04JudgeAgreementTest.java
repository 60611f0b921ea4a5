package dev.bench4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.PlanFile;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.scoring.compare.Agreement;
import dev.bench4j.scoring.compare.Leaderboard;
import dev.bench4j.scoring.stats.Correlation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Example 4: before trusting an LLM judge where there is no gold answer, check it where there is one.
 * The quickstart plan grades every answer twice: against the gold conditions ({@code set_f1}) and by
 * a recorded LLM judge ({@code judge}). Here the gold-standard F1 plays the human's part: the
 * judge's ranking of one model's answers must agree with it (Kendall tau-b, significantly), and the
 * two leaderboards of (prompt, model) configurations must put the same configuration first.
 */
class Example04JudgeAgreementTest {

    private static final Path PLAN = Path.of("..", "examples", "quickstart", "plan.json");

    @Test
    void theJudgeRanksTheHastyModelsAnswersAsTheGoldStandardDoes() {
        Run run = PlanFile.load(PLAN).build().run();
        List<Result> hastyV1 = run.results().stream()
                .filter(r -> r.cell().prompt().equals("extract-v1") && r.cell().model().equals("hasty")).toList();
        Map<String, Double> gold = hastyV1.stream().filter(r -> r.score("set_f1").isPresent())
                .collect(Collectors.toMap(r -> r.cell().trial() + "#" + r.cell().repetition(),
                        r -> r.score("set_f1").getAsDouble()));

        Agreement agreement = Agreement.humanVsAi(gold, hastyV1, "judge");

        // 19 answers: the one plain-text answer has no F1 (it is not JSON), though the judge graded it
        assertThat(agreement.n()).isEqualTo(19);
        assertThat(agreement.kendallTauB()).get().extracting(Correlation::coefficient)
                .satisfies(tau -> assertThat(tau).isGreaterThan(0.6));
        assertThat(agreement.kendallTauB().get().pValue().orElseThrow()).isLessThan(0.01);
    }

    @Test
    void theJudgeAndTheGoldStandardCrownTheSameConfiguration() {
        Run run = PlanFile.load(PLAN).build().run();
        Leaderboard byF1 = Leaderboard.byPromptAndModel(run.summary(), "set_f1");
        Leaderboard byJudge = Leaderboard.byPromptAndModel(run.summary(), "judge");

        assertThat(byJudge.entries().get(0).name()).isEqualTo(byF1.entries().get(0).name());
        assertThat(Agreement.leaderboards(byF1, byJudge).spearman()).get().extracting(Correlation::coefficient)
                .satisfies(rho -> assertThat(rho).isGreaterThan(0.5));
        assertThat(run.summary().overall().scorerCalls().cost().totalUsd()).isPresent();
    }
}
