package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SubsetTest {

    @Test
    void selectorsAccumulateWithoutDuplicatesAndDescribeThemselvesAsFlags() {
        Subset s = Subset.all().withPrompts(List.of("extract-*")).withPrompts(List.of("extract-*", "v2"))
                .withModels(List.of("openai:*")).withSample(20, 42);

        assertThat(s.prompts()).containsExactly("extract-*", "v2");
        assertThat(s.isAll()).isFalse();
        assertThat(s).hasToString("--prompt extract-*,v2 --model openai:* --sample 20 --seed 42");
        assertThat(s.withFirstTrials(5).sample()).isEmpty();
        assertThat(Subset.all().isAll()).isTrue();
        assertThat(Subset.all()).hasToString("all");
    }

    @Test
    void badSelectorsAreRefused() {
        assertThatThrownBy(() -> Subset.all().withTrials(List.of(" "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trials selector must not be blank");
        assertThatThrownBy(() -> Subset.all().withFirstTrials(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("firstTrials must be >= 1 but was 0");
        assertThatThrownBy(() -> Subset.all().withSample(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample size must be >= 1 but was 0");
        assertThatThrownBy(() -> new Subset(List.of(), List.of(), List.of(), OptionalInt.of(3),
                Optional.of(new Subset.Sample(2, 7)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a subset takes either the first 3 trials or a sample of 2, not both");
    }
}
