package dev.bench4j.core.spi;

import dev.bench4j.core.Message;
import java.util.List;

/**
 * Counts the input tokens of one chat request the way a model's provider bills them, for a dry run's
 * estimate ({@link dev.bench4j.core.BenchmarkPlan#estimate()}). A {@link TokenCounterFactory} hands
 * one out per model config; a config no factory serves gets bench4j's documented estimate from the
 * text's UTF-8 length.
 *
 * <p>A counter is exact when it uses the model's own tokenizer ({@link #exact()}); the chat format's
 * framing (role markers, the primed reply) may still be an estimate, which the implementation says in
 * its {@link #name()}'s documentation. Counters are called from one thread at a time but may be
 * shared between plans: keep no mutable state.
 *
 * <pre>{@code
 * TokenCounter words = new TokenCounter() {
 *     public long count(List<Message> messages) {
 *         return messages.stream().mapToLong(m -> m.content().split("\\s+").length).sum();
 *     }
 *     public boolean exact() { return false; }
 *     public String name() { return "words"; }
 * };
 * }</pre>
 */
public interface TokenCounter {

    /**
     * Counts the input tokens of a request made of these messages, including the chat format's
     * per-message framing.
     *
     * @param messages the rendered messages, in order
     * @return the token count, at least 0
     * @throws NullPointerException if {@code messages} or one of them is {@code null}
     */
    long count(List<Message> messages);

    /**
     * Says whether the count comes from the model's own tokenizer (true) or is an estimate (false).
     *
     * @return true when exact
     */
    boolean exact();

    /**
     * Names the tokenizer or method, shown next to the count, e.g. {@code o200k_base} or
     * {@code utf8-estimate}.
     *
     * @return the name, not blank
     */
    String name();
}
