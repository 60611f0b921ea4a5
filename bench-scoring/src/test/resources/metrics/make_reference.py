#!/usr/bin/env python3
"""Writes reference.json: classification and set-F1 metrics computed by scikit-learn.

Run from this directory with a Python that has scikit-learn and NumPy. The file in the repository
was made with scikit-learn 1.9.1 and NumPy 2.4.6 (a venv made by
`python3 -m venv ref && ref/bin/pip install scipy==1.17.1 statsmodels==0.15.0 scikit-learn==1.9.1 numpy==2.4.6`,
then `ref/bin/python make_reference.py`); it was first made with Debian's scikit-learn
1.2.1, and the two differ in one value: the "weighted" average when no trial has a gold item, which
1.9 gives as the unweighted mean over labels (its _nanaverage ignores weights that are all 0) and
1.2 gave as precision 0, recall zero_division and F1 0 (sets_no_gold, zero_division=1).
The cases are seeded, so a rerun with the same scikit-learn gives the same file (random draws
over a set's items go through them in sorted order: a set's own order changes from one Python
process to the next with string hashing).

Each classification case has labels y_true / y_pred and, per zero_division in (0, 1, "warn"):
accuracy_score, precision_recall_fscore_support with average micro, macro and weighted,
and, for binary cases, average="binary" with pos_label.
Each set case has per-trial gold and predicted item sets; they are binarized with
MultiLabelBinarizer fitted on the union of the gold and predicted items plus the case's
extra_labels (labels no trial has; they count in the macro average), whose classes_ are written as
"labels". Per zero_division the case has precision_recall_fscore_support with average="micro"
(sum of counts over labels and trials), "samples" (mean of per-trial values), "macro" (mean of
per-label values) and "weighted" (per-label values weighted by support), and, as "per_label", each
label's tp, predicted and support counts and its average=None precision, recall and F1, and
"subset_accuracy": accuracy_score(y_true, y_pred) on the indicator matrices (exact set match).
"no_labels" holds trials whose gold and predicted sets are all empty, so there is no label at all:
scikit-learn refuses an indicator matrix with no columns, so its values are those of
precision_recall_fscore_support(..., labels=[]) on a two-column all-zero matrix (macro and weighted
NaN, written as null; micro and samples zero_division) and accuracy_score of the all-zero matrices.
Each "cohen_kappa" case has two raters' labels a and b (strings, booleans or numbers) and, per weights
in (None, "linear", "quadratic") (only None for non-numeric labels), cohen_kappa_score(a, b,
weights=...) with labels=None (null where scikit-learn gives NaN), with the observed and expected
agreement it compares: 1 - sum(w * O) / (n * max(w)) and 1 - sum(w * E) / (n * max(w)) for the
confusion matrix O, its chance counts E = outer(row sums, column sums) / n and the weight matrix w
scikit-learn uses. Its cases are drawn from a generator of their own, so the others keep their values.
The cases of "sets" have extra_labels __unused_1__ and __unused_2__ and are also checked through
set_f1 scores; those of "multilabel_sets" are checked through Aggregates.multilabel only, most of
them with no extra labels (the binarizer knows only the labels some trial has). A case with no
label at all is left out: scikit-learn refuses an indicator matrix with no columns.
"""
import json
import random
import warnings

import numpy
import sklearn
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import (accuracy_score, cohen_kappa_score, confusion_matrix, multilabel_confusion_matrix,
                             precision_recall_fscore_support)
from sklearn.preprocessing import MultiLabelBinarizer

ZERO_DIVISIONS = [0, 1, "warn"]
UNUSED_LABELS = ["__unused_1__", "__unused_2__"]

warnings.simplefilter("ignore", UndefinedMetricWarning)
warnings.simplefilter("ignore", RuntimeWarning)  # cohen_kappa_score's 0 / 0 where kappa is undefined


def prf(y_true, y_pred, average, zero_division, **kwargs):
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average=average,
                                                 zero_division=zero_division, **kwargs)
    return {"precision": float(p), "recall": float(r), "f1": float(f)}


