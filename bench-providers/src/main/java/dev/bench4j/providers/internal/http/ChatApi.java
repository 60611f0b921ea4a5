package dev.bench4j.providers.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import java.util.List;
import java.util.Optional;

/**
 * One provider's wire format: how a request becomes an {@link HttpCall} and how the answer (whole
 * or streamed) and the model list are read back. {@link HttpModelProvider} does everything else
 * (keys, sending, errors, time to first token), so an implementation only translates.
 *
 * <p>Reading methods may throw {@link MalformedException} (or any runtime exception) when a field
 * the API documents is missing; the provider turns that into a {@code malformed_response} error
 * that quotes the start of the body.
 */
public interface ChatApi {

    /**
     * Returns the provider's name for messages, e.g. {@code openai}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the environment variables a key is read from when the config names none. An API with
     * variables needs a key: a call without one fails before it is sent, as does a call whose config
     * names an {@code api_key_env} that is not set.
     *
     * @return the variables, in order of preference; empty when the API needs no key
     */
    List<String> keyVariables();

    /**
     * Builds the request for one call.
     *
     * @param request the call
     * @param key the API key, if one was found
     * @return the HTTP call
     */
    HttpCall request(ModelRequest request, Optional<Secret> key);

    /**
     * Reads a whole (not streamed) 2xx answer.
     *
     * @param body the parsed JSON body
     * @param request the call it answers
     * @return the response
     */
    ModelResponse parse(JsonNode body, ModelRequest request);

    /**
     * Reads a whole 2xx answer straight from its bytes when it has the API's usual shape, without
     * building a tree. It must return exactly what {@link #parse} returns for the same body, and
     * empty for anything it does not handle (invalid JSON, an answer {@code parse} refuses, an
     * unusual shape): the provider then parses the tree, so failures and their messages are
     * {@code parse}'s. It never throws. The default handles nothing.
     *
     * @param body the body bytes
     * @param request the call it answers
     * @return the response, or empty to have the tree parsed
     */
    default Optional<ModelResponse> parseUsual(byte[] body, ModelRequest request) {
        return Optional.empty();
    }

    /**
     * Creates the handler that assembles a streamed answer.
     *
     * @param request the call
     * @return a new handler
     */
    StreamHandler streamHandler(ModelRequest request);

    /**
     * Adjusts the error an HTTP error reply was mapped to, for what only this API knows (a hint
     * that fixes the problem, a status it uses differently); the default returns it unchanged.
     *
     * @param error the error {@link HttpErrors} mapped the reply to
     * @param reply the reply
     * @param config the config of the call
     * @return the error to fail the call with
     */
    default CallException refine(CallException error, HttpReply reply, ModelConfig config) {
        return error;
    }

    /**
     * Builds the request that lists the endpoint's models.
     *
     * @param config the endpoint
     * @param key the API key, if one was found
     * @return the call, or empty when the provider cannot list models
     */
    Optional<HttpCall> listModels(ModelConfig config, Optional<Secret> key);

    /**
     * Reads a model list.
     *
     * @param body the parsed JSON body
     * @return the models
     */
    List<ModelInfo> parseModels(JsonNode body);

    /**
     * Builds the request for the next page of a model list, for APIs that page it; the provider
     * follows at most {@link HttpModelProvider#MAX_MODEL_PAGES} pages.
     *
     * @param config the endpoint
     * @param key the API key, if one was found
     * @param page the parsed JSON body of the page just read
     * @return the next page's call, or empty when {@code page} was the last (the default)
     */
    default Optional<HttpCall> nextModelsPage(ModelConfig config, Optional<Secret> key, JsonNode page) {
        return Optional.empty();
    }
}
