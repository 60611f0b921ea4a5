/**
 * The Anthropic Messages API wire format behind {@code anthropic}: request bodies, answers,
 * streams, usage, parameter rules, and the implementation
 * {@link dev.bench4j.providers.anthropic.AnthropicProviderFactory} delegates to. Not API; may change
 * without notice.
 */
package dev.bench4j.providers.anthropic.internal;
