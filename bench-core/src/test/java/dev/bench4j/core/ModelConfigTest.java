package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model config is immutable, validates every fluent setting, defaults its id and never prints its key. */
class ModelConfigTest {

    private static final String PLANTED = "sk-test-PLANTED-KEY-123";

    private static ModelConfig mini() {
        return ModelConfig.of("openai", "gpt-4o-mini");
    }

    @Test
    void ofSetsProviderAndModelAndNothingElse() {
        ModelConfig c = mini();

        assertThat(c.provider()).isEqualTo("openai");
        assertThat(c.model()).isEqualTo("gpt-4o-mini");
        assertThat(c.parameters()).isEqualTo(Parameters.none());
        assertThat(c.extras()).isEmpty();
        assertThat(c.endpoint()).isEqualTo(Endpoint.defaults());
        assertThat(c.price()).isEmpty();
    }

    @Test
    void idDefaultsToProviderColonModel() {
        assertThat(mini().id()).isEqualTo("openai:gpt-4o-mini");
    }

    @Test
    void explicitIdWinsOverTheDefault() {
        assertThat(mini().withId("mini-hot").id()).isEqualTo("mini-hot");
    }

    @Test
    void withModelKeepsAnExplicitId() {
        ModelConfig c = mini().withId("fast").withModel("gpt-4o");

        assertThat(c.id()).isEqualTo("fast");
        assertThat(c.model()).isEqualTo("gpt-4o");
    }

    @Test
    void withModelWithoutExplicitIdDerivesTheIdFromTheNewModel() {
        assertThat(mini().withModel("gpt-4o").id()).isEqualTo("openai:gpt-4o");
    }

