package dev.bench4j.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Message;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An attempt takes its endpoint's permit before its provider's, so attempts queued behind an
 * endpoint whose limit was lowered hold no provider permit and the provider's other endpoints go on.
 */
class ConcurrencyStageTest {

    private static final CallEvents NO_EVENTS = new CallEvents() {
        @Override
        public void cacheHit(CellCall call) {
        }

        @Override
        public void cacheMiss(CellCall call) {
        }

        @Override
        public void retry(CellCall call, int failedAttempt, CallException error, Duration delay) {
        }
    };

    private static CellCall call(String model, int trial) {
        return new CellCall(new ModelRequest(new CellId("p", "held:" + model, "t" + trial, 0), ModelConfig.of("held", model),
                List.of(Message.user("q")), 1), Duration.ofMinutes(1), NO_EVENTS);
    }

    @Test
    void attemptsWaitingForALoweredEndpointHoldNoPermitOfTheirProvider() {
        AsyncSemaphore provider = new AsyncSemaphore("provider held", 4);
        AsyncSemaphore endpointA = AsyncSemaphore.adaptive("held http://a", 4, System.nanoTime());
        AsyncSemaphore endpointB = AsyncSemaphore.adaptive("held http://b", 4, System.nanoTime());
        ConcurrencyStage a = new ConcurrencyStage(List.of(endpointA, provider));
        ConcurrencyStage b = new ConcurrencyStage(List.of(endpointB, provider));
        List<CompletableFuture<ModelResponse>> answers = new ArrayList<>();
        List<CellId> started = new ArrayList<>();
        CallHandler hold = c -> {
            started.add(c.request().cell());
            CompletableFuture<ModelResponse> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        };

        a.apply(call("a", 0), hold);
        a.apply(call("a", 1), hold);
        answers.get(0).completeExceptionally(CallException.forHttpStatus(429, "HTTP 429", java.util.Optional.empty()));
        // endpoint A is now at 2 with 1 in flight: one more A may start, the next three queue at A
        for (int t = 2; t < 6; t++) {
            a.apply(call("a", t), hold);
        }
        assertThat(started).hasSize(3);
        assertThat(endpointA.limit()).isEqualTo(2);

        b.apply(call("b", 0), hold);
        b.apply(call("b", 1), hold);

        assertThat(started).as("B's attempts start: the queued A attempts hold no provider permit").hasSize(5);
    }

    @Test
    void onlyTheFirstLimitMayAdapt() {
        AsyncSemaphore provider = new AsyncSemaphore("provider held", 4);
        AsyncSemaphore endpoint = AsyncSemaphore.adaptive("held http://a", 4, System.nanoTime());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConcurrencyStage(List.of(provider, endpoint)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only the first limit may adapt");
    }
}
