/**
 * Any Spring AI {@code ChatModel} as a bench4j model: {@link dev.bench4j.springai.SpringAiModels}
 * wraps one in a {@link dev.bench4j.core.spi.ModelProviderFactory} to pass to
 * {@code BenchmarkPlan.Builder.provider(...)}.
 *
 * <p>Nothing here accepts or returns {@code null}. The mapping lives in
 * {@code dev.bench4j.springai.internal}, which is not API.
 */
@NullMarked
package dev.bench4j.springai;

import org.jspecify.annotations.NullMarked;
