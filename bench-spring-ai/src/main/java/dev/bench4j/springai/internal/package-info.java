/**
 * The Spring AI adapter's implementation: request, response and exception mapping. Not API; may
 * change without notice.
 */
@NullMarked
package dev.bench4j.springai.internal;

import org.jspecify.annotations.NullMarked;
