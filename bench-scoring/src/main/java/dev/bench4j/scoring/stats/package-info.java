/**
 * Statistics for comparing prompts and models: rank agreement (Kendall tau-b, a tau-b pooled over
 * strata, Spearman rho), agreement of raters (Cohen's kappa, plain and weighted; Kendall's W),
 * confidence intervals (Wilson, t), paired tests (McNemar exact, Wilcoxon signed-rank) and a seeded
 * paired bootstrap.
 *
 * <p>Results are small immutable records, the package is {@code @NullMarked}, and no method returns
 * {@code NaN}. Where a statistic is undefined (a constant ranking), the result says so explicitly
 * with an empty {@link java.util.Optional}. Values follow SciPy's defaults (Cohen's kappa
 * scikit-learn's); the test resources hold the reference vectors and the scripts that produced
 * them.
 */
@NullMarked
package dev.bench4j.scoring.stats;

import org.jspecify.annotations.NullMarked;
