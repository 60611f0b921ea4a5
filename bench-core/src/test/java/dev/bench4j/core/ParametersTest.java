package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Generation parameters are optional, range-checked, and listed by their snake_case names. */
class ParametersTest {

    private static Parameters withStop(List<String> stop) {
        return new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalLong.empty(), stop, OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void noneHasNothingSet() {
        Parameters p = Parameters.none();

        assertThat(p.temperature()).isEmpty();
        assertThat(p.topP()).isEmpty();
        assertThat(p.topK()).isEmpty();
        assertThat(p.maxOutputTokens()).isEmpty();
        assertThat(p.seed()).isEmpty();
        assertThat(p.stop()).isEmpty();
        assertThat(p.frequencyPenalty()).isEmpty();
        assertThat(p.presencePenalty()).isEmpty();
        assertThat(p.reasoningEffort()).isEmpty();
        assertThat(p.verbosity()).isEmpty();
        assertThat(p.asMap()).isEmpty();
    }

    @Test
    void asMapListsTheSetParametersBySnakeCaseNameInDocumentedOrder() {
        Parameters p = ModelConfig.of("openai", "m").withVerbosity("high").withReasoningEffort("low").withPresencePenalty(-0.5)
                .withFrequencyPenalty(0.5).withStop("END").withSeed(7).withMaxOutputTokens(256).withTopK(40).withTopP(0.9).withTemperature(0.2)
                .parameters();

        assertThat(p.asMap()).containsExactly(
                Map.entry("temperature", 0.2),
                Map.entry("top_p", 0.9),
                Map.entry("top_k", 40L),
                Map.entry("max_output_tokens", 256L),
                Map.entry("seed", 7L),
                Map.entry("stop", List.of("END")),
                Map.entry("frequency_penalty", 0.5),
                Map.entry("presence_penalty", -0.5),
                Map.entry("reasoning_effort", "low"),
                Map.entry("verbosity", "high"));
    }

    @Test
    void asMapLeavesOutUnsetParameters() {
        Parameters p = ModelConfig.of("openai", "m").withMaxOutputTokens(10).parameters();

        assertThat(p.asMap()).containsExactly(Map.entry("max_output_tokens", 10L));
    }

    @Test
    void asMapIsUnmodifiable() {
        Parameters p = ModelConfig.of("openai", "m").withTemperature(1).parameters();

        assertThatThrownBy(() -> p.asMap().put("seed", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void stopIsCopiedFromTheCallersListAndUnmodifiable() {
        List<String> stop = new ArrayList<>(List.of("END"));
        Parameters p = withStop(stop);

        stop.add("later");

        assertThat(p.stop()).containsExactly("END");
        assertThatThrownBy(() -> p.stop().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void emptyStopSequenceIsRefused() {
        assertThatThrownBy(() -> withStop(List.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("stop sequences must not be empty");
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new Parameters(OptionalDouble.of(3), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("temperature must be between 0 and 2 but was 3.0");
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.of(-0.5), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top_p must be > 0 and <= 1 but was -0.5");
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(0),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top_k must be >= 1 but was 0");
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.of(-2.01), OptionalDouble.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("frequency_penalty must be between -2 and 2 but was -2.01");
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.of(" "), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reasoning_effort must not be blank");
    }

    @Test
    void nullComponentsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), null, OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("topP");
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                null, OptionalLong.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("maxOutputTokens");
        assertThatThrownBy(() -> withStop(null))
                .isInstanceOf(NullPointerException.class).hasMessage("stop");
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("reasoningEffort");
    }

    @Test
    void nullPenaltyComponentsAreRefusedNamingTheJavaComponent() {
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), null, OptionalDouble.empty(),
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("frequencyPenalty");
        assertThatThrownBy(() -> new Parameters(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty(), List.of(), OptionalDouble.empty(), null,
                Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("presencePenalty");
    }
}
