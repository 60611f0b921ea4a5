package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.testing.Requests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scorers makes the built-in scorers under their default names, and renames any scorer. */
class ScorersTest {

    @Test
    void eachScorerHasItsDefaultName() {
        assertThat(List.of(Scorers.exact(), Scorers.contains(), Scorers.containsAll(), Scorers.containsAny(),
                Scorers.setF1())).extracting(Scorer::name)
                .containsExactly("exact", "contains", "contains_all", "contains_any", "set_f1");
        assertThat(List.of(Scorers.exact(Normalization.none()), Scorers.contains(Normalization.none()),
                Scorers.containsAll(Normalization.none()), Scorers.containsAny(Normalization.none()),
                Scorers.setF1(SetF1Options.defaults().withPointer("")))).extracting(Scorer::name)
                .containsExactly("exact", "contains", "contains_all", "contains_any", "set_f1");
    }

    @Test
    void theBuiltInScorersAnswerAtOnce() {
        for (Scorer s : List.of(Scorers.exact(), Scorers.contains(), Scorers.containsAll(), Scorers.containsAny())) {
            assertThat(s.score(Requests.of("Paris", "Paris")).toCompletableFuture()).isCompletedWithValue(Score.of(1.0));
        }
        assertThat(Scorers.setF1().score(Requests.of("Paris", List.of("Paris"))).toCompletableFuture()).isDone();
    }

    @Test
    void namedGivesAScorerAnotherNameAndScoresAsIt() {
        Scorer strict = Scorers.named("strict", Scorers.exact(Normalization.none()));

        assertThat(strict.name()).isEqualTo("strict");
        assertThat(Requests.score(strict, "Paris", "Paris").value()).hasValue(1.0);
        assertThat(Requests.score(strict, "Paris\n", "Paris").value()).hasValue(0.0);
    }

    @Test
    void namedRenamesAnyScorerAndTheLastNameWins() {
        Scorer length = Scorer.of("length", r -> Score.of(r.output().length()));
        Scorer renamed = Scorers.named("chars", Scorers.named("size", length));

        assertThat(renamed.name()).isEqualTo("chars");
        assertThat(Requests.score(renamed, "abc", "x").value()).hasValue(3.0);
    }

    @Test
    void namedRejectsABlankName() {
        assertThatThrownBy(() -> Scorers.named(" ", Scorers.exact()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("scorer name must not be blank");
    }

    @Test
    void factoriesRejectNull() {
        assertThatThrownBy(() -> Scorers.exact(null)).isInstanceOf(NullPointerException.class).hasMessage("normalization");
        assertThatThrownBy(() -> Scorers.contains(null)).isInstanceOf(NullPointerException.class).hasMessage("normalization");
        assertThatThrownBy(() -> Scorers.containsAll(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("normalization");
        assertThatThrownBy(() -> Scorers.containsAny(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("normalization");
        assertThatThrownBy(() -> Scorers.setF1(null)).isInstanceOf(NullPointerException.class).hasMessage("options");
        assertThatThrownBy(() -> Scorers.named(null, Scorers.exact())).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> Scorers.named("x", null)).isInstanceOf(NullPointerException.class).hasMessage("scorer");
    }
}
