/**
 * bench4j's core: the value types, the fluent {@code BenchmarkPlan}, the runner and its call
 * pipeline, the SPIs, pricing, and the {@code echo} and {@code replay} providers.
 *
 * <p>A consumer writes {@code requires dev.bench4j.core;}. Model providers, scorers and token
 * counters are found with {@link java.util.ServiceLoader}, so the modules that provide them
 * ({@code dev.bench4j.providers}, {@code dev.bench4j.scoring}, or an application's own) are
 * resolved by service binding when they are on the module path, with no {@code requires} for
 * them.
 *
 * <p>commons-math3 and HdrHistogram publish no module name: they are required under the names
 * the JDK derives from their jar files ({@code commons.math3}, {@code HdrHistogram}), which
 * Maven and Gradle keep. Neither appears in this module's API.
 */
@SuppressWarnings("requires-automatic") // resilience4j, commons-math3 and HdrHistogram are automatic modules
module dev.bench4j.core {
    exports dev.bench4j.core;
    exports dev.bench4j.core.json;
    exports dev.bench4j.core.spi;

    // JsonNode and JsonGenerator appear in the API (dev.bench4j.core.json)
    requires transitive com.fasterxml.jackson.core;
    requires transitive com.fasterxml.jackson.databind;
    requires static transitive org.jspecify;

    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires com.github.benmanes.caffeine;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.ratelimiter;
    requires commons.math3;
    requires HdrHistogram;

    uses dev.bench4j.core.spi.EmbeddingModelFactory;
    uses dev.bench4j.core.spi.ModelProviderFactory;
    uses dev.bench4j.core.spi.ScorerFactory;
    uses dev.bench4j.core.spi.TokenCounterFactory;

    provides dev.bench4j.core.spi.ModelProviderFactory with
            dev.bench4j.core.internal.echo.EchoProviderFactory,
            dev.bench4j.core.internal.replay.ReplayProviderFactory;
}
