package dev.bench4j.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.ForwardingModelProviderFactory;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.providers.anthropic.AnthropicProviderFactory;
import dev.bench4j.providers.gemini.GeminiProviderFactory;
import dev.bench4j.providers.ollama.OllamaProviderFactory;
import dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import dev.bench4j.providers.openai.XaiProviderFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six public provider factories: what ServiceLoader finds, what an application may register
 * itself, and that each public factory forwards every SPI method to the implementation in its
 * {@code internal} package and shows no internal type.
 */
class ProviderFactoriesTest {

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of(OpenAiProviderFactory.class, "openai", Set.of()),
                Arguments.of(XaiProviderFactory.class, "xai", Set.of("grok")),
                Arguments.of(OpenAiCompatibleProviderFactory.class, "openai-compatible", Set.of()),
                Arguments.of(OllamaProviderFactory.class, "ollama", Set.of()),
                Arguments.of(GeminiProviderFactory.class, "gemini", Set.of("google")),
                Arguments.of(AnthropicProviderFactory.class, "anthropic", Set.of()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("factories")
    void aPublicFactoryIsFinalHasAPublicNoArgConstructorAndForwardsEveryMethodOfTheSpi(
            Class<? extends ModelProviderFactory> type, String name, Set<String> aliases) throws Exception {
        assertThat(Modifier.isFinal(type.getModifiers())).as("final").isTrue();
        assertThat(type.getSuperclass()).isEqualTo(ForwardingModelProviderFactory.class);
        ModelProviderFactory factory = type.getConstructor().newInstance();
        assertThat(factory.name()).isEqualTo(name);
        assertThat(factory.aliases()).isEqualTo(aliases);

        for (Method spi : ModelProviderFactory.class.getMethods()) {
            if (!Modifier.isStatic(spi.getModifiers())) {
                assertThat(type.getMethod(spi.getName(), spi.getParameterTypes()).getDeclaringClass())
                        .as("%s.%s is forwarded, not left to the SPI's default", type.getSimpleName(), spi.getName())
                        .isEqualTo(ForwardingModelProviderFactory.class);
            }
        }
        for (Method m : type.getMethods()) {
            List<Class<?>> types = new ArrayList<>(Arrays.asList(m.getParameterTypes()));
            types.add(m.getReturnType());
            assertThat(types).as("types in the signature of %s.%s", type.getSimpleName(), m.getName())
                    .noneMatch(t -> t.getName().contains(".internal."));
        }
    }

    @Test
    void serviceLoaderFindsTheSixPublicFactoriesAndNoInternalClass() {
        List<String> found = new ArrayList<>();
        ServiceLoader.load(ModelProviderFactory.class).forEach(f -> {
            if (f.getClass().getName().startsWith("dev.bench4j.providers.")) {
                found.add(f.getClass().getName());
            }
        });

        assertThat(found).containsExactlyInAnyOrder(
                "dev.bench4j.providers.openai.OpenAiProviderFactory",
                "dev.bench4j.providers.openai.XaiProviderFactory",
                "dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory",
                "dev.bench4j.providers.ollama.OllamaProviderFactory",
                "dev.bench4j.providers.gemini.GeminiProviderFactory",
                "dev.bench4j.providers.anthropic.AnthropicProviderFactory");
    }

    /** The examples of the factories' javadoc, each a plan that registers its factory itself. */
    @Test
    void eachFactoryCanBeRegisteredExplicitlyAsItsJavadocShows() {
        BenchmarkPlan openAi = BenchmarkPlan.named("triage")
                .provider(new OpenAiProviderFactory())
                .prompt(Prompt.named("v1").user("Triage: {{text}}"))
                .model(ModelConfig.of("openai", "gpt-4o-mini").withTemperature(0.0))
                .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
                .build();
        BenchmarkPlan xai = BenchmarkPlan.named("triage")
                .provider(new XaiProviderFactory())
                .prompt(Prompt.named("v1").user("Triage: {{text}}"))
                .model(ModelConfig.of("xai", "grok-4"))
                .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
                .build();
        BenchmarkPlan compatible = BenchmarkPlan.named("triage")
                .provider(new OpenAiCompatibleProviderFactory())
                .prompt(Prompt.named("v1").user("Triage: {{text}}"))
                .model(ModelConfig.of("openai-compatible", "Qwen/Qwen3-8B").withBaseUrl("http://localhost:8000/v1"))
                .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
                .build();
        BenchmarkPlan ollama = BenchmarkPlan.named("triage")
                .provider(new OllamaProviderFactory())
                .prompt(Prompt.named("v1").user("Triage: {{text}}"))
                .model(ModelConfig.of("ollama", "llama3.2").withParam("num_ctx", 8192))
                .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
                .build();
        BenchmarkPlan gemini = BenchmarkPlan.named("triage")
                .provider(new GeminiProviderFactory())
                .prompt(Prompt.named("v1").user("Triage: {{text}}"))
                .model(ModelConfig.of("gemini", "gemini-2.5-flash").withParam("thinking_budget", 0))
                .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
                .build();
        BenchmarkPlan anthropic = BenchmarkPlan.named("triage")
                .provider(new AnthropicProviderFactory())
                .prompt(Prompt.named("v1").user("Triage: {{text}}"))
                .model(ModelConfig.of("anthropic", "claude-sonnet-4-5").withMaxOutputTokens(1024))
                .trial(Trial.of("t1", Map.of("text", "chest pain since this morning")))
                .build();

        assertThat(Stream.of(openAi, xai, compatible, ollama, gemini, anthropic).map(p -> p.models().get(0).provider()))
                .containsExactly("openai", "xai", "openai-compatible", "ollama", "gemini", "anthropic");
    }
}
