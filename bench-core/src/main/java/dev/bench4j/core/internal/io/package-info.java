/**
 * Readers of the files people write by hand: prompts, model configurations and trials.
 *
 * <p><b>Not API</b>: use {@code Prompt.fromJson}, {@code ModelConfig.fromJson} and
 * {@code Trials.from*} instead.
 */
package dev.bench4j.core.internal.io;
