package dev.bench4j.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Result;
import dev.bench4j.core.Run;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import dev.bench4j.core.spi.ResponseCache;
import dev.bench4j.core.testing.MutableClock;
import dev.bench4j.core.testing.Plans;
import dev.bench4j.core.testing.ScriptedProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk tier lets a second process reuse responses until they expire, and never stores failures. */
class DiskResponseCacheTest {

    @TempDir
    Path dir;

    private static final String KEY = "ab" + "0123456789abcdef".repeat(3) + "0123456789abcd";

    @Test
    void aSecondPlanOnTheSameFolderCallsNothing() {
        ScriptedProvider first = ScriptedProvider.echoing("echoing");
        Run a = Plans.over(first, 5).cache(ResponseCache.onDisk(dir, Duration.ofDays(1))).build().run();
        ScriptedProvider second = ScriptedProvider.echoing("echoing");
        Run b = Plans.over(second, 5).cache(ResponseCache.onDisk(dir, Duration.ofDays(1))).build().run();

        assertThat(first.calls()).isEqualTo(5);
        assertThat(second.calls()).isZero();
        assertThat(b.results()).allMatch(Result::cached).extracting(Result::output)
                .containsExactlyInAnyOrderElementsOf(a.results().stream().map(Result::output).toList());
    }

    @Test
    void aResponseRoundTripsWithEveryField() {
        ModelResponse r = ModelResponse.of("Diagnósticos 🩺", FinishReason.LENGTH,
                Usage.of(120, 40).withReasoningTokens(16).withCachedInputTokens(64).withTotalTokens(170))
                .withRawFinishReason("max_tokens").withModelVersion("m-2025").withTimeToFirstToken(Duration.ofMillis(250))
                .withMetric("eval_duration_ms", 412.5);

        assertThat(DiskResponseCache.fromJson(DiskResponseCache.toJson(r))).isEqualTo(r);
        assertThat(DiskResponseCache.fromJson(DiskResponseCache.toJson(
                ModelResponse.of("x", FinishReason.STOP, Usage.unknown())))).isEqualTo(ModelResponse.of("x", FinishReason.STOP,
                Usage.unknown()));
    }

    @Test
    void anExpiredEntryIsCalledAgainAndAFailureIsNeverStored() throws IOException {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        DiskResponseCache cache = new DiskResponseCache(dir, Duration.ofHours(1), 100, clock);
        cache.lookup(KEY, () -> CompletableFuture.completedFuture(ModelResponse.of("old", FinishReason.STOP, Usage.unknown())))
                .response().join();

        DiskResponseCache later = new DiskResponseCache(dir, Duration.ofHours(1), 100, clock);
        assertThat(later.lookup(KEY, () -> CompletableFuture.failedFuture(new AssertionError("not called"))).hit()).isTrue();

        clock.advance(Duration.ofHours(2));
        DiskResponseCache expired = new DiskResponseCache(dir, Duration.ofHours(1), 100, clock);
        ResponseCache.Lookup fresh = expired.lookup(KEY, () -> CompletableFuture.failedFuture(
                new CallException(ErrorKind.SERVER, "boom")));
        assertThat(fresh.hit()).isFalse();
        assertThat(fresh.response()).isCompletedExceptionally();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".json")).count()).as("the expired entry is gone and "
                    + "the failure was not stored").isZero();
        }
    }

    @Test
    void anUnreadableEntryIsAMissNotAnError() throws IOException {
        Path f = dir.resolve(KEY.substring(0, 2)).resolve(KEY + ".json");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "{\"schema\": \"bench4j.cached-response/1\", \"stored_at\": ");
        DiskResponseCache cache = new DiskResponseCache(dir, Duration.ofDays(1), 100,
                new MutableClock(Instant.parse("2026-11-23T10:00:00Z")));

        ResponseCache.Lookup l = cache.lookup(KEY, () -> CompletableFuture.completedFuture(
                ModelResponse.of("new", FinishReason.STOP, Usage.unknown())));

        assertThat(l.hit()).isFalse();
        assertThat(l.response().join().text()).isEqualTo("new");
        assertThat(Files.readString(f)).contains("\"new\"");
    }

    @Test
    void invalidateAllEmptiesBothTiers() {
        ResponseCache cache = ResponseCache.onDisk(dir, Duration.ofDays(1));
        Plans.over(ScriptedProvider.echoing("echoing"), 3).cache(cache).build().run();
        assertThat(cache.estimatedSize()).isEqualTo(3);

        cache.invalidateAll();

        assertThat(cache.estimatedSize()).isZero();
        assertThat(Optional.of(cache.toString())).get().asString().contains("on disk at");
    }

    @Test
    void aKeyIsSixteenToOneHundredTwentyEightLowercaseHexDigits() {
        assertThat(DiskResponseCache.isKey("0123456789abcdef")).isTrue();
        assertThat(DiskResponseCache.isKey("a".repeat(128))).isTrue();
        assertThat(DiskResponseCache.isKey("a".repeat(15))).isFalse();
        assertThat(DiskResponseCache.isKey("a".repeat(129))).isFalse();
        assertThat(DiskResponseCache.isKey("0123456789ABCDEF")).isFalse();
        assertThat(DiskResponseCache.isKey("0123456789abcdeg")).isFalse();
        assertThat(DiskResponseCache.isKey("../../0123456789abcdef")).isFalse();
    }
}
