/**
 * The LangChain4j adapter's implementation: request, response and exception mapping. Not API; may
 * change without notice.
 */
@NullMarked
package dev.bench4j.langchain4j.internal;

import org.jspecify.annotations.NullMarked;
