/**
 * bench4j's scorers, aggregation, agreement and statistics.
 *
 * <p>The scorer factories (the {@code type}s a plan file names: {@code exact}, {@code set_f1},
 * {@code llm_judge}, ...) are {@link java.util.ServiceLoader} services of {@code dev.bench4j.core},
 * so a consumer that writes only {@code requires dev.bench4j.core;} gets them by service binding
 * when this module is on the module path. Require this module to use its API in code
 * ({@code Scorers}, {@code dev.bench4j.scoring.compare}, {@code dev.bench4j.scoring.stats}).
 *
 * <p>commons-math3 publishes no module name and is required as {@code commons.math3}, the name the
 * JDK derives from its jar file; it does not appear in this module's API. The {@code json_schema}
 * scorer validates with networknt json-schema-validator ({@code com.networknt.schema}), which is
 * not in this module's API either.
 */
@SuppressWarnings("requires-automatic") // commons-math3 is an automatic module
module dev.bench4j.scoring {
    exports dev.bench4j.scoring;
    exports dev.bench4j.scoring.compare;
    exports dev.bench4j.scoring.stats;

    requires transitive dev.bench4j.core;
    requires static transitive org.jspecify;

    requires com.fasterxml.jackson.databind;
    requires commons.math3;
    requires org.apache.commons.text;
    requires com.networknt.schema;
    // the validator reads date-time formats with it but requires it only statically: resolve it here
    requires com.ethlo.time;

    provides dev.bench4j.core.spi.ScorerFactory with
            dev.bench4j.scoring.internal.ExactScorerFactory,
            dev.bench4j.scoring.internal.ContainsScorerFactory,
            dev.bench4j.scoring.internal.ContainsAllScorerFactory,
            dev.bench4j.scoring.internal.ContainsAnyScorerFactory,
            dev.bench4j.scoring.internal.SetF1ScorerFactory,
            dev.bench4j.scoring.internal.RegexScorerFactory,
            dev.bench4j.scoring.internal.JsonValidScorerFactory,
            dev.bench4j.scoring.internal.JsonFieldEqualsScorerFactory,
            dev.bench4j.scoring.internal.NumericScorerFactory,
            dev.bench4j.scoring.internal.ClassificationScorerFactory,
            dev.bench4j.scoring.internal.LatencyUnderScorerFactory,
            dev.bench4j.scoring.internal.CostUnderScorerFactory,
            dev.bench4j.scoring.internal.TokensUnderScorerFactory,
            dev.bench4j.scoring.internal.LlmJudgeScorerFactory,
            dev.bench4j.scoring.internal.LevenshteinScorerFactory,
            dev.bench4j.scoring.internal.RougeScorerFactory,
            dev.bench4j.scoring.internal.BleuScorerFactory,
            dev.bench4j.scoring.internal.ChrfScorerFactory,
            dev.bench4j.scoring.internal.JsonSchemaScorerFactory;
}
