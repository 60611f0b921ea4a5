/**
 * The Gemini API (Generative Language API v1beta) wire format behind {@code gemini}
 * ({@code google}), whole and streamed: request bodies, answers, parameter rules, and the
 * implementation {@link dev.bench4j.providers.gemini.GeminiProviderFactory} delegates to. Not API;
 * may change without notice.
 */
package dev.bench4j.providers.gemini.internal;
