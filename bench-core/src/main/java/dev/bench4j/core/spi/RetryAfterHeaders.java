package dev.bench4j.core.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the wait an HTTP error response asks for, for a provider to put into its
 * {@link CallException}: {@code retry-after-ms} (OpenAI, Azure OpenAI) in milliseconds, else
 * {@code Retry-After} in seconds or as an HTTP date (RFC 9110). bench4j's HTTP providers and the
 * chat-model adapters read it the same way; a wait is never negative and is cut to a year.
 */
public final class RetryAfterHeaders {

    /** Longer waits are cut to this (a year): a server cannot mean more, and nanoseconds must not overflow. */
    private static final double MAX_SECONDS = 365 * 24 * 3600.0;

    private RetryAfterHeaders() {
    }

    /**
     * Returns the wait the headers ask for.
     *
     * @param header the response's header value by (lower-case) name, empty when absent; the
     *     lookup should ignore case, as HTTP header names do
     * @param clock the clock an HTTP date is compared with
     * @return the wait, or empty if neither header is present and readable
     * @throws NullPointerException if an argument is {@code null}
     */
    public static Optional<Duration> parse(Function<String, Optional<String>> header, Clock clock) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(clock, "clock");
        Optional<Duration> ms = header.apply("retry-after-ms").flatMap(RetryAfterHeaders::number)
                .map(d -> seconds(d / 1000));
        if (ms.isPresent()) {
            return ms;
        }
        return header.apply("retry-after").flatMap(v -> secondsOrDate(v, clock));
    }

    private static Optional<Duration> secondsOrDate(String v, Clock clock) {
        Optional<Duration> seconds = number(v).map(RetryAfterHeaders::seconds);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String v) {
        try {
            double d = Double.parseDouble(v.trim());
            return d >= 0 && Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (Math.min(s, MAX_SECONDS) * 1e9));
    }
}
