package dev.bench4j.providers.internal.http;

import dev.bench4j.core.spi.RetryAfterHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a provider asked to wait from the headers providers send: {@code retry-after-ms}
 * (OpenAI), {@code Retry-After} in seconds or as an HTTP date, and, failing those, OpenAI's
 * {@code x-ratelimit-reset-requests}/{@code -tokens} ({@code 1s}, {@code 6m0s}, {@code 120ms}) and
 * Anthropic's {@code anthropic-ratelimit-*-reset} (RFC 3339 instants): the reset of a limit whose
 * matching {@code -remaining} header is 0, else the soonest reset.
 */
public final class RetryAfter {
    private static final Pattern GO_DURATION = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)h)?(?:(\\d+(?:\\.\\d+)?)m(?!s))?"
            + "(?:(\\d+(?:\\.\\d+)?)s)?(?:(\\d+(?:\\.\\d+)?)ms)?");
    private static final String[] RESET_HEADERS = {
        "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens",
        "anthropic-ratelimit-requests-reset", "anthropic-ratelimit-tokens-reset",
        "anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-output-tokens-reset",
    };

    private RetryAfter() {
    }

    /**
     * Returns the wait a reply asks for.
     *
     * @param reply the reply
     * @param clock the clock for headers that name an instant
     * @return the wait, never negative, or empty if no header says
     */
    public static Optional<Duration> of(HttpReply reply, Clock clock) {
        Optional<Duration> explicit = explicit(reply, clock);
        if (explicit.isPresent()) {
            return explicit;
        }
        Duration exhausted = null;
        Duration shortest = null;
        for (String h : RESET_HEADERS) {
            Optional<Duration> d = reply.header(h).flatMap(v -> goDuration(v).or(() -> instant(v, clock)));
            if (d.isEmpty()) {
                continue;
            }
            boolean usedUp = reply.header(h.replace("-reset", "-remaining")).map(String::trim).filter("0"::equals).isPresent();
            if (usedUp && (exhausted == null || d.get().compareTo(exhausted) > 0)) {
                exhausted = d.get();
            }
            if (shortest == null || d.get().compareTo(shortest) < 0) {
                shortest = d.get();
            }
        }
        return Optional.ofNullable(exhausted != null ? exhausted : shortest);
    }

    /**
     * Returns the wait only from the headers that ask for one ({@code retry-after-ms},
     * {@code Retry-After}), for replies such as 503 and 529 where the rate-limit reset headers say
     * nothing about when to try again.
     *
     * @param reply the reply
     * @param clock the clock for a date
     * @return the wait, or empty
     */
    public static Optional<Duration> explicit(HttpReply reply, Clock clock) {
        return RetryAfterHeaders.parse(reply::header, clock);
    }

    static Optional<Duration> goDuration(String v) {
        String s = v.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = GO_DURATION.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        double seconds = part(m.group(1)) * 3600 + part(m.group(2)) * 60 + part(m.group(3)) + part(m.group(4)) / 1000;
        return Optional.of(Duration.ofNanos((long) (seconds * 1e9)));
    }

    private static double part(String g) {
        return g == null ? 0 : Double.parseDouble(g);
    }

    private static Optional<Duration> instant(String v, Clock clock) {
        try {
            Instant at = OffsetDateTime.parse(v.trim()).toInstant();
            return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
