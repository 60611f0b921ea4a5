package dev.bench4j.core.internal.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.Price;
import dev.bench4j.core.PriceTable;
import dev.bench4j.core.json.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads price tables: {@code {"schema": "bench4j.prices/1", "as_of": "2025-11-01", "source": "...",
 * "prices": [{"provider": "openai", "model": "gpt-4o-mini", "input": 0.15, "output": 0.60,
 * "cached_input": 0.075}]}}, prices in USD per one million tokens.
 */
public final class PriceTableFiles {

    /** The only schema this reader knows. */
    static final String SCHEMA = "bench4j.prices/1";

    private static final String BUNDLED = "/dev/bench4j/core/prices.json";
    private static final List<String> FIELDS = List.of("schema", "as_of", "source", "prices");
    private static final List<String> ENTRY_FIELDS = List.of("provider", "model", "input", "output", "cached_input");

    /** The bundled table once read; see {@link #bundled()}. */
    private static volatile PriceTable bundled;

    private PriceTableFiles() {
    }

    /**
     * Reads a price table from a JSON file.
     *
     * @param file the file
     * @return the table
     * @throws NullPointerException if {@code file} is {@code null}
     * @throws InvalidPlanException if the file cannot be read or is not a valid table; the message
     *     names the file and the entry
     */
    public static PriceTable read(Path file) {
        Objects.requireNonNull(file, "file");
        return fromNode(JsonFiles.readTree(file), file.toString());
    }

    /**
     * Returns the table bundled in bench-core ({@code dev/bench4j/core/prices.json}), read on first
     * use and then kept (the table is immutable).
     *
     * @return the bundled table
     * @throws IllegalStateException if the bundled file is missing or broken (a packaging error)
     */
    public static PriceTable bundled() {
        PriceTable table = bundled;
        if (table == null) {
            // Two threads may both read the file the first time; both get equal tables, and one is kept.
            table = loadBundled();
            bundled = table;
        }
        return table;
    }

    private static PriceTable loadBundled() {
        String where = "bundled " + BUNDLED;
        try (InputStream in = PriceTableFiles.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(where + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return fromNode(JsonFiles.parse(text, where, 1), where);
        } catch (IOException e) {
            throw new IllegalStateException(where + " cannot be read", e);
        } catch (InvalidPlanException e) {
            throw new IllegalStateException("the " + e.getMessage(), e);
        }
    }

    /**
     * Reads a price table from an already parsed JSON object.
     *
     * @param node the table object
     * @param where what every message starts with
     * @return the table
     * @throws InvalidPlanException if the node is not a valid table
     */
    static PriceTable fromNode(JsonNode node, String where) {
        JsonFields f = JsonFields.of(node, where, InvalidPlanException::new).allowOnly(FIELDS);
        String schema = f.nonBlankString("schema");
        if (!schema.equals(SCHEMA)) {
            throw f.problem("schema", "must be \"" + SCHEMA + "\" but was " + JsonFields.describe(node.get("schema")));
        }
        String asOf = f.nonBlankString("as_of");
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw f.problem("as_of", "must be a date like \"2025-11-01\" but was " + JsonFields.describe(node.get("as_of")));
        }
        f.optString("source");
        JsonNode entries = f.array("prices");
        Map<String, Map<String, Price>> prices = new LinkedHashMap<>();
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = "prices[" + i + "]";
            JsonFields e = f.nested(entries.get(i), name).allowOnly(ENTRY_FIELDS);
            String provider = e.nonBlankString("provider").toLowerCase(Locale.ROOT);
            String model = e.nonBlankString("model");
            String earlier = firstAt.putIfAbsent(provider + "\n" + model, name);
            if (earlier != null) {
                throw new InvalidPlanException(where + ": " + name + " repeats provider '" + provider + "' model '"
                        + model + "', already priced at " + earlier);
            }
            prices.computeIfAbsent(provider, p -> new LinkedHashMap<>()).put(model, price(e));
        }
        return new PriceTable(date, prices);
    }

    /**
     * Reads a price object's {@code input}, {@code output} and optional {@code cached_input}, in USD per 1M tokens.
     *
     * @param e the price object's fields (a model config's {@code price}, a table's entry)
     * @return the price
     * @throws RuntimeException made by the fields' failure function if a price is missing, not a
     *     number or negative
     */
    public static Price price(JsonFields e) {
        double input = nonNegative(e, "input").orElseThrow(() -> e.missing("input", " (USD per 1M input tokens)"));
        double output = nonNegative(e, "output").orElseThrow(() -> e.missing("output", " (USD per 1M output tokens)"));
        Price price = Price.perMillionTokens(input, output);
        return nonNegative(e, "cached_input").map(price::withCachedInput).orElse(price);
    }

    private static Optional<Double> nonNegative(JsonFields e, String name) {
        Optional<Double> v = e.optNumber(name);
        if (v.isPresent() && v.get() < 0) {
            throw e.problem(name, "must be a number >= 0 but was " + JsonFields.describe(e.node().get(name)));
        }
        return v;
    }
}
