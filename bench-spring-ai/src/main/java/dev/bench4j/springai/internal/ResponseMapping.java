package dev.bench4j.springai.internal;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.CallException;
import dev.bench4j.core.spi.ModelResponse;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** Spring AI {@link ChatResponse} → bench4j response. */
final class ResponseMapping {

    private ResponseMapping() {
    }

    /**
     * The first generation's text, finish reason, the response's usage and model.
     *
     * @throws CallException {@code malformed_response} when there is no response or no generation
     *     (Spring AI's OpenAI model answers so when the body had no choices)
     */
    static ModelResponse toModelResponse(ChatResponse response) {
        Generation generation = response == null ? null : response.getResult();
        if (generation == null || generation.getOutput() == null) {
            throw new CallException(ErrorKind.MALFORMED_RESPONSE, "the Spring AI ChatModel answered without a generation");
        }
        String text = generation.getOutput().getText() == null ? "" : generation.getOutput().getText();
        ChatGenerationMetadata gm = generation.getMetadata();
        String raw = gm == null || gm.getFinishReason() == null ? "" : gm.getFinishReason().trim();
        ChatResponseMetadata meta = response.getMetadata();
        ModelResponse out = ModelResponse.of(text, finishReason(raw), meta == null ? Usage.unknown() : usage(meta.getUsage()));
        if (!raw.isEmpty()) {
            out = out.withRawFinishReason(raw);
        }
        if (meta != null && meta.getModel() != null && !meta.getModel().isBlank()) {
            out = out.withModelVersion(meta.getModel());
        }
        return out;
    }

    /**
     * Spring AI passes each model's own word through (OpenAI's enum name {@code STOP}, Anthropic's
     * and Bedrock's {@code end_turn}, Gemini's {@code MAX_TOKENS}, ...); the common ones are mapped,
     * case ignored, anything else is other.
     */
    static FinishReason finishReason(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "stop", "end_turn", "stop_sequence", "complete", "finish" -> FinishReason.STOP;
            case "length", "max_tokens", "model_length", "max_output_tokens" -> FinishReason.LENGTH;
            case "tool_calls", "tool_call", "tool_use", "function_call", "tool_execution" -> FinishReason.TOOL_CALLS;
            case "content_filter", "content_filtered", "safety", "recitation", "blocklist", "prohibited_content",
                    "spii", "guardrail_intervened" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /**
     * Spring AI writes 0 for a count a model did not report ({@code EmptyUsage}, and
     * {@code DefaultUsage} turns a missing count into 0), so: no usage or {@code EmptyUsage} is
     * unknown; an input count of 0 is unknown (a prompt has at least one token), and so is an output
     * count of 0 when the input is unknown too; a null count is unknown. The total is kept only when
     * input and output are both known ({@code getTotalTokens()} as reported, else their sum).
     */
    static Usage usage(org.springframework.ai.chat.metadata.Usage u) {
        if (u == null || u instanceof EmptyUsage) {
            return Usage.unknown();
        }
        OptionalLong in = count(u.getPromptTokens(), 1);
        OptionalLong out = count(u.getCompletionTokens(), in.isPresent() ? 0 : 1);
        OptionalLong total = OptionalLong.empty();
        if (in.isPresent() && out.isPresent()) {
            Integer reported = u.getTotalTokens();
            total = OptionalLong.of(reported == null ? in.getAsLong() + out.getAsLong() : reported);
        }
        return new Usage(in, out, OptionalLong.empty(), OptionalLong.empty(), total);
    }

    private static OptionalLong count(Integer n, int least) {
        return n == null || n < least ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
