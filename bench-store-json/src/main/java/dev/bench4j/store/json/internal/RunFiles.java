package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.Environment;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Subset;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Provenance;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.Summary;
import dev.bench4j.core.json.JsonFields;
import dev.bench4j.core.json.JsonValues;
import dev.bench4j.core.json.ModelConfigJson;
import dev.bench4j.core.json.PromptJson;
import dev.bench4j.core.json.ProvenanceJson;
import dev.bench4j.store.json.InvalidRunFileException;
import dev.bench4j.store.json.RunMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes a run's {@code run.json} ({@code "schema": "bench4j.run/1"}) and reads it back.
 *
 * <p>Fields: {@code schema}, {@code run_id}, {@code name}, {@code status}, {@code status_reason},
 * {@code started_at}, {@code ended_at}, {@code duration_seconds}, {@code plan} (prompts in the
 * {@code prompt.json} format of {@link PromptJson}, models in the {@code model.json} format of
 * {@link ModelConfigJson}, without secrets,
 * {@code trial_count}, {@code trials_fingerprint}, {@code repetitions}, {@code concurrency},
 * {@code scorers}), {@code environment}, {@code provenance} (see {@link ProvenanceJson}; left out when
 * nothing is known), {@code summary} (see {@link SummaryJson}) and, once the run
 * has ended, {@code warnings} (see {@link WarningsJson}; absent while it runs and in files of older versions).
 */
public final class RunFiles {

    /** The file name of a run's metadata. */
    public static final String NAME = "run.json";
    /** The schema this version writes and reads. */
    public static final String SCHEMA = "bench4j.run/1";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectWriter PRETTY = Jackson.MAPPER.writerWithDefaultPrettyPrinter();
    /** A repeated key or anything after the value is an error, never silently resolved. */
    static final ObjectReader STRICT = Jackson.MAPPER.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RunFiles() {
    }

    /**
     * Encodes a run's metadata as the content of {@code run.json}.
     *
     * @param info the run
     * @param status its status
     * @param reason why it failed or was cancelled
     * @param endedAt when it ended
     * @param summary its summary so far
     * @return UTF-8 JSON, pretty-printed, ending with a line end
     */
    public static byte[] encode(RunInfo info, RunStatus status, Optional<String> reason, Optional<Instant> endedAt,
            Optional<Summary> summary) {
        return encode(info, status, reason, endedAt, summary, Optional.empty());
    }

