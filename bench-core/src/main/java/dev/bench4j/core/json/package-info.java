/**
 * bench4j's files as JSON: the codecs of the values a run keeps ({@link dev.bench4j.core.json.ResultJson}
 * for a line of {@code results.jsonl}, {@link dev.bench4j.core.json.UsageJson},
 * {@link dev.bench4j.core.json.ModelConfigJson}, {@link dev.bench4j.core.json.PromptJson}), typed
 * field reading with precise messages ({@link dev.bench4j.core.json.JsonFields}), crash-safe whole-file
 * writes ({@link dev.bench4j.core.json.AtomicFiles}) and JSON-like Java values
 * ({@link dev.bench4j.core.json.JsonValues}).
 *
 * <p>Each format has one owner here, so that a store, a cache, a viewer or a provider that writes or
 * reads these values agrees with every other byte for byte; the formats are described in
 * {@code docs/FILES.md} and the JSON Schemas in {@code docs/schemas}. Field names are snake_case, and
 * an unknown value is {@code null}, never 0. No method accepts {@code null} unless documented.
 */
package dev.bench4j.core.json;
