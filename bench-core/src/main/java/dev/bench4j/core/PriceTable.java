package dev.bench4j.core;

import dev.bench4j.core.internal.io.PriceTableFiles;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prices of models by provider and model name, in USD per one million tokens, with the date they
 * were taken. A dated model name without its own entry takes the price of the name without its date
 * or version suffix ({@code gpt-4o-mini-2024-07-18} → {@code gpt-4o-mini}, {@code claude-sonnet-4-20250514}
 * → {@code claude-sonnet-4}, {@code gemini-2.0-flash-001} → {@code gemini-2.0-flash}). A model not listed has no price, and its
 * cost is unknown, never 0.
 *
 * <pre>{@code
 * PriceTable.bundled().lookup("openai", "gpt-4o-mini");   // Optional[Price[0.15, 0.6, ...]]
 * }</pre>
 */
public final class PriceTable {

    /** A date or version suffix: -2024-07-18, -20250514, -0613, -001, -latest. */
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|\\d{3,4}|latest)");

    private final LocalDate asOf;
    private final Map<String, Map<String, Price>> prices;   // provider -> model -> price

    /**
     * Creates a table.
     *
     * @param asOf the date the prices were taken
     * @param prices prices by provider, then by model name
     * @throws NullPointerException if an argument is {@code null}
     */
    public PriceTable(LocalDate asOf, Map<String, Map<String, Price>> prices) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(prices, "prices");
        this.prices = prices.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), e -> Map.copyOf(e.getValue()), (a, b) -> {
                    throw new IllegalArgumentException("prices name one provider twice, in different letter case");
                }));
    }

    /**
     * Returns the table bundled with bench4j ({@code dev/bench4j/core/prices.json}).
     *
     * @return the bundled table
     */
    public static PriceTable bundled() {
        return PriceTableFiles.bundled();
    }

    /**
     * Loads a table from a JSON file in the bundled table's format:
     * {@code {"schema": "bench4j.prices/1", "as_of": "2026-11-01", "prices": [{"provider", "model",
     * "input", "output", "cached_input"}]}}.
     *
     * @param file the file
     * @return the table
     * @throws InvalidPlanException if the file cannot be read or is invalid; the message names the file and entry
     */
    public static PriceTable fromJson(Path file) {
        return PriceTableFiles.read(file);
    }

    /**
     * Returns the date the prices were taken.
     *
     * @return the date
     */
    public LocalDate asOf() {
        return asOf;
    }

    /**
     * Looks up a model's price.
     *
     * @param provider the provider's name (case ignored)
     * @param model the model's name; a dated name falls back to the name without its date, and a
     *     resource name such as Gemini's {@code models/gemini-2.5-flash} to the name after {@code models/}
     * @return the price, or empty if the model is not listed
     */
    public Optional<Price> lookup(String provider, String model) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Map<String, Price> byModel = prices.get(provider.toLowerCase(Locale.ROOT));
        if (byModel == null) {
            return Optional.empty();
        }
        if (model.startsWith("models/")) {
            model = model.substring("models/".length());
        }
        Price exact = byModel.get(model);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (String listed : byModel.keySet()) {
            if (model.startsWith(listed) && VERSION_SUFFIX.matcher(model.substring(listed.length())).matches()) {
                return Optional.of(byModel.get(listed));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns every price, by provider and model.
     *
     * @return an unmodifiable map
     */
    public Map<String, Map<String, Price>> prices() {
        return prices;
    }
}
