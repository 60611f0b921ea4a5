package dev.bench4j.scoring.internal;

import dev.bench4j.core.Score;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.Normalization;
import dev.bench4j.scoring.RougeMeasure;
import dev.bench4j.scoring.RougeVariant;
import dev.bench4j.scoring.SetF1Options;
import dev.bench4j.scoring.TokenKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes the built-in scorers for {@code dev.bench4j.scoring.Scorers}, which documents what each
 * does. Not API.
 */
public final class BuiltInScorers {

    private BuiltInScorers() {
    }

    /**
     * Makes an exact-match scorer.
     *
     * @param name the scorer's name
     * @param normalization how output and expected value are normalized
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer exact(String name, Normalization normalization) {
        return new ExactScorer(name, normalization);
    }

    /**
     * Makes the scorer {@code contains}, which passes when the output contains the expected string or
     * every expected string.
     *
     * @param name the scorer's name
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer contains(String name, Normalization normalization) {
        return new ContainsScorer(name, normalization, ContainsScorer.Kind.CONTAINS);
    }

    /**
     * Makes the scorer {@code contains_all}, which passes when the output contains every expected string.
     *
     * @param name the scorer's name
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer containsAll(String name, Normalization normalization) {
        return new ContainsScorer(name, normalization, ContainsScorer.Kind.CONTAINS_ALL);
    }

    /**
     * Makes the scorer {@code contains_any}, which passes when the output contains at least one
     * expected string.
     *
     * @param name the scorer's name
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer containsAny(String name, Normalization normalization) {
        return new ContainsScorer(name, normalization, ContainsScorer.Kind.CONTAINS_ANY);
    }

    /**
     * Makes a set F1 scorer.
     *
     * @param name the scorer's name
     * @param options where the items are and how they are compared
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer setF1(String name, SetF1Options options) {
        return new SetF1Scorer(name, options);
    }

    /**
     * Makes a regular-expression scorer.
     *
     * @param name the scorer's name
     * @param pattern the pattern
     * @param full whether the whole output must match, rather than a part of it
     * @return the scorer
     * @throws NullPointerException if {@code name} or {@code pattern} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer regex(String name, Pattern pattern, boolean full) {
        return RegexScorer.of(name, pattern, full);
    }

    /**
     * Makes a JSON validity scorer.
     *
     * @param name the scorer's name
     * @param object whether the JSON must be an object
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer jsonValid(String name, boolean object) {
        return new JsonValidScorer(name, object);
    }

    /**
     * Makes the scorer {@code json_schema} from a schema's JSON text, checking it against its
     * metaschema and compiling it once.
     *
     * @param name the scorer's name
     * @param schemaJson the schema as JSON text
     * @param pointer the JSON Pointer into the output's JSON, {@code ""} for all of it
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank, {@code pointer} is not a JSON Pointer,
     *     or the text is not JSON or not a valid JSON Schema (the message says what is wrong)
     */
    public static Scorer jsonSchema(String name, String schemaJson, String pointer) {
        Objects.requireNonNull(schemaJson, "schemaJson");
        Objects.requireNonNull(pointer, "pointer");
        return new JsonSchemaScorerFactory().create(Map.of("name", name, "schema_json", schemaJson, "pointer", pointer));
    }

    /**
     * Makes the scorer {@code json_schema} from a JSON file holding the schema.
     *
     * @param name the scorer's name
     * @param schemaFile the file
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the file cannot be read, or is not JSON or not a valid JSON Schema
     */
    public static Scorer jsonSchema(String name, Path schemaFile) {
        Objects.requireNonNull(schemaFile, "schemaFile");
        return new JsonSchemaScorerFactory().create(Map.of("name", name, "schema", schemaFile.toString()));
    }

    /**
     * Makes a JSON field equality scorer.
     *
     * @param name the scorer's name
     * @param pointer the JSON Pointer into the output
     * @param expectedPointer the JSON Pointer into the expected value
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or a pointer is neither {@code ""} nor
     *     starts with {@code /}
     */
    public static Scorer jsonFieldEquals(String name, String pointer, String expectedPointer) {
        return new JsonFieldEqualsScorer(name, pointer, expectedPointer);
    }

