package dev.bench4j.scoring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.spi.Scorer;
import dev.bench4j.core.spi.ScorerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Makes scorers of type {@code json_schema}: 1.0 if the output's JSON, or the value at a JSON
 * Pointer in it, is valid against a JSON Schema ({@code Scorers.jsonSchema}). Options: {@code name}
 * (default {@code json_schema}); {@code schema}, the schema inline (a JSON object or boolean) or the
 * path of a JSON file holding it, relative to the plan file's folder; or instead {@code schema_json},
 * the schema as JSON text (what the scorer's settings report); and {@code pointer} (default
 * {@code ""}, the whole JSON).
 */
public final class JsonSchemaScorerFactory implements ScorerFactory {

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public JsonSchemaScorerFactory() {
    }

    /**
     * Returns {@code json_schema}.
     *
     * @return the type
     */
    @Override
    public String type() {
        return "json_schema";
    }

    /**
     * Creates a scorer from options, resolving a schema file against the working directory.
     *
     * @param options the options, without {@code type}
     * @return the scorer
     * @throws NullPointerException if {@code options} is {@code null}
     * @throws IllegalArgumentException if an option is unknown, missing or of the wrong type, the
     *     schema file cannot be read or is not JSON, or the schema is not a valid JSON Schema (the
     *     message names the option and what is wrong)
     */
    @Override
    public Scorer create(Map<String, Object> options) {
        return create(options, Path.of(""));
    }

    /**
     * Creates a scorer from plan-file options, resolving a schema file against the plan's folder.
     *
     * @param options the options, without {@code type}
     * @param baseDirectory the folder a relative schema path resolves against
     * @return the scorer
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException as {@link #create(Map)}
     */
    @Override
    public Scorer create(Map<String, Object> options, Path baseDirectory) {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        ScorerOptions o = ScorerOptions.read(type(), options, ScorerOptions.JSON_SCHEMA_KEYS);
        if (options.containsKey("schema") == options.containsKey("schema_json")) {
            throw new IllegalArgumentException(type() + " scorer needs exactly one of options 'schema' (the schema, or "
                    + "the path of a JSON file holding it) and 'schema_json' (the schema as JSON text)");
        }
        JsonNode schema;
        String where;
        if (options.containsKey("schema_json")) {
            where = "option 'schema_json'";
            schema = parse(o.text("schema_json", ""), where);
        } else if (o.raw("schema").orElse(null) instanceof String path) {
            Path file = file(baseDirectory, path, o);
            where = "schema file " + file;
            schema = parse(read(file), where);
        } else {
            where = "option 'schema'";
            schema = Json.tree(o.raw("schema").orElse(null));
            if (!schema.isObject() && !schema.isBoolean()) {
                throw o.wrong("schema", "a JSON Schema (an object or boolean) or the path of a JSON file holding one");
            }
        }
        try {
            return new JsonSchemaScorer(o.name(), schema, o.pointer("pointer").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(type() + " scorer " + where + ": " + e.getMessage(), e);
        }
    }

    private Path file(Path base, String path, ScorerOptions o) {
        if (path.isBlank()) {
            throw o.wrong("schema", "a JSON Schema or the path of a JSON file holding one");
        }
        try {
            return base.resolve(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw o.wrong("schema", "a JSON Schema or the path of a JSON file holding one");
        }
    }

    private String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(type() + " scorer cannot read schema file " + file + ": " + e, e);
        }
    }

    private JsonNode parse(String text, String where) {
        try {
            return Json.parseStrict(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type() + " scorer " + where + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
