package dev.bench4j.springai.internal;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.RetryAfterHeaders;
import java.time.Clock;
import java.time.Duration;
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
        return RetryAfterHeaders.parse(name -> Optional.ofNullable(headers.getFirst(name)), Clock.systemUTC());
    }
}
