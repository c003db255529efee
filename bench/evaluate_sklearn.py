"""The peer of bench/evaluate.ts: what a data scientist would write with pandas and scikit-learn to do the job of
`modelgate evaluate` on one model: read the file, predict_proba with a LogisticRegression holding the same weights,
the same metrics from sklearn.metrics, and the same number of bootstrap resamples with Poisson(1) row weights
(sample_weight) for a 95% interval of every metric.

    /usr/bin/python3 bench/evaluate_sklearn.py DATA MODEL.json RESAMPLES
"""
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn import metrics as M
from sklearn.linear_model import LogisticRegression

path, model_path, resamples = sys.argv[1], sys.argv[2], int(sys.argv[3])
t0 = time.perf_counter()
df = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
t1 = time.perf_counter()

m = json.load(open(model_path))
features = [c for c in df.columns if c != "label"]
X = df[features].to_numpy(dtype=np.float32)
y = df["label"].to_numpy()
clf = LogisticRegression()
clf.classes_ = np.array([0, 1])
clf.coef_ = np.array([m["weights"]], dtype=np.float64)
clf.intercept_ = np.array([m["bias"]], dtype=np.float64)
p = clf.predict_proba(X)[:, 1]
t2 = time.perf_counter()

bins = np.linspace(0.0, 1.0, 11)


def all_metrics(w=None):
    pred = (p >= 0.5).astype(int)
    out = {
        "accuracy": M.accuracy_score(y, pred, sample_weight=w),
        "precision": M.precision_score(y, pred, sample_weight=w, zero_division=0),
        "recall": M.recall_score(y, pred, sample_weight=w, zero_division=0),
        "f1": M.f1_score(y, pred, sample_weight=w, zero_division=0),
        "specificity": M.recall_score(y, pred, pos_label=0, sample_weight=w, zero_division=0),
        "positive_rate": float(np.average(pred, weights=w)),
        "roc_auc": M.roc_auc_score(y, p, sample_weight=w),
        "average_precision": M.average_precision_score(y, p, sample_weight=w),
        "log_loss": M.log_loss(y, p, sample_weight=w),
        "brier": M.brier_score_loss(y, p, sample_weight=w),
    }
    ww = np.ones(len(y)) if w is None else w
    ids = np.searchsorted(bins[1:-1], p)
    out["ece"] = float(np.abs(np.bincount(ids, weights=ww * (y - p), minlength=10)).sum() / ww.sum())
    out["confusion"] = M.confusion_matrix(y, pred, sample_weight=w).tolist()
    return out


point = all_metrics()
t3 = time.perf_counter()
rng = np.random.default_rng(42)
samples = []
for b in range(resamples):
    w = rng.poisson(1.0, len(y))
    r = all_metrics(w)
    samples.append([r[k] for k in point if k != "confusion"])
intervals = {}
if samples:
    a = np.array(samples)
    for j, k in enumerate([k for k in point if k != "confusion"]):
        intervals[k] = [float(np.percentile(a[:, j], 2.5)), float(np.percentile(a[:, j], 97.5))]
t4 = time.perf_counter()
print(
    json.dumps(
        {
            **{k: v for k, v in point.items() if k != "confusion"},
            "intervals": intervals,
            "timings": {"read": t1 - t0, "infer": t2 - t1, "metrics": t3 - t2, "bootstrap": t4 - t3},
        }
    )
)
