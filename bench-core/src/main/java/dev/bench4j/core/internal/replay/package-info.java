/**
 * The {@code replay} provider: answers from recorded responses, so outputs produced elsewhere can
 * be scored and re-scored offline.
 *
 * <p><b>Not API</b>: configure it through {@code ModelConfig.of("replay", ...)} with the param
 * {@code recordings}.
 */
package dev.bench4j.core.internal.replay;
