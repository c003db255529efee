import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import type { Command } from "./command.ts";
import { readColumns } from "../data/read.ts";
import { sha256Bytes } from "../data/hash.ts";
import { CheckFailed, UserError } from "../errors.ts";
import { findDefaultBaseline, modelAtRef } from "../evaluate/baseline.ts";
import {
  type EvaluationSpec,
  evaluateModel,
  evaluateShard,
  type Label,
  mergeShards,
  type ModelSource,
  readShardState,
  writeRecord,
} from "../evaluate/index.ts";
import type { Task } from "../evaluate/metrics.ts";
import type { ModelIo } from "../evaluate/runner.ts";
import {
  findDataset,
  findModel,
  loadRepository,
  missingDataset,
  repoRelative,
  resolveInside,
} from "../manifest/repo.ts";
import { MAX_RESAMPLES, type Model } from "../manifest/schema.ts";
import { type EvaluationRecord, RECORDS_DIR, recordPath } from "../records/evaluation.ts";
import { num, parseArgs, str, wholeNumber } from "../util/args.ts";
import { toJson, writeFileAtomic } from "../util/fs.ts";
import type { Io } from "../util/io.ts";

const usage = `Usage:
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

const options = {
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
  "no-latency": { type: "boolean" },
} as const;

const TASKS: Task[] = ["binary-classification", "multiclass-classification", "regression"];

function parseShard(v: string | undefined): { index: number; count: number } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard expects I/N with 1 <= I <= N (e.g. 2/4), got "${v}"`);
  }
  return { index, count };
}

function readModelFile(path: string, what: string): Uint8Array {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new UserError(`${what} ${path} does not exist; check the path`);
  return new Uint8Array(readFileSync(path));
}

/** A number of bootstrap resamples from the command line or an action input: 0 to MAX_RESAMPLES. */
export function resamplesArg(label: string, v: unknown): number | undefined {
  return wholeNumber(label, v, 0, MAX_RESAMPLES);
}

/** A label value from the command line: a number when it reads as one. */
function labelArg(v: string): Label {
  return v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v;
}

function parseSlice(v: string): { column: string; buckets?: number[] } {
  const i = v.indexOf(":");
  if (i < 0) return { column: v };
  const edges = v
    .slice(i + 1)
    .split(",")
    .map((e) => Number(e));
  if (
    edges.length === 0 ||
    edges.some((e) => !Number.isFinite(e)) ||
    edges.some((e, j) => j > 0 && e <= edges[j - 1])
  ) {
    throw new UserError(`--slice ${v}: bucket edges must be increasing numbers, e.g. --slice age:25,40,65`);
  }
  return { column: v.slice(0, i), buckets: edges };
}

export interface EvaluateOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** A model name (manifest mode). */
  model: string;
  /** REF, FILE or "none"; default: production tag, else the base branch. */
  baseline?: string;
  out?: string;
  resamples?: number;
  seed?: number;
  shard?: { index: number; count: number };
  latency?: boolean;
  /**
   * Evaluate these bytes as the candidate instead of the file the manifest names (the report job recomputing a
   * fork's numbers from the ONNX file in its artifact, under this checkout's manifests and data).
   */
  candidate?: { bytes: Uint8Array; source: string; version?: string };
}

export interface EvaluateResult {
  record?: EvaluationRecord;
  /** Where the record (or the shard state) was written. */
  path: string;
  /** What was chosen as the baseline, or why there is none. */
  baselineNote: string;
}

