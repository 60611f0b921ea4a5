package dev.bench4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterHeadersTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> parse(Map<String, String> headers) {
        return RetryAfterHeaders.parse(name -> Optional.ofNullable(headers.get(name)), NOW);
    }

    @Test
    void millisecondsWinOverSeconds() {
        assertThat(parse(Map.of("retry-after-ms", "1500", "retry-after", "7"))).contains(Duration.ofMillis(1500));
    }

    @Test
    void readsSecondsIncludingFractions() {
        assertThat(parse(Map.of("retry-after", " 7 "))).contains(Duration.ofSeconds(7));
        assertThat(parse(Map.of("retry-after", "0.25"))).contains(Duration.ofMillis(250));
    }

    @Test
    void readsAnHttpDateAgainstTheClockAndNeverGoesNegative() {
        assertThat(parse(Map.of("retry-after", "Mon, 07 Dec 2026 10:00:30 GMT"))).contains(Duration.ofSeconds(30));
        assertThat(parse(Map.of("retry-after", "Mon, 07 Dec 2026 09:59:00 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void unreadableNegativeOrAbsentValuesSayNothing() {
        assertThat(parse(Map.of("retry-after", "soon"))).isEmpty();
        assertThat(parse(Map.of("retry-after", "-3"))).isEmpty();
        assertThat(parse(Map.of("retry-after-ms", "NaN"))).isEmpty();
        assertThat(parse(Map.of())).isEmpty();
    }

    @Test
    void anAbsurdWaitIsCutToAYear() {
        assertThat(parse(Map.of("retry-after", "1e30"))).contains(Duration.ofDays(365));
    }
}
