package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An invalid-plan exception lists every problem and shows the first ten in its message. */
class InvalidPlanExceptionTest {

    private static List<String> problems(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "problem " + i).toList();
    }

    @Test
    void oneProblemIsTheWholeMessage() {
        InvalidPlanException e = new InvalidPlanException("Prompt 'v1' has no messages");

        assertThat(e).hasMessage("Prompt 'v1' has no messages");
        assertThat(e.problems()).containsExactly("Prompt 'v1' has no messages");
        assertThat(new InvalidPlanException(List.of("only one"))).hasMessage("only one");
    }

    @Test
    void twoProblemsAreCountedAndListed() {
        InvalidPlanException e = new InvalidPlanException(List.of("first", "second"));

        assertThat(e).hasMessage("2 problems:\n  - first\n  - second");
        assertThat(e.problems()).containsExactly("first", "second");
    }

    @Test
    void twelveProblemsShowTheFirstTenAndCountTheRest() {
        InvalidPlanException e = new InvalidPlanException(problems(12));

        StringBuilder expected = new StringBuilder("12 problems:");
        for (int i = 1; i <= 10; i++) {
            expected.append("\n  - problem ").append(i);
        }
        expected.append("\n  ... and 2 more");
        assertThat(e).hasMessage(expected.toString());
        assertThat(e.problems()).containsExactlyElementsOf(problems(12));
    }

    @Test
    void tenProblemsAreAllShownWithoutAMoreLine() {
        assertThat(new InvalidPlanException(problems(10)).getMessage())
                .endsWith("\n  - problem 10").doesNotContain("more");
    }

    @Test
    void problemsAreCopiedAndUnmodifiable() {
        List<String> list = new ArrayList<>(List.of("a", "b"));
        InvalidPlanException e = new InvalidPlanException(list);

        list.add("c");

        assertThat(e.problems()).containsExactly("a", "b");
        assertThatThrownBy(() -> e.problems().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void causeIsKeptWithItsProblem() {
        IOException cause = new IOException("disk");

        InvalidPlanException e = new InvalidPlanException("cannot read plan.json", cause);

        assertThat(e).hasMessage("cannot read plan.json").hasCause(cause);
        assertThat(e.problems()).containsExactly("cannot read plan.json");
    }

    @Test
    void isABenchException() {
        assertThat(new InvalidPlanException("x")).isInstanceOf(BenchException.class);
    }

    @Test
    void emptyProblemListIsRefused() {
        assertThatThrownBy(() -> new InvalidPlanException(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("problems must not be empty");
    }

    @Test
    void nullProblemListIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new InvalidPlanException((List<String>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("problems");
    }

    @Test
    void nullSingleProblemIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new InvalidPlanException((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("problem");
    }
}
