package dev.bench4j.langchain4j.internal;

import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Usage;
import dev.bench4j.core.spi.ModelResponse;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.OptionalLong;

/** LangChain4j {@link ChatResponse} → bench4j response. */
final class ResponseMapping {

    private ResponseMapping() {
    }

    static ModelResponse toModelResponse(ChatResponse response) {
        AiMessage ai = response.aiMessage();
        String text = ai == null || ai.text() == null ? "" : ai.text();
        dev.langchain4j.model.output.FinishReason raw = response.finishReason();
        ModelResponse out = ModelResponse.of(text, finishReason(raw), usage(response.tokenUsage()));
        if (raw != null) {
            out = out.withRawFinishReason(raw.name());
        }
        if (response.modelName() != null) {
            out = out.withModelVersion(response.modelName());
        }
        return out;
    }

    static FinishReason finishReason(dev.langchain4j.model.output.FinishReason raw) {
        if (raw == null) {
            return FinishReason.OTHER;
        }
        return switch (raw) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case TOOL_EXECUTION -> FinishReason.TOOL_CALLS;
            case CONTENT_FILTER -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /**
     * Input and output as reported, a count LangChain4j leaves null unknown. The total is kept only
     * when both are known: LangChain4j fills a missing total with the sum of the counts it has, so
     * with one of them missing its total would pass a part for the whole.
     */
    static Usage usage(TokenUsage u) {
        if (u == null) {
            return Usage.unknown();
        }
        OptionalLong in = count(u.inputTokenCount());
        OptionalLong out = count(u.outputTokenCount());
        OptionalLong total = OptionalLong.empty();
        if (in.isPresent() && out.isPresent()) {
            total = u.totalTokenCount() == null ? OptionalLong.of(in.getAsLong() + out.getAsLong())
                    : count(u.totalTokenCount());
        }
        return new Usage(in, out, OptionalLong.empty(), OptionalLong.empty(), total);
    }

    private static OptionalLong count(Integer n) {
        return n == null || n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    }
}
