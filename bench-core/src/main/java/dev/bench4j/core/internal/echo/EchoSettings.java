package dev.bench4j.core.internal.echo;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import java.util.Map;
import java.util.Set;

/**
 * The echo provider's params: {@code latency_ms} (answer after this long), {@code fail_attempts}
 * (the first N attempts of every cell fail), {@code failure_rate} (this share of attempts fail,
 * chosen by a hash of cell and attempt, so the same plan fails the same way every time),
 * {@code failure_kind} (an error kind, default {@code server}) and {@code retry_after_ms} (the wait
 * a rate-limited failure asks for).
 */
record EchoSettings(long latencyMillis, int failAttempts, double failureRate, ErrorKind failureKind,
        long retryAfterMillis) {

    static final Set<String> KEYS = Set.of("latency_ms", "fail_attempts", "failure_rate", "failure_kind", "retry_after_ms");

    static EchoSettings of(ModelConfig config) {
        Map<String, Object> p = config.extras();
        for (String key : p.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("the echo provider has no param '" + key
                        + "'; it takes latency_ms, fail_attempts, failure_rate, failure_kind, retry_after_ms");
            }
        }
        long latency = number(p, "latency_ms", 0).longValue();
        int failAttempts = number(p, "fail_attempts", 0).intValue();
        double rate = number(p, "failure_rate", 0).doubleValue();
        long retryAfter = number(p, "retry_after_ms", 0).longValue();
        if (latency < 0 || failAttempts < 0 || retryAfter < 0) {
            throw new IllegalArgumentException("the echo params latency_ms, fail_attempts and retry_after_ms must be >= 0");
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("the echo param failure_rate must be between 0 and 1 but was " + rate);
        }
        Object kind = p.getOrDefault("failure_kind", "server");
        if (!(kind instanceof String k)) {
            throw new IllegalArgumentException("the echo param failure_kind must be a string but was " + kind);
        }
        return new EchoSettings(latency, failAttempts, rate, ErrorKind.fromWireName(k), retryAfter);
    }

    private static Number number(Map<String, Object> p, String key, Number fallback) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("the echo param " + key + " must be a number but was '" + v + "'");
        }
        return n;
    }
}
