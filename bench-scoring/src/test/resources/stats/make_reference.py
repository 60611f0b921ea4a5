#!/usr/bin/env python3
"""Writes reference.json: inputs and SciPy's outputs for the tests of dev.bench4j.scoring.stats.

Run from this directory:  python3 make_reference.py
Seeded (numpy default_rng), so a rerun with the same SciPy/NumPy gives the same file.
NaN outputs (SciPy's answer for a constant ranking) are written as null: bench4j says "undefined".

Kendall's W ("kendall_w") and the pooled tau-b ("pooled_kendall") are computed here from first
principles, exactly in rationals (fractions.Fraction) where they are rational, and checked against
SciPy: m(n - 1)W and its p-value against stats.friedmanchisquare (each item one argument), a single
stratum's pooled tau-b and p-value against stats.kendalltau(method='asymptotic'). Their cases come
from a generator of their own, so that the cases above keep their values. Cohen's kappa is
scikit-learn's: its cases are in ../metrics/make_reference.py.

Issue 14 added, from a generator of their own (rng_options), so that the earlier cases keep their values:
- "kendall_options": stats.kendalltau(x, y, variant='b'|'c', method='auto'|'asymptotic'|'exact') on every
  rank case and more (tau-c's classes, exact beyond n = 33); a raised error (ties with 'exact', SciPy's
  ZeroDivisionError for 'asymptotic' with n = 2) is kept as its message;
- "spearman_two": stats.spearmanr on 2 pairs (rho +-1, p NaN -> null);
- "mcnemar_variants": the exact p (stats.binomtest), the mid-p 2 P(B <= k) - P(B = k) for B ~ Bin(b + c,
  1/2), k = min(b, c), from stats.binom (Fagerland, Lydersen & Laake 2013, "The McNemar test for binary
  matched-pairs data: mid-p and asymptotic are better than exact conditional", BMC Medical Research
  Methodology 13:91), and statsmodels 0.15's mcnemar(table, exact=False, correction=True|False), whose
  formula (|b - c| - corr)^2 / (b + c) with stats.chi2.sf(., 1) is computed here (statsmodels is not in
  this interpreter; a venv with statsmodels 0.15.0 has it, and its values agree);
- "wilcoxon_options": stats.wilcoxon(x, y, zero_method=..., method=..., correction=...) for every
  combination on seeded samples of n = 1..60 (continuous, integers with ties and zeros, ties without
  zeros, zeros without ties, all zero), with the method 'auto' chose (checked against that method alone).
"""
import json
import math
import warnings
from collections import Counter
from fractions import Fraction

import numpy as np
import scipy
from scipy import stats

warnings.simplefilter("ignore")
rng = np.random.default_rng(20240605)


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


def ints(a):
    return [int(v) for v in a]


def floats(a):
    return [float(v) for v in a]


def correlated_perm(n, noise):
    """Two untied rankings (permutations of 0..n-1) with some positive correlation."""
    x = rng.permutation(n)
    y = np.argsort(np.argsort(x + rng.normal(0, noise * n, n)))
    return ints(x), ints(y)


def tied(n, levels):
    x = rng.integers(0, levels, n)
    y = np.clip(x + rng.integers(-1, 2, n), 0, levels)
    return ints(x), ints(y)


