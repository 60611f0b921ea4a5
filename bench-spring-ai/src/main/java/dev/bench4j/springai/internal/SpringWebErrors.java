package dev.bench4j.springai.internal;

import dev.bench4j.core.ErrorKind;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The part of {@link ErrorMapping} that names types of spring-ai-retry and spring-web, optional
 * dependencies: only called when both are there, so this class is never loaded without them.
 */
final class SpringWebErrors {

    /**
     * The status at the start of the message of Spring AI's exceptions: {@code "429 - {body}"} from
     * {@code RetryUtils.DEFAULT_RESPONSE_ERROR_HANDLER}, {@code "HTTP 429 - {body}"} from Spring
     * Boot's auto-configured handler.
     */
    private static final Pattern STATUS = Pattern.compile("^(?:HTTP )?([45]\\d\\d) - ");

    /** Longer waits are cut to this (a year): a server cannot mean more. */
    private static final long MAX_SECONDS = 365L * 24 * 3600;

    private SpringWebErrors() {
    }

    /** The first HTTP error status in the cause chain, with Retry-After when the response headers are there. */
    static Optional<HttpFailure> httpFailure(Throwable e) {
        for (Throwable c = e; c != null; c = ErrorMapping.next(c)) {
            if (c instanceof RestClientResponseException r && r.getStatusCode().isError()) {
                return Optional.of(new HttpFailure(r.getStatusCode().value(), retryAfter(r.getResponseHeaders()),
                        r.getResponseBodyAsString()));
            }
            if ((c instanceof TransientAiException || c instanceof NonTransientAiException) && c.getMessage() != null) {
                Matcher m = STATUS.matcher(c.getMessage());
                if (m.find()) {
                    return Optional.of(new HttpFailure(Integer.parseInt(m.group(1)), Optional.empty(), c.getMessage()));
                }
            }
        }
        return Optional.empty();
    }

    /** Spring AI's own split when no status is known: transient is a server error, non-transient a bad request. */
    static Optional<ErrorKind> kindWithoutStatus(Throwable e) {
        if (ErrorMapping.has(e, TransientAiException.class)) {
            return Optional.of(ErrorKind.SERVER);
        }
        if (ErrorMapping.has(e, NonTransientAiException.class)) {
            return Optional.of(ErrorKind.BAD_REQUEST);
        }
        return Optional.empty();
    }

    /** Whether a response body could not be read into the model's type (invalid or cut-off JSON). */
    static boolean unreadableBody(Throwable e) {
        return ErrorMapping.has(e, HttpMessageNotReadableException.class);
    }

    /** {@code retry-after-ms} (OpenAI, Azure), else {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        Optional<Duration> ms = number(headers.getFirst("retry-after-ms")).map(d -> seconds(d / 1000));
        if (ms.isPresent()) {
            return ms;
        }
        String v = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (v == null) {
            return Optional.empty();
        }
        Optional<Duration> s = number(v).map(SpringWebErrors::seconds);
        if (s.isPresent()) {
            return s;
        }
        try {
            Duration d = Duration.between(Clock.systemUTC().instant(),
                    ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String v) {
        if (v == null) {
            return Optional.empty();
        }
        try {
            double d = Double.parseDouble(v.trim());
            return d >= 0 && Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis((long) (Math.min(s, MAX_SECONDS) * 1000));
    }
}
