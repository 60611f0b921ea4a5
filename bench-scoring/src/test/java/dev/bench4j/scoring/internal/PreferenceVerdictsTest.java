package dev.bench4j.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pairwise and listwise verdicts are read as leniently as a judge's score, and refused with a reason. */
class PreferenceVerdictsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            json                   | {"winner": "A", "reason": "more accurate"}                 | A
            lower case in a fence  | ```json\\n{"winner": "b"}\\n```                           | B
            tie                    | {"winner": "Tie", "reason": "equally good"}               | tie
            prose around           | After weighing both: {"winner": "Answer B"} is my call.   | B
            bare letter            | A.                                                        | A
            bare tie in bold       | **tie**                                                   | tie
            """)
    void winnersAreRead(String label, String verdict, String winner) {
        PreferenceVerdicts.Read<String> r = PreferenceVerdicts.winner(verdict.replace("\\n", "\n"));

        assertThat(r.value()).contains(winner);
        assertThat(r.error()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            prose only          | Answer A is clearly better.      | judge verdict is neither JSON {"winner": "A"
            a third answer      | {"winner": "C"}                  | judge verdict's "winner" must be "A", "B" or "tie" but was "C"
            a number            | {"winner": 1}                    | judge verdict's "winner" must be "A", "B" or "tie" but was 1
            both                | {"winner": "A and B"}            | judge verdict's "winner" must be "A", "B" or "tie" but was "A and B"
            a score instead     | {"score": 4}                     | judge verdict is neither JSON
            """)
    void badWinnersAreRefusedWithAReason(String label, String verdict, String error) {
        PreferenceVerdicts.Read<String> r = PreferenceVerdicts.winner(verdict);

        assertThat(r.value()).isEmpty();
        assertThat(r.error().orElseThrow()).startsWith(error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            numbers                 | {"ranking": [3, 1, 2], "reason": "3 is exact"}                  | 3 1 2
            strings in a fence      | ```\\n{"ranking": ["2", "Answer 3", "#1"]}\\n```                | 2 3 1
            prose around            | My ranking: {"ranking": [1, 2, 3]} (best first).                | 1 2 3
            """)
    void rankingsAreRead(String label, String verdict, String order) {
        PreferenceVerdicts.Read<List<Integer>> r = PreferenceVerdicts.ranking(verdict.replace("\\n", "\n"), 3);

        assertThat(r.value().orElseThrow()).containsExactlyElementsOf(
                java.util.Arrays.stream(order.split(" ")).map(Integer::valueOf).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            one left out          | {"ranking": [2, 1]}                 | judge verdict's ranking leaves out answer(s) [3]
            one twice             | {"ranking": [2, 2, 1]}              | judge verdict's ranking names answer 2 twice
            one that is not there | {"ranking": [4, 1, 2]}              | judge verdict's ranking names 4, not an answer number from 1 to 3
            names not numbers     | {"ranking": ["best", "mid", "x"]}   | judge verdict's ranking names "best", not an answer number
            an object             | {"ranking": {"1": 1}}               | judge verdict's "ranking" must be an array of answer numbers but was an object
            prose only            | 3 > 1 > 2                           | judge verdict is not JSON {"ranking": [...], "reason": ...}: '3 > 1 > 2'
            """)
    void badRankingsAreRefusedWithAReason(String label, String verdict, String error) {
        PreferenceVerdicts.Read<List<Integer>> r = PreferenceVerdicts.ranking(verdict, 3);

        assertThat(r.value()).isEmpty();
        assertThat(r.error().orElseThrow()).startsWith(error);
    }
}
