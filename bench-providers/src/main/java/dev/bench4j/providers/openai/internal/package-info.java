/**
 * The Chat Completions wire format behind {@code openai}, {@code xai} ({@code grok}) and
 * {@code openai-compatible}: request bodies, answers, streams, parameter rules, batch lines, and
 * the implementation the public factories of {@link dev.bench4j.providers.openai} delegate to.
 * Not API; may change without notice.
 */
package dev.bench4j.providers.openai.internal;
