package dev.bench4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Usage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockingModelProviderTest {

    private static final ModelResponse OK = ModelResponse.of("fine", FinishReason.STOP, Usage.unknown());

    private static CallException unexpected(Throwable e) {
        return new CallException(ErrorKind.SERVER, "mapped: " + e.getMessage());
    }

    @Test
    void callsOnItsOwnNamedThreadAndAnswers() throws Exception {
        String[] thread = new String[1];
        try (BlockingModelProvider p = BlockingModelProvider.of("bench4j-test", 2, r -> {
            thread[0] = Thread.currentThread().getName();
            return OK;
        }, BlockingModelProviderTest::unexpected)) {
            assertThat(p.call(null).toCompletableFuture().get(5, TimeUnit.SECONDS)).isSameAs(OK);
            assertThat(thread[0]).startsWith("bench4j-test-");
        }
    }

    @Test
    void aCallExceptionPassesAsItIsAndOtherFailuresGoThroughTheMapping() {
        try (BlockingModelProvider classified = BlockingModelProvider.of("t", 1, r -> {
            throw new CallException(ErrorKind.RATE_LIMITED, "slow down");
        }, BlockingModelProviderTest::unexpected);
                BlockingModelProvider raw = BlockingModelProvider.of("t", 1, r -> {
                    throw new IllegalStateException("boom");
                }, BlockingModelProviderTest::unexpected)) {
            assertThatThrownBy(() -> classified.call(null).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOfSatisfying(CallException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
            assertThatThrownBy(() -> raw.call(null).toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .cause().isInstanceOfSatisfying(CallException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.SERVER);
                        assertThat(e.getMessage()).isEqualTo("mapped: boom");
                    });
        }
    }

    @Test
    void cancellingTheStageInterruptsTheBlockedCall() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (BlockingModelProvider p = BlockingModelProvider.of("t", 1, r -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return OK;
        }, BlockingModelProviderTest::unexpected)) {
            CompletableFuture<ModelResponse> f = p.call(null).toCompletableFuture();
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            f.cancel(true);
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aCallAfterCloseFailsAsInternalNamingTheProvider() {
        BlockingModelProvider p = BlockingModelProvider.of("bench4j-closed", 1, r -> OK, BlockingModelProviderTest::unexpected);
        p.close();
        assertThatThrownBy(() -> p.call(null).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(CallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
                    assertThat(e.getMessage()).contains("bench4j-closed");
                });
    }

    @Test
    void refusesABlankNameOrNoThreads() {
        assertThatThrownBy(() -> BlockingModelProvider.of(" ", 1, r -> OK, BlockingModelProviderTest::unexpected))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> BlockingModelProvider.of("t", 0, r -> OK, BlockingModelProviderTest::unexpected))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads must be at least 1 but was 0");
    }
}