rank_cases = []
for n in [2, 3, 5, 10, 33, 50, 100, 1000, 10000]:
    x, y = correlated_perm(n, 0.3)
    rank_cases.append(("untied n=%d" % n, x, y))
    if n >= 3:
        x, y = tied(n, max(2, min(n // 3, 7)))
        rank_cases.append(("tied n=%d" % n, x, y))
for n in [2, 5, 10, 33, 34, 50, 200]:
    rank_cases.append(("identical n=%d" % n, list(range(n)), list(range(n))))
    rank_cases.append(("reversed n=%d" % n, list(range(n)), list(range(n))[::-1]))
one_swap = list(range(40))[::-1]
one_swap[0], one_swap[1] = one_swap[1], one_swap[0]
rank_cases.append(("reversed with one swap n=40", list(range(40)), one_swap))
rank_cases.append(("uncorrelated n=20", *correlated_perm(20, 100.0)))
rank_cases.append(("floats with ties n=60",
                   floats(np.round(rng.normal(size=60), 1)), floats(np.round(rng.normal(size=60), 1))))
rank_cases.append(("constant x n=5", [3, 3, 3, 3, 3], [1, 2, 3, 4, 5]))
rank_cases.append(("constant y n=6", [1, 2, 3, 4, 5, 6], [0.5] * 6))
rank_cases.append(("both constant n=4", [1, 1, 1, 1], [2, 2, 2, 2]))

kendall = []
spearman = []
for name, x, y in rank_cases:
    k = stats.kendalltau(x, y)
    kendall.append({"name": name, "x": x, "y": y, "tau": num(k.statistic), "p": num(k.pvalue)})
    if len(x) >= 3:
        s = stats.spearmanr(x, y)
        spearman.append({"name": name, "x": x, "y": y, "rho": num(s.statistic), "p": num(s.pvalue)})

wilcoxon = []


def add_wilcoxon(name, x, y):
    r = stats.wilcoxon(x, y)
    wilcoxon.append({"name": name, "x": floats(x), "y": floats(y),
                     "statistic": num(r.statistic), "p": num(r.pvalue)})


for n in [5, 10, 20, 50]:  # continuous: no ties, no zeros -> exact
    add_wilcoxon("exact n=%d" % n, rng.normal(0.5, 1, n), rng.normal(0.2, 1, n))
for n in [6, 10, 13]:  # ties and zeros, <= 13 -> permutation (all 2^n sign flips)
    x = rng.integers(0, 5, n)
    y = rng.integers(0, 5, n)
    add_wilcoxon("ties and zeros n=%d" % n, x, y)
for n in [14, 30, 50]:  # ties and zeros, > 13 -> normal approximation
    add_wilcoxon("ties and zeros n=%d" % n, rng.integers(0, 6, n), rng.integers(0, 6, n))
add_wilcoxon("ties no zeros n=20", np.round(rng.normal(1, 1, 20), 1) + 100, np.full(20, 100.05))
add_wilcoxon("zeros only tie-free n=12", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
              [1, 2.5, 2.1, 4, 4.2, 5.9, 7, 7.3, 9.6, 10.1, 12.5, 12])
for n in [51, 200, 1000]:  # > 50 -> normal approximation
    add_wilcoxon("approx n=%d" % n, rng.normal(0.1, 1, n), rng.normal(0, 1, n))
add_wilcoxon("approx with ties and zeros n=300", rng.integers(0, 10, 300), rng.integers(0, 10, 300))
add_wilcoxon("all positive n=8", [2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 1, 1, 1, 1, 1, 1.5])

mcnemar = []
for b, c in [(0, 1), (1, 0), (0, 5), (3, 7), (7, 3), (10, 10), (5, 20), (0, 25), (12, 13),
             (100, 130), (1000, 1100), (40, 0)]:
    mcnemar.append({"b": b, "c": c, "p": num(stats.binomtest(b, b + c, 0.5).pvalue)})

wilson = []
for k, n, cl in [(0, 10, 0.95), (10, 10, 0.95), (3, 10, 0.95), (1, 1, 0.95), (0, 1, 0.95),
                 (50, 100, 0.95), (999, 1000, 0.95), (7, 30, 0.90), (7, 30, 0.99), (0, 1000000, 0.95),
                 (123456, 1000000, 0.95), (1, 2, 0.5)]:
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=cl, method="wilson")
    wilson.append({"k": k, "n": n, "confidence": cl, "low": num(ci.low), "high": num(ci.high)})

t_intervals = []
for mean, sd, n, cl in [(0.5, 0.2, 10, 0.95), (0.0, 1.0, 2, 0.95), (3.25, 1.5, 1000, 0.95),
                        (-1.0, 0.0, 5, 0.95), (0.8, 0.1, 30, 0.99), (10.0, 4.0, 7, 0.90)]:
    lo, hi = stats.t.interval(cl, n - 1, loc=mean, scale=sd / math.sqrt(n)) if sd > 0 else (mean, mean)
    t_intervals.append({"mean": mean, "sd": sd, "n": n, "confidence": cl, "low": num(lo), "high": num(hi)})

rng_agreement = np.random.default_rng(20250607)


def average_ranks(values):
    """Ranks from 1, ties getting the mean of their ranks, counted pair by pair."""
    return [Fraction(sum(1 for w in values if w < v)) + Fraction(sum(1 for w in values if w == v) + 1, 2)
            for v in values]


def kendall_w(ratings):
    """Tie-corrected W = 12 S / (m^2 (n^3 - n) - m sum T), exactly; None when every rater is constant."""
    m, n = len(ratings), len(ratings[0])
    ranks = [average_ranks(row) for row in ratings]
    sums = [sum(r[i] for r in ranks) for i in range(n)]
    mean = Fraction(m * (n + 1), 2)
    s = sum((r - mean) ** 2 for r in sums)
    ties = sum(t ** 3 - t for row in ratings for t in Counter(row).values())
    denominator = m * m * (n ** 3 - n) - m * ties
    return None if denominator == 0 else 12 * s / denominator


kendall_w_cases = []


def add_w(name, ratings):
    ratings = [[float(v) for v in row] for row in ratings]
    m, n = len(ratings), len(ratings[0])
    w = kendall_w(ratings)
    case = {"name": name, "ratings": ratings, "w": None, "chi2": None, "df": n - 1, "p": None,
            "friedman_statistic": None, "friedman_p": None}
    if w is not None:
        chi2 = m * (n - 1) * w
        case.update(w=float(w), chi2=float(chi2), p=num(stats.chi2.sf(float(chi2), n - 1)))
    if n >= 3:  # friedmanchisquare needs 3 groups
        f = stats.friedmanchisquare(*[[row[i] for row in ratings] for i in range(n)])
        case.update(friedman_statistic=num(f.statistic), friedman_p=num(f.pvalue))
        if w is not None:
            assert math.isclose(case["chi2"], f.statistic, rel_tol=1e-12, abs_tol=1e-12), name
            assert math.isclose(case["p"], f.pvalue, rel_tol=1e-9, abs_tol=1e-15), name
    kendall_w_cases.append(case)


def agreeing_raters(m, n, noise, levels=None):
    """m raters' scores of n items: a common quality plus noise, rounded to levels (ties) if given."""
    quality = rng_agreement.normal(0, 1, n)
    rows = quality + rng_agreement.normal(0, noise, (m, n))
    if levels is not None:
        lo, hi = rows.min(), rows.max()
        rows = np.round((rows - lo) / (hi - lo) * (levels - 1)) + 1
    return rows.tolist()


add_w("untied 3 raters x 6 items", agreeing_raters(3, 6, 0.5))
add_w("untied 2 raters x 10 items", agreeing_raters(2, 10, 1.0))
add_w("ratings 1-5 with ties 4 raters x 8 items", agreeing_raters(4, 8, 0.7, levels=5))
add_w("ratings 1-5 with ties 5 raters x 12 items", agreeing_raters(5, 12, 1.5, levels=5))
add_w("ratings 1-3 many ties 3 raters x 9 items", agreeing_raters(3, 9, 0.5, levels=3))
add_w("ratings 1-10 with ties 10 raters x 40 items", agreeing_raters(10, 40, 0.8, levels=10))
add_w("perfect agreement 3 raters x 5 items", [[1, 2, 3, 4, 5], [10, 20, 30, 40, 50], [0.1, 0.2, 0.3, 0.4, 0.5]])
add_w("one constant rater 3 raters x 6 items", [[1, 2, 3, 4, 5, 6], [3, 3, 3, 3, 3, 3], [2, 1, 4, 3, 6, 5]])
add_w("rank sums all equal 2 raters x 4 items", [[1, 2, 3, 4], [4, 3, 2, 1]])
add_w("two items 5 raters", [[1, 2], [1, 2], [2, 1], [1, 2], [1, 1]])
add_w("every rater constant 3 raters x 4 items", [[2, 2, 2, 2], [5, 5, 5, 5], [1, 1, 1, 1]])
add_w("the javadoc example 3 raters x 4 items", [[1, 2, 3, 4], [1, 3, 2, 4], [2, 1, 3, 4]])


def stratum_counts(x, y):
    """S = concordant - discordant, pairs, pairs tied in x and in y, and Var(S) under independence with
    ties (Kendall 1970), counted pair by pair."""
    n = len(x)
    s = n1 = n2 = 0
    for i in range(n):
        for j in range(i + 1, n):
            dx = (x[i] > x[j]) - (x[i] < x[j])
            dy = (y[i] > y[j]) - (y[i] < y[j])
            s += dx * dy
            n1 += dx == 0
            n2 += dy == 0
    n0 = n * (n - 1) // 2
    tx = Counter(x).values()
    ty = Counter(y).values()
    var = Fraction(n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in tx)
                   - sum(u * (u - 1) * (2 * u + 5) for u in ty), 18)
    if n > 2:
        var += Fraction(sum(t * (t - 1) * (t - 2) for t in tx) * sum(u * (u - 1) * (u - 2) for u in ty),
                        9 * n * (n - 1) * (n - 2))
    var += Fraction(sum(t * (t - 1) for t in tx) * sum(u * (u - 1) for u in ty), 2 * n * (n - 1))
    return s, n0, n1, n2, var


pooled_kendall = []


def add_pooled(name, xs, ys):
    xs = [[float(v) for v in x] for x in xs]
    ys = [[float(v) for v in y] for y in ys]
    s = xp = yp = n = 0
    var = Fraction(0)
    for x, y in zip(xs, ys):
        if len(x) < 2:
            continue
        st, n0, n1, n2, v = stratum_counts(x, y)
        if n1 == n0 or n2 == n0:  # a constant side: the stratum contributes nothing
            continue
        s += st
        xp += n0 - n1
        yp += n0 - n2
        var += v
        n += len(x)
    case = {"name": name, "x": xs, "y": ys, "s": s, "variance": float(var), "n": n, "tau": None, "p": None}
    if n > 0:
        case["tau"] = s / math.sqrt(xp * yp)
        case["p"] = num(2 * stats.norm.sf(abs(s) / math.sqrt(var)))
    if len(xs) == 1 and len(xs[0]) >= 3:  # SciPy's asymptotic variance divides by n - 2
        k = stats.kendalltau(xs[0], ys[0], method="asymptotic")
        case["scipy_tau"] = num(k.statistic)
        case["scipy_p"] = num(k.pvalue)
        if n > 0:
            assert math.isclose(case["tau"], k.statistic, rel_tol=1e-12, abs_tol=1e-15), name
            assert math.isclose(case["p"], k.pvalue, rel_tol=1e-9, abs_tol=1e-15), name
        else:
            assert math.isnan(k.statistic), name
    pooled_kendall.append(case)


def strata(sizes, noise, levels=None):
    xs, ys = [], []
    for size in sizes:
        x = rng_agreement.normal(0, 1, size)
        y = x + rng_agreement.normal(0, noise, size)
        if levels is not None:
            x = np.round(x * levels / 2)
            y = np.round(y * levels / 2)
        else:
            x = np.argsort(np.argsort(x))
            y = np.argsort(np.argsort(y))
        xs.append(x.tolist())
        ys.append(y.tolist())
    return xs, ys


add_pooled("one stratum untied n=6", *strata([6], 1.0))
add_pooled("one stratum untied n=40", *strata([40], 1.0))
add_pooled("one stratum tied n=6", [[1, 1, 2, 3, 3, 3]], [[2, 1, 1, 3, 2, 3]])
add_pooled("one stratum tied n=30", *strata([30], 0.8, levels=4))
add_pooled("one stratum n=2", [[1, 2]], [[3, 4]])
add_pooled("one constant stratum", [[1, 1, 1]], [[1, 2, 3]])
add_pooled("strata of sizes 2-6 untied", *strata([2, 3, 4, 5, 6], 0.7))
add_pooled("strata of sizes 2-6 untied, 12 strata", *strata([2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 4, 5], 1.2))
add_pooled("strata of sizes 2-6 with ties", *strata([2, 3, 4, 5, 6, 6, 4, 3], 0.6, levels=3))
add_pooled("strata of sizes 3-6 with many ties", *strata([3, 4, 5, 6, 6, 5], 1.0, levels=2))
xs, ys = strata([4, 5, 3], 0.5)
add_pooled("constant, single-value and empty strata contribute nothing",
           xs + [[7, 7, 7, 7], [1, 2, 3], [5], []], ys + [[1, 2, 3, 4], [2, 2, 2], [6], []])
add_pooled("human points vs judge scores, 3 trials of 4 configurations",
           [[3, 2, 1, 0], [3, 2, 1, 0], [3, 2, 1, 0]], [[0.9, 0.7, 0.7, 0.2], [0.8, 0.9, 0.1, 0.3], [0.5, 0.5, 0.4, 0.6]])
add_pooled("perfect agreement in every stratum", [[1, 2, 3], [1, 2], [4, 3, 2, 1]], [[1, 2, 3], [5, 6], [9, 8, 7, 6]])
add_pooled("every stratum constant", [[1, 1, 1], [2, 3]], [[1, 2, 3], [4, 4]])
add_pooled("no pairs", [[1], []], [[2], []])

# ---- issue 14: Kendall variants and methods, Spearman n = 2, McNemar mid-p and chi-square, Wilcoxon
# options. A generator of their own (rng_options), so that every case above keeps its values.
rng_options = np.random.default_rng(20261207)


def outcome(f):
    """f()'s (statistic, p) as numbers or None for NaN, or the error SciPy raises as a string."""
    try:
        r = f()
        return {"statistic": num(r.statistic), "p": num(r.pvalue)}
    except (ValueError, ZeroDivisionError) as e:
        return {"error": "%s: %s" % (type(e).__name__, e)}


kendall_options = []
variant_cases = [case for case in rank_cases if len(case[1]) <= 1000]  # "kendall" has the larger ones
for n in [3, 4, 6, 9, 20]:
    x = rng_options.integers(0, 3, n)
    y = rng_options.integers(0, 5, n)
    variant_cases.append(("3 x 5 classes n=%d" % n, ints(x), ints(y)))
variant_cases.append(("2 x 4 classes n=40", ints(rng_options.integers(0, 2, 40)), ints(rng_options.integers(0, 4, 40))))
for n in [34, 60, 170, 171, 250]:  # exact beyond n = 33: both of SciPy's recursions (n < 171, n >= 171)
    x, y = ints(rng_options.permutation(n)), ints(rng_options.permutation(n))
    variant_cases.append(("exact untied n=%d" % n, x, y))
x = list(range(300))
y = list(range(300))
y[10], y[200] = y[200], y[10]
variant_cases.append(("few discordant n=300", x, y))
for name, x, y in variant_cases:
    results = []
    for variant in ["b", "c"]:
        for method in ["auto", "asymptotic", "exact"]:
            r = outcome(lambda: stats.kendalltau(x, y, variant=variant, method=method))
            r.update(variant=variant, method=method)
            results.append(r)
    kendall_options.append({"name": name, "x": x, "y": y, "results": results})

spearman_two = []
for x, y in [([1, 2], [3, 4]), ([1, 2], [4, 3]), ([0.5, -1], [2, 7]), ([1, 1], [1, 2]), ([3, 3], [5, 5])]:
    s2 = stats.spearmanr(x, y)
    spearman_two.append({"name": "n=2 %s %s" % (x, y), "x": floats(x), "y": floats(y),
                         "rho": num(s2.statistic), "p": num(s2.pvalue)})

mcnemar_variants = []
for b, c in [(0, 0), (0, 1), (1, 0), (1, 1), (0, 5), (3, 7), (7, 3), (10, 10), (5, 20), (0, 25), (12, 13),
             (3, 12), (100, 130), (1000, 1100), (40, 0), (2, 3), (25, 25)]:
    n, k = b + c, min(b, c)
    exact = stats.binomtest(b, n, 0.5).pvalue if n > 0 else 1.0
    # mid-p = 2 P(B <= k) - P(B = k) (Fagerland, Lydersen & Laake 2013, BMC Med Res Methodol 13:91);
    # for b != c it is the exact p-value less P(B = k)
    mid = min(1.0, float(2 * stats.binom.cdf(k, n, 0.5) - stats.binom.pmf(k, n, 0.5)))
    if b != c:
        assert math.isclose(mid, exact - stats.binom.pmf(k, n, 0.5), rel_tol=1e-9, abs_tol=1e-15), (b, c)
    case = {"b": b, "c": c, "exact_p": float(exact), "mid_p": mid}
    for corr in [True, False]:  # statsmodels' mcnemar(exact=False, correction=corr), from its code:
        if n == 0:  # (|b - c| - corr)^2 / (b + c) and chi2.sf(statistic, 1); NaN for b + c = 0
            case["chi2_%s" % str(corr).lower()] = None
        else:
            statistic = (abs(b - c) - int(corr)) ** 2 / n
            case["chi2_%s" % str(corr).lower()] = {"statistic": statistic, "p": float(stats.chi2.sf(statistic, 1))}
    mcnemar_variants.append(case)


def wilcoxon_method_used(d, zero_method):
    """What SciPy 1.17's wilcoxon(method='auto') picks (scipy/stats/_wilcoxon.py): asymptotic above 50
    pairs, exact without ties and zeros, the exact permutation test up to 13 pairs, else asymptotic."""
    d = np.asarray(d, dtype=float)
    ranked = d[d != 0] if zero_method == "wilcox" else d
    ties = len(np.unique(np.abs(ranked))) < len(ranked)
    if len(d) > 50:
        return "asymptotic"
    if not ties and not np.any(d == 0):
        return "exact"
    return "permutation" if len(d) <= 13 else "asymptotic"


wilcoxon_options = []
sizes = list(range(1, 16)) + [20, 25, 30, 40, 49, 50, 51, 55, 60]
for n in sizes:
    samples = [("continuous", rng_options.normal(0.3, 1, n), rng_options.normal(0, 1, n)),
               ("integers, ties and zeros", rng_options.integers(0, 4, n), rng_options.integers(0, 4, n)),
               ("halves, ties no zeros", np.round(rng_options.normal(0.5, 1, n) * 2) / 2 + 0.25, np.zeros(n))]
    zs = rng_options.normal(0.4, 1, n)
    zs[rng_options.permutation(n)[:max(1, n // 5)]] = 0.0
    samples.append(("continuous with zeros", zs, np.zeros(n)))
    if n in (3, 14, 60):
        samples.append(("all zero", np.ones(n), np.ones(n)))
    for kind, x, y in samples:
        x, y = floats(x), floats(y)
        d = np.asarray(x) - np.asarray(y)
        results = []
        for zero_method in ["wilcox", "pratt", "zsplit"]:
            for method in ["auto", "exact", "asymptotic"]:
                for correction in [False, True]:
                    r = outcome(lambda: stats.wilcoxon(x, y, zero_method=zero_method, method=method,
                                                       correction=correction))
                    r.update(method=method, zero_method=zero_method, correction=correction)
                    if method == "auto":
                        used = wilcoxon_method_used(d, zero_method)
                        r["method_used"] = used
                        if "error" not in r and r["p"] is not None:
                            alone = stats.wilcoxon(x, y, zero_method=zero_method, correction=correction,
                                                   method=stats.PermutationMethod() if used == "permutation" else used)
                            assert math.isclose(r["p"], alone.pvalue, rel_tol=1e-12, abs_tol=1e-15), (n, kind)
                    results.append(r)
        wilcoxon_options.append({"name": "%s n=%d" % (kind, n), "x": x, "y": y, "results": results})


out = {
    "tool": "scipy %s, numpy %s; stats.kendalltau, stats.spearmanr, stats.wilcoxon (defaults), "
            "stats.binomtest(b, b+c, 0.5).pvalue, stats.binomtest(k, n).proportion_ci(method='wilson'), "
            "stats.t.interval; Kendall's W and the pooled tau-b from first principles, checked against "
            "stats.friedmanchisquare and stats.kendalltau(method='asymptotic')" % (scipy.__version__, np.__version__),
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "kendall": kendall,
    "spearman": spearman,
    "wilcoxon": wilcoxon,
    "mcnemar": mcnemar,
    "wilson": wilson,
    "t": t_intervals,
    "kendall_w": kendall_w_cases,
    "pooled_kendall": pooled_kendall,
    "kendall_options": kendall_options,
    "spearman_two": spearman_two,
    "mcnemar_variants": mcnemar_variants,
    "wilcoxon_options": wilcoxon_options,
}
with open("reference.json", "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
