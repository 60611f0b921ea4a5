/**
 * Implementation of the JSON run store: the run file codecs (a result line, a model config and a
 * prompt are bench-core's, in {@code dev.bench4j.core.json}), the appending writer, the index, locks
 * and path checks.
 *
 * <p><b>Not API</b>: classes here may change or disappear without notice. Use the types in
 * {@code dev.bench4j.store.json}.
 */
package dev.bench4j.store.json.internal;
