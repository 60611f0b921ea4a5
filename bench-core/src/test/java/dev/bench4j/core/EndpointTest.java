package dev.bench4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Endpoint settings validate their ranges, combine rate limits and never print the API key. */
class EndpointTest {

    private static Endpoint rates(OptionalDouble rps, OptionalDouble rpm) {
        return new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), rps, rpm,
                OptionalInt.empty(), false);
    }

    @Test
    void defaultsLeaveEverythingToTheProviderOrPlan() {
        Endpoint d = Endpoint.defaults();

        assertThat(d.baseUrl()).isEmpty();
        assertThat(d.apiKeyEnv()).isEmpty();
        assertThat(d.apiKey()).isEmpty();
        assertThat(d.timeout()).isEmpty();
        assertThat(d.requestsPerSecond()).isEmpty();
        assertThat(d.requestsPerMinute()).isEmpty();
        assertThat(d.maxConcurrency()).isEmpty();
        assertThat(d.stream()).isFalse();
        assertThat(d.effectiveRequestsPerSecond()).isEmpty();
    }

    @Test
    void effectiveRateIsTheStricterOfPerSecondAndPerMinute() {
        assertThat(rates(OptionalDouble.of(5), OptionalDouble.of(120)).effectiveRequestsPerSecond()).hasValue(2.0);
        assertThat(rates(OptionalDouble.of(1), OptionalDouble.of(600)).effectiveRequestsPerSecond()).hasValue(1.0);
    }

    @Test
    void effectiveRateUsesWhicheverLimitIsSet() {
        assertThat(rates(OptionalDouble.of(3), OptionalDouble.empty()).effectiveRequestsPerSecond()).hasValue(3.0);
        assertThat(rates(OptionalDouble.empty(), OptionalDouble.of(30)).effectiveRequestsPerSecond()).hasValue(0.5);
    }

    @Test
    void nonPositiveOrNanRatesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> rates(OptionalDouble.of(0), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests_per_second must be a finite number > 0 but was 0.0");
        assertThatThrownBy(() -> rates(OptionalDouble.of(Double.NaN), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests_per_second must be a finite number > 0 but was NaN");
        assertThatThrownBy(() -> rates(OptionalDouble.empty(), OptionalDouble.of(-60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests_per_minute must be a finite number > 0 but was -60.0");
    }

    @Test
    void infiniteRateIsRefusedSayingItMustBeFinite() {
        assertThatThrownBy(() -> rates(OptionalDouble.of(Double.POSITIVE_INFINITY), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requests_per_second must be a finite number > 0 but was Infinity");
    }

    @Test
    void blankBaseUrlIsRefused() {
        assertThatThrownBy(() -> new Endpoint(Optional.of(" "), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("base_url must not be blank");
    }

    @Test
    void apiKeyEnvMustBeAVariableName() {
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.of("1KEY"), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api_key_env must be an environment variable name (letters, digits, _) but was '1KEY'");
        assertThat(new Endpoint(Optional.empty(), Optional.of("_My_KEY_2"), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false).apiKeyEnv())
                .hasValue("_My_KEY_2");
    }

    @Test
    void zeroOrNegativeTimeoutIsRefused() {
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ZERO), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be > 0 but was PT0S");
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Duration.ofSeconds(-5)), OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be > 0 but was PT-5S");
    }

    @Test
    void maxConcurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(0), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max_concurrency must be >= 1 but was 0");
    }

    @Test
    void nullComponentsAreRefusedNamingTheComponent() {
        assertThatThrownBy(() -> new Endpoint(null, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("baseUrl");
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), null, Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("apiKeyEnv");
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), null, Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("apiKey");
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(), null,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("timeout");
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                null, OptionalDouble.empty(), OptionalInt.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("requestsPerSecond");
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), null, OptionalInt.empty(), false))
                .isInstanceOf(NullPointerException.class).hasMessage("requestsPerMinute");
        assertThatThrownBy(() -> new Endpoint(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), null, false))
                .isInstanceOf(NullPointerException.class).hasMessage("maxConcurrency");
    }

    @Test
    void toStringNeverContainsTheApiKey() {
        Endpoint e = new Endpoint(Optional.of("https://api.example.test"), Optional.empty(),
                Optional.of(Secret.of("sk-test-PLANTED-KEY-123")), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalInt.empty(), false);

        assertThat(e.toString()).doesNotContain("sk-test-PLANTED-KEY-123").doesNotContain("PLANTED")
                .contains("api.example.test");
    }

    @Test
    void endpointsWithTheSameSettingsAreEqual() {
        Endpoint a = ModelConfig.of("p", "m").withApiKey(Secret.of("k1")).withMaxConcurrency(2).endpoint();
        Endpoint b = ModelConfig.of("q", "n").withApiKey(Secret.of("k1")).withMaxConcurrency(2).endpoint();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(ModelConfig.of("p", "m").withApiKey(Secret.of("k2")).withMaxConcurrency(2).endpoint());
    }
}
