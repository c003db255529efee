import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The reference implementation: Debian's python3-sklearn under /usr/bin/python3 (not a pyenv python on PATH),
 * given the same predictions and labels. `weights` are integer counts; the rows are repeated by them (np.repeat),
 * which is what a bootstrap resample with those counts means.
 */
export const PYTHON = "/usr/bin/python3";

const script = String.raw`
import json, sys
import numpy as np
from sklearn import metrics as M
a = json.load(open(sys.argv[1]))
task = a["task"]
w = np.array(a["weights"]) if a.get("weights") is not None else None
def rep(x):
    x = np.asarray(x)
    return np.repeat(x, w, axis=0) if w is not None else x
out = {}
if task == "binary":
    y = rep(np.array(a["y"], dtype=np.int64)); s = rep(np.array(a["score"], dtype=np.float64)); thr = a["threshold"]
    pred = (s >= thr).astype(np.int64)
    out["accuracy"] = M.accuracy_score(y, pred)
    out["precision"] = M.precision_score(y, pred, zero_division=0)
    out["recall"] = M.recall_score(y, pred, zero_division=0)
    out["f1"] = M.f1_score(y, pred, zero_division=0)
    out["specificity"] = M.recall_score(y, pred, pos_label=0, zero_division=0)
    out["positive_rate"] = float(pred.mean())
    out["roc_auc"] = M.roc_auc_score(y, s)
    out["average_precision"] = M.average_precision_score(y, s)
    out["log_loss"] = M.log_loss(y, s, labels=[0, 1])
    out["brier"] = M.brier_score_loss(y, s)
    # ece over calibration_curve's uniform bins: sum over bins of |count * (frac_pos - mean_pred)| / n
    bins = np.linspace(0.0, 1.0, 11)
    ids = np.searchsorted(bins[1:-1], s)
    diff = np.bincount(ids, weights=y - s, minlength=10)
    out["ece"] = float(np.abs(diff).sum() / len(y))
    out["confusion"] = M.confusion_matrix(y, pred, labels=[0, 1]).tolist()
elif task == "multiclass":
    y = rep(np.array(a["y"], dtype=np.int64)); k = a["k"]
    P = rep(np.array(a["proba"], dtype=np.float64).reshape(-1, k))
    pred = np.argmax(P, axis=1)
    out["accuracy"] = M.accuracy_score(y, pred)
    for avg in ["macro", "weighted"]:
        out["precision_" + avg] = M.precision_score(y, pred, average=avg, zero_division=0)
        out["recall_" + avg] = M.recall_score(y, pred, average=avg, zero_division=0)
        out["f1_" + avg] = M.f1_score(y, pred, average=avg, zero_division=0)
    out["log_loss"] = M.log_loss(y, P, labels=list(range(k)))
    out["top_k_accuracy"] = M.top_k_accuracy_score(y, P, k=2, labels=list(range(k)))
    out["confusion"] = M.confusion_matrix(y, pred, labels=list(range(k))).tolist()
else:
    y = rep(np.array(a["y"], dtype=np.float64)); p = rep(np.array(a["pred"], dtype=np.float64))
    out["mae"] = M.mean_absolute_error(y, p)
    out["rmse"] = M.mean_squared_error(y, p, squared=False)
    out["r2"] = M.r2_score(y, p)
    nz = y != 0
    out["mape"] = M.mean_absolute_percentage_error(y[nz], p[nz])
    out["median_ae"] = M.median_absolute_error(y, p)
    out["max_error"] = M.max_error(y, p)
print(json.dumps({k: (float(v) if not isinstance(v, list) else v) for k, v in out.items()}))
`;

let dir: string | undefined;

export function sklearn(args: Record<string, unknown>): Record<string, number> & { confusion?: number[][] } {
  dir ??= mkdtempSync(join(tmpdir(), "mg-sklearn-"));
  const input = join(dir, `in-${Math.random().toString(36).slice(2)}.json`);
  const code = join(dir, "ref.py");
  writeFileSync(code, script);
  writeFileSync(input, JSON.stringify(args));
  const r = spawnSync(PYTHON, ["-W", "ignore", code, input], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scikit-learn reference failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Relative closeness, the tests' 1e-9 bar. */
export function assertClose(actual: number | null, expected: number, what: string, rel = 1e-9): void {
  if (actual === null || !Number.isFinite(actual)) throw new Error(`${what}: got ${actual}, scikit-learn ${expected}`);
  const tol = rel * Math.max(1, Math.abs(expected));
  if (Math.abs(actual - expected) > tol) {
    throw new Error(`${what}: got ${actual}, scikit-learn ${expected} (diff ${Math.abs(actual - expected)})`);
  }
}

/** A seeded generator for test data (mulberry32). */
export { rng } from "../../src/util/random.ts";
