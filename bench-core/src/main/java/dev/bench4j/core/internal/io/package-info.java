/**
 * Readers of the files people write by hand: plans, trials and price tables, and the reading of any
 * such file as JSON; prompts and model configurations are read by their codecs in
 * {@code dev.bench4j.core.json}.
 *
 * <p><b>Not API</b>: use {@code PlanFile}, {@code Trials.from*}, {@code PriceTable},
 * {@code Prompt.fromJson} and {@code ModelConfig.fromJson} instead.
 */
package dev.bench4j.core.internal.io;