    /**
     * Makes a numeric scorer.
     *
     * @param name the scorer's name
     * @param absTol the absolute tolerance
     * @param relTol the relative tolerance
     * @param whole whether the whole output must be the number, rather than its first number
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or a tolerance is negative or not finite
     */
    public static Scorer numeric(String name, double absTol, double relTol, boolean whole) {
        return new NumericScorer(name, absTol, relTol, whole);
    }

    /**
     * Makes a classification scorer.
     *
     * @param name the scorer's name
     * @param normalization how output and expected label are normalized
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer classification(String name, Normalization normalization) {
        return new ClassificationScorer(name, normalization);
    }

    /**
     * Reads the (predicted, expected) labels a classification scorer put in a score's reason.
     *
     * @param score a classification score
     * @return the two labels, or empty for an error score
     * @throws IllegalArgumentException if a score with a value has no such reason
     */
    public static Optional<List<String>> classificationLabels(Score score) {
        return ClassificationScorer.labels(score);
    }

    /**
     * Makes a latency threshold scorer.
     *
     * @param name the scorer's name
     * @param maxMs the highest passing latency in milliseconds
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or the limit is negative or not finite
     */
    public static Scorer latencyUnder(String name, double maxMs) {
        return new ThresholdScorer(name, ThresholdScorer.Figure.LATENCY_MS, maxMs);
    }

    /**
     * Makes a cost threshold scorer.
     *
     * @param name the scorer's name
     * @param maxUsd the highest passing cost in USD
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or the limit is negative or not finite
     */
    public static Scorer costUnder(String name, double maxUsd) {
        return new ThresholdScorer(name, ThresholdScorer.Figure.COST_USD, maxUsd);
    }

    /**
     * Makes a threshold scorer on a kind of tokens.
     *
     * @param name the scorer's name
     * @param maxTokens the highest passing number of tokens of that kind
     * @param kind which tokens are counted
     * @return the scorer
     * @throws NullPointerException if {@code name} or {@code kind} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank or the limit is negative
     */
    public static Scorer tokensUnder(String name, long maxTokens, TokenKind kind) {
        return new ThresholdScorer(name, ThresholdScorer.Figure.tokens(kind), maxTokens);
    }

    /**
     * Makes a normalized Levenshtein similarity scorer.
     *
     * @param name the scorer's name
     * @param normalization how output and expected text are normalized
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer levenshtein(String name, Normalization normalization) {
        return new TextSimilarityScorer(name, new TextSimilarityScorer.Levenshtein(normalization));
    }

    /**
     * Makes a ROUGE scorer.
     *
     * @param name the scorer's name
     * @param variant ROUGE-1, ROUGE-2 or ROUGE-L
     * @param measure which measure is the score
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer rouge(String name, RougeVariant variant, RougeMeasure measure) {
        return new TextSimilarityScorer(name, new TextSimilarityScorer.RougeScore(variant, measure));
    }

    /**
     * Makes a sentence BLEU scorer.
     *
     * @param name the scorer's name
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer bleu(String name) {
        return new TextSimilarityScorer(name, new TextSimilarityScorer.Bleu());
    }

    /**
     * Makes a chrF scorer.
     *
     * @param name the scorer's name
     * @return the scorer
     * @throws NullPointerException if {@code name} is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer chrf(String name) {
        return new TextSimilarityScorer(name, new TextSimilarityScorer.Chrf());
    }

    /**
     * Renames a scorer; renaming a renamed scorer wraps the original once.
     *
     * @param name the new name
     * @param scorer the scorer
     * @return the renamed scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer named(String name, Scorer scorer) {
        Scorer original = scorer instanceof NamedScorer n ? n.delegate() : scorer;
        return new NamedScorer(name, original);
    }
}
