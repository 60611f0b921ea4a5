package dev.bench4j.core.internal.replay;

import dev.bench4j.core.FinishReason;
import dev.bench4j.core.Usage;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One recorded answer: for a model (config id or model name) and trial, optionally only for one
 * prompt and one repetition; a judge's verdict names the candidate model it grades.
 */
record Recording(String model, Optional<String> grades, String trial, Optional<String> prompt, OptionalInt repetition,
        String output,
        Usage usage, FinishReason finishReason, Optional<String> rawFinishReason, Optional<String> modelVersion, int line) {
}
