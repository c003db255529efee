import { createRequire } from 'node:module';
import { m as mergeShardFiles, e as evaluateRepositoryModel, a as evaluateQuickLook } from './chunk-4XQEDHKK-BxXLCzAZ.js';
import { v as wholeNumber, n as num, s as str, d as findRoot, t as toJson, g as parseArgs } from './hot-validate-plan-audit-verify-DglurztO.js';
import { R as RECORDS_DIR } from './chunk-ZYONVBQU-s7z3Z2Hp.js';
import { M as MAX_RESAMPLES, o as openWorkspace } from './hot-plan-YWGJn6IT.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { resolve, relative } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/evaluate/summary.ts
function summarize(record, path) {
  const f = (x) => x === null || x === void 0 ? "\u2014" : Math.abs(x) >= 1e3 ? x.toFixed(1) : x.toFixed(4);
  const iv = (i) => i ? `[${f(i[0])}, ${f(i[1])}]` : "";
  const c = record.candidate;
  const b = record.baseline;
  const rows = [["metric", "candidate", "95% CI", ...b ? ["baseline", "delta", "delta 95% CI", ""] : []]];
  for (const [name, v] of Object.entries(c.metrics)) {
    const d = record.deltas[name];
    rows.push([
      name,
      f(v),
      iv(c.intervals[name]),
      ...b ? [
        f(b.metrics[name]),
        d ? (d.delta >= 0 ? "+" : "") + f(d.delta) : "\u2014",
        iv(d?.interval),
        d?.excludesZero ? "*" : ""
      ] : []
    ]);
  }
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const lines = rows.map(
    (r) => r.map((cell, j) => j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])).join("  ").trimEnd()
  );
  const skipped = Object.entries(record.dataset.skipped).map(([k, v]) => `${k}: ${v}`);
  const lat = record.timings.latency?.candidate;
  return [
    `${record.model.name} (${record.model.task}) on ${record.dataset.path}: ${record.dataset.rows.toLocaleString("en-US")} rows${skipped.length ? ` (skipped ${skipped.join(", ")})` : ""}`,
    ...record.bootstrap.resamples > 0 ? [
      `paired Poisson bootstrap, ${record.bootstrap.resamples} resamples, seed ${record.bootstrap.seed}${b ? "; * = the delta's interval excludes zero" : ""}`
    ] : [],
    ...lines,
    ...lat ? [
      `latency (one row): p50 ${lat.p50_ms.toFixed(3)} ms, p95 ${lat.p95_ms.toFixed(3)} ms, p99 ${lat.p99_ms.toFixed(3)} ms; batch ${Math.round(lat.batch_rows_per_s).toLocaleString("en-US")} rows/s`
    ] : [],
    ...[...c.notes ?? [], ...b?.notes ?? []].map((n) => `note: ${n}`),
    `record: ${path}`,
    ""
  ].join("\n");
}

