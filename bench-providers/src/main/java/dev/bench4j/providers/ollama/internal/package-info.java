/**
 * Ollama's native API ({@code /api/chat}, {@code /api/tags}) behind {@code ollama}: request bodies,
 * answers, NDJSON streams, the check of Ollama options, and the implementation
 * {@link dev.bench4j.providers.ollama.OllamaProviderFactory} delegates to. Not API; may change
 * without notice.
 */
package dev.bench4j.providers.ollama.internal;
