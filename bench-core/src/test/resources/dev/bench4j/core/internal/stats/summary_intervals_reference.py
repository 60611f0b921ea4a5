"""Reference values for bench4j's summary intervals (dev.bench4j.core.internal.stats.SummaryIntervals
and the latency percentiles of dev.bench4j.core.internal.run.LatencyAccumulator).

Rerun from the repository root:

    python3 bench-core/src/test/resources/dev/bench4j/core/internal/stats/summary_intervals_reference.py

It rewrites summary_intervals_reference.json beside it. Generated with SciPy 1.17.1 and NumPy
(python3 on the build machine); the library calls are:

- Wilson score interval, no continuity correction:
  scipy.stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')
- Student-t interval of a mean: mean -/+ scipy.stats.t.ppf(0.975, n - 1) * s / sqrt(n), s the sample
  standard deviation (ddof=1); the clamped variant clips both bounds to [0, 1] with numpy.clip.
- Order-statistic interval of the p-quantile: scipy.stats.quantile_test(x, q=median, p=p)
  .confidence_interval(0.95) (two-sided), whose bounds are x_(l) and x_(u) with the 1-based ranks
  l = binom.ppf(0.025, n, p) and u = binom.isf(0.025, n, p) + 1; NaN (here null) when l < 1 or u > n.
- Nearest-rank percentile: numpy.percentile(x, 100 p, method='inverted_cdf') = x_(ceil(p n)).
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import stats

out = {"scipy_version": scipy.__version__, "wilson": [], "t": [], "ranks": [], "latency": []}

for k, n in [(1, 2), (0, 1), (1, 1), (0, 5), (5, 5), (3, 10), (7, 40), (1, 1000), (999, 1000), (50, 100),
             (12345, 100000)]:
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')
    out["wilson"].append({"k": k, "n": n, "lower": float(ci.low), "upper": float(ci.high)})

for values in [[0.5, 0.25], [0.9, 1.0, 0.95], [0.1, 0.2, 0.15, 0.4, 0.0], [0.3, 0.6, 0.9, 0.2, 0.5, 0.7],
               [2.5, -1.0, 4.0, 3.25], [0.001, 0.002, 0.0005]]:
    x = np.array(values)
    n = len(x)
    mean = float(np.mean(x))
    half = float(stats.t.ppf(0.975, n - 1) * np.std(x, ddof=1) / math.sqrt(n))
    unit = bool(np.all((x >= 0) & (x <= 1)))
    out["t"].append({"values": values, "mean": mean, "sd": float(np.std(x, ddof=1)), "lower": mean - half,
                     "upper": mean + half, "clamped_lower": float(np.clip(mean - half, 0, 1)),
                     "clamped_upper": float(np.clip(mean + half, 0, 1)), "clamped_at_zero_lower": max(0.0, mean - half),
                     "unit": unit})

for n in [1, 5, 6, 10, 50, 71, 72, 100, 367, 368, 1000, 12345, 100000]:
    x = np.arange(1, n + 1, dtype=float)  # x_(i) = i, so the bounds are the ranks
    for p in [0.5, 0.95, 0.99]:
        ci = stats.quantile_test(x, q=float(np.median(x)), p=p).confidence_interval(0.95)
        low, high = float(ci.low), float(ci.high)
        l = int(stats.binom.ppf(0.025, n, p))
        u = int(stats.binom.isf(0.025, n, p)) + 1
        defined = not (math.isnan(low) or math.isnan(high))
        assert defined == (l >= 1 and u <= n)
        if defined:
            assert (low, high) == (float(l), float(u))
        out["ranks"].append({"n": n, "p": p, "lower_rank": l if defined else None,
                             "upper_rank": u if defined else None})

# latencies in nanoseconds below 2,048, where a 3-significant-digit HdrHistogram is exact
rng = np.random.default_rng(14)
for n in [7, 100, 500]:
    x = rng.integers(1, 2048, size=n)
    xs = np.sort(x).astype(float)
    case = {"nanos": [int(v) for v in x], "min": int(xs[0]), "max": int(xs[-1]), "mean_floor": int(np.sum(x) // n)}
    for p, name in [(0.5, "p50"), (0.95, "p95"), (0.99, "p99")]:
        case[name] = int(np.percentile(xs, 100 * p, method='inverted_cdf'))
        ci = stats.quantile_test(xs, q=float(np.median(xs)), p=p).confidence_interval(0.95)
        case[name + "_ci"] = None if math.isnan(ci.low) or math.isnan(ci.high) else [float(ci.low), float(ci.high)]
    out["latency"].append(case)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "summary_intervals_reference.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
