package dev.bench4j.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.EmbeddingModel;
import dev.bench4j.core.spi.Scorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real in-process models against cosines computed independently in Python (onnxruntime and
 * Hugging Face tokenizers on the same model files, mean pooling and L2 normalisation as
 * sentence-transformers does): {@code reference/minilm_cosines.py} says how and with which versions.
 */
class MiniLmReferenceTest {

    /** float32 inference in two runtimes (ONNX Runtime 1.20.0 here, 1.30.0 in Python): agreement to 1e-4. */
    private static final Offset<Double> RUNTIMES = Offset.offset(1e-4);

    /**
     * The quantized model's 8-bit arithmetic differs between the two ONNX Runtime versions a little more
     * (up to 0.0025 on these pairs).
     */
    private static final Offset<Double> QUANTIZED_RUNTIMES = Offset.offset(5e-3);

    private static final Map<String, EmbeddingModel> MODELS = Map.of(
            EmbeddingModels.ALL_MINILM_L6_V2, EmbeddingModels.allMiniLmL6V2(),
            EmbeddingModels.ALL_MINILM_L6_V2_Q, EmbeddingModels.allMiniLmL6V2Quantized());

    static Stream<Arguments> references() throws IOException {
        try (InputStream in = MiniLmReferenceTest.class.getResourceAsStream("/reference/minilm_cosines.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            assertThat(lines).hasSize(14);
            return lines.stream().map(l -> l.split("\t")).map(f -> Arguments.of(f[0], f[1], f[2], Double.parseDouble(f[3])));
        }
    }

    @ParameterizedTest(name = "{0}: {1} / {2} = {3}")
    @MethodSource("references")
    void theCosineMatchesThePythonReference(String model, String a, String b, double cosine) {
        Score score = Requests.score(EmbeddingScorers.cosine(MODELS.get(model)), a, b);
        Offset<Double> tolerance = model.endsWith("-q") ? QUANTIZED_RUNTIMES : RUNTIMES;

        assertThat(score.details().get("cosine")).isCloseTo(cosine, tolerance);
        assertThat(score.value()).hasValueCloseTo(Math.max(0, cosine), tolerance);
    }

    @Test
    void anIdenticalTextScoresOneAndAParaphraseScoresAboveAnUnrelatedText() {
        Scorer scorer = EmbeddingScorers.cosine();
        String expected = "How do I reset my password?";

        double identical = Requests.score(scorer, expected, expected).value().orElseThrow();
        double paraphrase = Requests.score(scorer, "What are the steps to change my login password?", expected)
                .value().orElseThrow();
        double unrelated = Requests.score(scorer, "Bananas are rich in potassium.", expected).value().orElseThrow();

        assertThat(identical).isCloseTo(1.0, Offset.offset(1e-6));
        assertThat(paraphrase).isGreaterThan(0.7).isLessThan(identical);
        assertThat(unrelated).isLessThan(0.1);
    }

    @Test
    void aNegativeCosineScoresZeroAndKeepsTheRawCosineInTheDetails() {
        Score score = Requests.score(EmbeddingScorers.cosine(), "The stock market fell sharply today.",
                "A man is playing a guitar.");

        assertThat(score.value()).hasValue(0.0);
        assertThat(score.details().get("cosine")).isCloseTo(-0.054027, RUNTIMES);
    }

    @Test
    void withAThresholdAParaphrasePassesAndAnUnrelatedTextFails() {
        Scorer scorer = EmbeddingScorers.cosine("same_meaning", EmbeddingModels.allMiniLmL6V2(), OptionalDouble.of(0.8));
        String expected = "A man is playing a guitar.";

        Score paraphrase = Requests.score(scorer, "A person plays the guitar.", expected);
        Score cat = Requests.score(scorer, "The cat sits on the mat.", expected);

        assertThat(paraphrase.value()).hasValue(1.0);
        assertThat(paraphrase.details()).containsEntry("threshold", 0.8);
        assertThat(paraphrase.details().get("cosine")).isCloseTo(0.851838, RUNTIMES);
        assertThat(cat.value()).hasValue(0.0);
    }

    @Test
    void aTextLongerThanTheModelsWindowIsEmbeddedAndStaysCloseToItsOwnTopic() {
        String sentence = "The patient reports chest pain radiating to the left arm, with shortness of breath. ";
        String longText = sentence.repeat(60); // about 1,000 word pieces: embedded in parts and averaged
        Scorer scorer = EmbeddingScorers.cosine();

        double onTopic = Requests.score(scorer, longText, sentence.trim()).value().orElseThrow();
        double offTopic = Requests.score(scorer, longText, "Bananas are rich in potassium.").value().orElseThrow();

        assertThat(onTopic).isGreaterThan(0.85);
        assertThat(offTopic).isLessThan(0.2);
    }
}