    @Test
    void blankOrNullProviderAndModelAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> ModelConfig.of(null, "m"))
                .isInstanceOf(NullPointerException.class).hasMessage("provider");
        assertThatThrownBy(() -> ModelConfig.of("openai", null))
                .isInstanceOf(NullPointerException.class).hasMessage("model");
        assertThatThrownBy(() -> ModelConfig.of(" ", "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("provider must not be blank");
        assertThatThrownBy(() -> ModelConfig.of("openai", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("model must not be blank");
        assertThatThrownBy(() -> mini().withModel(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("model must not be blank");
        assertThatThrownBy(() -> mini().withModel(null))
                .isInstanceOf(NullPointerException.class).hasMessage("model");
    }

    @Test
    void idThatIsNullOrBlankIsRefused() {
        assertThatThrownBy(() -> mini().withId(null))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> mini().withId("  "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id must not be blank");
    }

    @Test
    void idWithPathSeparatorsOrControlCharactersIsRefusedShowingItSafely() {
        assertThatThrownBy(() -> mini().withId("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must not contain '/', '\\' or control characters but was 'a/b'");
        assertThatThrownBy(() -> mini().withId("a\\b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must not contain '/', '\\' or control characters but was 'a\\b'");
        assertThatThrownBy(() -> mini().withId("a\nb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("id must not contain '/', '\\' or control characters but was 'a?b'");
    }

    @Test
    void dotAndDotDotIdsAreRefused() {
        assertThatThrownBy(() -> mini().withId("."))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id must not be '.' or '..'");
        assertThatThrownBy(() -> mini().withId(".."))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("id must not be '.' or '..'");
    }

    @Test
    void fluentSettersFillTheParameters() {
        ModelConfig c = mini().withTemperature(0.2).withTopP(0.9).withTopK(40).withMaxOutputTokens(256).withSeed(7L).withStop("END", "###")
                .withFrequencyPenalty(0.5).withPresencePenalty(-0.5).withReasoningEffort("low").withVerbosity("high");

        Parameters p = c.parameters();
        assertThat(p.temperature()).hasValue(0.2);
        assertThat(p.topP()).hasValue(0.9);
        assertThat(p.topK()).hasValue(40);
        assertThat(p.maxOutputTokens()).hasValue(256);
        assertThat(p.seed()).hasValue(7L);
        assertThat(p.stop()).containsExactly("END", "###");
        assertThat(p.frequencyPenalty()).hasValue(0.5);
        assertThat(p.presencePenalty()).hasValue(-0.5);
        assertThat(p.reasoningEffort()).hasValue("low");
        assertThat(p.verbosity()).hasValue("high");
    }

    @Test
    void fluentCopiesLeaveTheOriginalUnchanged() {
        ModelConfig base = mini();

        ModelConfig changed = base.withId("x").withTemperature(1.0).withParam("num_ctx", 8192).withBaseUrl("http://localhost:1")
                .withApiKey(Secret.of(PLANTED)).withPrice(Price.FREE).withModel("gpt-4o");

        assertThat(base).isEqualTo(mini());
        assertThat(base.id()).isEqualTo("openai:gpt-4o-mini");
        assertThat(base.parameters()).isEqualTo(Parameters.none());
        assertThat(base.extras()).isEmpty();
        assertThat(base.endpoint()).isEqualTo(Endpoint.defaults());
        assertThat(base.price()).isEmpty();
        assertThat(changed).isNotEqualTo(base);
    }

    @Test
    void temperatureOutsideZeroToTwoIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> mini().withTemperature(2.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("temperature must be between 0 and 2 but was 2.5");
        assertThatThrownBy(() -> mini().withTemperature(-0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("temperature must be between 0 and 2 but was -0.1");
        assertThatThrownBy(() -> mini().withTemperature(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("temperature must be between 0 and 2 but was NaN");
        assertThat(mini().withTemperature(0).parameters().temperature()).hasValue(0.0);
        assertThat(mini().withTemperature(2).parameters().temperature()).hasValue(2.0);
    }

    @Test
    void topPOutsideAboveZeroToOneIsRefused() {
        assertThatThrownBy(() -> mini().withTopP(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top_p must be > 0 and <= 1 but was 0.0");
        assertThatThrownBy(() -> mini().withTopP(1.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top_p must be > 0 and <= 1 but was 1.01");
        assertThat(mini().withTopP(1).parameters().topP()).hasValue(1.0);
    }

    @Test
    void topKAndMaxOutputTokensBelowOneAreRefused() {
        assertThatThrownBy(() -> mini().withTopK(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top_k must be >= 1 but was 0");
        assertThatThrownBy(() -> mini().withMaxOutputTokens(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max_output_tokens must be >= 1 but was 0");
        assertThatThrownBy(() -> mini().withMaxOutputTokens(-5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max_output_tokens must be >= 1 but was -5");
    }

    @Test
    void penaltiesOutsideMinusTwoToTwoAreRefused() {
        assertThatThrownBy(() -> mini().withFrequencyPenalty(2.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("frequency_penalty must be between -2 and 2 but was 2.5");
        assertThatThrownBy(() -> mini().withPresencePenalty(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("presence_penalty must be between -2 and 2 but was -3.0");
        assertThat(mini().withPresencePenalty(-2).parameters().presencePenalty()).hasValue(-2.0);
    }

    @Test
    void emptyStopSequenceIsRefused() {
        assertThatThrownBy(() -> mini().withStop("END", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stop sequences must not be empty");
    }

    @Test
    void stopSequencesAreCopiedFromTheCallersArray() {
        String[] sequences = {"END"};
        ModelConfig c = mini().withStop(sequences);

        sequences[0] = "CHANGED";

        assertThat(c.parameters().stop()).containsExactly("END");
    }

    @Test
    void stopReplacesEarlierSequences() {
        assertThat(mini().withStop("a").withStop("b").parameters().stop()).containsExactly("b");
    }

    @Test
    void nullStopSequenceIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> mini().withStop("END", null))
                .isInstanceOf(NullPointerException.class).hasMessage("stop");
    }

    @Test
    void blankOrNullReasoningEffortAndVerbosityAreRefused() {
        assertThatThrownBy(() -> mini().withReasoningEffort(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reasoning_effort must not be blank");
        assertThatThrownBy(() -> mini().withVerbosity(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("verbosity must not be blank");
        assertThatThrownBy(() -> mini().withReasoningEffort(null))
                .isInstanceOf(NullPointerException.class).hasMessage("effort");
        assertThatThrownBy(() -> mini().withVerbosity(null))
                .isInstanceOf(NullPointerException.class).hasMessage("verbosity");
    }

    @Test
    void nullObjectArgumentsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> mini().withParameters(null))
                .isInstanceOf(NullPointerException.class).hasMessage("newParameters");
        assertThatThrownBy(() -> mini().withEndpoint(null))
                .isInstanceOf(NullPointerException.class).hasMessage("newEndpoint");
        assertThatThrownBy(() -> mini().withPrice(null))
                .isInstanceOf(NullPointerException.class).hasMessage("newPrice");
        assertThatThrownBy(() -> mini().withApiKey(null))
                .isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> mini().withBaseUrl(null))
                .isInstanceOf(NullPointerException.class).hasMessage("url");
        assertThatThrownBy(() -> mini().withApiKeyEnv(null))
                .isInstanceOf(NullPointerException.class).hasMessage("variable");
        assertThatThrownBy(() -> mini().withTimeout(null))
                .isInstanceOf(NullPointerException.class).hasMessage("timeout");
        assertThatThrownBy(() -> mini().withParam(null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> mini().withParam("num_ctx", null))
                .isInstanceOf(NullPointerException.class).hasMessage("value");
    }

    @Test
    void paramAddsOrReplacesAnExtra() {
        ModelConfig c = mini().withParam("num_ctx", "small").withParam("keep_alive", "5m").withParam("num_ctx", "large");

        assertThat(c.extras()).containsExactly(Map.entry("num_ctx", "large"), Map.entry("keep_alive", "5m"));
    }

    @Test
    void paramWithBlankNameOrNonJsonValueIsRefused() {
        assertThatThrownBy(() -> mini().withParam(" ", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
        assertThatThrownBy(() -> mini().withParam("when", new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("param 'when' must be a JSON value (string, number, boolean, list or map) but was a java.lang.Object");
        assertThatThrownBy(() -> mini().withParam("ratio", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("param 'ratio' must be a finite number but was NaN");
    }

    @Test
    void extrasAreDeepCopiedAndUnmodifiable() {
        List<Object> layers = new ArrayList<>(List.of("a"));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("layers", layers);
        ModelConfig c = mini().withParam("options", options);

        layers.add("later");
        options.put("later", true);

        assertThat(c.extras().get("options")).isEqualTo(Map.of("layers", List.of("a")));
        assertThatThrownBy(() -> c.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) c.extras().get("options");
        assertThatThrownBy(() -> nested.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void endpointSettersFillTheEndpoint() {
        ModelConfig c = mini().withBaseUrl("http://localhost:8000/v1").withApiKeyEnv("VLLM_KEY").withTimeout(Duration.ofSeconds(30))
                .withRequestsPerSecond(5).withRequestsPerMinute(120).withMaxConcurrency(4).withStream(true);

        Endpoint e = c.endpoint();
        assertThat(e.baseUrl()).hasValue("http://localhost:8000/v1");
        assertThat(e.apiKeyEnv()).hasValue("VLLM_KEY");
        assertThat(e.timeout()).hasValue(Duration.ofSeconds(30));
        assertThat(e.requestsPerSecond()).hasValue(5.0);
        assertThat(e.requestsPerMinute()).hasValue(120.0);
        assertThat(e.maxConcurrency()).hasValue(4);
        assertThat(e.stream()).isTrue();
    }

    @Test
    void endpointSettersValidateWithTheEndpointsMessages() {
        assertThatThrownBy(() -> mini().withBaseUrl(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("base_url must not be blank");
        assertThatThrownBy(() -> mini().withApiKeyEnv("OPENAI-KEY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api_key_env must be an environment variable name (letters, digits, _) but was 'OPENAI-KEY'");
        assertThatThrownBy(() -> mini().withTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be > 0 but was PT0S");
        assertThatThrownBy(() -> mini().withRequestsPerSecond(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests_per_second must be a finite number > 0 but was 0.0");
        assertThatThrownBy(() -> mini().withRequestsPerMinute(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests_per_minute must be a finite number > 0 but was -1.0");
        assertThatThrownBy(() -> mini().withMaxConcurrency(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max_concurrency must be >= 1 but was 0");
    }

    @Test
    void priceOverridesAreKept() {
        Price p = Price.perMillionTokens(1, 2);

        assertThat(mini().withPrice(p).price()).hasValue(p);
    }

    @Test
    void toStringShowsIdProviderModelAndSetParameters() {
        assertThat(mini().withTemperature(0.0).toString())
                .isEqualTo("ModelConfig[id=openai:gpt-4o-mini, provider=openai, model=gpt-4o-mini, parameters={temperature=0.0}]");
        assertThat(mini().toString())
                .isEqualTo("ModelConfig[id=openai:gpt-4o-mini, provider=openai, model=gpt-4o-mini]");
    }

    @Test
    void toStringNeverContainsTheApiKey() {
        ModelConfig c = mini().withApiKey(Secret.of(PLANTED)).withBaseUrl("https://api.example.test/v1").withTemperature(0.1);

        assertThat(c.toString()).doesNotContain(PLANTED).doesNotContain("PLANTED").contains("api.example.test");
    }

    @Test
    void withoutSecretsDropsTheExplicitKeyAndKeepsEverythingElse() {
        ModelConfig withKey = mini().withId("m").withApiKey(Secret.of(PLANTED)).withApiKeyEnv("OPENAI_API_KEY").withTemperature(0.3);

        ModelConfig stripped = withKey.withoutSecrets();

        assertThat(stripped.endpoint().apiKey()).isEmpty();
        assertThat(stripped.endpoint().apiKeyEnv()).hasValue("OPENAI_API_KEY");
        assertThat(stripped.id()).isEqualTo("m");
        assertThat(stripped.parameters()).isEqualTo(withKey.parameters());
        assertThat(withKey.endpoint().apiKey()).hasValue(Secret.of(PLANTED));
    }

    @Test
    void withoutSecretsReturnsTheSameConfigWhenThereIsNoKey() {
        ModelConfig c = mini();

        assertThat(c.withoutSecrets()).isSameAs(c);
    }

    @Test
    void equalConfigsHaveEqualHashes() {
        ModelConfig a = mini().withTemperature(0.5).withParam("k", 1).withApiKey(Secret.of(PLANTED));
        ModelConfig b = mini().withTemperature(0.5).withParam("k", 1).withApiKey(Secret.of(PLANTED));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.withId("other"));
        assertThat(a).isNotEqualTo(b.withTemperature(0.6));
        assertThat(a).isNotEqualTo(b.withApiKey(Secret.of("sk-other")));
    }

    @Test
    void fromMapReadsAnInlineConfigAndRefusesAnApiKeyNamingWhere() {
        ModelConfig judge = ModelConfig.fromMap(Map.of("provider", "openai", "model", "gpt-4.1-mini",
                "temperature", 0, "id", "judge"), "scorers[0].judge");

        assertThat(judge).isEqualTo(ModelConfig.of("openai", "gpt-4.1-mini")
                .withTemperature(0).withId("judge"));
        assertThatThrownBy(() -> ModelConfig.fromMap(Map.of("provider", "openai",
                "model", "m", "api_key", "sk-x"), "scorers[0].judge"))
                .isInstanceOf(InvalidPlanException.class).hasMessageStartingWith("scorers[0].judge")
                .hasMessageNotContaining("sk-x");
    }

    @Test
    void nonPortableSettingsNameWhatOnlyAVendorsOwnApiCanCarryInOrder() {
        ModelConfig portable = ModelConfig.of("openai", "m").withTemperature(0.2).withMaxOutputTokens(100);
        assertThat(portable.nonPortableSettings()).isEmpty();

        ModelConfig all = ModelConfig.fromMap(Map.of("provider", "openai", "model", "m", "seed", 7,
                "reasoning_effort", "high", "verbosity", "low", "params", Map.of("num_ctx", 8192),
                "stream", true, "base_url", "http://localhost:1/v1", "api_key_env", "KEY_VAR"), "models[0]")
                .withApiKey(Secret.of("sk-secret"));
        assertThat(all.nonPortableSettings()).containsExactly("seed", "reasoning_effort", "verbosity",
                "params.num_ctx", "stream", "base_url", "api_key_env", "api_key");
    }
}