def classification_case(name, y_true, y_pred, pos_label=None):
    case = {"name": name, "expected": list(y_true), "predicted": list(y_pred), "results": []}
    for zd in ZERO_DIVISIONS:
        result = {
            "zero_division": zd,
            "accuracy": float(accuracy_score(y_true, y_pred)),
            "micro": prf(y_true, y_pred, "micro", zd),
            "macro": prf(y_true, y_pred, "macro", zd),
            "weighted": prf(y_true, y_pred, "weighted", zd),
        }
        if pos_label is not None:
            result["pos_label"] = pos_label
            result["binary"] = prf(y_true, y_pred, "binary", zd, pos_label=pos_label)
        case["results"].append(result)
    return case


def per_label(labels, y_true, y_pred, zero_division):
    mcm = multilabel_confusion_matrix(y_true, y_pred)
    p, r, f, support = precision_recall_fscore_support(y_true, y_pred, average=None,
                                                       zero_division=zero_division)
    return [{"label": label, "true_positives": int(mcm[i, 1, 1]), "predicted": int(mcm[i, 1, 1] + mcm[i, 0, 1]),
             "support": int(support[i]), "precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i])}
            for i, label in enumerate(labels)]


def set_case(name, gold, predicted, extra_labels=UNUSED_LABELS):
    mlb = MultiLabelBinarizer()
    mlb.fit([set(g) | set(p) for g, p in zip(gold, predicted)] + [set(extra_labels)])
    y_true = mlb.transform(gold)
    y_pred = mlb.transform(predicted)
    labels = [str(label) for label in mlb.classes_]
    case = {"name": name, "gold": [sorted(g) for g in gold], "predicted": [sorted(p) for p in predicted],
            "extra_labels": sorted(extra_labels), "labels": labels, "results": []}
    for zd in ZERO_DIVISIONS:
        case["results"].append({
            "zero_division": zd,
            "micro": prf(y_true, y_pred, "micro", zd),
            "samples": prf(y_true, y_pred, "samples", zd),
            "macro": prf(y_true, y_pred, "macro", zd),
            "weighted": prf(y_true, y_pred, "weighted", zd),
            "per_label": per_label(labels, y_true, y_pred, zd),
            "subset_accuracy": float(accuracy_score(y_true, y_pred)),
        })
    return case


def or_none(value):
    return None if numpy.isnan(value) else float(value)


def no_labels_case(trials):
    """Every set empty: no label. scikit-learn with labels=[] on an all-zero two-column matrix (one column is
    binary, not multilabel, input)."""
    y = numpy.zeros((trials, 2), dtype=int)
    case = {"name": "no_labels_%d_trials" % trials, "trials": trials, "results": []}
    for zd in ZERO_DIVISIONS:
        result = {"zero_division": zd, "subset_accuracy": float(accuracy_score(y, y))}
        for average in ("micro", "macro", "weighted", "samples"):
            p, r, f, _ = precision_recall_fscore_support(y, y, average=average, labels=[], zero_division=zd)
            result[average] = None if numpy.isnan(p) else {"precision": or_none(p), "recall": or_none(r),
                                                             "f1": or_none(f)}
        case["results"].append(result)
    return case


def kappa_result(a, b, weights):
    """cohen_kappa_score with the observed and expected agreement behind it (None where it is NaN)."""
    kappa = float(cohen_kappa_score(a, b, weights=weights))
    if numpy.isnan(kappa):
        return {"weights": weights, "kappa": None, "observed": None, "expected": None}
    observed = confusion_matrix(a, b)
    k = observed.shape[0]
    n = observed.sum()
    expected = numpy.outer(observed.sum(axis=1), observed.sum(axis=0)) / n
    i, j = numpy.indices((k, k))
    w = {None: (i != j).astype(float), "linear": numpy.abs(i - j).astype(float),
         "quadratic": ((i - j) ** 2).astype(float)}[weights]
    return {"weights": weights, "kappa": kappa,
            "observed": float(1 - (w * observed).sum() / (n * w.max())),
            "expected": float(1 - (w * expected).sum() / (n * w.max()))}


def kappa_case(name, a, b, factor=1):
    """factor: scikit-learn refuses non-whole numbers ("continuous"), so half points are given to it
    doubled; the categories' positions, and so kappa, are the same."""
    numeric = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in list(a) + list(b))
    sa = [int(v * factor) for v in a] if numeric else list(a)
    sb = [int(v * factor) for v in b] if numeric else list(b)
    return {"name": name, "a": list(a), "b": list(b),
            "results": [kappa_result(sa, sb, w) for w in ([None, "linear", "quadratic"] if numeric else [None])]}


