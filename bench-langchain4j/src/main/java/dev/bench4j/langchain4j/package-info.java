/**
 * Any LangChain4j {@code ChatModel} as a bench4j model: {@link dev.bench4j.langchain4j.LangChain4jModels}
 * wraps one in a {@link dev.bench4j.core.spi.ModelProviderFactory} to pass to
 * {@code BenchmarkPlan.Builder.provider(...)}.
 *
 * <p>Nothing here accepts or returns {@code null}. The mapping lives in
 * {@code dev.bench4j.langchain4j.internal}, which is not API.
 */
@NullMarked
package dev.bench4j.langchain4j;

import org.jspecify.annotations.NullMarked;
