package dev.bench4j.core.internal.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.CellId;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Usage;
import dev.bench4j.core.internal.Jackson;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.UsageJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A JSON Lines file of recorded answers, one per line:
 * {@code {"model": "gpt-4o-mini", "trial": "t1", "prompt": "v1", "repetition": 0, "output": "...",
 * "usage": {"input_tokens": 120, "output_tokens": 8}, "finish_reason": "stop", "model_version": "..."}};
 * {@code prompt}, {@code repetition}, {@code usage}, {@code finish_reason} and {@code model_version}
 * are optional. A record without {@code prompt} (or {@code repetition}) answers for every prompt
 * (or repetition); a record that names them wins over one that does not. A judge's recorded verdict
 * names the config id of the candidate model whose answer it grades in {@code grades}: it answers only
 * that judge's calls grading that model's cell, and a record without {@code grades} answers only
 * candidates' calls.
 */
final class Recordings {

    private static final Set<String> FIELDS = Set.of("model", "grades", "trial", "prompt", "repetition", "output",
            "usage", "finish_reason", "model_version");

    private final Map<String, List<Recording>> byModelAndTrial;

    private Recordings(Map<String, List<Recording>> byModelAndTrial) {
        this.byModelAndTrial = byModelAndTrial;
    }

    /**
     * Reads a recordings file.
     *
     * @param file the file
     * @return the recordings
     * @throws IllegalArgumentException naming the file and line if it cannot be read or a line is invalid
     */
    static Recordings read(Path file) {
        Map<String, List<Recording>> index = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Recording r = parse(file, line, number);
                index.computeIfAbsent(key(r.model(), r.trial()), k -> new ArrayList<>()).add(r);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("recordings file " + file + " not found");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read recordings file " + file + ": " + e.getMessage());
        }
        return new Recordings(index);
    }

    private static Recording parse(Path file, String line, int number) {
        String where = file.getFileName() + " line " + number;
        JsonNode n;
        try {
            n = Jackson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object but found " + n.getNodeType().name().toLowerCase());
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException(where + ": unknown field '" + f + "'; a recording has "
                        + "model, grades, trial, prompt, repetition, output, usage, finish_reason, model_version");
            }
        }
        String model = text(n, "model", where, true).orElseThrow();
        String trial = n.path("trial").isIntegralNumber() ? n.get("trial").asText() : text(n, "trial", where, true).orElseThrow();
        Optional<String> prompt = text(n, "prompt", where, false);
        OptionalInt repetition = OptionalInt.empty();
        if (n.has("repetition")) {
            if (!n.get("repetition").canConvertToInt() || n.get("repetition").intValue() < 0) {
                throw new IllegalArgumentException(where + ": field 'repetition' must be an integer >= 0 but was " + n.get("repetition"));
            }
            repetition = OptionalInt.of(n.get("repetition").intValue());
        }
        String output = text(n, "output", where, true).orElseThrow();
        Optional<String> finish = text(n, "finish_reason", where, false);
        return new Recording(model, text(n, "grades", where, false), trial, prompt, repetition, output, usage(n, where),
                finish.map(FinishReason::fromWireName).orElse(FinishReason.STOP), finish,
                text(n, "model_version", where, false), number);
    }

    private static Optional<String> text(JsonNode n, String field, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
            }
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a string but was " + v);
        }
        return Optional.of(v.textValue());
    }

    /** The line's usage in the one usage format, unknown fields refused; a total left out is input + output. */
    private static Usage usage(JsonNode line, String where) {
        Usage u = JsonFields.of(line, where, IllegalArgumentException::new).optObject("usage")
                .map(f -> UsageJson.read(f.allowOnly(UsageJson.FIELDS))).orElse(Usage.unknown());
        if (u.totalTokens().isEmpty() && u.inputTokens().isPresent() && u.outputTokens().isPresent()) {
            return u.withTotalTokens(u.inputTokens().getAsLong() + u.outputTokens().getAsLong());
        }
        return u;
    }

    private static String key(String model, String trial) {
        return model + "\u0000" + trial;
    }

    /**
     * Finds the recording for a call: by config id, else by model name; the most specific match
     * wins. A judge's call (one that grades a cell) matches only verdicts for the graded cell's model,
     * prompt, trial and repetition; a candidate's call only records without {@code grades}.
     *
     * @param config the model config
     * @param cell the cell the call serves
     * @param grades the cell a judge's call grades, if it is one
     * @return the recording, or empty if none matches
     */
    Optional<Recording> find(ModelConfig config, CellId cell, Optional<CellId> grades) {
        CellId lookup = grades.orElse(cell);
        Optional<String> graded = grades.map(CellId::model);
        Optional<Recording> r = find(config.id(), lookup, graded);
        return r.isPresent() || config.id().equals(config.model()) ? r : find(config.model(), lookup, graded);
    }

    private Optional<Recording> find(String model, CellId cell, Optional<String> graded) {
        List<Recording> candidates = byModelAndTrial.get(key(model, cell.trial()));
        if (candidates == null) {
            return Optional.empty();
        }
        return candidates.stream()
                .filter(r -> r.grades().equals(graded))
                .filter(r -> r.prompt().map(cell.prompt()::equals).orElse(true))
                .filter(r -> r.repetition().isEmpty() || r.repetition().getAsInt() == cell.repetition())
                .max(Comparator.comparingInt((Recording r) -> (r.prompt().isPresent() ? 2 : 0) + (r.repetition().isPresent() ? 1 : 0))
                        .thenComparingInt(r -> -r.line()));
    }
}
