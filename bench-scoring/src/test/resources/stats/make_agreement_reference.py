#!/usr/bin/env python3
"""Writes agreement_reference.json: proportion intervals, Cohen's and Fleiss' kappa and
Krippendorff's alpha for the tests of dev.bench4j.scoring.stats (issue 14).

Run from this directory with the reference venv (SciPy 1.17.1, statsmodels 0.15.0,
scikit-learn 1.9.1, NumPy 2.4.6):
    python3 -m venv ref && ref/bin/pip install scipy==1.17.1 statsmodels==0.15.0 scikit-learn==1.9.1 numpy==2.4.6
    ref/bin/python make_agreement_reference.py
The cases are seeded (numpy default_rng), so a rerun with the same libraries gives the same file.
A value the library leaves undefined (NaN) is written as null.

Sections:
- "proportions": per (k, n, confidence) statsmodels' proportion_confint with method='beta'
  (Clopper-Pearson; checked here against scipy.stats.binomtest(k, n).proportion_ci(method='exact')),
  'wilson' and 'normal' (Wald; statsmodels 0.15 clips it to [0, 1], as bench4j does: older
  statsmodels did not), and statsmodels.stats.proportion.std_prop(k / n, n), the normal standard
  error sqrt(p(1-p)/n) that the 'normal' method uses.
- "cohen_kappa": sklearn.metrics.cohen_kappa_score(a, b, weights=None|'linear'|'quadratic')
  with labels=None (null where scikit-learn gives NaN).
- "fleiss_kappa": statsmodels.stats.inter_rater.fleiss_kappa(table, method='fleiss') on the
  items x categories count table that statsmodels.stats.inter_rater.aggregate_raters makes of
  the per-item labels (null where it is NaN).
- "krippendorff": no installed package computes Krippendorff's alpha, so it is computed here from
  the published definition, K. Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
  Annenberg School for Communication, University of Pennsylvania, section C (coincidence
  matrices): o_ck = sum over units u of (number of c-k pairs of values in u) / (m_u - 1), units with
  m_u < 2 values left out; n_c = sum_k o_ck, n = sum_c n_c; alpha = 1 - (n - 1) sum o_ck d2_ck /
  sum n_c n_k d2_ck with d2 nominal: 1 if c != k; interval: (c - k)^2; ordinal: (sum_{g=c..k} n_g -
  (n_c + n_k) / 2)^2. The computation is the straightforward one over all ordered pairs of values
  in each unit (units x raters^2), exact in rationals (fractions.Fraction), so bench4j's
  O(units x raters) implementation is checked at 1e-12. The paper's worked example (4 observers,
  12 units, missing values, section E) is included and must give the values printed there:
  nominal 0.743, ordinal 0.815, interval 0.849 (asserted below). Data are given per rater (rows)
  with null for a missing rating, as Krippendorff's reliability data matrix.
"""
import json
import math
import warnings
from collections import Counter
from fractions import Fraction
from itertools import permutations

import numpy as np
import scipy
import sklearn
import statsmodels
from scipy import stats
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa
from statsmodels.stats.proportion import proportion_confint, std_prop

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261207)


def num(v):
    v = float(v)
    return None if math.isnan(v) else v


# ---------------------------------------------------------------- proportions
proportions = []
pairs = [(0, 1), (1, 1), (0, 5), (1, 5), (5, 5), (2, 2), (1, 2), (3, 10), (0, 20), (20, 20), (1, 20),
         (19, 20), (7, 30), (50, 100), (1, 100), (99, 100), (1, 1000), (999, 1000), (500, 1000),
         (123, 4567), (0, 100000), (3, 100000), (41234, 100000)]
