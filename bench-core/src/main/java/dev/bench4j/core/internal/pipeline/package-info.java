/**
 * The call pipeline every model call goes through, whatever provider serves it:
 * response cache → rate limiter → retry → concurrency limits (per attempt; an endpoint's may adapt
 * to overload replies) → per-attempt timeout → provider.
 *
 * <p><b>Not API</b>: classes here may change without notice.
 */
package dev.bench4j.core.internal.pipeline;
