package dev.bench4j.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Set F1 options default to lines, the expected array, standard case-insensitive items and zero division 0. */
class SetF1OptionsTest {

    @Test
    void defaultsReadLinesCompareCaseInsensitivelyAndCountZeroDivisionAsZero() {
        SetF1Options d = SetF1Options.defaults();

        assertThat(d.pointer()).isEmpty();
        assertThat(d.expectedPointer()).isEmpty();
        assertThat(d.field()).isEmpty();
        assertThat(d.normalization()).isEqualTo(Normalization.standard().withIgnoreCase(true));
        assertThat(d.zeroDivision()).isEqualTo(0.0);
    }

    @Test
    void fluentCopiesSetOneOptionAndLeaveTheOriginalAlone() {
        SetF1Options d = SetF1Options.defaults();
        SetF1Options o = d.withPointer("/conditions").withExpectedPointer("/gold").withField("name")
                .withNormalization(Normalization.none()).withZeroDivision(1.0);

        assertThat(o).isEqualTo(new SetF1Options(Optional.of("/conditions"), Optional.of("/gold"), Optional.of("name"),
                Normalization.none(), 1.0));
        assertThat(d).isEqualTo(SetF1Options.defaults());
    }

    @Test
    void theEmptyPointerMeansTheWholeDocument() {
        assertThat(SetF1Options.defaults().withPointer("").pointer()).contains("");
    }

    @Test
    void aPointerMustStartWithASlash() {
        assertThatThrownBy(() -> SetF1Options.defaults().withPointer("conditions"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pointer must be a JSON Pointer (\"\" or starting with \"/\") but was \"conditions\"");
        assertThatThrownBy(() -> SetF1Options.defaults().withExpectedPointer("gold/items"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectedPointer must be a JSON Pointer (\"\" or starting with \"/\") but was \"gold/items\"");
    }

    @Test
    void aFieldMustNotBeBlank() {
        assertThatThrownBy(() -> SetF1Options.defaults().withField(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field must not be blank");
    }

    @Test
    void zeroDivisionMustBeZeroOrOne() {
        assertThatThrownBy(() -> SetF1Options.defaults().withZeroDivision(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("zeroDivision must be 0 or 1 but was 0.5");
        assertThatThrownBy(() -> SetF1Options.defaults().withZeroDivision(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("zeroDivision must be 0 or 1 but was NaN");
    }

    @Test
    void methodsRejectNull() {
        SetF1Options d = SetF1Options.defaults();

        assertThatThrownBy(() -> d.withPointer(null)).isInstanceOf(NullPointerException.class).hasMessage("jsonPointer");
        assertThatThrownBy(() -> d.withExpectedPointer(null)).isInstanceOf(NullPointerException.class).hasMessage("jsonPointer");
        assertThatThrownBy(() -> d.withField(null)).isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> d.withNormalization(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("itemNormalization");
        assertThatThrownBy(() -> new SetF1Options(Optional.empty(), Optional.empty(), Optional.empty(), null, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("normalization");
        assertThatThrownBy(() -> new SetF1Options(null, Optional.empty(), Optional.empty(), Normalization.none(), 0))
                .isInstanceOf(NullPointerException.class).hasMessage("pointer");
    }
}