/** The evaluation spec from a Model manifest and its Dataset manifest. */
export async function specFromManifests(
  opts: EvaluateOptions,
): Promise<{ spec: EvaluationSpec; root: string; note: string }> {
  const repo = loadRepository(opts.cwd);
  const loaded = findModel(repo, opts.model);
  const m = loaded.value;
  const art = resolveInside(repo.root, loaded.dir, m.spec.artifact.path);
  if (art.error) throw new UserError(`${loaded.file}: spec.artifact.path ${art.error}`);
  if (!opts.candidate && !existsSync(art.abs)) {
    throw new UserError(
      `${loaded.file}: the artifact ${repoRelative(repo.root, art.abs)} does not exist; train the model first (\`modelgate train ${m.metadata.name}\`)`,
    );
  }
  const bytes = opts.candidate?.bytes ?? new Uint8Array(readFileSync(art.abs));
  const dsName = m.spec.evaluation.datasets[0];
  const ds = findDataset(repo, dsName);
  if (!ds)
    throw new UserError(
      `${loaded.file}: spec.evaluation.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`,
    );
  const data = resolveInside(repo.root, ds.dir, ds.value.spec.path);
  if (data.error) throw new UserError(`${ds.file}: spec.path ${data.error}`);
  const io = ioOf(m);
  const candidate: ModelSource = {
    bytes,
    // Bytes handed in (a fork's artifact) have no folder of their own: external data is not read for them.
    ...(opts.candidate ? {} : { dir: dirname(art.abs) }),
    source: opts.candidate?.source ?? repoRelative(repo.root, art.abs),
    version: opts.candidate ? (opts.candidate.version ?? m.spec.version) : m.spec.version,
    io,
  };
  let baseline: ModelSource | undefined;
  let note: string;
  const b = opts.baseline;
  if (b === "none") note = "no baseline (--baseline none)";
  else if (b && (b.endsWith(".onnx") || existsSync(resolve(opts.cwd, b)))) {
    const path = resolve(opts.cwd, b);
    baseline = {
      bytes: readModelFile(path, "baseline"),
      source: relative(opts.cwd, path) || path,
      io,
      dir: dirname(path),
    };
    note = `baseline: ${baseline.source}`;
  } else if (b) {
    const g = await modelAtRef(loaded.dir, basename(loaded.abs), b);
    if (!g)
      throw new UserError(
        `--baseline ${b}: no such git ref, or no ${loaded.file} at it; give a ref (branch, tag, commit) or an ONNX file`,
      );
    baseline = { bytes: g.bytes, source: g.source, version: g.manifest.spec.version, io: ioOf(g.manifest) };
    note = `baseline: ${m.metadata.name} at ${b}`;
  } else {
    const found = await findDefaultBaseline(loaded.abs, m.metadata.name, bytes, opts.env);
    note = found.baseline ? found.why : `no baseline: ${found.why}`;
    if (found.baseline) {
      baseline = {
        bytes: found.baseline.bytes,
        source: found.baseline.source,
        version: found.baseline.manifest.spec.version,
        io: ioOf(found.baseline.manifest),
      };
    }
  }
  if (!opts.candidate && sha256Bytes(bytes) !== m.spec.artifact.sha256 && m.spec.artifact.sha256) {
    note += `; note: ${candidate.source} differs from spec.artifact.sha256 (run \`modelgate lock\`)`;
  }
  const ev = m.spec.evaluation;
  const spec: EvaluationSpec = {
    name: m.metadata.name,
    version: candidate.version,
    task: m.spec.task,
    data: { path: data.abs, display: repoRelative(repo.root, data.abs), format: ds.value.spec.format, name: dsName },
    label: { column: m.spec.label.column, classes: m.spec.label.classes, positive: m.spec.label.positive },
    threshold: m.spec.threshold,
    slices: ev.slices,
    minSliceSupport: ev.minSliceSupport,
    nanPolicy: ev.nanPolicy,
    bootstrap: { resamples: opts.resamples ?? ev.bootstrap.resamples, seed: opts.seed ?? ev.bootstrap.seed },
    fairnessMetrics: m.spec.gates.flatMap((g) => ("sliceGap" in g ? [g.sliceGap] : [])),
    candidate,
    baseline,
    shard: opts.shard,
    latency: opts.latency,
  };
  return { spec, root: repo.root, note };
}

function ioOf(m: Model): ModelIo {
  return {
    mode: m.spec.inputs.mode,
    tensor: m.spec.inputs.tensor,
    features: m.spec.inputs.features,
    outputs: m.spec.outputs,
    signature: m.spec.signature,
  };
}

/**
 * The record `evaluate MODEL` would make for other bytes as the candidate (`opts.candidate`), under this checkout's
 * manifests, data and baseline; nothing is written. The report job recomputes a fork's numbers with it.
 */
export async function evaluateCandidate(
  opts: EvaluateOptions & { candidate: NonNullable<EvaluateOptions["candidate"]> },
  io?: Io,
): Promise<EvaluationRecord> {
  const { spec } = await specFromManifests({ ...opts, shard: undefined });
  return evaluateModel(spec, io);
}

/** `modelgate evaluate MODEL` as a library call (the action and the demo use it). */
export async function evaluateRepositoryModel(opts: EvaluateOptions, io?: Io): Promise<EvaluateResult> {
  const { spec, root, note } = await specFromManifests(opts);
  io?.err(`${note}\n`);
  return write(spec, root, opts.out ? resolve(opts.cwd, opts.out) : undefined, io, note);
}

