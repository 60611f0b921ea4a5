/**
 * The call pipeline every model call goes through, whatever provider serves it:
 * response cache → rate limiter → concurrency limit → retry → per-attempt timeout → provider.
 *
 * <p><b>Not API</b>: classes here may change without notice.
 */
package dev.bench4j.core.internal.pipeline;
