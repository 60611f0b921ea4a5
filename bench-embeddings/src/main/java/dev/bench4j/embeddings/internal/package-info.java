/** The implementation of {@code bench-embeddings}; not API, may change without notice. */
package dev.bench4j.embeddings.internal;