// src/commands/evaluate.ts
var usage = `Usage:
  modelgate evaluate MODEL [--baseline REF|FILE|none] [--out FILE] [--json] [--shard I/N]
  modelgate evaluate --model FILE --data FILE --task TASK --label COLUMN [options]
  modelgate evaluate merge STATE... [--out FILE] [--json]

Evaluates a candidate model, and its baseline on the same rows in the same run, through onnxruntime:
metrics by task (named as scikit-learn names them), a paired Poisson bootstrap (95% intervals for every
metric and every candidate-minus-baseline delta), slices, fairness gaps and single-row latency.

With manifests (inside a model repository), MODEL is a model name. The baseline is, unless --baseline says:
the version in production (the highest tag MODEL#production#N), else the base branch (GITHUB_BASE_REF,
else main or origin/main) when the model exists there and differs. --baseline REF reads the model manifest
and artifact from that git ref; --baseline FILE takes an ONNX file; --baseline none evaluates alone.

Without manifests, for a quick look:
  --model FILE            the candidate ONNX model
  --data FILE             CSV, JSONL or Parquet (by extension)
                          FILE may also be s3://BUCKET/KEY, gs://BUCKET/KEY, https://\u2026, a DVC output
                          (X.dvc, dvc.lock#OUT) or a git-lfs pointer: fetched through modelgate's cache,
                          unpinned (the record carries the sha256 of the bytes read)
  --task TASK             binary-classification | multiclass-classification | regression
  --label COLUMN          the label (target) column
  --features A,B,...      feature columns in the model's order (default: every column but the label and
                          the slice columns, in file order), fed as one float tensor to the model's input
  --baseline FILE         an ONNX model to compare with, fed the same way
  --threshold X           a score at or above X is positive (default 0.5)
  --positive-label V      the positive class (default: the larger label)
  --slice COL[:E1,E2,..]  report metrics per value of COL, or per bucket between the edges (repeatable)
  --min-slice-support N   slices with fewer rows are shown but not used for gaps (default 30)
  --nan-policy P          fail (default) | count: skip rows with an empty, non-numeric or infinite feature
  --name NAME             the record's model name (default: the model file's name)

Both modes:
  --resamples N           bootstrap resamples (default 1000, or the manifest's; 0 to skip; at most 100,000)
  --seed N                bootstrap seed (default 42, or the manifest's)
  --shard I/N             evaluate every N-th batch starting at the I-th and write a mergeable state;
                          \`modelgate evaluate merge\` of all N states gives the record of one run
  --no-latency            skip the single-row latency measurement
  --out FILE              where to write (default: ${RECORDS_DIR}/<model>.json under the repository
                          root, or under the current folder in quick-look mode)
  --json                  print the record as JSON instead of a summary

Data files (CSV, JSONL, Parquet; the same reader for validate, lock and evaluate):
  CSV             RFC 4180 with a header row; a field starting with " is quoted (may hold commas, ""
                  and line breaks); a " inside an unquoted field is an ordinary character; blank lines
                  are skipped. A record (a line, with the breaks inside its quoted fields) or a JSONL
                  line longer than 16 MiB is refused, naming the line where it starts.
  JSONL           one object per line; the first line's keys are the columns; a key missing later is
                  null, a key the first line lacks is refused (a misspelt key).
  numbers         12, -0.5, 1e-7, .5 (spaces around allowed); inf, -infinity: infinite; nan or empty:
                  missing. A feature that is missing, not a number or infinite fails the run (or, with
                  nanPolicy count, skips and counts the row).
  A fault in a data file is bad data: its message names file:line (and row), exit 1.

Exit codes: 0 evaluated, 1 a problem in what is evaluated (bad data, bad model), 2 usage error,
70 internal error (a bug in modelgate; please report it).
`;
var options = {
  baseline: { type: "string" },
  out: { type: "string" },
  shard: { type: "string" },
  model: { type: "string" },
  data: { type: "string" },
  task: { type: "string" },
  label: { type: "string" },
  features: { type: "string" },
  threshold: { type: "string" },
  "positive-label": { type: "string" },
  slice: { type: "string", multiple: true },
  "min-slice-support": { type: "string" },
  "nan-policy": { type: "string" },
  name: { type: "string" },
  resamples: { type: "string" },
  seed: { type: "string" },
  "no-latency": { type: "boolean" }
};
var TASKS = ["binary-classification", "multiclass-classification", "regression"];
function parseShard(v) {
  if (v === void 0) return void 0;
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard expects I/N with 1 <= I <= N (e.g. 2/4), got "${v}"`);
  }
  return { index, count };
}
function resamplesArg(label, v) {
  return wholeNumber(label, v, 0, MAX_RESAMPLES);
}
function labelArg(v) {
  return v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v;
}
function parseSlice(v) {
  const i = v.indexOf(":");
  if (i < 0) return { column: v };
  const edges = v.slice(i + 1).split(",").map((e) => Number(e));
  if (edges.length === 0 || edges.some((e) => !Number.isFinite(e)) || edges.some((e, j) => j > 0 && e <= edges[j - 1])) {
    throw new UserError(`--slice ${v}: bucket edges must be increasing numbers, e.g. --slice age:25,40,65`);
  }
  return { column: v.slice(0, i), buckets: edges };
}
function quickLookOptions(values) {
  const need = ["model", "data", "task", "label"].filter((k) => typeof values[k] !== "string");
  if (need.length > 0) {
    throw new UserError(
      `give a model name (inside a model repository), or ${need.map((k) => `--${k}`).join(", ")} for a quick look; run \`modelgate evaluate --help\``
    );
  }
  const task = values.task;
  if (!TASKS.includes(task)) throw new UserError(`--task must be one of ${TASKS.join(", ")}, got "${task}"`);
  const threshold = num("threshold", values.threshold) ?? 0.5;
  if (threshold < 0 || threshold > 1) throw new UserError(`--threshold must be between 0 and 1, got ${threshold}`);
  const nan = str(values["nan-policy"]) ?? "fail";
  if (nan !== "fail" && nan !== "count") throw new UserError(`--nan-policy must be fail or count, got "${nan}"`);
  return {
    model: values.model,
    data: values.data,
    task,
    label: values.label,
    features: str(values.features) ? values.features.split(",").map((s) => s.trim()).filter(Boolean) : void 0,
    baseline: str(values.baseline),
    threshold,
    positive: str(values["positive-label"]) ? labelArg(values["positive-label"]) : void 0,
    slices: (values.slice ?? []).map(parseSlice),
    minSliceSupport: num("min-slice-support", values["min-slice-support"]),
    nanPolicy: nan,
    name: str(values.name),
    resamples: resamplesArg("--resamples", values.resamples),
    seed: num("seed", values.seed),
    shard: parseShard(str(values.shard)),
    latency: values["no-latency"] ? false : void 0,
    out: str(values.out)
  };
}
async function merge(files, values, io) {
  if (files.length === 0)
    throw new UserError("evaluate merge needs the shard state files: modelgate evaluate merge STATE...");
  let root = io.cwd;
  try {
    root = findRoot(io.cwd);
  } catch {
  }
  const out = str(values.out) ? resolve(io.cwd, values.out) : void 0;
  const { record, path } = await mergeShardFiles(files, io, out, root);
  io.out(values.json === true ? toJson(record) : summarize(record, relative(io.cwd, path) || path));
  return 0;
}
async function evaluateNamed(name, values, io) {
  for (const flag of ["model", "data", "task", "label", "features"]) {
    if (values[flag] !== void 0)
      throw new UserError(`--${flag} is for the quick look without manifests; with a model name the manifest says it`);
  }
  return evaluateRepositoryModel(openWorkspace(io), {
    model: name,
    baseline: str(values.baseline),
    out: str(values.out),
    resamples: resamplesArg("--resamples", values.resamples),
    seed: num("seed", values.seed),
    shard: parseShard(str(values.shard)),
    latency: values["no-latency"] ? false : void 0
  });
}
var command = {
  name: "evaluate",
  summary: "Evaluate a candidate and its baseline through onnxruntime: metrics, paired bootstrap CIs, slices, latency",
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs("evaluate", args, options);
    const json = values.json === true;
    if (positionals[0] === "merge") return merge(positionals.slice(1), values, io);
    if (positionals.length > 1) throw new UserError(`evaluate takes one model name, got ${positionals.join(" ")}`);
    let result;
    if (positionals.length === 1) result = await evaluateNamed(positionals[0], values, io);
    else {
      result = await evaluateQuickLook(quickLookOptions(values), io);
      io.err(`${result.baselineNote}
`);
    }
    const rel = relative(io.cwd, result.path);
    const shown = rel && !rel.startsWith("..") ? rel : result.path;
    if (!result.record) {
      io.out(
        json ? toJson({ state: shown }) : `shard state: ${shown}
merge all shards with: modelgate evaluate merge STATE...
`
      );
      return 0;
    }
    io.out(json ? toJson(result.record) : summarize(result.record, shown));
    return 0;
  }
};

export { command as c, resamplesArg as r, summarize as s };
