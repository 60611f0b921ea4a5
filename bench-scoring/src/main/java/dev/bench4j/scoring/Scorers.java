package dev.bench4j.scoring;

import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.scoring.internal.BuiltInScorers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The built-in scorers: exact match, substring containment, set F1, regular expression, JSON
 * validity, JSON field equality, numeric tolerance, classification label and text similarity
 * (normalized Levenshtein, ROUGE, BLEU, chrF), each comparing the
 * model's output with the trial's expected value; thresholds on latency, cost and input, output or
 * total tokens; and an LLM judge. Each has a default name (the key of its scores in results
 * and summaries); give another with {@link #named(String, Scorer)}, e.g. to use one type twice in a
 * plan.
 *
 * <pre>{@code
 * BenchmarkPlan plan = BenchmarkPlan.named("extraction")
 *     .prompt(Prompt.named("p").user("{{answer}}"))
 *     .model(ModelConfig.of("echo", "e"))
 *     .trials(trials)
 *     .scorer(Scorers.setF1())
 *     .scorer(Scorers.named("mentions_all", Scorers.containsAll(Normalization.standard().withIgnoreCase(true))))
 *     .build();
 * }</pre>
 *
 * <p>A scorer never throws for a result it cannot score (a trial without expected value, an
 * expected value of the wrong shape, an output that is not JSON where JSON is needed): it returns a
 * {@link dev.bench4j.core.Score#error} saying why, which summaries count apart from the values.
 */
public final class Scorers {

    private Scorers() {
    }

    /**
     * Returns the scorer {@code exact}: 1.0 if the output equals the expected value after
     * {@link Normalization#standard()}, else 0.0.
     *
     * @return the scorer
     * @see #exact(Normalization)
     */
    public static Scorer exact() {
        return exact(Normalization.standard());
    }

    /**
     * Returns the scorer {@code exact}: 1.0 if the output equals the expected value after a
     * normalization of both, else 0.0. The expected value must be a string, or a number or boolean,
     * which is compared by its JSON text ({@code 42}, {@code 0.5}, {@code true}); any other gives an
     * error score.
     *
     * @param normalization how output and expected value are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer exact(Normalization normalization) {
        return BuiltInScorers.exact("exact", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code contains}: 1.0 if the output contains the expected string, or every
     * string of an expected array, after {@link Normalization#standard()}; else 0.0.
     *
     * @return the scorer
     * @see #contains(Normalization)
     */
    public static Scorer contains() {
        return contains(Normalization.standard());
    }

    /**
     * Returns the scorer {@code contains}: 1.0 if the output contains the expected string, or every
     * string of an expected array, after a normalization of both; else 0.0. Numbers and booleans are
     * looked for by their JSON text; an expected value of another shape, an empty array or a string
     * that normalizes to nothing gives an error score.
     *
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer contains(Normalization normalization) {
        return BuiltInScorers.contains("contains", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code contains_all}: as {@link #contains()}, named for array expectations.
     *
     * @return the scorer
     * @see #containsAll(Normalization)
     */
    public static Scorer containsAll() {
        return containsAll(Normalization.standard());
    }

    /**
     * Returns the scorer {@code contains_all}: as {@link #contains(Normalization)}, named for array
     * expectations: 1.0 if the output contains every expected string (a single string counts as an
     * array of one), else 0.0.
     *
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer containsAll(Normalization normalization) {
        return BuiltInScorers.containsAll("contains_all", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code contains_any}: 1.0 if the output contains at least one expected
     * string after {@link Normalization#standard()}, else 0.0.
     *
     * @return the scorer
     * @see #containsAny(Normalization)
     */
    public static Scorer containsAny() {
        return containsAny(Normalization.standard());
    }

    /**
     * Returns the scorer {@code contains_any}: 1.0 if the output contains at least one of the
     * expected strings (a single string counts as an array of one) after a normalization of both,
     * else 0.0. Expected values are checked as for {@link #contains(Normalization)}.
     *
     * @param normalization how output and expected strings are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer containsAny(Normalization normalization) {
        return BuiltInScorers.containsAny("contains_any", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code set_f1} with {@link SetF1Options#defaults()}: one predicted item per
     * line of the output, the expected value is the array of gold items, items compared after
     * {@link Normalization#standard()} with ignore case.
     *
     * @return the scorer
     * @see #setF1(SetF1Options)
     */
    public static Scorer setF1() {
        return setF1(SetF1Options.defaults());
    }

    /**
     * Returns the scorer {@code set_f1}: the F1 of the set of items the model gave against the set of
     * gold items, duplicates counted once. The score's value is F1; its details are {@code tp},
     * {@code fp}, {@code fn}, {@code precision}, {@code recall} and {@code f1}.
     *
     * <p>Precision is {@code tp / (tp + fp)}, recall {@code tp / (tp + fn)}, and F1
     * {@code 2tp / (2tp + fp + fn)}; a ratio whose denominator is zero is
     * {@link SetF1Options#zeroDivision()}, as scikit-learn (1.3 and later) computes them with
     * {@code zero_division}. So F1 is 0 when there are predictions or gold items but none match,
     * and {@code zeroDivision} only when both sets are empty.
     *
     * <p>An output that is not JSON when a pointer is set, a missing array, an item that is neither a
     * string, number, boolean nor (with a field) an object, or a trial without expected value gives
     * an error score.
     *
     * @param options where the items are and how they are compared
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public static Scorer setF1(SetF1Options options) {
        return BuiltInScorers.setF1("set_f1", Objects.requireNonNull(options, "options"));
    }

    /**
     * Returns the scorer {@code regex}: 1.0 if the pattern is found somewhere in the output, else 0.0.
     *
     * @param pattern a regular expression in {@link Pattern} syntax
     * @return the scorer
     * @throws NullPointerException if {@code pattern} is {@code null}
     * @throws IllegalArgumentException if {@code pattern} is not a regular expression
     */
    public static Scorer regex(String pattern) {
        try {
            return regex(Pattern.compile(Objects.requireNonNull(pattern, "pattern")), false);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern must be a regular expression: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the scorer {@code regex}: 1.0 if the output matches a compiled pattern (with its
     * flags), somewhere in it or as a whole; else 0.0. The output is matched as it is, without
     * normalization.
     *
     * @param pattern the pattern
     * @param fullMatch true if the whole output must match ({@link java.util.regex.Matcher#matches()}),
     *     false if a part is enough ({@link java.util.regex.Matcher#find()})
     * @return the scorer
     * @throws NullPointerException if {@code pattern} is {@code null}
     */
    public static Scorer regex(Pattern pattern, boolean fullMatch) {
        return BuiltInScorers.regex("regex", Objects.requireNonNull(pattern, "pattern"), fullMatch);
    }

    /**
     * Returns the scorer {@code json_valid}: 1.0 if the output, without a surrounding fenced block
     * such as {@code ```json ... ```}, is one JSON value, else 0.0 with the reason.
     *
     * @return the scorer
     */
    public static Scorer jsonValid() {
        return jsonValid(false);
    }

    /**
     * Returns the scorer {@code json_valid}: as {@link #jsonValid()}, and when {@code objectOnly} the
     * value must be a JSON object.
     *
     * @param objectOnly whether only a JSON object passes
     * @return the scorer
     */
    public static Scorer jsonValid(boolean objectOnly) {
        return BuiltInScorers.jsonValid("json_valid", objectOnly);
    }

    /**
     * Returns the scorer {@code json_schema}: 1.0 if the output's JSON is valid against a JSON Schema,
     * else 0.0 with the first errors and their instance paths as the reason. The JSON is the whole
     * output, a fenced block such as {@code ```json ... ```}, or the one object (else array) in prose
     * around it; an output with none scores 0.0 with the reason. The schema's {@code $schema} picks
     * the draft (2020-12 when absent; draft 07 and the validator's other drafts too); it is checked
     * against its metaschema and compiled once, here.
     *
     * <pre>{@code
     * Scorers.jsonSchema("{\"type\": \"object\", \"required\": [\"city\"]}")
     * }</pre>
     *
     * @param schemaJson the schema as JSON text
     * @return the scorer
     * @throws NullPointerException if {@code schemaJson} is {@code null}
     * @throws IllegalArgumentException if the text is not JSON or not a valid JSON Schema; the message
     *     says what is wrong
     */
    public static Scorer jsonSchema(String schemaJson) {
        return jsonSchema(schemaJson, "");
    }

    /**
     * Returns the scorer {@code json_schema} that validates the value at a JSON Pointer in the
     * output's JSON; as {@link #jsonSchema(String)}, and an output without a value there scores 0.0.
     *
     * @param schemaJson the schema as JSON text
     * @param pointer a JSON Pointer, e.g. {@code /answer}; {@code ""} for the whole JSON
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the text is not JSON or not a valid JSON Schema, or
     *     {@code pointer} is neither {@code ""} nor starts with {@code /}
     */
    public static Scorer jsonSchema(String schemaJson, String pointer) {
        return BuiltInScorers.jsonSchema("json_schema", schemaJson, pointer);
    }

    /**
     * Returns the scorer {@code json_schema} with the schema read from a JSON file; as
     * {@link #jsonSchema(String)}.
     *
     * @param schemaFile the file holding the schema
     * @return the scorer
     * @throws NullPointerException if {@code schemaFile} is {@code null}
     * @throws IllegalArgumentException if the file cannot be read, or is not JSON or not a valid JSON Schema
     */
    public static Scorer jsonSchema(Path schemaFile) {
        return BuiltInScorers.jsonSchema("json_schema", schemaFile);
    }

    /**
     * Returns the scorer {@code json_field_equals} comparing the value at a pointer in the output
     * with the whole expected value; see {@link #jsonFieldEquals(String, String)}.
     *
     * @param pointer a JSON Pointer into the output, e.g. {@code "/answer"}, or {@code ""} for all of it
     * @return the scorer
     * @throws NullPointerException if {@code pointer} is {@code null}
     * @throws IllegalArgumentException if {@code pointer} is not a JSON Pointer
     */
    public static Scorer jsonFieldEquals(String pointer) {
        return jsonFieldEquals(pointer, "");
    }

    /**
     * Returns the scorer {@code json_field_equals}: 1.0 if the JSON value at {@code pointer} in the
     * output (parsed as JSON without a surrounding fenced block) equals the value at
     * {@code expectedPointer} in the trial's expected value, else 0.0. Values are compared as JSON
     * at any depth, numbers by their decimal value ({@code 1}, {@code 1.0} and {@code 1e0} are
     * equal). An output that is not JSON or has nothing at the pointer scores 0.0 with the reason; a
     * trial without expected value, or with nothing at {@code expectedPointer}, gives an error score.
     *
     * @param pointer a JSON Pointer into the output, or {@code ""} for all of it
     * @param expectedPointer a JSON Pointer into the expected value, or {@code ""} for all of it
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if a pointer is neither empty nor starts with {@code "/"}
     */
    public static Scorer jsonFieldEquals(String pointer, String expectedPointer) {
        return BuiltInScorers.jsonFieldEquals("json_field_equals", pointer, expectedPointer);
    }

    /**
     * Returns the scorer {@code numeric}: 1.0 if the first number in the output is within tolerance
     * of the expected number, else 0.0. Numbers are decimal, with an optional sign, fraction and
     * exponent ({@code -3}, {@code 2.5}, {@code .5}, {@code 1e-3}); thousands separators are not
     * understood. Within tolerance means {@code |a - b| <= max(relTol * max(|a|, |b|), absTol)}, as
     * Python's {@code math.isclose}. The expected value is a number or a string that is one; any
     * other gives an error score. An output without a number scores 0.0 with the reason. The
     * score's details are {@code predicted} and {@code expected}.
     *
     * @param absTol the absolute tolerance, finite and at least 0
     * @param relTol the relative tolerance, finite and at least 0
     * @return the scorer
     * @throws IllegalArgumentException if a tolerance is negative or not finite
     * @see #numeric(double, double, boolean)
     */
    public static Scorer numeric(double absTol, double relTol) {
        return numeric(absTol, relTol, false);
    }

    /**
     * Returns the scorer {@code numeric}, as {@link #numeric(double, double)}, reading either the
     * first number in the output or requiring the whole (trimmed) output to be one number.
     *
     * @param absTol the absolute tolerance, finite and at least 0
     * @param relTol the relative tolerance, finite and at least 0
     * @param wholeOutput true if the whole output must be the number
     * @return the scorer
     * @throws IllegalArgumentException if a tolerance is negative or not finite
     */
    public static Scorer numeric(double absTol, double relTol, boolean wholeOutput) {
        return BuiltInScorers.numeric("numeric", absTol, relTol, wholeOutput);
    }

    /**
     * Returns the scorer {@code classification} with {@link Normalization#standard()} and ignore case.
     *
     * @return the scorer
     * @see #classification(Normalization)
     */
    public static Scorer classification() {
        return classification(Normalization.standard().withIgnoreCase(true));
    }

    /**
     * Returns the scorer {@code classification}: 1.0 if the normalized output equals the normalized
     * expected label (a string, or a number or boolean by its JSON text), else 0.0. Since a score's
     * details hold only numbers, its reason carries the two normalized labels as the JSON object
     * {@code {"predicted":"...","expected":"..."}}, which
     * {@link Aggregates#classificationOfScores(Iterable, double)} reads to build the confusion
     * matrix. A trial without expected value or with an empty label gives an error score.
     *
     * @param normalization how output and expected label are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer classification(Normalization normalization) {
        return BuiltInScorers.classification("classification", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code latency_under}: 1.0 if the result's latency is at most a limit, else
     * 0.0. The details are {@code latency_ms} and {@code limit}.
     *
     * @param max the highest passing latency
     * @return the scorer
     * @throws NullPointerException if {@code max} is {@code null}
     * @throws IllegalArgumentException if {@code max} is negative
     */
    public static Scorer latencyUnder(Duration max) {
        return BuiltInScorers.latencyUnder("latency_under", Objects.requireNonNull(max, "max").toNanos() / 1e6);
    }

    /**
     * Returns the scorer {@code cost_under}: 1.0 if the result's cost is at most a limit, else 0.0; a
     * result whose cost is unknown gives an error score. The details are {@code cost_usd} and
     * {@code limit}.
     *
     * @param maxUsd the highest passing cost in USD, finite and at least 0
     * @return the scorer
     * @throws IllegalArgumentException if {@code maxUsd} is negative or not finite
     */
    public static Scorer costUnder(double maxUsd) {
        return BuiltInScorers.costUnder("cost_under", maxUsd);
    }

    /**
     * Returns the scorer {@code tokens_under} on the total tokens; say which tokens with
     * {@link #tokensUnder(long, TokenKind)} instead.
     *
     * @param maxTokens the highest passing total, at least 0
     * @return the scorer, as {@code tokensUnder(maxTokens, TokenKind.TOTAL)}
     * @throws IllegalArgumentException if {@code maxTokens} is negative
     * @deprecated the name does not say that it limits input + output tokens; use
     *     {@link #tokensUnder(long, TokenKind)}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static Scorer tokensUnder(long maxTokens) {
        return tokensUnder(maxTokens, TokenKind.TOTAL);
    }

    /**
     * Returns the scorer {@code tokens_under}: 1.0 if the result's tokens of a kind (input, output or
     * total) are at most a limit, else 0.0. A result whose count of that kind is unknown (the
     * provider did not report it) gives an error score, never 0 or 1. The details are
     * {@code input_tokens}, {@code output_tokens} or {@code total_tokens}, and {@code limit}; its
     * plan-file form is {@code {"type": "tokens_under", "max_tokens": 500, "tokens": "output"}}.
     *
     * @param maxTokens the highest passing count, at least 0
     * @param kind which tokens are counted
     * @return the scorer
     * @throws NullPointerException if {@code kind} is {@code null}
     * @throws IllegalArgumentException if {@code maxTokens} is negative
     */
    public static Scorer tokensUnder(long maxTokens, TokenKind kind) {
        return BuiltInScorers.tokensUnder("tokens_under", maxTokens, Objects.requireNonNull(kind, "kind"));
    }

    /**
     * Returns the scorer {@code llm_judge}: a judge model grades each output on the scale 1 to 5 by
     * general correctness criteria, normalized to 0..1; refine it with {@link LlmJudge#withCriteria},
     * {@link LlmJudge#withScale}, {@link LlmJudge#withTemplate} and {@link LlmJudge#withName}.
     *
     * @param judge the judge's model config, called through the run's pipeline
     * @return the scorer
     * @throws NullPointerException if {@code judge} is {@code null}
     */
    public static LlmJudge llmJudge(ModelConfig judge) {
        return LlmJudge.of(judge);
    }

    /**
     * Returns the scorer {@code levenshtein} after {@link Normalization#standard()}.
     *
     * @return the scorer
     * @see #levenshtein(Normalization)
     */
    public static Scorer levenshtein() {
        return levenshtein(Normalization.standard());
    }

    /**
     * Returns the scorer {@code levenshtein}: the normalized Levenshtein similarity
     * {@code 1 - d / max(len(output), len(expected))} after a normalization of both, where {@code d} is
     * Apache Commons Text's {@code LevenshteinDistance} over Unicode code points (1.0 when both are
     * empty). The details are {@code distance} and {@code max_length}. The expected value must be a
     * string, or a number or boolean read as its JSON text; any other gives an error score, as for all
     * the text similarity scorers.
     *
     * @param normalization how output and expected text are normalized
     * @return the scorer
     * @throws NullPointerException if {@code normalization} is {@code null}
     */
    public static Scorer levenshtein(Normalization normalization) {
        return BuiltInScorers.levenshtein("levenshtein", Objects.requireNonNull(normalization, "normalization"));
    }

    /**
     * Returns the scorer {@code rouge}: ROUGE-1, ROUGE-2 or ROUGE-L of the output against the expected
     * text as Google's {@code rouge-score} package computes them by default (lowercased, tokens are the
     * runs of ASCII letters and digits, no stemming; ROUGE-L from the longest common subsequence of the
     * whole texts). The score is the chosen measure, in [0, 1]; the details are {@code precision},
     * {@code recall} and {@code f}. Its plan-file form is
     * {@code {"type": "rouge", "variant": "rougeL", "measure": "f"}}.
     *
     * @param variant ROUGE-1, ROUGE-2 or ROUGE-L
     * @param measure F1, precision or recall
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Scorer rouge(RougeVariant variant, RougeMeasure measure) {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(measure, "measure");
        return BuiltInScorers.rouge("rouge", variant, measure);
    }

    /**
     * Returns the scorer {@code bleu}: sacreBLEU 2.x's sentence BLEU ({@code sentence_bleu} with its
     * defaults: 13a tokenization, case-sensitive, n-grams up to 4, exponential smoothing, effective
     * order) of the output against the expected text, <em>divided by 100</em> to lie in [0, 1]. The
     * details are on sacreBLEU's scale: {@code bleu} (0 to 100), {@code precision_1} to
     * {@code precision_4}, {@code brevity_penalty}, {@code output_length} and {@code expected_length}
     * (in tokens).
     *
     * @return the scorer
     */
    public static Scorer bleu() {
        return BuiltInScorers.bleu("bleu");
    }

    /**
     * Returns the scorer {@code chrf}: sacreBLEU 2.x's chrF with its defaults (character n-grams up to
     * 6, whitespace ignored, no word n-grams, beta 2, case-sensitive) of the output against the
     * expected text, <em>divided by 100</em> to lie in [0, 1]; detail {@code chrf} is on sacreBLEU's
     * scale (0 to 100).
     *
     * @return the scorer
     */
    public static Scorer chrf() {
        return BuiltInScorers.chrf("chrf");
    }

    /**
     * Returns a scorer that scores as another one under another name.
     *
     * @param name the new name, the key of the scores in results and summaries
     * @param scorer the scorer to rename
     * @return the renamed scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public static Scorer named(String name, Scorer scorer) {
        return BuiltInScorers.named(Objects.requireNonNull(name, "name"), Objects.requireNonNull(scorer, "scorer"));
    }
}
