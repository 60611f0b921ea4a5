/**
 * The JSON run store: {@link dev.bench4j.store.json.JsonRunStore} keeps every run of a
 * {@link dev.bench4j.core.BenchmarkPlan} in a folder of its own ({@code run.json} and
 * {@code results.jsonl}), appends each result as its cell finishes, lists and filters runs through
 * {@code index.json}, streams results back and resumes interrupted runs.
 *
 * <p>Every type here is immutable unless documented otherwise, and the package is
 * {@code @NullMarked}: absent values are {@link java.util.Optional}s, absent collections are empty.
 */
@NullMarked
package dev.bench4j.store.json;

import org.jspecify.annotations.NullMarked;
