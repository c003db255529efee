import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

/**
 * The reference implementation: Debian's python3-sklearn under /usr/bin/python3 (not a pyenv python on PATH),
 * given the same predictions and labels. `weights` are integer counts; the rows are repeated by them (np.repeat),
 * which is what a bootstrap resample with those counts means. One Python process per test file answers every call
 * (a JSON line in, a JSON line out): importing scikit-learn costs more CPU than any one reference computation.
 */
export const PYTHON = "/usr/bin/python3";

const script = String.raw`
import json, sys, traceback
import numpy as np
from sklearn import metrics as M
def reference(a):
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
  return {k: (float(v) if not isinstance(v, list) else v) for k, v in out.items()}
for line in sys.stdin:
  try:
    answer = {"ok": reference(json.loads(line))}
  except Exception:
    answer = {"error": traceback.format_exc()}
  sys.stdout.write(json.dumps(answer) + "\n")
  sys.stdout.flush()
`;

type Reference = Record<string, number> & { confusion?: number[][] };

let python: { child: ChildProcessWithoutNullStreams; waiting: ((line: string) => void)[]; exited?: string } | undefined;

/** Keeps this process alive only while an answer is awaited (the reference process idles between calls). */
function hold(on: boolean): void {
  if (!python) return;
  // the pipes are sockets (net.Socket), which can be unreferenced like the process itself
  const handles = [python.child, python.child.stdout, python.child.stdin] as unknown as {
    ref(): void;
    unref(): void;
  }[];
  for (const h of handles) on ? h.ref() : h.unref();
}

function startPython() {
  const child = spawn(PYTHON, ["-W", "ignore", "-c", script], { stdio: ["pipe", "pipe", "pipe"] });
  const p: NonNullable<typeof python> = { child, waiting: [] };
  let buffered = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (d: string) => {
    buffered += d;
    for (let nl = buffered.indexOf("\n"); nl >= 0; nl = buffered.indexOf("\n")) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      p.waiting.shift()?.(line);
    }
    if (p.waiting.length === 0) hold(false);
  });
  child.stderr.on("data", (d) => (stderr += d));
  child.on("exit", (code, signal) => {
    p.exited = `the scikit-learn reference ended (${signal ?? `exit ${code}`}): ${stderr}`;
    for (const w of p.waiting.splice(0)) w(JSON.stringify({ error: p.exited }));
    if (python === p) python = undefined;
  });
  (child.stderr as unknown as { unref(): void }).unref();
  // when the tests are done, the reference process is told so and waited for (its CPU time is the test's)
  process.once("beforeExit", () => {
    if (python !== p) return;
    python = undefined;
    child.ref();
    child.stdin.end();
  });
  return p;
}

/** scikit-learn's metrics of the same predictions (see the script above). */
export function sklearn(args: Record<string, unknown>): Promise<Reference> {
  python ??= startPython();
  const p = python;
  return new Promise((resolve, reject) => {
    p.waiting.push((line) => {
      const answer = JSON.parse(line) as { ok?: Reference; error?: string };
      if (answer.error !== undefined) reject(new Error(`scikit-learn reference failed: ${answer.error}`));
      else resolve(answer.ok as Reference);
    });
    hold(true);
    p.child.stdin.write(`${JSON.stringify(args)}\n`);
  });
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
