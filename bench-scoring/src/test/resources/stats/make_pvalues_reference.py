#!/usr/bin/env python3
"""Writes pvalues_reference.json: p-value vectors and statsmodels' adjusted p-values and reject flags,
for the tests of dev.bench4j.scoring.stats.PValues.

Run from this directory with the statsmodels venv:
    python3 -m venv ref && ref/bin/pip install scipy==1.17.1 statsmodels==0.15.0 scikit-learn==1.9.1 numpy==2.4.6
    ref/bin/python make_pvalues_reference.py
Generated with statsmodels 0.15.0 and NumPy 2.4.6 (printed into the file). Seeded (numpy
default_rng), so a rerun with the same versions gives the same file.

Each case has the raw p-values, alpha, and for each of statsmodels' methods 'bonferroni', 'holm'
and 'fdr_bh' the output of statsmodels.stats.multitest.multipletests(p, alpha, method): the reject
flags and the corrected p-values (capped at 1, in the input's order). Vectors have n = 0..50 and
include ties, exact 0s and 1s, values on the rejection boundary and values concentrated near 0.
"""
import json

import numpy as np
import statsmodels
from statsmodels.stats.multitest import multipletests

rng = np.random.default_rng(20261207)
METHODS = ["bonferroni", "holm", "fdr_bh"]


def case(name, p, alpha):
    p = [float(v) for v in p]
    out = {"name": name, "p": p, "alpha": alpha}
    for m in METHODS:
        reject, corrected, _, _ = multipletests(np.asarray(p, dtype=float), alpha=alpha, method=m)
        out[m] = {"reject": [bool(v) for v in reject], "adjusted": [float(v) for v in corrected]}
    return out


cases = [
    case("empty", [], 0.05),
    case("one small", [0.01], 0.05),
    case("one one", [1.0], 0.05),
    case("on the boundary", [0.01, 0.02, 0.03, 0.04, 0.05], 0.05),
    case("all zero", [0.0, 0.0, 0.0], 0.05),
    case("all one", [1.0, 1.0, 1.0, 1.0], 0.05),
    case("ties across the threshold", [0.02, 0.02, 0.02, 0.5, 0.5, 0.001], 0.05),
]
for n in range(1, 51):
    kind = n % 4
    if kind == 0:
        p = rng.uniform(0, 1, n)
    elif kind == 1:
        p = rng.beta(0.3, 4, n)  # many small p-values
    elif kind == 2:
        p = np.round(rng.uniform(0, 0.2, n), 2)  # ties
    else:
        p = rng.choice([0.0, 1.0, 0.001, 0.01, 0.04, 0.05, 0.3], n)  # 0s, 1s, ties
    alpha = [0.05, 0.1, 0.01][n % 3]
    cases.append(case("random n=%d kind=%d alpha=%g" % (n, kind, alpha), p, alpha))

with open("pvalues_reference.json", "w") as f:
    f.write('{"statsmodels": "%s", "numpy": "%s", "cases": [\n' % (statsmodels.__version__, np.__version__))
    f.write(",\n".join(json.dumps(c) for c in cases))
    f.write("\n]}\n")
