package dev.bench4j.core.internal.echo;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Message;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelProvider;
import dev.bench4j.core.spi.ModelRequest;
import dev.bench4j.core.spi.ModelResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Answers with the rendered last user message; see {@link EchoProviderFactory}. */
final class EchoProvider implements ModelProvider {

    private final ScheduledExecutorService scheduler;
    private final Map<String, EchoSettings> settings = new ConcurrentHashMap<>();

    EchoProvider(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public CompletionStage<ModelResponse> call(ModelRequest request) {
        EchoSettings s = settings.computeIfAbsent(request.config().id(), id -> EchoSettings.of(request.config()));
        CallException failure = failure(request, s);
        if (s.latencyMillis() == 0) {
            return failure == null ? CompletableFuture.completedFuture(answer(request))
                    : CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<ModelResponse> out = new CompletableFuture<>();
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (failure == null) {
                out.complete(answer(request));
            } else {
                out.completeExceptionally(failure);
            }
        }, s.latencyMillis(), TimeUnit.MILLISECONDS);
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) {
                timer.cancel(false);
            }
        });
        return out;
    }

    private static ModelResponse answer(ModelRequest request) {
        List<Message> messages = request.messages();
        String text = messages.get(messages.size() - 1).content();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Message.Role.USER) {
                text = messages.get(i).content();
                break;
            }
        }
        long input = 0;
        for (Message m : messages) {
            input += Math.max(1, tokens(m.content()));
        }
        FinishReason finish = FinishReason.STOP;
        OptionalInt max = request.config().parameters().maxOutputTokens();
        if (max.isPresent() && tokens(text) > max.getAsInt()) {
            text = text.substring(0, max.getAsInt() * 4);
            finish = FinishReason.LENGTH;
        }
        return ModelResponse.of(text, finish, Usage.of(input, tokens(text)))
                .withRawFinishReason(finish == FinishReason.STOP ? "stop" : "length")
                .withModelVersion(request.config().model());
    }

    /** About one token per four characters, as a rule of thumb for English text. */
    private static long tokens(String s) {
        return (s.length() + 3) / 4;
    }

    private static CallException failure(ModelRequest request, EchoSettings s) {
        boolean fail = request.attempt() <= s.failAttempts()
                || s.failureRate() > 0 && unitHash(request.cell() + "#" + request.attempt()) < s.failureRate();
        if (!fail) {
            return null;
        }
        ErrorKind kind = s.failureKind();
        OptionalInt status = switch (kind) {
            case RATE_LIMITED -> OptionalInt.of(429);
            case SERVER -> OptionalInt.of(500);
            case BAD_REQUEST -> OptionalInt.of(400);
            case AUTH -> OptionalInt.of(401);
            default -> OptionalInt.empty();
        };
        Optional<Duration> retryAfter = kind == ErrorKind.RATE_LIMITED && s.retryAfterMillis() > 0
                ? Optional.of(Duration.ofMillis(s.retryAfterMillis())) : Optional.empty();
        return new CallException(kind, "echo: injected " + kind.wireName() + " failure on attempt " + request.attempt(),
                status, retryAfter, null);
    }

    /** A deterministic number in [0, 1) from a string (SplitMix64 finalizer over its hash). */
    private static double unitHash(String s) {
        long z = s.hashCode() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
