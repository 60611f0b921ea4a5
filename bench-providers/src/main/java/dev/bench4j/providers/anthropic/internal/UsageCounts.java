package dev.bench4j.providers.anthropic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.Usage;
import dev.bench4j.providers.internal.http.Json;
import java.util.OptionalLong;

/**
 * Collects the token counts of one answer from one or more Anthropic {@code usage} objects (a whole
 * answer has one; a stream has one in {@code message_start} and cumulative ones in each
 * {@code message_delta}), a later value replacing an earlier one, and turns them into bench4j's
 * {@link Usage}: input tokens are {@code input_tokens + cache_creation_input_tokens +
 * cache_read_input_tokens}, cached input tokens are {@code cache_read_input_tokens}, output tokens
 * are {@code output_tokens} (thinking included, as Anthropic bills it) and reasoning tokens are
 * {@code output_tokens_details.thinking_tokens} when the API reports them. The cache-write count is
 * also kept apart ({@link #cacheCreation()}), for the result's metrics.
 */
final class UsageCounts {
    private OptionalLong input = OptionalLong.empty();
    private OptionalLong cacheCreation = OptionalLong.empty();
    private OptionalLong cacheRead = OptionalLong.empty();
    private OptionalLong output = OptionalLong.empty();
    private OptionalLong thinking = OptionalLong.empty();

    /**
     * Takes the counts a {@code usage} object gives, keeping earlier values for the fields it lacks.
     *
     * @param usage the object
     * @param withOutput whether its output counts are final ({@code message_start} only has a
     *     placeholder)
     * @return this
     */
    UsageCounts add(JsonNode usage, boolean withOutput) {
        input = or(Json.optLong(usage, "input_tokens"), input);
        cacheCreation = or(Json.optLong(usage, "cache_creation_input_tokens"), cacheCreation);
        cacheRead = or(Json.optLong(usage, "cache_read_input_tokens"), cacheRead);
        if (withOutput) {
            output = or(Json.optLong(usage, "output_tokens"), output);
            thinking = or(Json.optLong(usage.path("output_tokens_details"), "thinking_tokens"), thinking);
        }
        return this;
    }

    private static OptionalLong or(OptionalLong newer, OptionalLong older) {
        return newer.isPresent() ? newer : older;
    }

    /**
     * Returns the counts as a {@link Usage}; a count the API did not report stays unknown.
     *
     * @return the usage, with total = input + output when both are known
     */
    Usage toUsage() {
        Usage u = Usage.unknown();
        if (input.isPresent()) {
            u = u.withInputTokens(input.getAsLong() + cacheCreation.orElse(0) + cacheRead.orElse(0));
        }
        if (output.isPresent()) {
            u = u.withOutputTokens(output.getAsLong());
        }
        if (cacheRead.isPresent()) {
            u = u.withCachedInputTokens(cacheRead.getAsLong());
        }
        if (thinking.isPresent()) {
            u = u.withReasoningTokens(thinking.getAsLong());
        }
        return u;
    }

    /**
     * Returns the cache-write tokens, which {@link Usage} counts as plain input: Anthropic bills them
     * at 1.25 or 2 times the input price, so they are kept apart as a metric.
     *
     * @return {@code cache_creation_input_tokens}, or empty when not reported
     */
    OptionalLong cacheCreation() {
        return cacheCreation;
    }
}
