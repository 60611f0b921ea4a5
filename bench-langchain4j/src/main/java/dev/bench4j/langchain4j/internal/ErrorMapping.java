package dev.bench4j.langchain4j.internal;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * LangChain4j exception → {@link CallException}. The HTTP status, when an {@link HttpException} in
 * the cause chain has one, decides the kind as for bench4j's HTTP providers; otherwise the
 * exception's type does. LangChain4j's exceptions carry no response headers, so Retry-After is
 * never known here and bench4j's own backoff applies.
 */
final class ErrorMapping {

    private static final int MAX_MESSAGE = 500;

    private ErrorMapping() {
    }

    static CallException toCallException(Throwable e) {
        String message = message(e);
        if (e instanceof RateLimitException && isQuota(e)) {
            return new CallException(ErrorKind.QUOTA_EXCEEDED, message, status(e), Optional.empty(), e);
        }
        OptionalInt status = status(e);
        if (status.isPresent() && status.getAsInt() >= 400 && status.getAsInt() <= 599) {
            CallException byStatus = CallException.forHttpStatus(status.getAsInt(), message, Optional.empty());
            return new CallException(byStatus.kind(), message, status, Optional.empty(), e);
        }
        return new CallException(kind(e), message, status, Optional.empty(), e);
    }

    private static ErrorKind kind(Throwable e) {
        if (e instanceof RateLimitException) {
            return ErrorKind.RATE_LIMITED;
        }
        if (e instanceof TimeoutException || has(e, InterruptedIOException.class) || has(e, HttpTimeoutException.class)
                || has(e, java.util.concurrent.TimeoutException.class)) {
            return ErrorKind.TIMEOUT;
        }
        if (e instanceof InternalServerException) {
            return ErrorKind.SERVER;
        }
        if (e instanceof AuthenticationException) {
            return ErrorKind.AUTH;
        }
        if (e instanceof InvalidRequestException || e instanceof ModelNotFoundException
                || e instanceof UnsupportedFeatureException) {
            return ErrorKind.BAD_REQUEST;
        }
        if (has(e, com.fasterxml.jackson.core.JacksonException.class)) {
            return ErrorKind.MALFORMED_RESPONSE;
        }
        if (e instanceof UnresolvedModelServerException || has(e, IOException.class)) {
            return ErrorKind.NETWORK;
        }
        return ErrorKind.INTERNAL;
    }

    /** OpenAI's used-up quota is a 429 too; its body (in some exception of the chain) says which. */
    private static boolean isQuota(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("insufficient_quota") || m.contains("exceeded your current quota")) {
                return true;
            }
        }
        return false;
    }

    private static OptionalInt status(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpException h) {
                return OptionalInt.of(h.statusCode());
            }
        }
        return OptionalInt.empty();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = "LangChain4j " + e.getClass().getSimpleName() + ": " + m;
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
    }
}
