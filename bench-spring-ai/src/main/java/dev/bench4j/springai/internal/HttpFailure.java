package dev.bench4j.springai.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error status found in an exception's cause chain, the wait the response asked for, and
 * the response body (or the message that holds it) as far as known.
 */
record HttpFailure(int status, Optional<Duration> retryAfter, String body) {
}
