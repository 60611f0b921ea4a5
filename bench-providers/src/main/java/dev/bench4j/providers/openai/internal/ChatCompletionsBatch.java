package dev.bench4j.providers.openai.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.providers.internal.http.HttpErrors;
import dev.bench4j.providers.internal.http.HttpReply;
import dev.bench4j.providers.internal.http.Json;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Chat Completions side of OpenAI Batch files, used by {@code dev.bench4j.providers.openai.OpenAiBatch}:
 * the body a batch line carries (the one the live provider sends, streaming off) and how one line
 * of a batch output file becomes what the live provider would have returned for that body: a
 * {@link ModelResponse} read exactly like a live answer, or the {@link CallException} a live call
 * would have failed with.
 *
 * <p>Not for use outside bench4j.
 */
public final class ChatCompletionsBatch {

    /** The relative URL every Chat Completions batch line names. */
    public static final String URL = "/v1/chat/completions";

    private ChatCompletionsBatch() {
    }

    /**
     * Returns whether a provider speaks Chat Completions, so that its cells can go in a batch file:
     * {@code openai}, {@code openai-compatible}, {@code xai} and its alias {@code grok} (case ignored).
     *
     * @param provider a provider name
     * @return true for the Chat Completions providers
     */
    public static boolean serves(String provider) {
        return Flavor.forProvider(provider).isPresent();
    }

    /**
     * Returns new instances of the live Chat Completions provider factories (openai,
     * openai-compatible, xai), whose names, aliases and prices a batch import keeps; they behave
     * as the public {@code OpenAiProviderFactory}, {@code OpenAiCompatibleProviderFactory} and
     * {@code XaiProviderFactory}, which delegate to them.
     *
     * @return the three factories
     */
    public static List<ModelProviderFactory> liveFactories() {
        return List.of(ChatCompletionsProviderFactory.openAi(), ChatCompletionsProviderFactory.compatible(),
                ChatCompletionsProviderFactory.xai());
    }

    /**
     * Builds the body of one batch line: exactly what the live provider sends for the call when
     * the config does not stream. A streaming config's {@code stream} and {@code stream_options}
     * are left out, since a batch answers whole.
     *
     * @param request the call
     * @return a new body
     * @throws IllegalArgumentException if the config's provider does not speak Chat Completions
     */
    public static ObjectNode body(ModelRequest request) {
        ObjectNode body = ChatCompletionsApi.body(request, flavor(request.config()));
        body.remove("stream");
        body.remove("stream_options");
        return body;
    }

    /**
     * Turns one line of a batch output file into the live provider's outcome for the call:
     * <ul>
     *   <li>{@code response.status_code} 2xx: {@code response.body} read like a live answer (text,
     *       usage, finish reason, model version); a body that cannot be read fails with
     *       {@code malformed_response}, as live;</li>
     *   <li>another status: the exception the live provider raises for that status and body
     *       ({@link HttpErrors}); when the body is absent, as in vLLM's {@code run_batch} error lines,
     *       the line's {@code error} stands for it;</li>
     *   <li>no response, an {@code error} object ({@code code}, {@code message}) instead, as in
     *       OpenAI's error file: an exception whose kind follows the code when it is known
     *       ({@code batch_expired} is {@code deadline_exceeded}, {@code rate_limit_exceeded} is
     *       {@code rate_limited}, a numeric HTTP status maps as a status does), else {@code server}.</li>
     * </ul>
     *
     * @param line the output line, a JSON object
     * @param config the model config of the line's cell
     * @return the response
     * @throws CallException the failure the line records
     * @throws IllegalArgumentException if the config's provider does not speak Chat Completions
     */
    public static ModelResponse answer(JsonNode line, ModelConfig config) {
        Flavor flavor = flavor(config);
        ChatCompletionsApi api = new ChatCompletionsApi(flavor);
        HttpErrors errors = new HttpErrors(flavor.name(), Clock.systemUTC());
        JsonNode response = line.path("response");
        JsonNode error = line.path("error");
        if (response.isObject()) {
            int status = response.path("status_code").asInt();
            JsonNode body = response.path("body");
            if (status >= 200 && status < 300) {
                if (!body.isObject()) {
                    throw errors.malformed(body.isMissingNode() || body.isNull() ? "the batch line's response has no body"
                            : "not a JSON object", line.toString(), Optional.empty());
                }
                try {
                    return ChatCompletionsApi.parse(body, flavor);
                } catch (CallException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw errors.malformed(String.valueOf(e.getMessage()), body.toString(), Optional.empty());
                }
            }
            byte[] bytes;
            if (!body.isMissingNode() && !body.isNull()) {
                bytes = Json.bytes(body);
            } else if (error.isTextual()) {
                bytes = Json.bytes(Json.object().put("error", error.asText()));
            } else if (error.isObject()) {
                bytes = Json.bytes(error);
            } else {
                bytes = new byte[0];
            }
            HttpReply reply = new HttpReply(status, Map.of(), bytes);
            throw api.refine(errors.toException(reply, Optional.empty(), "check the API key the batch ran with"),
                    reply, config);
        }
        if (!error.isMissingNode() && !error.isNull()) {
            throw batchError(flavor.name(), error);
        }
        throw errors.malformed("the batch line has neither a response nor an error", line.toString(), Optional.empty());
    }

    /** An {@code error} that took the place of a response (a request the batch never ran, or could not). */
    private static CallException batchError(String provider, JsonNode error) {
        String message = error.isTextual() ? error.asText() : error.path("message").asText("");
        JsonNode codeNode = error.path("code");
        String code = codeNode.isValueNode() && !codeNode.isNull() ? codeNode.asText()
                : error.path("type").isTextual() ? error.path("type").asText() : "";
        String text = HttpErrors.snippet(provider + " batch request failed: " + (code.isEmpty() ? "" : code + ": ")
                + (message.isEmpty() ? error.toString() : message));
        if (codeNode.isInt() && codeNode.asInt() >= 400 && codeNode.asInt() <= 599) {
            return CallException.forHttpStatus(codeNode.asInt(), text, Optional.empty());
        }
        return new CallException(kind(code), text, OptionalInt.empty(), Optional.empty(), null);
    }

    private static ErrorKind kind(String code) {
        switch (code.toLowerCase(Locale.ROOT)) {
            case "batch_expired":
                return ErrorKind.DEADLINE_EXCEEDED;
            case "rate_limit_exceeded":
            case "rate_limit_error":
                return ErrorKind.RATE_LIMITED;
            case "insufficient_quota":
            case "billing_hard_limit_reached":
                return ErrorKind.QUOTA_EXCEEDED;
            case "invalid_api_key":
            case "authentication_error":
            case "permission_error":
                return ErrorKind.AUTH;
            case "invalid_request_error":
            case "invalid_request":
            case "model_not_found":
            case "context_length_exceeded":
            case "badrequesterror":
                return ErrorKind.BAD_REQUEST;
            case "timeout":
            case "request_timeout":
                return ErrorKind.TIMEOUT;
            default:
                return ErrorKind.SERVER;
        }
    }

    private static Flavor flavor(ModelConfig config) {
        return Flavor.forProvider(config.provider()).orElseThrow(() -> new IllegalArgumentException("model '"
                + config.id() + "' uses provider '" + config.provider() + "', which does not speak Chat Completions"));
    }
}
