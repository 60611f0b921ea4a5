package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunHandle;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Score;
import dev.bench4j.core.Summary;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.testing.HeldCalls;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import dev.bench4j.core.testing.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An endpoint's concurrency adapts to overload: a 429 halves its limit, its retry and the calls
 * after it wait for the lowered limit, judges on the same endpoint share it, successes raise it
 * again, and the run's summary keeps the changes. Switched off, nothing adapts.
 */
class AdaptiveConcurrencyTest {

    private final VirtualScheduler scheduler = new VirtualScheduler(Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static CallException tooMany() {
        return CallException.forHttpStatus(429, "HTTP 429 from the test", Optional.of(Duration.ZERO));
    }

    /** Checks for a while that no further call reaches the provider. */
    private static void assertNoCallArrives(HeldCalls held) throws InterruptedException {
        Thread.sleep(200);
        assertThat(held.waiting()).as("calls that reached the provider").isZero();
    }

    /** Waits until the failed call's retry is due (it then waits for a permit). */
    private static void awaitRetry(RunHandle handle) throws InterruptedException {
        for (int i = 0; i < 10_000 && handle.progress().retries() == 0; i++) {
            Thread.sleep(1);
        }
        assertThat(handle.progress().retries()).isEqualTo(1);
        Thread.sleep(50);
    }

    /** Answers every call until the run ends. */
    private static Run answerAll(RunHandle handle, HeldCalls held) throws InterruptedException {
        while (!handle.isDone()) {
            if (held.waiting() > 0) {
                held.next().answer();
            } else {
                Thread.sleep(1);
            }
        }
        return handle.await();
    }

    private BenchmarkPlan.Builder plan(ScriptedProvider p, int trials, int concurrency) {
        return Plans.over(p, trials).concurrency(concurrency).noCache().scheduler(scheduler)
                .retry(RetryPolicy.defaults().withMaxAttempts(3));
    }

    @Test
    void aRateLimitHalvesTheLimitItsRetryWaitsForTheLoweredLimitAndSuccessesRaiseItAgain() throws Exception {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = plan(p, 30, 8).build().start();
        HeldCalls.Held[] first = new HeldCalls.Held[8];
        for (int i = 0; i < 8; i++) {
            first[i] = held.next();
        }

        first[0].future().completeExceptionally(tooMany());
        assertThat(handle.progress().loweredConcurrency()).containsExactly(entry("held", 4));
        awaitRetry(handle);
        for (int i = 1; i <= 3; i++) {
            first[i].answer();      // 4 in flight at a limit of 4: neither the retry nor a new cell may start
        }
        assertNoCallArrives(held);

        first[4].answer();          // the 4th success since the halving raises the limit to 5, with 3 in flight
        List<HeldCalls.Held> started = List.of(held.next(), held.next());
        assertNoCallArrives(held);
        assertThat(handle.progress().loweredConcurrency()).containsExactly(entry("held", 5));

        started.forEach(HeldCalls.Held::answer);
        for (int i = 5; i < 8; i++) {
            first[i].answer();
        }
        Run run = answerAll(handle, held);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).hasSize(30).allMatch(Result::succeeded);
        assertThat(run.results()).filteredOn(r -> r.cell().equals(first[0].request().cell()))
                .singleElement().extracting(Result::attempts).isEqualTo(2);
        Summary.EndpointConcurrency history = run.summary().concurrency().get(0);
        assertThat(run.summary().concurrency()).hasSize(1);
        assertThat(history.endpoint()).isEqualTo("held");
        assertThat(history.configured()).isEqualTo(8);
        assertThat(history.lowest()).isEqualTo(4);
        assertThat(history.changes()).hasSize(2);   // the halving, then the raises merged into one change
        assertThat(history.changes().get(0).limit()).isEqualTo(4);
        assertThat(history.changes().get(1).limit()).isBetween(5, 8).isEqualTo(history.last());
    }

    @Test
    void switchedOffARetryGoesStraightThroughAndNothingIsRecorded() throws Exception {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("held", held::hold);
        RunHandle handle = plan(p, 12, 8).adaptiveConcurrency(false).build().start();
        HeldCalls.Held[] first = new HeldCalls.Held[8];
        for (int i = 0; i < 8; i++) {
            first[i] = held.next();
        }

        first[0].future().completeExceptionally(tooMany());
        HeldCalls.Held retry = held.next();   // 7 others still in flight
        assertThat(retry.request().attempt()).isEqualTo(2);
        assertThat(handle.progress().loweredConcurrency()).isEmpty();

        retry.answer();
        for (int i = 1; i < 8; i++) {
            first[i].answer();
        }
        Run run = answerAll(handle, held);
        assertThat(run.results()).hasSize(12).allMatch(Result::succeeded);
        assertThat(run.summary().concurrency()).isEmpty();
    }

    @Test
    void aJudgeOnTheSameEndpointWaitsForTheLimitTheCandidatesLowered() throws Exception {
        HeldCalls held = new HeldCalls();
        ScriptedProvider p = ScriptedProvider.named("shared", held::hold);
        ModelConfig judge = ModelConfig.of("shared", "judge");
        RunHandle handle = plan(p, 10, 4).scorer(judging(judge)).build().start();
        HeldCalls.Held[] first = new HeldCalls.Held[4];
        for (int i = 0; i < 4; i++) {
            first[i] = held.next();
        }

        first[0].future().completeExceptionally(tooMany());   // limit 2, 3 in flight
        awaitRetry(handle);
        first[1].answer();                                    // 2 in flight: the cell's judge call must wait
        assertNoCallArrives(held);
        assertThat(handle.progress().loweredConcurrency()).containsExactly(entry("shared", 2));

        first[2].answer();          // 2 successes raise the limit to 3 with 1 in flight: two calls start, the judge's one
        List<HeldCalls.Held> started = List.of(held.next(), held.next());
        assertThat(started).extracting(h -> h.request().config().id() + " " + h.request().cell().trial())
                .contains("shared:judge " + first[1].request().cell().trial());
        started.forEach(HeldCalls.Held::answer);
        first[3].answer();
        Run run = answerAll(handle, held);
        assertThat(run.results()).hasSize(10).allMatch(Result::succeeded);
        assertThat(run.summary().concurrency()).extracting(Summary.EndpointConcurrency::endpoint).containsExactly("shared");
    }

    /** A scorer that asks the judge once and scores 1 when it answered. */
    private static Scorer judging(ModelConfig judge) {
        return new Scorer() {
            @Override
            public String name() {
                return "judged";
            }

            @Override
            public List<ModelConfig> models() {
                return List.of(judge);
            }

            @Override
            public CompletionStage<Score> score(ScoreRequest request) {
                return request.caller().call(judge, List.of(Message.user("grade: " + request.output())))
                        .thenApply(r -> r.succeeded() ? Score.of(1) : Score.error("judge failed"));
            }
        };
    }
}
