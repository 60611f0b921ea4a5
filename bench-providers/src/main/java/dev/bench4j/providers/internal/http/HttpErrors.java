package dev.bench4j.providers.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.CallException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns an HTTP error reply into the one {@link CallException} taxonomy: the kind from the status
 * (429 and 529 rate limited, 402 and a used-up quota, credit balance or spending limit quota exceeded
 * whatever its status, see {@link #quotaUsedUp}, 5xx server,
 * 401/403 and a 400 that rejects the key auth, a redirect or other 4xx bad request), the wait the
 * provider asked for (for 429 also the rate-limit reset headers and Gemini's {@code RetryInfo}), and
 * the provider's own message (OpenAI, Anthropic, Gemini, xAI and Ollama error bodies are all read),
 * scrubbed of the API key before it is cut to {@value #SNIPPET} characters.
 */
public final class HttpErrors {
    /** How much of an unreadable body an error message keeps for diagnosis. */
    public static final int SNIPPET = 300;

    private final String provider;
    private final Clock clock;

    /**
     * Creates a mapper for one provider.
     *
     * @param provider the provider's name, used in messages
     * @param clock the clock for Retry-After dates
     */
    public HttpErrors(String provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * Maps an error reply.
     *
     * @param reply the non-2xx reply
     * @param key the key that was sent, scrubbed from the message
     * @param keyHint where the key came from or should come from, e.g. {@code "OPENAI_API_KEY"}, for
     *     401/403 messages
     * @return the exception
     */
    public CallException toException(HttpReply reply, Optional<Secret> key, String keyHint) {
        int status = reply.status();
        Optional<JsonNode> body = parse(reply.body());
        String message = snippet(scrub(body.flatMap(HttpErrors::providerMessage).orElseGet(reply::text), key));
        StringBuilder text = new StringBuilder("HTTP ").append(status).append(" from ").append(provider);
        if (!message.isBlank()) {
            text.append(": ").append(message);
        }
        if (status >= 300 && status < 400) {
            text.append(" (redirected to ").append(reply.header("location").map(l -> snippet(scrub(l, key))).orElse("?"))
                    .append("; fix the base_url)");
            return new CallException(ErrorKind.BAD_REQUEST, text.toString(), OptionalInt.of(status), Optional.empty(), null);
        }
        if (status < 400 || status > 599) {
            return new CallException(ErrorKind.SERVER, text.toString(), OptionalInt.of(status), Optional.empty(), null);
        }
        boolean badKey = status == 401 || status == 403 || status == 400 && rejectsKey(body, message);
        if (badKey) {
            text.append(" (").append(keyHint).append(')');
        }
        Optional<Duration> wait = Optional.empty();
        if (status == 429) {
            wait = RetryAfter.of(reply, clock).or(() -> body.flatMap(HttpErrors::retryDelay));
        } else if (status == 529 || status == 503) {
            wait = RetryAfter.explicit(reply, clock);
        }
        String clean = text.toString();
        if (status == 402 || (status == 400 || status == 403 || status == 429) && quotaUsedUp(body, message)) {
            return new CallException(ErrorKind.QUOTA_EXCEEDED, clean, OptionalInt.of(status), Optional.empty(), null);
        }
        if (badKey && status == 400) {
            return new CallException(ErrorKind.AUTH, clean, OptionalInt.of(status), Optional.empty(), null);
        }
        return CallException.forHttpStatus(status, clean, wait);
    }

    /**
     * Makes the exception for a 2xx body that cannot be read as the API documents it.
     *
     * @param what what was wrong, e.g. {@code "no choices"}
     * @param body the body as received
     * @param key the key, scrubbed from the snippet
     * @return the exception, kind {@link ErrorKind#MALFORMED_RESPONSE}
     */
    public CallException malformed(String what, String body, Optional<Secret> key) {
        return new CallException(ErrorKind.MALFORMED_RESPONSE, provider + " sent a response bench4j cannot read ("
                + snippet(scrub(what, key)) + "); it began: " + snippet(scrub(body, key)));
    }

    /**
     * Maps an error object sent inside a stream that began with 200 (OpenAI and Gemini
     * {@code {"error": {...}}}, Anthropic's {@code error} event, Ollama's {@code {"error": "..."}})
     * to the same kinds as an HTTP error: a numeric {@code code} as a status, else the
     * {@code type} or {@code status} name; anything unknown is a (retried) server error.
     *
     * <p>The message is neither scrubbed nor cut here: {@link HttpModelProvider} scrubs the key from
     * every exception a stream handler throws and then cuts it to {@value #SNIPPET} characters (in
     * that order, so no piece of a key survives a cut).
     *
     * @param provider the provider's name, for the message
     * @param error the error node (an object or a string)
     * @return the exception
     */
    public static CallException streamError(String provider, JsonNode error) {
        String message = error.isTextual() ? error.asText() : error.path("message").asText("");
        String name = error.path("type").isTextual() ? error.path("type").asText() : error.path("status").asText("");
        String text = provider + " reported an error in the stream: "
                + (name.isEmpty() ? "" : name + ": ") + (message.isEmpty() ? error.toString() : message);
        Optional<Duration> wait = error.isObject() ? retryDelay(Json.MAPPER.createObjectNode().set("error", error))
                : Optional.empty();
        if (error.isObject() && quotaUsedUp(Optional.of(Json.MAPPER.createObjectNode().set("error", error)), message)
                || error.isTextual() && quotaUsedUp(Optional.empty(), message)) {
            return new CallException(ErrorKind.QUOTA_EXCEEDED, text, OptionalInt.empty(), Optional.empty(), null);
        }
        int code = error.path("code").isInt() ? error.path("code").asInt() : 0;
        if (code >= 400 && code <= 599) {
            return CallException.forHttpStatus(code, text, wait);
        }
        ErrorKind kind;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "rate_limit_error", "overloaded_error", "rate_limit_exceeded", "resource_exhausted" -> kind = ErrorKind.RATE_LIMITED;
            case "invalid_request_error", "invalid_argument", "not_found_error", "failed_precondition" -> kind = ErrorKind.BAD_REQUEST;
            case "authentication_error", "permission_error", "unauthenticated", "permission_denied" -> kind = ErrorKind.AUTH;
            default -> kind = ErrorKind.SERVER;
        }
        return new CallException(kind, text, OptionalInt.empty(), wait, null);
    }

    /**
     * Returns the first {@value #SNIPPET} characters of a body, on one line.
     *
     * @param body the body
     * @return the snippet, with an ellipsis when cut
     */
    public static String snippet(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "...";
    }

    /**
     * Removes a key from a text: as sent, and also written the ways a server may echo it, with any of
     * its characters JSON-escaped (<code>&#92;u002d</code>, {@code \/}) or URL-encoded ({@code %2D}, in either
     * case). The plain form costs one {@link String#replace}; the escaped forms are looked for only
     * when the text holds a backslash or a percent sign.
     *
     * @param text the text
     * @param key the key
     * @return the text with every occurrence of the key, in any of those forms, replaced by {@code ***}
     */
    public static String scrub(String text, Optional<Secret> key) {
        if (key.isEmpty() || key.get().reveal().isEmpty()) {
            return text;
        }
        String k = key.get().reveal();
        String plain = text.replace(k, "***");
        if (plain.indexOf('\\') < 0 && plain.indexOf('%') < 0) {
            return plain;
        }
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < plain.length(); i++) {
            int end = matchEncoded(plain, i, k);
            if (end > 0) {
                if (out == null) {
                    out = new StringBuilder(plain.length());
                }
                out.append(plain, copied, i).append("***");
                copied = end;
                i = end - 1;
            }
        }
        return out == null ? plain : out.append(plain, copied, plain.length()).toString();
    }

    /**
     * Where the key ends if it starts at {@code at} of {@code text}, each of its characters written
     * plainly, as a JSON escape (<code>&#92;uXXXX</code>, or {@code \/} for a slash) or URL-encoded
     * ({@code %XX} of its UTF-8 byte, ASCII only); -1 if it does not.
     */
    private static int matchEncoded(String text, int at, String key) {
        int p = at;
        for (int j = 0; j < key.length(); j++) {
            char c = key.charAt(j);
            if (p >= text.length()) {
                return -1;
            }
            char t = text.charAt(p);
            if (t == c) {
                p++;
            } else if (t == '\\' && p + 5 < text.length() && text.charAt(p + 1) == 'u' && hex(text, p + 2, 4) == c) {
                p += 6;
            } else if (t == '\\' && c == '/' && p + 1 < text.length() && text.charAt(p + 1) == '/') {
                p += 2;
            } else if (t == '%' && c < 0x80 && p + 2 < text.length() && hex(text, p + 1, 2) == c) {
                p += 3;
            } else {
                return -1;
            }
        }
        return p;
    }

    /** The value of {@code n} hex digits at {@code from}, or -1 if they are not all hex digits. */
    private static int hex(String text, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** xAI answers a wrong key with 400 "Incorrect API key provided"; Gemini with 400 and reason API_KEY_INVALID. */
    private static boolean rejectsKey(Optional<JsonNode> body, String message) {
        if (body.isPresent()) {
            for (JsonNode d : body.get().path("error").path("details")) {
                if ("API_KEY_INVALID".equals(d.path("reason").asText())) {
                    return true;
                }
            }
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("incorrect api key") || m.contains("api key not valid") || m.contains("invalid api key");
    }

    /**
     * The billing and quota codes of the providers' error bodies ({@code error.code}, {@code error.type},
     * Anthropic's {@code error.details.error_code}) that mean no retry can succeed: OpenAI's
     * {@code insufficient_quota} family (https://platform.openai.com/docs/guides/error-codes),
     * Anthropic's {@code billing_error} and {@code enforced_spend_limit_reached}
     * (https://docs.claude.com/en/api/errors).
     */
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "billing_hard_limit_reached",
            "billing_not_active", "credit_balance_exhausted", "organization_spend_limit_exceeded",
            "project_spend_limit_exceeded", "organization_usage_limit_exceeded", "billing_error",
            "enforced_spend_limit_reached", "credit_balance_too_low");

    /**
     * Lower-case phrases of the documented billing messages whose body carries no code: Anthropic's
     * "Your credit balance is too low" and "You have reached your specified API usage limits" (400),
     * its spend limit (429), xAI's "used all available credits or reached its monthly spending limit",
     * Ollama cloud's "reached your session/hourly/weekly usage limit" (429).
     */
    private static final String[] QUOTA_PHRASES = {"credit balance is too low", "specified api usage limits",
        "specified workspace api usage limits", "spend limit", "spending limit", "used all available credits",
        "session usage limit", "hourly usage limit", "daily usage limit", "weekly usage limit", "monthly usage limit"};

    /**
     * Whether an error says that a quota, credit balance or spending limit is used up, so waiting seconds
     * cannot help: a documented billing code ({@link #QUOTA_CODES}), Gemini's {@code QuotaFailure}
     * naming a per-day quota ({@code quotaId} with {@code PerDay}) or a quota of 0 (the tier has none
     * for the model; a per-minute violation alone is a rate limit, even though its message also says
     * "You exceeded your current quota"), or a documented billing phrase ({@link #QUOTA_PHRASES}).
     */
    static boolean quotaUsedUp(Optional<JsonNode> body, String message) {
        if (body.isPresent()) {
            JsonNode error = body.get().path("error");
            if (QUOTA_CODES.contains(error.path("code").asText()) || QUOTA_CODES.contains(error.path("type").asText())
                    || QUOTA_CODES.contains(error.path("details").path("error_code").asText())
                    || QUOTA_CODES.contains(error.path("error_code").asText())) {
                return true;
            }
            boolean quotaFailure = false;
            for (JsonNode d : error.path("details")) {
                for (JsonNode v : d.path("violations")) {
                    if (v.has("quotaId") || v.has("quotaMetric")) {
                        quotaFailure = true;
                        if (v.path("quotaId").asText().contains("PerDay") || "0".equals(v.path("quotaValue").asText())) {
                            return true;
                        }
                    }
                }
            }
            if (quotaFailure) {
                return false;
            }
        }
        String m = message.toLowerCase(Locale.ROOT);
        for (String phrase : QUOTA_PHRASES) {
            if (m.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.ofNullable(Json.MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** OpenAI/xAI/Anthropic/Gemini: {@code error.message}; Ollama and xAI: {@code error} as a string. */
    private static Optional<String> providerMessage(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return Optional.of(error.asText());
        }
        if (error.path("message").isTextual()) {
            String type = error.path("type").isTextual() ? error.path("type").asText()
                    : error.path("status").isTextual() ? error.path("status").asText() : "";
            return Optional.of(type.isEmpty() ? error.path("message").asText() : type + ": " + error.path("message").asText());
        }
        if (body.path("message").isTextual()) {
            return Optional.of(body.path("message").asText());
        }
        if (body.path("detail").isTextual()) {
            return Optional.of(body.path("detail").asText());
        }
        return Optional.empty();
    }

    /** Gemini: {@code error.details[].retryDelay} of a {@code google.rpc.RetryInfo}, e.g. {@code "37s"}. */
    private static Optional<Duration> retryDelay(JsonNode body) {
        for (JsonNode d : body.path("error").path("details")) {
            if (d.path("retryDelay").isTextual()) {
                return RetryAfter.goDuration(d.path("retryDelay").asText());
            }
        }
        return Optional.empty();
    }
}
