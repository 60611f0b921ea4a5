package dev.bench4j.springai.internal;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Spring AI exception → {@link CallException}. An HTTP status in the cause chain (from spring-web's
 * {@code RestClientResponseException}, from the {@code "429 - ..."} message of Spring AI's
 * {@code TransientAiException}/{@code NonTransientAiException}, or from the {@code int statusCode()}
 * of a vendor SDK's exception, as the OpenAI, Anthropic and AWS Java SDKs have) decides the kind as
 * for bench4j's HTTP providers; otherwise the exception's type does. Only a
 * {@code RestClientResponseException} carries the response headers, so only it gives a Retry-After.
 */
final class ErrorMapping {

    private static final int MAX_MESSAGE = 500;

    /** Whether spring-ai-retry and spring-web, optional dependencies, are there to look for. */
    private static final boolean SPRING_WEB = present("org.springframework.ai.retry.TransientAiException")
            && present("org.springframework.web.client.RestClientResponseException");

    private ErrorMapping() {
    }

    static CallException toCallException(Throwable e) {
        String message = message(e);
        Optional<HttpFailure> http = SPRING_WEB ? SpringWebErrors.httpFailure(e) : Optional.empty();
        if (http.isEmpty()) {
            http = sdkFailure(e);
        }
        if (http.isPresent()) {
            int status = http.get().status();
            ErrorKind kind = status == 429 && isQuota(http.get().body()) ? ErrorKind.QUOTA_EXCEEDED
                    : CallException.forHttpStatus(status, message, Optional.empty()).kind();
            return new CallException(kind, message, OptionalInt.of(status), http.get().retryAfter(), e);
        }
        return new CallException(kind(e), message, OptionalInt.empty(), Optional.empty(), e);
    }

    private static ErrorKind kind(Throwable e) {
        if (has(e, InterruptedIOException.class) || has(e, HttpTimeoutException.class)
                || has(e, java.util.concurrent.TimeoutException.class)) {
            return ErrorKind.TIMEOUT;
        }
        if (has(e, com.fasterxml.jackson.core.JacksonException.class)
                || SPRING_WEB && SpringWebErrors.unreadableBody(e)) {
            return ErrorKind.MALFORMED_RESPONSE;
        }
        Optional<ErrorKind> bySpringAi = SPRING_WEB ? SpringWebErrors.kindWithoutStatus(e) : Optional.empty();
        if (bySpringAi.isPresent()) {
            return bySpringAi.get();
        }
        if (has(e, IOException.class)) {
            return ErrorKind.NETWORK;
        }
        return ErrorKind.INTERNAL;
    }

    /**
     * The status of a vendor SDK's exception ({@code com.openai.errors.RateLimitException},
     * {@code software.amazon.awssdk.core.exception.SdkServiceException}, ...): a public
     * {@code statusCode()} or {@code getStatusCode()} returning an {@code int} error status.
     */
    private static Optional<HttpFailure> sdkFailure(Throwable e) {
        for (Throwable c = e; c != null; c = next(c)) {
            for (String name : new String[] {"statusCode", "getStatusCode"}) {
                try {
                    Method m = c.getClass().getMethod(name);
                    if (m.getReturnType() == int.class || m.getReturnType() == Integer.class) {
                        Object status = m.invoke(c);
                        if (status instanceof Integer s && s >= 400 && s <= 599) {
                            return Optional.of(new HttpFailure(s, Optional.empty(),
                                    c.getMessage() == null ? "" : c.getMessage()));
                        }
                    }
                } catch (ReflectiveOperationException | RuntimeException notThere) {
                    // no such method, or not accessible: not an SDK status
                }
            }
        }
        return Optional.empty();
    }

    /** OpenAI's used-up quota is a 429 too; its body says which. */
    private static boolean isQuota(String body) {
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("insufficient_quota") || b.contains("exceeded your current quota");
    }

    static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = next(c)) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static Throwable next(Throwable c) {
        return c.getCause() == c ? null : c.getCause();
    }

    private static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = "Spring AI " + e.getClass().getSimpleName() + ": " + m;
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ErrorMapping.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
