package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.bench4j.core.Score;
import dev.bench4j.core.spi.ScoreRequest;
import dev.bench4j.core.spi.Scorer;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * 1.0 if the output's JSON (the whole output, a fenced block, or the one object or array in prose),
 * or the value at {@code pointer} in it, is valid against a JSON Schema; else 0.0 with the first
 * errors and their instance paths. The schema is checked against its metaschema and compiled once,
 * when the scorer is made; its draft is the one its {@code $schema} names, 2020-12 when it names none.
 */
final class JsonSchemaScorer implements Scorer {

    /** How many errors a reason lists. */
    static final int SHOWN_ERRORS = 3;

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .build();

    private final String name;
    private final JsonNode schemaNode;
    private final String pointer;
    private final JsonSchema schema;

    /**
     * Checks and compiles a schema.
     *
     * @param name the scorer's name
     * @param schemaNode the schema: a JSON object or boolean
     * @param pointer a JSON Pointer into the output's JSON, {@code ""} for all of it
     * @throws IllegalArgumentException if the name is blank, the pointer is not a JSON Pointer, the
     *     schema names a draft the validator does not know, or is not valid against its metaschema
     *     (the message lists the first problems)
     */
    JsonSchemaScorer(String name, JsonNode schemaNode, String pointer) {
        Names.check(name);
        this.name = name;
        this.schemaNode = Objects.requireNonNull(schemaNode, "schemaNode");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new IllegalArgumentException("pointer must be a JSON Pointer (\"\" or starting with \"/\") but was \""
                    + pointer + "\"");
        }
        this.schema = compile(schemaNode);
    }

    private static JsonSchema compile(JsonNode schemaNode) {
        if (!schemaNode.isObject() && !schemaNode.isBoolean()) {
            throw new IllegalArgumentException("schema must be a JSON object or boolean but was " + Json.kind(schemaNode));
        }
        VersionFlag draft;
        try {
            draft = SpecVersionDetector.detectOptionalVersion(schemaNode, true).orElse(VersionFlag.V202012);
        } catch (JsonSchemaException e) {
            throw new IllegalArgumentException("schema's $schema " + schemaNode.get("$schema")
                    + " names no JSON Schema draft this validator knows; use "
                    + "https://json-schema.org/draft/2020-12/schema or http://json-schema.org/draft-07/schema#", e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(draft);
        try {
            JsonSchema metaschema = factory.getSchema(SchemaLocation.of(draft.getId()), CONFIG);
            Collection<ValidationMessage> problems = metaschema.validate(schemaNode);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("schema is not a valid JSON Schema (" + draft.getId() + "): "
                        + describe("", problems));
            }
            JsonSchema compiled = factory.getSchema(schemaNode, CONFIG);
            compiled.initializeValidators();
            return compiled;
        } catch (JsonSchemaException e) {
            throw new IllegalArgumentException("schema is not a valid JSON Schema: " + e.getMessage(), e);
        }
    }

    /**
     * Lists the first errors, each with its instance path (a JSON Pointer into the value that
     * {@code root} points at, {@code ""} for all of it), and how many more.
     */
    private static String describe(String root, Collection<ValidationMessage> errors) {
        String shown = errors.stream().limit(SHOWN_ERRORS)
                .map(m -> "at \"" + root + m.getInstanceLocation() + "\": " + m.getError())
                .collect(Collectors.joining("; "));
        int more = errors.size() - SHOWN_ERRORS;
        return shown + (more > 0 ? "; and " + more + " more" : "");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletionStage<Score> score(ScoreRequest request) {
        return CompletableFuture.completedFuture(check(request.output()));
    }

    private Score check(String output) {
        JsonNode json;
        try {
            json = Json.parseEmbedded(output);
        } catch (Unscorable e) {
            return Score.pass(false).withReason(e.getMessage());
        }
        JsonNode value = json.at(pointer);
        if (value.isMissingNode()) {
            return Score.pass(false).withReason("output has nothing at pointer \"" + pointer + "\"");
        }
        Collection<ValidationMessage> errors = schema.validate(value);
        if (errors.isEmpty()) {
            return Score.pass(true);
        }
        return Score.pass(false).withReason(errors.size() + (errors.size() == 1 ? " schema error: " : " schema errors: ")
                + describe(pointer, errors));
    }

    @Override
    public Map<String, Object> settings() {
        return ScorerSettings.of("json_schema").put("schema_json", Json.text(schemaNode)).put("pointer", pointer).map();
    }
}
