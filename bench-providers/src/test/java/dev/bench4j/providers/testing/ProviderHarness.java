package dev.bench4j.providers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.ModelInfo;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.RetryPolicy;
import dev.bench4j.core.Run;
import dev.bench4j.core.Trial;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import dev.bench4j.core.testing.VirtualScheduler;
import dev.bench4j.providers.internal.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives one provider factory the way a run does, for tests against WireMock: single calls, model
 * lists, and whole one-cell runs through the real pipeline with a {@link VirtualScheduler} (so
 * retries and Retry-After waits are recorded, never slept).
 */
public final class ProviderHarness implements AutoCloseable {
    /** A recognizable fake key; tests search every output for it. */
    public static final String FAKE_KEY = "sk-test-PLANTED-0123456789abcdef-SECRET";

    private final ModelProviderFactory factory;
    private final Map<String, String> env;
    private static final Duration REAL_FROM = Duration.ofMinutes(2);
    private final VirtualScheduler scheduler = new VirtualScheduler(REAL_FROM);
    private final ModelProvider provider;

    /**
     * Creates a harness.
     *
     * @param factory the provider factory under test
     * @param env the environment the provider sees
     */
    public ProviderHarness(ModelProviderFactory factory, Map<String, String> env) {
        this.factory = factory;
        this.env = Map.copyOf(env);
        this.provider = factory.create(new ProviderContext(this::env, scheduler, Path.of("."), 4));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /**
     * Reads a fixture from {@code src/test/resources/fixtures}.
     *
     * @param path e.g. {@code openai/success.json}
     * @return its text (UTF-8)
     */
    public static String fixture(String path) {
        try (InputStream in = ProviderHarness.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a {@code *.headers.txt} fixture: {@code Name: value} lines (a status line is skipped).
     *
     * @param path e.g. {@code openai/error-429.headers.txt}
     * @return the headers in file order
     */
    public static Map<String, String> headers(String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : fixture(path).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (line.startsWith("HTTP/") || colon <= 0 || line.startsWith("#")) {
                continue;
            }
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /**
     * Adds the headers of a {@code *.headers.txt} fixture to a WireMock response, leaving out those
     * WireMock sets itself ({@code content-length}, {@code transfer-encoding}, {@code date}).
     *
     * @param response the response being defined
     * @param path the headers fixture
     * @return the response
     */
    public static ResponseDefinitionBuilder withHeaders(
            ResponseDefinitionBuilder response, String path) {
        headers(path).forEach((name, value) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!n.equals("content-length") && !n.equals("transfer-encoding") && !n.equals("date")
                    && !n.equals("content-encoding")) {
                response.withHeader(name, value);
            }
        });
        return response;
    }

    /**
     * Parses the JSON body of a request WireMock received.
     *
     * @param request the request
     * @return its body as a tree
     */
    public static JsonNode body(LoggedRequest request) {
        try {
            return Json.MAPPER.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new AssertionError("the request body is not JSON: " + request.getBodyAsString(), e);
        }
    }

    /**
     * Returns the one POST WireMock received that matches a URL pattern, failing when there were
     * none or several.
     *
     * @param api the WireMock server
     * @param url the URL pattern
     * @return the request
     */
    public static LoggedRequest onlyPost(WireMockExtension api, UrlPattern url) {
        List<LoggedRequest> all = api.findAll(WireMock.postRequestedFor(url));
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one POST to " + url.getExpected() + " but WireMock received "
                    + all.size());
        }
        return all.get(0);
    }

    /**
     * Makes one call with the given messages, after checking the config with the factory's
     * {@code validate} as a plan would, so a test cannot use a config a real plan refuses.
     *
     * @param config the model config
     * @param messages the messages (a default user message when none)
     * @return the response
     * @throws CallException if the call failed
     * @throws IllegalArgumentException if the factory refuses the config
     */
    public ModelResponse call(ModelConfig config, Message... messages) {
        factory.validate(config, Path.of("."));
        return send(config, messages);
    }

    private ModelResponse send(ModelConfig config, Message... messages) {
        List<Message> list = messages.length == 0 ? List.of(Message.user("Which conditions?")) : Arrays.asList(messages);
        ModelRequest request = new ModelRequest(new CellId("p", config.id(), "t1", 0), config, list, 1);
        return join(provider.call(request).toCompletableFuture());
    }

    /**
     * Makes one call that must fail and returns its exception.
     *
     * @param config the model config
     * @param messages the messages
     * @return the failure
     * @throws AssertionError if the call succeeded
     * @throws IllegalArgumentException if the factory refuses the config
     */
    public CallException failure(ModelConfig config, Message... messages) {
        try {
            ModelResponse r = call(config, messages);
            throw new AssertionError("expected a failure but got " + r);
        } catch (CallException e) {
            return e;
        }
    }

    /**
     * Makes one call that must fail without checking the config first: only for tests of a
     * provider's own guard against a config that never went through {@code validate} (a provider
     * used without a plan). Every other test uses {@link #failure}, which validates.
     *
     * @param config a config the factory's {@code validate} refuses
     * @return the failure
     * @throws AssertionError if the call succeeded
     */
    public CallException failureSkippingValidation(ModelConfig config) {
        try {
            ModelResponse r = send(config);
            throw new AssertionError("expected a failure but got " + r);
        } catch (CallException e) {
            return e;
        }
    }

    /**
     * Lists the models at a config's endpoint.
     *
     * @param config the endpoint
     * @return the models
     */
    public List<ModelInfo> listModels(ModelConfig config) {
        return join(provider.listModels(config).toCompletableFuture());
    }

    /**
     * Runs a one-cell plan (one user prompt, one trial) through the real pipeline, with this
     * harness's environment and a virtual scheduler.
     *
     * @param config the model config
     * @param retry the retry policy
     * @return the run
     */
    public Run run(ModelConfig config, RetryPolicy retry) {
        return BenchmarkPlan.named("provider-test").provider(factory)
                .prompt(Prompt.named("p").user("Which conditions?"))
                .model(config)
                .trial(Trial.of("t1", Map.of()))
                .environment(this::env)
                .scheduler(scheduler)
                .retry(retry)
                .noCache()
                .build().run();
    }

    /**
     * Returns the waits the pipeline skipped (backoffs, Retry-After waits), leaving out the attempt
     * timeouts and deadlines it armed.
     *
     * @return the delays in order
     */
    public List<Duration> delays() {
        List<Duration> skipped = new ArrayList<>();
        for (Duration d : scheduler.delays()) {
            if (d.compareTo(REAL_FROM) < 0) {
                skipped.add(d);
            }
        }
        return skipped;
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause();
            while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
                c = c.getCause();
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the call did not finish in 30 s", e);
        }
    }

    @Override
    public void close() {
        provider.close();
        scheduler.shutdownNow();
    }
}