for k, n in pairs:
    for cl in (0.95, 0.90, 0.99, 0.5):
        alpha = 1 - cl
        cp = proportion_confint(k, n, alpha=alpha, method="beta")
        ref = stats.binomtest(k, n).proportion_ci(confidence_level=cl, method="exact")
        assert abs(cp[0] - ref.low) < 1e-12 and abs(cp[1] - ref.high) < 1e-12, (k, n, cl, cp, ref)
        wi = proportion_confint(k, n, alpha=alpha, method="wilson")
        wa = proportion_confint(k, n, alpha=alpha, method="normal")
        proportions.append({"k": k, "n": n, "confidence": cl,
                            "clopper_pearson": [float(cp[0]), float(cp[1])],
                            "wilson": [float(wi[0]), float(wi[1])],
                            "wald": [float(wa[0]), float(wa[1])],
                            "standard_error": float(std_prop(k / n, n))})

# ---------------------------------------------------------------- Cohen's kappa
cohen = []


def cohen_case(name, a, b, numeric):
    results = []
    for w in ([None, "linear", "quadratic"] if numeric else [None]):
        results.append({"weights": w, "kappa": num(cohen_kappa_score(a, b, weights=w))})
    cohen.append({"name": name, "a": a, "b": b, "results": results})


x = rng.integers(0, 2, 60)
cohen_case("verdicts_60_seeded", [bool(v) for v in x],
           [bool(v) if rng.random() < 0.8 else not bool(v) for v in x], False)
x = rng.choice(["pass", "fail", "unsure"], 80)
cohen_case("labels_3_classes_80_seeded", [str(v) for v in x],
           [str(v) if rng.random() < 0.6 else str(rng.choice(["pass", "fail", "unsure"])) for v in x], False)
x = rng.integers(1, 6, 120)
y = np.clip(x + rng.integers(-1, 2, 120), 1, 5)
cohen_case("ratings_1_5_120_seeded", [int(v) for v in x], [int(v) for v in y], True)
x = rng.integers(0, 11, 300)
y = np.clip(x + rng.integers(-3, 4, 300), 0, 10)
cohen_case("ratings_0_10_300_seeded", [int(v) for v in x], [int(v) for v in y], True)
cohen_case("ratings_gap_no_3", [1, 2, 4, 5, 1, 5], [1, 4, 4, 5, 2, 5], True)
cohen_case("ratings_constant_undefined", [3, 3, 3], [3, 3, 3], True)
cohen_case("labels_disjoint", ["a", "a", "b"], ["c", "c", "d"], False)

# ---------------------------------------------------------------- Fleiss' kappa
fleiss = []


def fleiss_case(name, items):
    """items: per item, the labels of its raters (each item the same number of raters)."""
    arr = np.array(items, dtype=object)
    table, cats = aggregate_raters(arr)
    fleiss.append({"name": name, "items": items, "categories": [c if isinstance(c, str) else int(c) for c in cats],
                   "table": [[int(v) for v in row] for row in table],
                   "kappa": num(fleiss_kappa(table, method="fleiss"))})


def noisy(truth, raters, p, cats):
    return [[t if rng.random() < p else cats[int(rng.integers(0, len(cats)))] for _ in range(raters)] for t in truth]


cats3 = ["a", "b", "c"]
fleiss_case("3_raters_3_labels_40_items", noisy([cats3[int(v)] for v in rng.integers(0, 3, 40)], 3, 0.7, cats3))
fleiss_case("5_raters_2_labels_100_items", noisy([["yes", "no"][int(v)] for v in rng.integers(0, 2, 100)], 5, 0.8, ["yes", "no"]))
fleiss_case("10_raters_5_labels_200_items",
            noisy([["1", "2", "3", "4", "5"][int(v)] for v in rng.integers(0, 5, 200)], 10, 0.5, ["1", "2", "3", "4", "5"]))
fleiss_case("2_raters_2_labels_6_items", [["x", "y"], ["x", "x"], ["y", "y"], ["x", "y"], ["y", "y"], ["x", "x"]])
fleiss_case("all_agree_two_labels", [["p", "p", "p"], ["q", "q", "q"], ["p", "p", "p"]])
fleiss_case("one_label_throughout_undefined", [["p", "p"], ["p", "p"], ["p", "p"]])
fleiss_case("systematic_disagreement", [["p", "q"], ["q", "p"], ["p", "q"], ["q", "p"]])
# Wikipedia's worked example of Fleiss' kappa (10 subjects, 14 raters, 5 categories): 0.210 printed there
wiki = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
fk = fleiss_kappa(np.array(wiki), method="fleiss")
assert round(fk, 3) == 0.210, fk
fleiss.append({"name": "wikipedia_14_raters_10_subjects", "table": wiki, "kappa": float(fk)})