def kappa_cases():
    rng = random.Random(20250607)
    cases = []
    a = [rng.random() < 0.6 for _ in range(60)]
    b = [v if rng.random() < 0.8 else not v for v in a]
    cases.append(kappa_case("verdicts_2_classes_seeded", a, b))
    a = random_labels(rng, ["good", "bad"], 40)
    b = [v if rng.random() < 0.7 else rng.choice(["good", "bad"]) for v in a]
    cases.append(kappa_case("labels_2_classes_seeded", a, b))
    a = random_labels(rng, ["correct", "partial", "wrong"], 90)
    b = [v if rng.random() < 0.65 else rng.choice(["correct", "partial", "wrong"]) for v in a]
    cases.append(kappa_case("labels_3_classes_seeded", a, b))
    cases.append(kappa_case("labels_perfect", ["x", "y", "z", "x"], ["x", "y", "z", "x"]))
    cases.append(kappa_case("labels_one_and_the_same_throughout_undefined", ["ok"] * 5, ["ok"] * 5))
    cases.append(kappa_case("labels_each_rater_constant_but_different", ["ok"] * 4, ["bad"] * 4))
    cases.append(kappa_case("labels_below_chance", ["a", "b", "a", "b"], ["b", "a", "b", "a"]))
    cases.append(kappa_case("labels_single_item_disagreeing", ["a"], ["b"]))
    a = [rng.randint(1, 5) for _ in range(50)]
    b = [min(5, max(1, v + rng.choice([-1, 0, 0, 1]))) for v in a]
    cases.append(kappa_case("ratings_1_5_with_ties_seeded", a, b))
    a = [rng.choice([1, 2, 4, 5]) for _ in range(30)]
    b = [min(5, max(1, v + rng.choice([-1, 0, 1]))) if v != 2 else v for v in a]
    b = [4 if v == 3 else v for v in b]
    cases.append(kappa_case("ratings_1_5_never_3_positions_not_values", a, b))
    a = [rng.randint(0, 9) for _ in range(500)]
    b = [min(9, max(0, v + rng.randint(-2, 2))) for v in a]
    cases.append(kappa_case("ratings_0_9_seeded_500", a, b))
    a = [rng.choice([1, 1.5, 2, 2.5, 3]) for _ in range(25)]
    b = [rng.choice([1, 1.5, 2, 2.5, 3]) for _ in range(25)]
    cases.append(kappa_case("ratings_half_points_unrelated", a, b, factor=2))
    cases.append(kappa_case("ratings_perfect", [1, 3, 5, 2, 4], [1, 3, 5, 2, 4]))
    cases.append(kappa_case("ratings_one_and_the_same_throughout_undefined", [4, 4, 4], [4, 4, 4]))
    cases.append(kappa_case("ratings_each_rater_constant_but_different", [2, 2, 2], [4, 4, 4]))
    cases.append(kappa_case("ratings_reversed", [1, 2, 3, 4, 5], [5, 4, 3, 2, 1]))
    return cases


def random_sets(rng, items, n, gold_rates, keep_rate, extra_rates):
    """n trials: gold holds each item with its rate; predicted keeps a gold item with keep_rate and adds
    each item with its extra rate."""
    gold, predicted = [], []
    for _ in range(n):
        g = {i for i, rate in zip(items, gold_rates) if rng.random() < rate}
        p = {i for i in sorted(g) if rng.random() < keep_rate} | {i for i, rate in zip(items, extra_rates)
                                                                if rng.random() < rate}
        gold.append(g)
        predicted.append(p)
    return gold, predicted


def random_labels(rng, labels, n):
    return [rng.choice(labels) for _ in range(n)]