async function write(
  spec: EvaluationSpec,
  root: string,
  out: string | undefined,
  io: Io | undefined,
  baselineNote: string,
): Promise<EvaluateResult> {
  if (spec.shard) {
    const state = await evaluateShard(spec, io);
    const path = out ?? join(root, RECORDS_DIR, `${spec.name}.shard-${spec.shard.index}-of-${spec.shard.count}.json`);
    await writeFileAtomic(path, JSON.stringify(state));
    return { path, baselineNote };
  }
  const record = await evaluateModel(spec, io);
  const path = out ?? join(root, recordPath(spec.name));
  await writeRecord(path, record);
  return { record, path, baselineNote };
}

async function quickLook(values: Record<string, unknown>, io: Io): Promise<EvaluateResult> {
  const need = ["model", "data", "task", "label"].filter((k) => typeof values[k] !== "string");
  if (need.length > 0) {
    throw new UserError(
      `give a model name (inside a model repository), or ${need.map((k) => `--${k}`).join(", ")} for a quick look; run \`modelgate evaluate --help\``,
    );
  }
  const task = values.task as Task;
  if (!TASKS.includes(task)) throw new UserError(`--task must be one of ${TASKS.join(", ")}, got "${task}"`);
  const modelPath = resolve(io.cwd, values.model as string);
  const dataPath = resolve(io.cwd, values.data as string);
  const label = values.label as string;
  const bytes = readModelFile(modelPath, "model");
  if (!existsSync(dataPath)) throw new UserError(`data file ${values.data} does not exist; check the path`);
  const slices = ((values.slice as string[] | undefined) ?? []).map(parseSlice);
  const all = await readColumns(dataPath, { displayName: values.data as string });
  if (!all.includes(label))
    throw new UserError(`--label ${label}: no such column in ${values.data} (it has: ${all.join(", ")})`);
  for (const s of slices) {
    if (!all.includes(s.column))
      throw new UserError(`--slice ${s.column}: no such column in ${values.data} (it has: ${all.join(", ")})`);
  }
  const features = str(values.features)
    ? (values.features as string)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : all.filter((c) => c !== label && !slices.some((s) => s.column === c));
  const missing = features.filter((f) => !all.includes(f));
  if (missing.length > 0)
    throw new UserError(`--features: ${missing.join(", ")} not in ${values.data} (it has: ${all.join(", ")})`);
  const threshold = num("threshold", values.threshold) ?? 0.5;
  if (threshold < 0 || threshold > 1) throw new UserError(`--threshold must be between 0 and 1, got ${threshold}`);
  const nan = str(values["nan-policy"]) ?? "fail";
  if (nan !== "fail" && nan !== "count") throw new UserError(`--nan-policy must be fail or count, got "${nan}"`);
  const mio: ModelIo = { mode: "tensor", features };
  const rel = (p: string) => (isAbsolute(p) ? relative(io.cwd, p) || p : p);
  const baselinePath = str(values.baseline);
  const baseline: ModelSource | undefined = baselinePath
    ? {
        bytes: readModelFile(resolve(io.cwd, baselinePath), "baseline"),
        source: rel(resolve(io.cwd, baselinePath)),
        io: mio,
        dir: dirname(resolve(io.cwd, baselinePath)),
      }
    : undefined;
  const name = str(values.name) ?? basename(modelPath, extname(modelPath));
  const resamples = resamplesArg("--resamples", values.resamples) ?? 1000;
  const spec: EvaluationSpec = {
    name,
    task,
    data: { path: dataPath, display: rel(dataPath) },
    label: {
      column: label,
      positive: str(values["positive-label"]) ? labelArg(values["positive-label"] as string) : undefined,
    },
    threshold,
    slices,
    minSliceSupport: num("min-slice-support", values["min-slice-support"]) ?? 30,
    nanPolicy: nan,
    bootstrap: { resamples, seed: num("seed", values.seed) ?? 42 },
    candidate: { bytes, source: rel(modelPath), io: mio, dir: dirname(modelPath) },
    baseline,
    shard: parseShard(str(values.shard)),
    latency: values["no-latency"] ? false : undefined,
  };
  const note = baseline ? `baseline: ${baseline.source}` : "no baseline (pass --baseline FILE to compare)";
  return write(spec, io.cwd, str(values.out) ? resolve(io.cwd, values.out as string) : undefined, io, note);
}

