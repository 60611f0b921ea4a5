package dev.bench4j.store.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bench4j.core.RunWarning;
import dev.bench4j.core.json.JsonFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code warnings} array of {@code run.json}: a finished run's health warnings, each
 * {@code {"code", "message", "models": [...], "count", "total"}} (see {@link RunWarning}).
 */
final class WarningsJson {

    /** The field's name in {@code run.json}. */
    static final String FIELD = "warnings";

    private static final List<String> FIELDS = List.of("code", "message", "models", "count", "total");

    private WarningsJson() {
    }

    /**
     * Encodes warnings.
     *
     * @param warnings the warnings
     * @return the array
     */
    static ArrayNode write(List<RunWarning> warnings) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (RunWarning w : warnings) {
            ObjectNode n = a.addObject();
            n.put("code", w.code());
            n.put("message", w.message());
            ArrayNode models = n.putArray("models");
            w.models().forEach(models::add);
            n.put("count", w.count());
            n.put("total", w.total());
        }
        return a;
    }

    /**
     * Reads the {@code warnings} array of a run file, if it has one.
     *
     * @param run the run file's fields
     * @return the warnings; empty when the field is absent or null (a run still running, or written
     *     by a version without the checks)
     * @throws RuntimeException made by the fields' failure function, naming the element and field,
     *     if the array or an element is not valid
     */
    static List<RunWarning> read(JsonFields run) {
        if (!run.has(FIELD)) {
            return List.of();
        }
        JsonNode array = run.array(FIELD);
        List<RunWarning> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String name = FIELD + "[" + i + "]";
            JsonFields w = run.nested(array.get(i), name).allowOnly(FIELDS);
            try {
                out.add(RunWarning.of(w.nonBlankString("code"), w.nonBlankString("message"), w.strings("models"),
                        w.count("count"), w.count("total")));
            } catch (IllegalArgumentException e) {
                throw run.refused(name, e);
            }
        }
        return out;
    }
}