    /**
     * Encodes a run's metadata as the content of {@code run.json}, with the health warnings of a
     * finished run.
     *
     * @param info the run
     * @param status its status
     * @param reason why it failed or was cancelled
     * @param endedAt when it ended
     * @param summary its summary so far
     * @param warnings the finished run's warnings (written as {@code warnings}, an empty array for
     *     none); empty while it runs (no field)
     * @return UTF-8 JSON, pretty-printed, ending with a line end
     */
    public static byte[] encode(RunInfo info, RunStatus status, Optional<String> reason, Optional<Instant> endedAt,
            Optional<Summary> summary, Optional<List<RunWarning>> warnings) {
        ObjectNode n = F.objectNode();
        n.put("schema", SCHEMA);
        n.put("run_id", info.id());
        n.put("name", info.name());
        n.put("status", status.wireName());
        text(n, "status_reason", reason);
        n.put("started_at", info.startedAt().toString());
        text(n, "ended_at", endedAt.map(Instant::toString));
        if (endedAt.isPresent()) {
            n.put("duration_seconds", Duration.between(info.startedAt(), endedAt.get()).toNanos() / 1e9);
        } else {
            n.putNull("duration_seconds");
        }
        n.set("plan", plan(info.plan()));
        n.set("environment", environment(info.environment()));
        if (!info.provenance().equals(Provenance.none())) {
            n.set("provenance", ProvenanceJson.toNode(info.provenance()));
        }
        n.set("summary", summary.<JsonNode>map(SummaryJson::write).orElseGet(F::nullNode));
        warnings.ifPresent(w -> n.set(WarningsJson.FIELD, WarningsJson.write(w)));
        try {
            byte[] json = PRETTY.writeValueAsBytes(n);
            byte[] out = Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write run.json of " + info.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void text(ObjectNode n, String name, Optional<String> v) {
        if (v.isPresent()) {
            n.put(name, v.get());
        } else {
            n.putNull(name);
        }
    }

    private static ObjectNode plan(PlanSnapshot p) {
        ObjectNode n = F.objectNode();
        ArrayNode prompts = n.putArray("prompts");
        for (Prompt prompt : p.prompts()) {
            prompts.add(PromptJson.toNode(prompt));
        }
        ArrayNode models = n.putArray("models");
        for (ModelConfig m : p.models()) {
            models.add(ModelConfigJson.toNode(m));
        }
        n.put("trial_count", p.trialCount());
        n.put("trials_fingerprint", p.trialsFingerprint());
        n.put("repetitions", p.repetitions());
        n.put("concurrency", p.concurrency());
        ArrayNode scorers = n.putArray("scorers");
        p.scorers().forEach(scorers::add);
        if (!p.scorerModels().isEmpty()) {
            ArrayNode judges = n.putArray("scorer_models");
            for (ModelConfig m : p.scorerModels()) {
                judges.add(ModelConfigJson.toNode(m));
            }
        }
        if (!p.scorerSettings().isEmpty()) {
            n.set("scorer_settings", JsonValues.toNode(p.scorerSettings()));
        }
        p.subset().ifPresent(sub -> n.set("subset", subset(sub)));
        return n;
    }

    /** The part of the plan a run ran: its selectors and the whole plan's counts. */
    private static ObjectNode subset(PlanSnapshot.SubsetOf sub) {
        ObjectNode n = F.objectNode();
        Subset s = sub.selectors();
        s.prompts().forEach(n.putArray("prompts")::add);
        s.models().forEach(n.putArray("models")::add);
        s.trials().forEach(n.putArray("trials")::add);
        s.firstTrials().ifPresent(first -> n.put("first_trials", first));
        s.sample().ifPresent(sample -> {
            ObjectNode o = n.putObject("sample");
            o.put("trials", sample.trials());
            o.put("seed", sample.seed());
        });
        n.put("plan_prompts", sub.planPrompts());
        n.put("plan_models", sub.planModels());
        n.put("plan_trials", sub.planTrials());
        return n;
    }

    private static Optional<PlanSnapshot.SubsetOf> subset(JsonFields p) {
        if (!p.has("subset")) {
            return Optional.empty();
        }
        JsonFields f = p.object("subset");
        try {
            Optional<Subset.Sample> sample = f.optObject("sample")
                    .map(o -> new Subset.Sample(o.intCount("trials"),
                            o.optLong("seed").orElseThrow(() -> o.missing("seed", "a whole number"))));
            Subset s = new Subset(f.strings("prompts"), f.strings("models"), f.strings("trials"),
                    f.optInt("first_trials").map(OptionalInt::of).orElse(OptionalInt.empty()), sample);
            return Optional.of(new PlanSnapshot.SubsetOf(s, f.intCount("plan_prompts"), f.intCount("plan_models"),
                    f.intCount("plan_trials")));
        } catch (IllegalArgumentException e) {
            throw p.problem("subset", "is not a valid subset: " + e.getMessage());
        }
    }

    private static ObjectNode environment(Environment e) {
        ObjectNode n = F.objectNode();
        n.put("bench4j", e.bench4jVersion());
        n.put("java", e.javaVersion());
        n.put("java_vendor", e.javaVendor());
        n.put("os", e.os());
        n.put("arch", e.arch());
        n.put("processors", e.processors());
        return n;
    }

    // ---- reading --------------------------------------------------------------------------------

    /**
     * Tells whether a run folder holds a {@code run.json}.
     *
     * @param folder the run's folder
     * @return whether the file exists
     */
    public static boolean exists(Path folder) {
        return Files.isRegularFile(folder.resolve(NAME));
    }

    /**
     * Reads a run's {@code run.json}.
     *
     * @param folder the run's folder, named by its id
     * @return the metadata
     * @throws InvalidRunFileException naming the file and the field if the file is missing,
     *     unreadable, not JSON, of another schema, or lacks a field
     */
    public static RunMetadata read(Path folder) {
        Path file = folder.resolve(NAME);
        return parse(JsonFields.of(readTree(file), file.toString(), InvalidRunFileException::new), folder);
    }

    /**
     * Reads the content of a {@code run.json}, e.g. the {@code run} object of a run export.
     *
     * @param f the object's fields
     * @param folder the run's folder, named by its id
     * @return the metadata
     * @throws InvalidRunFileException naming the file and the field if the object is of another
     *     schema, lacks a field, or its {@code run_id} is not the folder's name
     */
    static RunMetadata parse(JsonFields f, Path folder) {
        String where = f.where();
        String schema = f.optString("schema").orElseThrow(() -> new InvalidRunFileException(where
                + ": missing field '" + f.path("schema") + "'; expected \"" + SCHEMA + "\" (is this a bench4j run file?)"));
        if (!schema.equals(SCHEMA)) {
            throw f.problem("schema", "must be \"" + SCHEMA + "\" but was \"" + schema + "\""
                    + (schema.startsWith("bench4j.run/") ? "; this file was written by another bench4j version" : ""));
        }
        String id = f.string("run_id");
        String folderName = folder.getFileName().toString();
        if (!id.equals(folderName)) {
            throw f.problem("run_id", "is \"" + id + "\" but the run's folder is named \"" + folderName
                    + "\"; a run's folder must be named by its id");
        }
        String name = f.string("name");
        RunStatus status;
        try {
            status = RunStatus.fromWireName(f.string("status"));
        } catch (IllegalArgumentException e) {
            throw f.problem("status", e.getMessage().replace("status must", "must"));
        }
        Optional<String> reason = f.optString("status_reason");
        Instant startedAt = f.instant("started_at");
        Optional<Instant> endedAt = f.optInstant("ended_at");
        PlanSnapshot plan = plan(f.object("plan"), name);
        Environment environment = environment(f.object("environment"));
        Provenance provenance = f.optObject("provenance").map(ProvenanceJson::read).orElse(Provenance.none());
        Optional<Summary> summary = f.optObject("summary").map(s -> {
            try {
                return SummaryJson.read(s);
            } catch (IllegalArgumentException e) {
                throw f.problem("summary", "is not a valid summary: " + e.getMessage());
            }
        });
        List<RunWarning> warnings = WarningsJson.read(f);
        return new RunMetadata(new RunInfo(id, name, startedAt, plan, environment, provenance), status, reason, endedAt,
                summary, folder, warnings);
    }

    private static PlanSnapshot plan(JsonFields p, String name) {
        JsonNode promptArray = p.array("prompts");
        List<Prompt> prompts = new ArrayList<>(promptArray.size());
        for (int i = 0; i < promptArray.size(); i++) {
            prompts.add(PromptJson.read(entry(promptArray.get(i), p, "prompts", i)));
        }
        List<ModelConfig> models = models(p, p.array("models"), "models");
        List<ModelConfig> judges = p.node().has("scorer_models")
                ? models(p, p.array("scorer_models"), "scorer_models") : List.of();
        int trialCount = p.intCount("trial_count");
        String fingerprint = p.string("trials_fingerprint");
        int repetitions = p.intCount("repetitions");
        int concurrency = p.intCount("concurrency");
        List<String> scorers = p.strings("scorers");
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        if (p.node().has("scorer_settings")) {
            JsonFields all = p.object("scorer_settings");
            all.node().fieldNames().forEachRemaining(scorer -> {
                JsonFields one = all.object(scorer);
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) JsonValues.fromNode(one.node());
                settings.put(scorer, values);
            });
        }
        return new PlanSnapshot(name, prompts, models, trialCount, fingerprint, repetitions, concurrency, scorers, judges,
                settings, subset(p));
    }

