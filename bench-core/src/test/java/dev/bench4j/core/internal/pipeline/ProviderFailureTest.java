package dev.bench4j.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.ResultError;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Whatever a provider does wrong becomes a result with an error, never a crashed run. */
class ProviderFailureTest {

    @Test
    void aProviderThatThrowsGivesAnInternalError() {
        ScriptedProvider p = ScriptedProvider.named("throws", r -> {
            throw new IllegalStateException("bug in provider");
        });
        Run run = Plans.over(p, 2).build().run();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.results()).hasSize(2).allSatisfy(r -> {
            assertThat(r.error().orElseThrow().kind()).isEqualTo(ErrorKind.INTERNAL);
            assertThat(r.error().orElseThrow().message())
                    .isEqualTo("provider 'throws' failed unexpectedly with java.lang.IllegalStateException: bug in provider");
            assertThat(r.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aProviderThatAnswersNullGivesAnInternalError() {
        ScriptedProvider p = ScriptedProvider.named("nulls", r -> null);
        Run run = Plans.over(p, 1).build().run();

        assertThat(run.results().get(0).error().orElseThrow().message())
                .isEqualTo("provider 'nulls' failed unexpectedly with java.lang.IllegalStateException: call(...) returned null");
    }

    @Test
    void anEmptyAnswerCutByTheTokenLimitIsRecordedAsSuchWithAHint() {
        ScriptedProvider p = ScriptedProvider.named("thinker", r -> CompletableFuture.completedFuture(
                ModelResponse.of("", FinishReason.LENGTH, Usage.of(50, 256).withReasoningTokens(256)).withRawFinishReason("length")));
        Run run = BenchmarkPlan.named("empty").provider(p)
                .prompt(Prompt.named("p").user("Q {{x}}"))
                .model(ModelConfig.of("thinker", "o-mini").withMaxOutputTokens(256)).trials(Plans.trials(1)).build().run();

        Result r = run.results().get(0);
        assertThat(r.succeeded()).isFalse();
        assertThat(r.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(r.rawFinishReason()).contains("length");
        assertThat(r.usage().reasoningTokens()).hasValue(256);
        assertThat(r.error()).contains(ResultError.of(ErrorKind.EMPTY_OUTPUT, "the model reached its output token limit (256) "
                + "before writing any answer; a reasoning model may have spent it all thinking: raise max_output_tokens"));
        assertThat(r.attempts()).isEqualTo(1);
    }
}
