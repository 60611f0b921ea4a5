package dev.bench4j.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed calls are retried: up to {@code maxAttempts} attempts in all, only for retryable
 * errors (rate limits, server errors, timeouts, network failures), waiting an exponentially growing
 * backoff with random jitter between attempts, or exactly what the provider asked for in
 * {@code Retry-After}. A retry never starts after the cell's deadline.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.defaults().withMaxAttempts(6).withInitialBackoff(Duration.ofMillis(250));
 * }</pre>
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param initialBackoff the wait before the first retry
 * @param multiplier how much each further wait grows, at least 1
 * @param maxBackoff the longest backoff (a provider's Retry-After may ask for longer)
 * @param jitter the random share of each backoff, 0 to 1 (0.5 waits between 50% and 150%)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
        double jitter) {

    private static final RetryPolicy DEFAULTS = new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.5);

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a duration is {@code null}
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 but was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be >= 0 but was " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be >= initialBackoff (" + initialBackoff + ") but was " + maxBackoff);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number >= 1 but was " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1 but was " + jitter);
        }
    }

    /**
     * Returns the default policy: 4 attempts, backoff 1 s doubling up to 60 s, jitter 0.5.
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a policy that never retries.
     *
     * @return one attempt only
     */
    public static RetryPolicy none() {
        return DEFAULTS.withMaxAttempts(1);
    }

    /**
     * Returns a copy with another number of attempts.
     *
     * @param attempts attempts in all, at least 1
     * @return the new policy
     * @throws IllegalArgumentException if below 1
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, multiplier, maxBackoff, jitter);
    }

    /**
     * Returns a copy with another first backoff.
     *
     * @param backoff the wait before the first retry, at most {@link #maxBackoff()}
     * @return the new policy
     * @throws IllegalArgumentException if negative or above the maximum (set both with {@link #withBackoff})
     */
    public RetryPolicy withInitialBackoff(Duration backoff) {
        if (backoff != null && backoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initialBackoff must be <= maxBackoff (" + maxBackoff + ") but was " + backoff
                    + "; set both at once with withBackoff(initial, max)");
        }
        return new RetryPolicy(maxAttempts, backoff, multiplier, maxBackoff, jitter);
    }

    /**
     * Returns a copy with another first and longest backoff, set together so that neither is
     * checked against the other's old value ({@code withMaxBackoff(200 ms)} alone is refused while
     * the first backoff is still the default 1 s).
     *
     * <pre>{@code
     * RetryPolicy.defaults().withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
     * }</pre>
     *
     * @param initial the wait before the first retry, at least 0
     * @param max the longest backoff, at least {@code initial}
     * @return the new policy
     * @throws NullPointerException if a duration is {@code null}
     * @throws IllegalArgumentException if {@code initial} is negative or {@code max} is below it
     */
    public RetryPolicy withBackoff(Duration initial, Duration max) {
        return new RetryPolicy(maxAttempts, initial, multiplier, max, jitter);
    }

    /**
     * Returns a copy with another longest backoff.
     *
     * @param backoff the longest backoff, at least {@link #initialBackoff()}
     * @return the new policy
     * @throws IllegalArgumentException if below the initial backoff (set both with {@link #withBackoff})
     */
    public RetryPolicy withMaxBackoff(Duration backoff) {
        if (backoff != null && backoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be >= initialBackoff (" + initialBackoff + ") but was " + backoff
                    + "; set both at once with withBackoff(initial, max)");
        }
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, backoff, jitter);
    }

    /**
     * Returns a copy with another growth factor.
     *
     * @param factor at least 1
     * @return the new policy
     * @throws IllegalArgumentException if below 1
     */
    public RetryPolicy withMultiplier(double factor) {
        return new RetryPolicy(maxAttempts, initialBackoff, factor, maxBackoff, jitter);
    }

    /**
     * Returns a copy with another jitter.
     *
     * @param share 0 to 1
     * @return the new policy
     * @throws IllegalArgumentException if out of range
     */
    public RetryPolicy withJitter(double share) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, share);
    }

    /**
     * Returns the backoff before retrying after a failed attempt, without jitter.
     *
     * @param failedAttempt the attempt that failed, from 1
     * @return initialBackoff × multiplier^(failedAttempt - 1), at most maxBackoff
     */
    public Duration backoff(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt must be >= 1 but was " + failedAttempt);
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
    }
}
