package dev.bench4j.providers.internal.http;

import static dev.bench4j.providers.testing.ProviderHarness.FAKE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.CallException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HttpErrors: HTTP status to error kind, the provider's own message, snippets, key scrubbing, stream errors. */
class HttpErrorsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Optional<Secret> KEY = Optional.of(Secret.of(FAKE_KEY));
    private static final String HINT = "check the API key in OPENAI_API_KEY";

    private final HttpErrors errors = new HttpErrors("openai", CLOCK);

    private static HttpReply reply(int status, String body, String... namesAndValues) {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new HttpReply(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private CallException map(int status, String body, String... headers) {
        return errors.toException(reply(status, body, headers), KEY, HINT);
    }

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that neither the key nor any 12 characters in a row of it are in {@code text}. */
    static void assertNoPieceOfTheKey(String text) {
        assertThat(text).doesNotContain(FAKE_KEY);
        for (int i = 0; i + 12 <= FAKE_KEY.length(); i++) {
            assertThat(text).as("a 12-character piece of the key").doesNotContain(FAKE_KEY.substring(i, i + 12));
        }
    }

    @ParameterizedTest(name = "HTTP {0} is {1}")
    @CsvSource({
        "400, BAD_REQUEST",
        "401, AUTH",
        "402, QUOTA_EXCEEDED",
        "403, AUTH",
        "404, BAD_REQUEST",
        "408, TIMEOUT",
        "409, BAD_REQUEST",
        "413, BAD_REQUEST",
        "422, BAD_REQUEST",
        "429, RATE_LIMITED",
        "500, SERVER",
        "502, SERVER",
        "503, SERVER",
        "504, SERVER",
        "529, RATE_LIMITED",
    })
    void theStatusDecidesTheKind(int status, ErrorKind kind) {
        CallException e = map(status, "{\"error\":{\"message\":\"something\",\"type\":\"some_error\"}}");

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(status));
        assertThat(e.getMessage()).startsWith("HTTP " + status + " from openai: some_error: something");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"301", "302", "307", "308"})
    void aRedirectIsABadRequestNamingTheLocation(int status) {
        CallException e = map(status, "", "location", "https://api.example.com/v2/chat/completions");

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.retryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(status));
        assertThat(e.getMessage()).contains("HTTP " + status, "redirected to https://api.example.com/v2/chat/completions",
                "base_url");
    }

    @Test
    void aRedirectWithoutLocationSaysSo() {
        assertThat(map(302, "").getMessage()).contains("redirected to ?");
    }

    @Test
    void aRedirectLocationCarryingTheKeyIsScrubbed() {
        CallException e = map(302, "", "location", "https://example.com/?key=" + FAKE_KEY);

        assertNoPieceOfTheKey(e.getMessage());
        assertThat(e.getMessage()).contains("https://example.com/?key=***");
    }

    @Test
    void authErrorsCarryTheKeyHint() {
        assertThat(map(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-...x\"}}").getMessage()).endsWith("(" + HINT + ")");
        assertThat(map(403, "").getMessage()).isEqualTo("HTTP 403 from openai (" + HINT + ")");
        assertThat(map(404, "not here").getMessage()).doesNotContain(HINT);
    }

    @Test
    void openAisMessageIsQuotedWithItsType() {
        CallException e = map(400, "{\"error\":{\"message\":\"Unsupported value: 'temperature' does not support 0.2.\","
                + "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"unsupported_value\"}}");

        assertThat(e.getMessage()).isEqualTo("HTTP 400 from openai: invalid_request_error: Unsupported value: "
                + "'temperature' does not support 0.2.");
    }

    @Test
    void anthropicsMessageIsQuotedWithItsType() {
        CallException e = map(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"},"
                + "\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}");

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.getMessage()).isEqualTo("HTTP 529 from openai: overloaded_error: Overloaded");
    }

    @Test
    void geminisMessageIsQuotedWithItsStatus() {
        CallException e = map(404, "{\"error\":{\"code\":404,\"message\":\"models/gemini-9 is not found for API version "
                + "v1beta.\",\"status\":\"NOT_FOUND\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).isEqualTo("HTTP 404 from openai: NOT_FOUND: models/gemini-9 is not found for API version v1beta.");
    }

    @Test
    void ollamaAndXaiErrorStringsAreQuoted() {
        assertThat(map(404, "{\"error\":\"model 'llama9' not found\"}").getMessage())
                .isEqualTo("HTTP 404 from openai: model 'llama9' not found");
        assertThat(map(400, "{\"code\":\"Client specified an invalid argument\",\"error\":\"Model grok-9 does not exist.\"}")
                .getMessage()).isEqualTo("HTTP 400 from openai: Model grok-9 does not exist.");
    }

    @Test
    void aTopLevelMessageOrDetailIsQuoted() {
        assertThat(map(400, "{\"message\":\"bad input\"}").getMessage()).isEqualTo("HTTP 400 from openai: bad input");
        assertThat(map(422, "{\"detail\":\"field required\"}").getMessage()).isEqualTo("HTTP 422 from openai: field required");
    }

    @Test
    void aNonJsonBodyIsQuotedOnOneLine() {
        CallException e = map(502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\n\t<body>nginx</body>\n</html>\n");

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.getMessage()).isEqualTo(
                "HTTP 502 from openai: <html> <head><title>502 Bad Gateway</title></head> <body>nginx</body> </html>");
    }

    @Test
    void aLongNonJsonBodyIsCutTo300CharactersAndAnEllipsis() {
        String body = "a".repeat(300) + "b".repeat(700);

        String message = map(500, body).getMessage();

        assertThat(message).isEqualTo("HTTP 500 from openai: " + "a".repeat(300) + "...");
        assertThat(HttpErrors.snippet(body)).hasSize(HttpErrors.SNIPPET + 3);
        assertThat(HttpErrors.snippet("a".repeat(300))).isEqualTo("a".repeat(300));
    }

    @Test
    void anEmptyBodyGivesJustTheStatus() {
        assertThat(map(500, "").getMessage()).isEqualTo("HTTP 500 from openai");
        assertThat(map(500, " \n ").getMessage()).isEqualTo("HTTP 500 from openai");
    }

    @Test
    void theKeyIsScrubbedFromAPlainBody() {
        CallException e = map(500, "internal error for key " + FAKE_KEY);

        assertNoPieceOfTheKey(e.getMessage());
        assertThat(e.getMessage()).contains("internal error for key ***");
    }

    @Test
    void theKeyIsScrubbedEvenWhenItStraddlesTheCut() {
        for (int before = 270; before <= 300; before++) {
            String body = "x".repeat(before) + FAKE_KEY + " and more text after the key " + "y".repeat(400);

            CallException e = map(500, body);

            assertNoPieceOfTheKey(e.getMessage());
            assertThat(e.getMessage()).as("%d characters before the key", before).endsWith("...");
        }
    }

    @Test
    void theKeyIsScrubbedFromAProviderMessageThatStraddlesTheCut() {
        String message = "invalid_request_error: Incorrect API key provided: ";
        String body = "{\"error\":{\"message\":\"Incorrect API key provided: " + "x".repeat(280 - message.length()) + FAKE_KEY
                + "\",\"type\":\"invalid_request_error\"}}";

        CallException e = map(401, body);

        assertNoPieceOfTheKey(e.getMessage());
        assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
    }

    @Test
    void aWrongKeyReportedAs400IsAnAuthErrorWithTheKeyHint() {
        CallException e = map(400, "{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key "
                + "provided: xa***ey. You can obtain an API key from https://console.x.ai.\"}");

        assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(e.getMessage()).contains("Incorrect API key provided", "(" + HINT + ")");
    }

    @Test
    void geminisApiKeyInvalidReasonIsAnAuthError() {
        CallException e = map(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                + "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
        assertThat(e.getMessage()).contains("(" + HINT + ")");
    }

    @Test
    void anOrdinary400IsABadRequestWithoutTheKeyHint() {
        CallException e = map(400, "{\"error\":{\"message\":\"max_tokens is too large\",\"type\":\"invalid_request_error\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.getMessage()).doesNotContain(HINT);
    }

    @Test
    void geminisRetryInfoGivesTheWaitOfA429() {
        CallException e = map(429, geminiQuota("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "37s"));

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(37));
        assertThat(e.getMessage()).contains("RESOURCE_EXHAUSTED: You exceeded your current quota");
    }

    @Test
    void aRetryAfterHeaderWinsOverGeminisRetryInfo() {
        CallException e = map(429, geminiQuota("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "37s"), "retry-after", "5");

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    }

    @Test
    void geminisDailyQuotaIsExhaustedQuota() {
        CallException e = map(429, geminiQuota("GenerateRequestsPerDayPerProjectPerModel-FreeTier", "12s"));

        assertThat(e.kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(e.retryable()).isFalse();
    }

    private static String geminiQuota(String quotaId, String retryDelay) {
        return "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota, please check your plan.\","
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":["
                + "{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[{\"quotaMetric\":"
                + "\"generativelanguage.googleapis.com/generate_content_free_tier_requests\",\"quotaId\":\"" + quotaId + "\"}]},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.Help\",\"links\":[]},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"" + retryDelay + "\"}]}}";
    }

    @Test
    void openAisInsufficientQuotaIsExhaustedQuotaNotARateLimit() {
        CallException e = map(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and "
                + "billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}",
                "retry-after", "20");

        assertThat(e.kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(429));
    }

    @Test
    void xaisExhaustedCreditsAreExhaustedQuota() {
        CallException e = map(429, "{\"code\":\"Some resource has been exhausted\",\"error\":\"Your team has either used all "
                + "available credits or reached its monthly spending limit.\"}");

        assertThat(e.kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
    }

    @Test
    void a429WaitsAsItsHeadersSay() {
        assertThat(map(429, "", "retry-after-ms", "1500").retryAfter()).contains(Duration.ofMillis(1500));
        assertThat(map(429, "", "x-ratelimit-reset-tokens", "120ms").retryAfter()).contains(Duration.ofMillis(120));
        assertThat(map(429, "").retryAfter()).isEmpty();
    }

    @Test
    void a503Or529WaitsOnlyForAnExplicitRetryAfter() {
        assertThat(map(503, "", "retry-after", "4").retryAfter()).contains(Duration.ofSeconds(4));
        assertThat(map(529, "", "retry-after", "4").retryAfter()).contains(Duration.ofSeconds(4));
        assertThat(map(503, "", "x-ratelimit-reset-requests", "24h6m34s", "x-ratelimit-remaining-requests", "0").retryAfter())
                .isEmpty();
        assertThat(map(500, "", "retry-after", "4").retryAfter()).isEmpty();
    }

    @Test
    void withoutAKeyNothingIsScrubbed() {
        CallException e = errors.toException(reply(500, "no *** here"), Optional.empty(), HINT);

        assertThat(e.getMessage()).isEqualTo("HTTP 500 from openai: no *** here");
    }

    @Test
    void aStreamErrorWithANumericCodeIsMappedLikeThatStatus() {
        CallException e = HttpErrors.streamError("gemini", json("{\"code\":429,\"message\":\"Resource has been exhausted\","
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                + "\"retryDelay\":\"7s\"}]}"));

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(OptionalInt.of(429));
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).isEqualTo("gemini reported an error in the stream: RESOURCE_EXHAUSTED: Resource has been exhausted");

        assertThat(HttpErrors.streamError("gemini", json("{\"code\":500,\"message\":\"Internal error\",\"status\":\"INTERNAL\"}"))
                .kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(HttpErrors.streamError("gemini", json("{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\"}"))
                .kind()).isEqualTo(ErrorKind.BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "overloaded_error, RATE_LIMITED",
        "rate_limit_error, RATE_LIMITED",
        "invalid_request_error, BAD_REQUEST",
        "not_found_error, BAD_REQUEST",
        "authentication_error, AUTH",
        "permission_error, AUTH",
        "api_error, SERVER",
        "something_new_error, SERVER",
    })
    void anAnthropicStreamErrorIsMappedByItsType(String type, ErrorKind kind) {
        CallException e = HttpErrors.streamError("anthropic", json("{\"type\":\"" + type + "\",\"message\":\"It went wrong\"}"));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("anthropic reported an error in the stream: " + type + ": It went wrong");
    }

    @Test
    void aStreamErrorThatIsAPlainStringIsAServerError() {
        CallException e = HttpErrors.streamError("ollama", TextNode.valueOf("an error was encountered while running the model"));

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("ollama reported an error in the stream: an error was encountered while running the model");
    }

    @Test
    void aStreamErrorWithoutMessageQuotesTheErrorObject() {
        CallException e = HttpErrors.streamError("openai", json("{\"type\":\"server_error\",\"code\":null}"));

        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(e.getMessage()).contains("server_error", "{\"type\":\"server_error\",\"code\":null}");
    }

    @Test
    void aLongStreamErrorMessageIsKeptWholeSoTheProviderCanScrubItBeforeCuttingIt() {
        CallException e = HttpErrors.streamError("openai", json("{\"type\":\"server_error\",\"message\":\"" + "z".repeat(1000) + "\"}"));

        assertThat(e.getMessage()).endsWith("z".repeat(1000));
        assertThat(HttpErrors.snippet(e.getMessage())).endsWith("...").hasSizeLessThan(400);
    }

    /**
     * A stream handler's error is scrubbed by {@link HttpModelProvider} after {@code streamError} has built it,
     * as {@code HttpErrors.scrub(e.getMessage(), key)}; this models that order.
     */
    @Test
    void aKeyStraddlingTheCutOfAStreamErrorIsScrubbedAsTheProviderDoes() {
        String prefix = "api_error: ";
        JsonNode error = json("{\"type\":\"api_error\",\"message\":\"" + "x".repeat(280 - prefix.length()) + FAKE_KEY + "\"}");

        String message = HttpErrors.snippet(HttpErrors.scrub(HttpErrors.streamError("anthropic", error).getMessage(), KEY));

        assertNoPieceOfTheKey(message);
    }

    @Test
    void malformedQuotesWhatWasWrongAndTheStartOfTheBodyWithoutTheKey() {
        CallException e = errors.malformed("missing 'choices'", "{\"id\":\"chatcmpl-1\",\n \"echo\":\"" + FAKE_KEY + "\"}", KEY);

        assertThat(e.kind()).isEqualTo(ErrorKind.MALFORMED_RESPONSE);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("openai sent a response bench4j cannot read (missing 'choices'); it began: "
                + "{\"id\":\"chatcmpl-1\", \"echo\":\"***\"}");
    }

    @Test
    void malformedCutsALongBodyAfterScrubbingTheKey() {
        for (int before = 270; before <= 300; before++) {
            String body = "{\"text\":\"" + "x".repeat(before - 9) + FAKE_KEY + "y".repeat(500) + "\"}";

            CallException e = errors.malformed("not valid JSON: " + FAKE_KEY, body, KEY);

            assertNoPieceOfTheKey(e.getMessage());
            assertThat(e.getMessage()).endsWith("...");
        }
    }
    @Test
    void scrubRemovesTheKeyWrittenPlainlyJsonEscapedOrUrlEncodedInAnyMixAndKeepsTheRest() {
        Optional<Secret> key = Optional.of(Secret.of("sk-ab/c"));

        assertThat(HttpErrors.scrub("a sk-ab/c b", key)).isEqualTo("a *** b");
        assertThat(HttpErrors.scrub("a sk\\u002dab\\/c b", key)).isEqualTo("a *** b");
        assertThat(HttpErrors.scrub("a \\u0073\\u006B\\u002D\\u0061\\u0062\\u002f\\u0063 b", key)).isEqualTo("a *** b");
        assertThat(HttpErrors.scrub("a sk%2dab%2Fc&x=sk%2Dab%2fc b", key)).isEqualTo("a ***&x=*** b");
        assertThat(HttpErrors.scrub("a %73k\\u002dab/c b", key)).isEqualTo("a *** b");
        assertThat(HttpErrors.scrub("100% sure, \\n sk-ab/ and sk\\u002dab\\u002fd", key))
                .isEqualTo("100% sure, \\n sk-ab/ and sk\\u002dab\\u002fd");
        assertThat(HttpErrors.scrub("trailing sk\\u002", key)).isEqualTo("trailing sk\\u002");
        assertThat(HttpErrors.scrub("trailing sk%2", key)).isEqualTo("trailing sk%2");
    }
    @Test
    void aQuotaErrorInsideAStreamIsExhaustedQuotaNotARetriedRateLimit() throws IOException {
        JsonNode openAi = Json.MAPPER.readTree("{\"message\":\"You exceeded your current quota, please check your plan and "
                + "billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}");
        JsonNode anthropic = Json.MAPPER.readTree("{\"type\":\"rate_limit_error\",\"message\":\"You have reached your "
                + "organization's monthly spend limit.\",\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}");
        JsonNode anthropicRate = Json.MAPPER.readTree("{\"type\":\"rate_limit_error\",\"message\":\"Your account has hit a rate limit.\"}");

        assertThat(HttpErrors.streamError("openai", openAi).kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(HttpErrors.streamError("anthropic", anthropic).kind()).isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(HttpErrors.streamError("ollama", new TextNode("you have reached your weekly usage limit")).kind())
                .isEqualTo(ErrorKind.QUOTA_EXCEEDED);
        assertThat(HttpErrors.streamError("anthropic", anthropicRate).kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    }
}
