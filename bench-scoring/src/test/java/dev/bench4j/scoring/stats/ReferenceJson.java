package dev.bench4j.scoring.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/** Reads the reference values the Python scripts in the test resources wrote. */
final class ReferenceJson {

    private ReferenceJson() {
    }

    /** Reads a JSON resource, e.g. {@code /stats/reference.json}. */
    static JsonNode load(String resource) {
        try (InputStream in = ReferenceJson.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON array of numbers as doubles. */
    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    /** The cases of a section (a JSON array). */
    static Stream<JsonNode> cases(JsonNode section) {
        return StreamSupport.stream(section.spliterator(), false);
    }

    /** One dynamic test per case of a section, named by {@code name}. */
    static Stream<DynamicTest> tests(JsonNode section, Function<JsonNode, String> name, ThrowingConsumer<JsonNode> check) {
        return DynamicTest.stream(cases(section), name, check);
    }

    /** One dynamic test per case of a section, named by the case's {@code name}. */
    static Stream<DynamicTest> tests(JsonNode section, ThrowingConsumer<JsonNode> check) {
        return tests(section, c -> c.get("name").asText(), check);
    }
}
