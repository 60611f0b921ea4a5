package dev.bench4j.core.internal.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The echo provider answers with the last user message, free, with optional latency and failures. */
class EchoProviderFactoryTest {

    private static BenchmarkPlan.Builder plan(ModelConfig model, int trials) {
        return BenchmarkPlan.named("echo").prompt(Prompt.named("p").system("Be brief.").user("Classify: {{x}}"))
                .model(model).trials(Plans.trials(trials));
    }

    @Test
    void answersWithTheRenderedLastUserMessageAtNoCost() {
        Run run = plan(ModelConfig.of("echo", "echo-1"), 1).build().run();

        Result r = run.results().get(0);
        assertThat(r.output()).isEqualTo("Classify: 0");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usage().inputTokens()).hasValue(3 + 3);     // "Be brief." 9 chars, "Classify: 0" 11 chars, ~4 a token
        assertThat(r.usage().outputTokens()).hasValue(3);
        assertThat(r.costUsd()).hasValue(0.0);
        assertThat(r.modelVersion()).contains("echo-1");
    }

    @Test
    void maxOutputTokensTruncatesTheEchoWithFinishReasonLength() {
        Run run = plan(ModelConfig.of("echo", "echo-1").withMaxOutputTokens(2), 1).build().run();

        Result r = run.results().get(0);
        assertThat(r.output()).isEqualTo("Classify");
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.usage().outputTokens()).hasValue(2);
    }

    @Test
    void failAttemptsFailsTheFirstAttemptsOfEveryCell() {
        VirtualScheduler scheduler = new VirtualScheduler();
        try {
            Run run = plan(ModelConfig.of("echo", "e").withParam("fail_attempts", 2).withParam("failure_kind", "rate_limited")
                    .withParam("retry_after_ms", 250), 3).scheduler(scheduler).build().run();

            assertThat(run.results()).allSatisfy(r -> {
                assertThat(r.succeeded()).isTrue();
                assertThat(r.attempts()).isEqualTo(3);
            });
            assertThat(scheduler.delays()).containsOnly(Duration.ofMillis(250)).hasSize(6);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void failureRateFailsTheSameCellsEveryTime() {
        ModelConfig flaky = ModelConfig.of("echo", "e").withParam("failure_rate", 0.3).withParam("failure_kind", "bad_request");
        List<String> first = failedTrials(plan(flaky, 100).retry(RetryPolicy.none()).noCache().build().run());
        List<String> second = failedTrials(plan(flaky, 100).retry(RetryPolicy.none()).noCache().build().run());

        assertThat(first).isEqualTo(second).hasSizeBetween(15, 45);
    }

    private static List<String> failedTrials(Run run) {
        return run.results().stream().filter(r -> !r.succeeded())
                .peek(r -> assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                .map(r -> r.cell().trial()).sorted().toList();
    }

    @Test
    void latencyIsAddedToEveryAnswer() {
        Run run = plan(ModelConfig.of("echo", "e").withParam("latency_ms", 30), 4).concurrency(4).build().run();

        assertThat(run.results()).allSatisfy(r -> assertThat(r.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(30)));
    }

    @Test
    void anUnknownParamIsRefusedAtBuildListingTheKnownOnes() {
        assertThatThrownBy(() -> plan(ModelConfig.of("echo", "e").withParam("latncy_ms", 5), 1).build())
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("Model 'echo:e' (provider echo): the echo provider has no param 'latncy_ms'; "
                        + "it takes latency_ms, fail_attempts, failure_rate, failure_kind, retry_after_ms");
    }

    @Test
    void aBadFailureRateIsRefusedAtBuild() {
        assertThatThrownBy(() -> plan(ModelConfig.of("echo", "e").withParam("failure_rate", 2), 1).build())
                .hasMessage("Model 'echo:e' (provider echo): the echo param failure_rate must be between 0 and 1 but was 2.0");
    }
}