    private static List<ModelConfig> models(JsonFields p, JsonNode array, String field) {
        List<ModelConfig> models = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            models.add(ModelConfigJson.read(entry(array.get(i), p, field, i)));
        }
        return models;
    }

    /** An element of an array of the plan, whose messages name it in front: {@code run.json: plan.models[0]: ...}. */
    private static JsonFields entry(JsonNode element, JsonFields plan, String array, int i) {
        return JsonFields.of(element, plan.where() + ": " + plan.path(array) + "[" + i + "]", InvalidRunFileException::new);
    }

    private static Environment environment(JsonFields e) {
        return new Environment(e.string("bench4j"), e.string("java"), e.optString("java_vendor").orElse("unknown"),
                e.string("os"), e.optString("arch").orElse("unknown"),
                e.get("processors").isPresent() ? e.intCount("processors") : 0);
    }

    /**
     * Reads a store file holding one JSON value, strictly (a repeated key or trailing content is an error).
     *
     * @param file the file
     * @return the value
     * @throws InvalidRunFileException naming the file, and the line and column of malformed JSON
     */
    static JsonNode readTree(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidRunFileException(file + ": file not found", e);
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new InvalidRunFileException(file + ": the file is empty");
        }
        try {
            JsonNode node = STRICT.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRunFileException(file + ": the file holds no JSON value");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String msg = e.getOriginalMessage().startsWith("Trailing token") ? "unexpected content after the end of the JSON value"
                    : e.getOriginalMessage();
            throw new InvalidRunFileException(file + ": " + place + "invalid JSON: " + msg, e);
        } catch (IOException e) {
            throw new InvalidRunFileException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