def main():
    rng = random.Random(20240605)
    classification = []

    y_true = random_labels(rng, ["neg", "pos"], 200)
    y_pred = [t if rng.random() < 0.8 else rng.choice(["neg", "pos"]) for t in y_true]
    classification.append(classification_case("binary_seeded", y_true, y_pred, pos_label="pos"))
    classification.append(classification_case("binary_never_predicts_positive",
                                               ["pos", "neg", "pos", "neg", "neg"],
                                               ["neg", "neg", "neg", "neg", "neg"], pos_label="pos"))
    classification.append(classification_case("binary_all_correct", ["pos", "neg", "pos"], ["pos", "neg", "pos"],
                                              pos_label="pos"))

    labels = ["cat", "dog", "bird", "fish"]
    y_true = random_labels(rng, labels, 300)
    y_pred = [t if rng.random() < 0.6 else rng.choice(labels) for t in y_true]
    classification.append(classification_case("multiclass_seeded", y_true, y_pred))

    # "fish" is expected but never predicted; "cow" is predicted but never expected.
    y_true = random_labels(rng, ["cat", "dog", "bird", "fish"], 120)
    y_pred = [t if t != "fish" and rng.random() < 0.7 else rng.choice(["cat", "dog", "bird", "cow"]) for t in y_true]
    classification.append(classification_case("multiclass_unpredicted_and_unexpected_classes", y_true, y_pred))

    classification.append(classification_case("multiclass_all_wrong", ["a", "b", "c"], ["b", "c", "a"]))
    classification.append(classification_case("single_trial", ["a"], ["a"]))

    sets = []
    items = ["asthma", "diabetes", "hypertension", "migraine", "anemia", "gout"]
    gold, predicted = [], []
    for _ in range(150):
        g = {i for i in items if rng.random() < 0.35}
        p = {i for i in sorted(g) if rng.random() < 0.75} | {i for i in items if rng.random() < 0.1}
        gold.append(g)
        predicted.append(p)
    sets.append(set_case("sets_seeded_with_empty_trials", gold, predicted))
    sets.append(set_case("sets_some_empty", [{"a"}, set(), set(), {"b", "c"}], [set(), {"x"}, set(), {"b"}]))
    sets.append(set_case("sets_all_empty", [set(), set()], [set(), set()]))
    sets.append(set_case("sets_no_predictions", [{"a"}, {"b", "c"}], [set(), set()]))
    sets.append(set_case("sets_no_gold", [set(), set()], [{"a"}, {"b"}]))

    # Drawn after the cases above, so their values do not change.
    multilabel = []
    items = ["anemia", "asthma", "copd", "diabetes", "gout", "hypertension", "lupus", "migraine"]
    # Rare and common labels, so that the macro, weighted and micro averages differ; "lupus" is never
    # expected (only predicted) and "copd" never predicted by chance (only kept from gold).
    gold, predicted = random_sets(rng, items, 200, [0.05, 0.4, 0.1, 0.5, 0.02, 0.6, 0.0, 0.25], 0.7,
                                  [0.02, 0.05, 0.0, 0.1, 0.03, 0.05, 0.04, 0.1])
    multilabel.append(set_case("multilabel_seeded", gold, predicted, extra_labels=[]))
    multilabel.append(set_case("multilabel_seeded_with_extra_labels", gold, predicted,
                               extra_labels=["aaa_unused", "zzz_unused"]))
    for case in sets:
        if any(case["gold"]) or any(case["predicted"]):
            multilabel.append(set_case(case["name"] + "_union_labels", case["gold"], case["predicted"],
                                       extra_labels=[]))
    multilabel.append(set_case("label_only_predicted", [{"a"}, {"a", "b"}, {"b"}], [{"a", "c"}, {"b", "c"}, {"b"}],
                               extra_labels=[]))
    multilabel.append(set_case("trial_without_gold", [set(), {"a"}, {"a", "b"}, set()], [{"a"}, {"a"}, {"b"}, set()],
                               extra_labels=[]))
    multilabel.append(set_case("single_trial", [{"a", "b", "c"}], [{"b", "c", "d"}], extra_labels=[]))
    multilabel.append(set_case("all_empty_with_labels", [set(), set(), set()], [set(), set(), set()],
                               extra_labels=["a", "b", "c"]))

    reference = {
        "tool": "scikit-learn",
        "sklearn_version": sklearn.__version__,
        "numpy_version": numpy.__version__,
        "generator": "make_reference.py",
        "classification": classification,
        "sets": sets,
        "multilabel_sets": multilabel,
        "cohen_kappa": kappa_cases(),
        "no_labels": [no_labels_case(1), no_labels_case(3)],
    }
    with open("reference.json", "w", encoding="utf-8") as out:
        json.dump(reference, out, indent=1, sort_keys=False)
        out.write("\n")


if __name__ == "__main__":
    main()
