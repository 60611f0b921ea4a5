package dev.bench4j.providers.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Secret;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link ModelProvider} over HTTP for any {@link ChatApi}: finds the API key at call time, sends
 * through its own {@link HttpTransport} (one per provider per run, shared by all its calls),
 * streams when the config asks, and maps every failure
 * (status, unreadable body, missing key) to a {@link CallException} that never contains the key.
 */
public final class HttpModelProvider implements ModelProvider {

    /** The most pages of a model list {@link #listModels} follows. */
    public static final int MAX_MODEL_PAGES = 10;

    private final ChatApi api;
    private final ProviderContext context;
    private final HttpTransport transport;
    private final HttpErrors errors;
    private final String[] keyVariables;

    /**
     * Creates a provider with its own transport, sized to the run's concurrency.
     *
     * @param api the wire format
     * @param context the run's environment and concurrency
     */
    public HttpModelProvider(ChatApi api, ProviderContext context) {
        this.api = api;
        this.context = context;
        this.transport = HttpTransport.create(context.concurrency());
        this.errors = new HttpErrors(api.name(), Clock.systemUTC());
        this.keyVariables = api.keyVariables().toArray(String[]::new);
    }

    @Override
    public CompletionStage<ModelResponse> call(ModelRequest request) {
        ModelConfig config = request.config();
        Optional<Secret> key = key(config);
        if (key.isEmpty() && needsKey(config)) {
            return CompletableFuture.failedFuture(missingKey(config));
        }
        HttpCall call;
        try {
            call = api.request(request, key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST,
                    HttpErrors.scrub("cannot build the request for " + api.name() + ": " + e.getMessage(), key)));
        }
        Function<HttpReply, CallException> onError = reply -> api.refine(errors.toException(reply, key, keyHint(config)),
                reply, config);
        if (config.endpoint().stream()) {
            return transport.stream(call, new GuardedStream(api.streamHandler(request), key), onError);
        }
        CompletableFuture<HttpReply> sent = transport.send(call);
        return cancelling(sent, sent.thenApply(reply -> {
            if (!reply.ok()) {
                throw onError.apply(reply);
            }
            Optional<ModelResponse> usual = api.parseUsual(reply.body(), request);
            return usual.isPresent() ? usual.get() : read(reply, key, body -> api.parse(body, request));
        }));
    }

    @Override
    public CompletionStage<List<ModelInfo>> listModels(ModelConfig config) {
        Optional<Secret> key = key(config);
        if (key.isEmpty() && needsKey(config)) {
            return CompletableFuture.failedFuture(missingKey(config));
        }
        Optional<HttpCall> call;
        try {
            BaseUrl.check(config);
            call = api.listModels(config, key);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new CallException(ErrorKind.BAD_REQUEST,
                    HttpErrors.scrub("cannot list the models of " + api.name() + ": " + e.getMessage(), key)));
        }
        if (call.isEmpty()) {
            return ModelProvider.super.listModels(config);
        }
        AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
        CompletableFuture<List<ModelInfo>> all = modelPages(config, key, call.get(), new ArrayList<>(), 1, inFlight);
        all.whenComplete((r, e) -> {
            CompletableFuture<?> current = inFlight.get();
            if (all.isCancelled() && current != null) {
                current.cancel(true);
            }
        });
        return all;
    }

    /** Reads one page of a model list and, while the API names a next page, the ones after it. */
    private CompletableFuture<List<ModelInfo>> modelPages(ModelConfig config, Optional<Secret> key, HttpCall call,
            List<ModelInfo> sofar, int page, AtomicReference<CompletableFuture<?>> inFlight) {
        CompletableFuture<HttpReply> sent = transport.send(call);
        inFlight.set(sent);
        return sent.thenCompose(reply -> {
            if (!reply.ok()) {
                throw api.refine(errors.toException(reply, key, keyHint(config)), reply, config);
            }
            Optional<HttpCall> next = read(reply, key, body -> {
                sofar.addAll(api.parseModels(body));
                return page < MAX_MODEL_PAGES ? api.nextModelsPage(config, key, body) : Optional.<HttpCall>empty();
            });
            if (next.isEmpty()) {
                return CompletableFuture.completedFuture(List.copyOf(sofar));
            }
            return modelPages(config, key, next.get(), sofar, page + 1, inFlight);
        });
    }

    /** Makes cancelling {@code dependent} (the pipeline's attempt timeout) abort the exchange too. */
    private static <T> CompletableFuture<T> cancelling(CompletableFuture<?> source, CompletableFuture<T> dependent) {
        dependent.whenComplete((r, e) -> {
            if (dependent.isCancelled()) {
                source.cancel(true);
            }
        });
        return dependent;
    }

    private <T> T read(HttpReply reply, Optional<Secret> key, Function<JsonNode, T> reader) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(reply.body());
        } catch (IOException e) {
            throw errors.malformed("not valid JSON: " + firstLine(e.getMessage()), reply.text(), key);
        }
        if (body == null || !body.isObject()) {
            throw errors.malformed("not a JSON object", reply.text(), key);
        }
        try {
            return reader.apply(body);
        } catch (CallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw errors.malformed(String.valueOf(e.getMessage()), reply.text(), key);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private Optional<Secret> key(ModelConfig config) {
        return context.apiKey(config, keyVariables);
    }

    /** An API with default key variables needs a key, and so does a config that names its variable. */
    private boolean needsKey(ModelConfig config) {
        return keyVariables.length > 0 || config.endpoint().apiKeyEnv().isPresent();
    }

    private CallException missingKey(ModelConfig config) {
        String where = config.endpoint().apiKeyEnv().map(v -> "environment variable " + v + " is not set")
                .orElse("set " + String.join(" or ", api.keyVariables()) + " or name another variable in api_key_env");
        return new CallException(ErrorKind.AUTH, "no API key for " + api.name() + " model '" + config.id() + "': " + where);
    }

    private String keyHint(ModelConfig config) {
        if (config.endpoint().apiKey().isPresent()) {
            return "check the API key set on model config '" + config.id() + "'";
        }
        if (config.endpoint().apiKeyEnv().isPresent()) {
            return "check the API key in " + config.endpoint().apiKeyEnv().get();
        }
        return api.keyVariables().isEmpty() ? "this endpoint may need api_key_env"
                : "check the API key in " + String.join(" or ", api.keyVariables());
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Turns a handler's unexpected exception into a malformed-response error, scrubbed of the key. */
    private final class GuardedStream implements StreamHandler {
        private final StreamHandler inner;
        private final Optional<Secret> key;
        private final StringBuilder head = new StringBuilder();

        GuardedStream(StreamHandler inner, Optional<Secret> key) {
            this.inner = inner;
            this.key = key;
        }

        @Override
        public void onLine(String line) {
            if (head.length() < HttpErrors.SNIPPET) {
                head.append(line).append('\n');
            }
            guard(() -> {
                inner.onLine(line);
                return null;
            });
        }

        @Override
        public boolean receivedToken() {
            return inner.receivedToken();
        }

        @Override
        public ModelResponse complete() {
            return guard(inner::complete);
        }

        private <T> T guard(Supplier<T> step) {
            try {
                return step.get();
            } catch (CallException e) {
                String clean = HttpErrors.snippet(HttpErrors.scrub(e.getMessage(), key));
                throw clean.equals(e.getMessage()) ? e
                        : new CallException(e.kind(), clean, e.httpStatus(), e.retryAfter(), null);
            } catch (RuntimeException e) {
                throw errors.malformed(String.valueOf(e.getMessage()), head.toString(), key);
            }
        }
    }
}
