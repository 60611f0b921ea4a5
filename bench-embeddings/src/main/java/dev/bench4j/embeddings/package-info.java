/**
 * Embedding similarity for bench4j (optional module {@code bench-embeddings}): the
 * {@code embedding_similarity} scorer ({@link dev.bench4j.embeddings.EmbeddingScorers}) and the
 * in-process all-MiniLM-L6-v2 sentence-embedding model ({@link dev.bench4j.embeddings.EmbeddingModels}),
 * whose ONNX weights ship inside LangChain4j's jars, so nothing is downloaded at run time.
 *
 * <p>The jar registers the scorer type and the embedding models {@code all-minilm-l6-v2} and
 * {@code all-minilm-l6-v2-q} with {@link java.util.ServiceLoader}; its automatic module name is
 * {@code dev.bench4j.embeddings}. Packages named {@code internal} are not API.
 */
package dev.bench4j.embeddings;
