package dev.bench4j.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanEstimate;
import dev.bench4j.core.PlanEstimate.ModelEstimate;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.TokenCounter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI token counters as a plan's estimate finds them: discovered with ServiceLoader, exact for
 * {@code openai} chat models, absent for other providers and models, and no API key needed.
 */
class OpenAiTokenCounterFactoryTest {

    private final OpenAiTokenCounterFactory factory = new OpenAiTokenCounterFactory();

    @Test
    void countsOpenAiChatModelsWithTheirEncoding() {
        TokenCounter c = factory.counterFor("openai", ModelConfig.of("openai", "gpt-4o-mini")).orElseThrow();

        assertThat(c.exact()).isTrue();
        assertThat(c.name()).isEqualTo("o200k_base");
        assertThat(c.count(List.of(Message.user("tiktoken is great!")))).isEqualTo(13);   // 3 + 1 + 6 + 3
    }

    @Test
    void leavesOtherProvidersAndModelsToTheEstimate() {
        assertThat(factory.counterFor("anthropic", ModelConfig.of("anthropic", "claude-sonnet-4"))).isEmpty();
        assertThat(factory.counterFor("xai", ModelConfig.of("xai", "grok-4"))).isEmpty();
        assertThat(factory.counterFor("openai-compatible", ModelConfig.of("openai-compatible", "gpt-4o")
                .withBaseUrl("http://localhost:8000/v1"))).isEmpty();
        assertThat(factory.counterFor("openai", ModelConfig.of("openai", "text-embedding-3-small"))).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> factory.counterFor(null, ModelConfig.of("openai", "gpt-4o")))
                .isInstanceOf(NullPointerException.class).hasMessage("provider");
        assertThatThrownBy(() -> factory.counterFor("openai", null))
                .isInstanceOf(NullPointerException.class).hasMessage("config");
    }

    @Test
    void aPlansEstimateCountsOpenAiModelsExactlyWithoutAnApiKey() {
        BenchmarkPlan plan = BenchmarkPlan.named("openai-estimate")
                .prompt(Prompt.named("p").system("2 + 2 = 4").user("{{q}}"))
                .model(ModelConfig.of("openai", "gpt-4o-mini").withMaxOutputTokens(100))
                .model(ModelConfig.of("anthropic", "claude-sonnet-4").withMaxOutputTokens(100))
                .trials(List.of(Trial.of("t1", Map.of("q", "tiktoken is great!")),
                        Trial.of("t2", Map.of("q", "antidisestablishmentarianism"))))
                .repetitions(3)
                .environment(name -> Optional.empty())   // no OPENAI_API_KEY, no ANTHROPIC_API_KEY
                .build();

        PlanEstimate e = plan.estimate();

        ModelEstimate openai = e.models().get(0);
        // each request: 3 for the reply + (3 + 1 + 7) for the system message + (3 + 1 + 6) for the user's
        long perRequest = 3 + (3 + 1 + 7) + (3 + 1 + 6);
        assertThat(openai.inputTokens().atLeast()).isEqualTo(6 * perRequest);
        assertThat(openai.inputTokens().exact()).isTrue();
        assertThat(openai.inputTokens().counter()).isEqualTo("o200k_base");
        assertThat(openai.price()).isPresent();   // the bundled table lists gpt-4o-mini
        double in = openai.price().get().inputPerMillion();
        double out = openai.price().get().outputPerMillion();
        assertThat(openai.minCostUsd().getAsDouble()).isCloseTo(6 * perRequest * in / 1e6, within(1e-12));
        assertThat(openai.maxCostUsd().getAsDouble()).isCloseTo((6 * perRequest * in + 600 * out) / 1e6,
                within(1e-12));
        ModelEstimate anthropic = e.models().get(1);
        assertThat(anthropic.inputTokens().exact()).isFalse();
        assertThat(anthropic.inputTokens().counter()).isEqualTo("utf8-estimate");
        assertThat(e.exact()).isFalse();
    }
}
