package dev.bench4j.core.testing;

import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ProviderContext;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider for tests whose answers a function decides; it counts calls, records every request and
 * tracks how many calls are in flight at once.
 */
public final class ScriptedProvider implements ModelProviderFactory {

    private final String name;
    private final Function<ModelRequest, CompletionStage<ModelResponse>> script;
    private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    private ScriptedProvider(String name, Function<ModelRequest, CompletionStage<ModelResponse>> script) {
        this.name = name;
        this.script = script;
    }

    /**
     * Creates a provider answering with the function's future.
     *
     * @param name the provider's name
     * @param script decides each answer
     * @return the factory
     */
    public static ScriptedProvider named(String name, Function<ModelRequest, CompletionStage<ModelResponse>> script) {
        return new ScriptedProvider(name, script);
    }

    /**
     * Creates a provider that echoes the last message at once.
     *
     * @param name the provider's name
     * @return the factory
     */
    public static ScriptedProvider echoing(String name) {
        return named(name, r -> CompletableFuture.completedFuture(answer(r.messages().get(r.messages().size() - 1).content())));
    }

    /**
     * Builds a plain successful response.
     *
     * @param text the text
     * @return a response with 10 input and 5 output tokens
     */
    public static ModelResponse answer(String text) {
        return ModelResponse.of(text, FinishReason.STOP, Usage.of(10, 5));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelProvider create(ProviderContext context) {
        return new ModelProvider() {
            @Override
            public CompletionStage<ModelResponse> call(ModelRequest request) {
                requests.add(request);
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                CompletionStage<ModelResponse> stage = script.apply(request);
                if (stage == null) {
                    inFlight.decrementAndGet();
                    return null;
                }
                // count the call finished before anyone downstream hears of it
                CompletableFuture<ModelResponse> out = new CompletableFuture<>();
                CompletableFuture<ModelResponse> f = stage.toCompletableFuture();
                f.whenComplete((r, e) -> {
                    inFlight.decrementAndGet();
                    if (e == null) {
                        out.complete(r);
                    } else {
                        out.completeExceptionally(e instanceof CompletionException c && c.getCause() != null
                                ? c.getCause() : e);
                    }
                });
                out.whenComplete((r, e) -> {
                    if (out.isCancelled()) {
                        f.cancel(true);
                    }
                });
                return out;
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
    }

    /** @return every request made, in order */
    public List<ModelRequest> requests() {
        return requests;
    }

    /** @return how many calls were made */
    public int calls() {
        return requests.size();
    }

    /** @return the most calls in flight at once */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** @return how many providers made by this factory were closed */
    public int closed() {
        return closed.get();
    }
}
