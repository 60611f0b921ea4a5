/**
 * Statistics for comparing prompts and models: rank agreement (Kendall tau-b and tau-c, a tau-b
 * pooled over strata, Spearman rho), agreement of raters (Cohen's kappa, plain and weighted; Fleiss'
 * kappa; Krippendorff's alpha, nominal, ordinal and interval, with missing ratings; Kendall's W),
 * confidence intervals (proportions: Wilson, Clopper–Pearson, Wald; means: t), paired tests
 * (McNemar exact, mid-p and chi-square; Wilcoxon signed-rank with SciPy's method, zero_method and
 * correction), a seeded paired bootstrap (percentile and normal intervals) and p-value adjustment
 * for many comparisons (Bonferroni, Holm, Benjamini–Hochberg).
 *
 * <p>Results are small immutable records, the package is {@code @NullMarked}, and no method returns
 * {@code NaN}. Where a statistic is undefined (a constant ranking), the result says so explicitly
 * with an empty {@link java.util.Optional}; a coefficient that is defined while its p-value is not
 * (Spearman's rho of two pairs) has an empty p-value. Values follow SciPy's defaults (kappa
 * scikit-learn's, Fleiss' kappa and the adjustments statsmodels'); the test resources hold the
 * reference vectors and the scripts that produced them.
 */
@NullMarked
package dev.bench4j.scoring.stats;

import org.jspecify.annotations.NullMarked;
