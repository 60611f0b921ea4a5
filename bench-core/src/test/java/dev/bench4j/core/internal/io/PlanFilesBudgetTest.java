package dev.bench4j.core.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Budget;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.PlanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan file's {@code budget} object sets the run's caps; bad caps are refused naming the file and field. */
class PlanFilesBudgetTest {

    @TempDir
    Path dir;

    private Path plan(String budget) throws IOException {
        Path f = dir.resolve("plan.json");
        Files.writeString(f, "{\"name\": \"x\", \"prompts\": [{\"name\": \"p\", \"messages\": [{\"role\": \"user\","
                + " \"content\": \"hi\"}]}], \"models\": [{\"provider\": \"echo\", \"model\": \"echo-1\"}],"
                + " \"trials\": [{\"id\": \"t1\"}], \"budget\": " + budget + "}");
        return f;
    }

    @Test
    void theBudgetObjectSetsEveryCap() throws IOException {
        Budget b = PlanFile.load(plan("{\"max_cost_usd\": 20, \"max_tokens\": 100000, \"max_calls\": 500}"))
                .toBuilder().build().budget();

        assertThat(b).isEqualTo(Budget.maxCostUsd(20).withMaxTokens(100_000).withMaxCalls(500));
    }

    @Test
    void aPlanWithoutABudgetHasNone() throws IOException {
        assertThat(PlanFile.load(plan("{}")).toBuilder().build().budget()).isEqualTo(Budget.none());
    }

    @Test
    void badCapsAreRefusedNamingTheFileAndField() throws IOException {
        Path zero = plan("{\"max_cost_usd\": 0}");
        assertThatThrownBy(() -> PlanFile.load(zero)).isInstanceOf(InvalidPlanException.class)
                .hasMessage(zero + ": field 'budget': max_cost_usd must be a finite number > 0 but was 0.0");
        Path typo = plan("{\"max_cost\": 5}");
        assertThatThrownBy(() -> PlanFile.load(typo)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("max_cost");
        Path text = plan("{\"max_calls\": \"many\"}");
        assertThatThrownBy(() -> PlanFile.load(text)).isInstanceOf(InvalidPlanException.class)
                .hasMessageContaining("budget.max_calls");
    }
}