/** A short human summary: each metric with its interval, and the delta against the baseline. */
export function summarize(record: EvaluationRecord, path: string): string {
  const f = (x: number | null | undefined) =>
    x === null || x === undefined ? "—" : Math.abs(x) >= 1000 ? x.toFixed(1) : x.toFixed(4);
  const iv = (i?: [number, number]) => (i ? `[${f(i[0])}, ${f(i[1])}]` : "");
  const c = record.candidate;
  const b = record.baseline;
  const rows: string[][] = [["metric", "candidate", "95% CI", ...(b ? ["baseline", "delta", "delta 95% CI", ""] : [])]];
  for (const [name, v] of Object.entries(c.metrics)) {
    const d = record.deltas[name];
    rows.push([
      name,
      f(v),
      iv(c.intervals[name]),
      ...(b
        ? [
            f(b.metrics[name]),
            d ? (d.delta >= 0 ? "+" : "") + f(d.delta) : "—",
            iv(d?.interval),
            d?.excludesZero ? "*" : "",
          ]
        : []),
    ]);
  }
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, j) => (j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])))
      .join("  ")
      .trimEnd(),
  );
  const skipped = Object.entries(record.dataset.skipped).map(([k, v]) => `${k}: ${v}`);
  const lat = record.timings.latency?.candidate;
  return [
    `${record.model.name} (${record.model.task}) on ${record.dataset.path}: ${record.dataset.rows.toLocaleString("en-US")} rows${skipped.length ? ` (skipped ${skipped.join(", ")})` : ""}`,
    ...(record.bootstrap.resamples > 0
      ? [
          `paired Poisson bootstrap, ${record.bootstrap.resamples} resamples, seed ${record.bootstrap.seed}${b ? "; * = the delta's interval excludes zero" : ""}`,
        ]
      : []),
    ...lines,
    ...(lat
      ? [
          `latency (one row): p50 ${lat.p50_ms.toFixed(3)} ms, p95 ${lat.p95_ms.toFixed(3)} ms, p99 ${lat.p99_ms.toFixed(3)} ms; batch ${Math.round(lat.batch_rows_per_s).toLocaleString("en-US")} rows/s`,
        ]
      : []),
    ...[...(c.notes ?? []), ...(b?.notes ?? [])].map((n) => `note: ${n}`),
    `record: ${path}`,
    "",
  ].join("\n");
}

export const command: Command = {
  name: "evaluate",
  summary: "Evaluate a candidate and its baseline through onnxruntime: metrics, paired bootstrap CIs, slices, latency",
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs("evaluate", args, options as never);
    const json = values.json === true;
    if (positionals[0] === "merge") {
      const files = positionals.slice(1);
      if (files.length === 0)
        throw new UserError("evaluate merge needs the shard state files: modelgate evaluate merge STATE...");
      const states = files.map((f) => readShardState(resolve(io.cwd, f)));
      const record = await mergeShards(states, io, files);
      const out = str(values.out) ? resolve(io.cwd, values.out as string) : undefined;
      let path = out;
      if (!path) {
        let root = io.cwd;
        try {
          root = loadRepository(io.cwd).root;
        } catch {
          // quick-look shards: next to the current folder
        }
        path = join(root, recordPath(record.model.name));
      }
      await writeRecord(path, record);
      io.out(json ? toJson(record) : summarize(record, relative(io.cwd, path) || path));
      return 0;
    }
    let result: EvaluateResult;
    if (positionals.length > 1) throw new UserError(`evaluate takes one model name, got ${positionals.join(" ")}`);
    if (positionals.length === 1) {
      for (const flag of ["model", "data", "task", "label", "features"]) {
        if (values[flag] !== undefined)
          throw new UserError(
            `--${flag} is for the quick look without manifests; with a model name the manifest says it`,
          );
      }
      result = await evaluateRepositoryModel(
        {
          cwd: io.cwd,
          env: io.env,
          model: positionals[0],
          baseline: str(values.baseline),
          out: str(values.out),
          resamples: resamplesArg("--resamples", values.resamples),
          seed: num("seed", values.seed),
          shard: parseShard(str(values.shard)),
          latency: values["no-latency"] ? false : undefined,
        },
        io,
      );
    } else {
      result = await quickLook(values, io);
      io.err(`${result.baselineNote}\n`);
    }
    const rel = relative(io.cwd, result.path);
    const shown = rel && !rel.startsWith("..") ? rel : result.path;
    if (!result.record) {
      io.out(
        json
          ? toJson({ state: shown })
          : `shard state: ${shown}\nmerge all shards with: modelgate evaluate merge STATE...\n`,
      );
      return 0;
    }
    io.out(json ? toJson(result.record) : summarize(result.record, shown));
    return 0;
  },
};

void CheckFailed;
