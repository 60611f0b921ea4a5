package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Budget;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResumeOptions;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.internal.run.ResumeTest.MemoryStore;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A resume with {@code retryFailed} calls the failed cells again and counts only each cell's newest result. */
class RetryFailedTest {

    /** Fails trials t1 (rate limited) and t2 (bad request); answers the others. */
    private static ScriptedProvider failing() {
        return ScriptedProvider.named("flaky", RetryFailedTest::answer);
    }

    private static CompletableFuture<ModelResponse> answer(ModelRequest r) {
        return switch (r.cell().trial()) {
            case "t1" -> CompletableFuture.failedFuture(new CallException(ErrorKind.RATE_LIMITED, "slow down"));
            case "t2" -> CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST, "no"));
            default -> CompletableFuture.completedFuture(ScriptedProvider.answer("ok " + r.cell().trial()));
        };
    }

    private static BenchmarkPlan plan(ScriptedProvider p, MemoryStore store) {
        return Plans.over(p, 5).retry(RetryPolicy.none()).store(store).noCache().build();
    }

    @Test
    void aPlainResumeCountsAFailedCellAsDone() {
        MemoryStore store = new MemoryStore();
        String id = plan(failing(), store).run().info().id();

        ScriptedProvider again = ScriptedProvider.echoing("flaky");
        Run resumed = plan(again, store).resume(id);

        assertThat(again.calls()).isZero();
        assertThat(resumed.summary().overall().failed()).isEqualTo(2);
        assertThat(resumed.summary().retriedCells()).isZero();
    }

    @Test
    void retryFailedCallsEveryFailedCellAgainAndTheNewResultsSupersedeTheOldOnes() {
        MemoryStore store = new MemoryStore();
        Run first = plan(failing(), store).run();
        assertThat(first.summary().overall().failed()).isEqualTo(2);
        String id = first.info().id();

        ScriptedProvider healthy = ScriptedProvider.echoing("flaky");
        Run resumed = plan(healthy, store).resume(id, ResumeOptions.retryFailed());

        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(healthy.requests()).extracting(r -> r.cell().trial()).containsExactlyInAnyOrder("t1", "t2");
        assertThat(resumed.summary().overall().cells()).isEqualTo(5);
        assertThat(resumed.summary().overall().succeeded()).isEqualTo(5);
        assertThat(resumed.summary().overall().failed()).isZero();
        assertThat(resumed.summary().retriedCells()).isEqualTo(2);
        assertThat(resumed.results()).hasSize(5).allMatch(Result::succeeded);
        // append-only: the store keeps the old failures and the new results after them
        List<Result> kept = store.results.get(id);
        assertThat(kept).hasSize(7);
        assertThat(kept.subList(5, 7)).allMatch(Result::succeeded).extracting(r -> r.cell().trial())
                .containsExactlyInAnyOrder("t1", "t2");
    }

    @Test
    void onlyTheListedErrorKindsAreRetried() {
        MemoryStore store = new MemoryStore();
        String id = plan(failing(), store).run().info().id();

        ScriptedProvider healthy = ScriptedProvider.echoing("flaky");
        Run resumed = plan(healthy, store).resume(id, ResumeOptions.retryFailed(ErrorKind.RATE_LIMITED, ErrorKind.SERVER));

        assertThat(healthy.requests()).extracting(r -> r.cell().trial()).containsExactly("t1");
        assertThat(resumed.summary().overall().failed()).isEqualTo(1);
        assertThat(resumed.summary().overall().cells()).isEqualTo(5);
        assertThat(resumed.summary().retriedCells()).isEqualTo(1);
    }

    @Test
    void aCellThatFailsAgainCountsOnceWithItsNewestResultAndRetriesAccumulateAcrossResumes() {
        MemoryStore store = new MemoryStore();
        String id = plan(failing(), store).run().info().id();

        Run stillFailing = plan(failing(), store).resume(id, ResumeOptions.retryFailed());
        assertThat(stillFailing.summary().overall().cells()).isEqualTo(5);
        assertThat(stillFailing.summary().overall().failed()).isEqualTo(2);
        assertThat(stillFailing.summary().retriedCells()).isEqualTo(2);
        assertThat(store.results.get(id)).hasSize(7);

        // a plain resume reads the stored results, each cell's newest one wins, and the earlier retries are counted
        ScriptedProvider idle = ScriptedProvider.echoing("flaky");
        Run plain = plan(idle, store).resume(id);
        assertThat(idle.calls()).isZero();
        assertThat(plain.summary().overall().cells()).isEqualTo(5);
        assertThat(plain.summary().overall().failed()).isEqualTo(2);
        assertThat(plain.summary().retriedCells()).isEqualTo(2);

        ScriptedProvider healthy = ScriptedProvider.echoing("flaky");
        Run fixed = plan(healthy, store).resume(id, ResumeOptions.retryFailed());
        assertThat(healthy.calls()).isEqualTo(2);
        assertThat(fixed.summary().overall().failed()).isZero();
        assertThat(fixed.summary().overall().cells()).isEqualTo(5);
        assertThat(fixed.summary().retriedCells()).isEqualTo(2);
        assertThat(fixed.results()).extracting(r -> r.cell().trial()).doesNotHaveDuplicates();
    }

    @Test
    void theCallsOfTheFailedResultsCountTowardTheBudgetOfARetry() {
        MemoryStore store = new MemoryStore();
        String id = plan(failing(), store).run().info().id();   // 5 calls, 2 failed

        ScriptedProvider healthy = ScriptedProvider.echoing("flaky");
        Run resumed = Plans.over(healthy, 5).retry(RetryPolicy.none()).concurrency(1).budget(Budget.maxCalls(6))
                .store(store).noCache().build().resume(id, ResumeOptions.retryFailed());

        assertThat(healthy.calls()).isEqualTo(1);
        assertThat(resumed.status()).isEqualTo(RunStatus.BUDGET_EXCEEDED);
        assertThat(resumed.summary().overall().failed()).isEqualTo(1);
        assertThat(resumed.summary().retriedCells()).isEqualTo(1);
    }

    @Test
    void aStoredSuccessAfterAFailureWinsOverTheFailure() {
        MemoryStore store = new MemoryStore();
        String id = plan(failing(), store).run().info().id();
        List<Result> kept = store.results.get(id);
        Result t1Failure = kept.stream().filter(r -> r.cell().trial().equals("t1")).findFirst().orElseThrow();
        kept.add(Result.success(t1Failure.cell(), "late", FinishReason.STOP, t1Failure.timing()));

        ScriptedProvider healthy = ScriptedProvider.echoing("flaky");
        Run resumed = plan(healthy, store).resume(id, ResumeOptions.retryFailed());

        assertThat(healthy.requests()).extracting(r -> r.cell().trial()).containsExactly("t2");
        assertThat(resumed.summary().overall().failed()).isZero();
        assertThat(resumed.results()).filteredOn(r -> r.cell().trial().equals("t1")).singleElement()
                .extracting(Result::output).isEqualTo("late");
        assertThat(resumed.summary().byModel()).containsOnlyKeys("flaky:m");
        assertThat(resumed.summary().retriedCells()).as("t1 retried by the stored success, t2 now").isEqualTo(2);
    }
}
