package dev.bench4j.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Trial;
import dev.bench4j.core.testing.Plans;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubsetsTest {

    @Test
    void globsMatchAnyCharactersWithStarAndOneWithQuestionMark() {
        assertThat(Subsets.matches("extract-*", "extract-v1")).isTrue();
        assertThat(Subsets.matches("extract-*", "extract-")).isTrue();
        assertThat(Subsets.matches("extract-*", "classify")).isFalse();
        assertThat(Subsets.matches("*-v?", "extract-v2")).isTrue();
        assertThat(Subsets.matches("*-v?", "extract-v10")).isFalse();
        assertThat(Subsets.matches("a*b*c", "aXXbYYc")).isTrue();
        assertThat(Subsets.matches("a*b*c", "aXXbYY")).isFalse();
        assertThat(Subsets.matches("exact", "exact")).isTrue();
        assertThat(Subsets.matches("exact", "exactly")).isFalse();
        assertThat(Subsets.matches("openai:gpt-4o", "openai:gpt-4o-mini")).isFalse();
    }

    @Test
    void aSampleFollowsTheDocumentedShuffleOfJavaUtilRandom() {
        List<Trial> trials = Plans.trials(10);
        // java.util.Random(7) is specified by its javadoc, so this sample is the same on every JVM
        java.util.Random r = new java.util.Random(7);
        int[] order = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 9; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int s = order[i];
            order[i] = order[j];
            order[j] = s;
        }
        List<String> expected = java.util.stream.IntStream.of(order).limit(3).sorted().mapToObj(i -> "t" + i).toList();

        assertThat(Subsets.sample(trials, 3, 7)).extracting(Trial::id).isEqualTo(expected);
        assertThat(Subsets.sample(trials, 3, 7)).extracting(Trial::id).containsExactly("t0", "t1", "t9");   // pinned: a change of algorithm breaks reproducibility
        assertThat(Subsets.sample(trials, 30, 7)).hasSize(10);
    }
}