# ---------------------------------------------------------------- Krippendorff's alpha
def alpha(data, metric):
    """data: per rater, per unit, a value or None. Exact (Fraction) by the coincidence matrix."""
    units = len(data[0])
    values = sorted({v for row in data for v in row if v is not None})
    o = {(c, k): Fraction(0) for c in values for k in values}
    for u in range(units):
        vals = [row[u] for row in data if row[u] is not None]
        m = len(vals)
        if m < 2:
            continue
        for i, j in permutations(range(m), 2):
            o[(vals[i], vals[j])] += Fraction(1, m - 1)
    nc = {c: sum(o[(c, k)] for k in values) for c in values}
    n = sum(nc.values())
    if n == 0:
        return None

    def d2(c, k):
        if metric == "nominal":
            return Fraction(0 if c == k else 1)
        if metric == "interval":
            return (Fraction(c) - Fraction(k)) ** 2
        lo, hi = min(c, k), max(c, k)
        s = sum(nc[g] for g in values if lo <= g <= hi)
        return (s - (nc[c] + nc[k]) / 2) ** 2

    do = sum(o[(c, k)] * d2(c, k) for c in values for k in values)
    de = sum(nc[c] * nc[k] * d2(c, k) for c in values for k in values)
    if de == 0:
        return None
    return float(1 - (n - 1) * do / de)


krippendorff = []


def kripp_case(name, data):
    krippendorff.append({"name": name, "data": data,
                         "nominal": alpha(data, "nominal"),
                         "ordinal": alpha(data, "ordinal"),
                         "interval": alpha(data, "interval")})


# Krippendorff (2011), section E: 4 observers x 12 units, missing values
N = None
paper = [[1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
         [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
         [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
         [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N]]
kripp_case("krippendorff_2011_4_observers_12_units", paper)
assert [round(krippendorff[-1][m], 3) for m in ("nominal", "ordinal", "interval")] == [0.743, 0.815, 0.849], \
    krippendorff[-1]


def seeded(raters, units, levels, p_missing, noise):
    truth = rng.integers(1, levels + 1, units)
    data = []
    for _ in range(raters):
        row = []
        for t in truth:
            if rng.random() < p_missing:
                row.append(None)
            else:
                row.append(int(np.clip(t + rng.integers(-noise, noise + 1), 1, levels)))
        data.append(row)
    return data


kripp_case("3_raters_30_units_5_levels_10pct_missing", seeded(3, 30, 5, 0.1, 1))
kripp_case("6_raters_50_units_7_levels_30pct_missing", seeded(6, 50, 7, 0.3, 2))
kripp_case("2_raters_40_units_3_levels_no_missing", seeded(2, 40, 3, 0.0, 1))
kripp_case("10_raters_20_units_4_levels_50pct_missing", seeded(10, 20, 4, 0.5, 1))
kripp_case("real_valued_ratings", [[0.5, 1.25, 3.0, N, 2.5], [0.75, 1.25, 2.5, 4.0, N], [0.5, N, 3.5, 4.25, 2.0]])
kripp_case("perfect_agreement", [[1, 2, 3, 2], [1, 2, 3, 2]])
kripp_case("one_value_throughout_undefined", [[2, 2, 2], [2, 2, N]])
kripp_case("no_unit_with_two_values_undefined", [[1, N, 3], [N, 2, N]])
kripp_case("units_with_one_value_are_left_out", [[1, 2, 3, 9], [1, 3, 3, N]])

with open("agreement_reference.json", "w") as f:
    json.dump({"scipy_version": scipy.__version__, "statsmodels_version": statsmodels.__version__,
               "sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
               "proportions": proportions, "cohen_kappa": cohen, "fleiss_kappa": fleiss,
               "krippendorff": krippendorff}, f, indent=1)
    f.write("\n")
