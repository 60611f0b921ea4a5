package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Budget;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Price;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.internal.run.ResumeTest.MemoryStore;
import dev.bench4j.core.testing.HeldCalls;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A run stops dispatching at its budget, lets the calls in flight finish, and resumes with a higher cap. */
class BudgetRunTest {

    /** 10 input + 5 output tokens per call at $1 per million input and $2 per million output: $0.00002 per call. */
    private static BenchmarkPlan.Builder priced(ScriptedProvider p, int trials) {
        return BenchmarkPlan.named("test").provider(p)
                .prompt(dev.bench4j.core.Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of(p.name(), "m").withPrice(Price.perMillionTokens(1, 2)))
                .trials(Plans.trials(trials)).concurrency(1).noCache();
    }

    @Test
    void theCallCapStopsDispatchingAndTheRunEndsBudgetExceededNamingTheCap() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run run = Plans.over(p, 20).concurrency(4).budget(Budget.maxCalls(6)).noCache().build().run();

        assertThat(p.calls()).isEqualTo(6);
        assertThat(run.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        assertThat(run.statusReason()).hasValue("budget exceeded: max_calls 6 reached (6 calls made or in flight)");
        assertThat(run.summary().overall().cells()).isEqualTo(6);
    }

    @Test
    void theCostCapCountsTheSpendOfFinishedCells() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run run = priced(p, 10).budget(Budget.maxCostUsd(0.00005)).build().run();

        assertThat(p.calls()).isEqualTo(3);   // 0.00002, 0.00004, 0.00006 >= 0.00005
        assertThat(run.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        assertThat(run.statusReason()).hasValue("budget exceeded: max_cost_usd 0.0001 reached (spent $0.0001)");
    }

    @Test
    void theTokenCapCountsInputAndOutputTokens() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run run = priced(p, 10).budget(Budget.maxTokens(40)).build().run();

        assertThat(p.calls()).isEqualTo(3);   // 15, 30, 45 >= 40
        assertThat(run.statusReason()).hasValue("budget exceeded: max_tokens 40 reached (used 45 tokens)");
    }

    @Test
    void callsInFlightWhenTheCapIsReachedFinishAndAreKept() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = Plans.over(p, 10).concurrency(3).budget(Budget.maxTokens(15)).noCache().build().start();
        HeldCalls.Held a = held.next();
        HeldCalls.Held b = held.next();
        HeldCalls.Held c = held.next();
        a.answer();   // 15 tokens: the cap is reached, two calls still in flight

        assertThat(handle.await(Duration.ofMillis(300))).isEmpty();
        assertThat(held.waiting()).isZero();
        b.answer();
        c.answer();
        Run run = handle.await();

        assertThat(run.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        assertThat(p.calls()).isEqualTo(3);
        assertThat(run.summary().overall().succeeded()).isEqualTo(3);
    }

    @Test
    void aCancelWhileTheCallsInFlightFinishCancelsThemAndTheRunEndsCancelled() {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = Plans.over(p, 10).concurrency(3).budget(Budget.maxTokens(15)).noCache().build().start();
        held.next().answer();   // the cap is reached; two calls stay in flight
        held.next();
        held.next();
        assertThat(handle.await(Duration.ofMillis(200))).isEmpty();

        handle.cancel();
        Run run = handle.await();

        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(run.summary().overall().cells()).isEqualTo(1);
    }

    @Test
    void aRunStoppedByItsBudgetResumesWithAHigherCapCountingTheStoredSpend() {
        MemoryStore store = new MemoryStore();
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run stopped = Plans.over(p, 10).concurrency(1).budget(Budget.maxCalls(4)).store(store).noCache().build().run();
        assertThat(stopped.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);

        ScriptedProvider again = ScriptedProvider.echoing("echoing");
        Run same = Plans.over(again, 10).budget(Budget.maxCalls(4)).store(store).noCache().build().resume(stopped.id());
        assertThat(again.calls()).isZero();
        assertThat(same.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);

        Run higher = Plans.over(again, 10).concurrency(1).budget(Budget.maxCalls(7)).store(store).noCache().build()
                .resume(stopped.id());
        assertThat(again.calls()).isEqualTo(3);
        assertThat(higher.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        assertThat(higher.summary().overall().cells()).isEqualTo(7);

        Run done = Plans.over(again, 10).store(store).noCache().build().resume(stopped.id());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.summary().overall().cells()).isEqualTo(10);
    }

    @Test
    void aBudgetNotReachedLeavesTheRunCompleted() {
        ScriptedProvider p = ScriptedProvider.echoing("echoing");
        Run run = priced(p, 5).budget(Budget.maxCalls(5).withMaxCostUsd(1)).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(p.calls()).isEqualTo(5);
    }
}
