#!/usr/bin/env python3
"""Writes reference.json: pass@k and pass^k reference values for PassRates.

pass@k is the unbiased estimator of Chen et al. 2021, "Evaluating Large Language Models Trained on
Code" (arXiv:2107.03374), computed with the numerically stable product that the paper's repository
uses: `estimate_pass_at_k` in human_eval/evaluation.py of https://github.com/openai/human-eval,
whose per-problem estimator is reproduced below unchanged (1 - comb(n - c, k) / comb(n, k)).
pass^k is tau-bench's definition (Yao et al. 2024, arXiv:2406.12045): the chance that k attempts
drawn without replacement from the n all pass, comb(c, k) / comb(n, k), computed here exactly with
Python's integer math.comb and then rounded once to a float.

Run from this directory with a Python that has NumPy: the file in the repository was made with
NumPy 2.4.6 (`python3 -m venv ref && ref/bin/pip install numpy==2.4.6`, then
`ref/bin/python make_reference.py`). "trials" holds per-trial (n, c, k) cases; "groups" holds
lists of (n, c) trials with a k whose mean over the trials is the group's value, as
human-eval's evaluate_functional_correctness averages estimate_pass_at_k over problems.
"""
import json
import math

import numpy as np


def estimate_pass_at_k(num_samples, num_correct, k):
    """human-eval's estimate_pass_at_k, for a list of per-problem n and c."""

    def estimator(n: int, c: int, k: int) -> float:
        """Calculates 1 - comb(n - c, k) / comb(n, k)."""
        if n - c < k:
            return 1.0
        return 1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1))

    return np.array([estimator(int(n), int(c), k) for n, c in zip(num_samples, num_correct)])


def pass_hat_k(n: int, c: int, k: int) -> float:
    return math.comb(c, k) / math.comb(n, k)


trials = []
for n in range(1, 9):
    for c in range(0, n + 1):
        for k in range(1, n + 1):
            trials.append({"n": n, "c": c, "k": k})
for n, c, k in [(10, 3, 5), (20, 1, 10), (50, 25, 10), (100, 7, 1), (100, 7, 10), (100, 7, 100),
                (200, 13, 100), (200, 199, 150), (1000, 500, 20), (1000, 1, 999)]:
    trials.append({"n": n, "c": c, "k": k})
for t in trials:
    t["pass_at_k"] = float(estimate_pass_at_k([t["n"]], [t["c"]], t["k"])[0])
    t["pass_hat_k"] = pass_hat_k(t["n"], t["c"], t["k"])

groups = []
for name, ns, cs, k in [("five_trials_of_ten", [10] * 5, [0, 1, 5, 9, 10], 3),
                        ("mixed_repetitions", [4, 5, 6], [1, 5, 2], 2),
                        ("humaneval_like", [200] * 4, [0, 3, 57, 200], 10)]:
    groups.append({"name": name, "n": ns, "c": cs, "k": k,
                   "pass_at_k": float(np.mean(estimate_pass_at_k(ns, cs, k))),
                   "pass_hat_k": float(np.mean([pass_hat_k(n, c, k) for n, c in zip(ns, cs)]))})

with open("reference.json", "w") as f:
    json.dump({"tool": "human-eval estimate_pass_at_k (reproduced) with NumPy", "numpy_version": np.__version__,
               "generator": "make_reference.py", "trials": trials, "groups": groups}, f, indent=1)
    f.write("\n")
