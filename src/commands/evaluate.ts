import type { Command } from "./command.ts";
import { relative, resolve } from "node:path";
import { UserError } from "../errors.ts";
import type { Label } from "../evaluate/collect.ts";
import type { Task } from "../evaluate/metrics.ts";
import type { QuickLookOptions } from "../evaluate/quick-look.ts";
import { evaluateQuickLook, evaluateRepositoryModel, type EvaluateResult, mergeShardFiles } from "../evaluate/run.ts";
import { summarize } from "../evaluate/summary.ts";
import { findRoot } from "../manifest/repo.ts";
import { MAX_RESAMPLES } from "../manifest/schema.ts";
import { RECORDS_DIR } from "../records/evaluation.ts";
import { num, parseArgs, str, wholeNumber } from "../util/args.ts";
import { toJson } from "../util/fs.ts";
import type { Io } from "../util/io.ts";
import { openWorkspace } from "../workspace/workspace.ts";

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
                          FILE may also be s3://BUCKET/KEY, gs://BUCKET/KEY, https://…, a DVC output
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

type Values = Record<string, unknown>;

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

/** The quick look's flags as typed options; the files they name are checked by the service. */
function quickLookOptions(values: Values): QuickLookOptions {
  const need = ["model", "data", "task", "label"].filter((k) => typeof values[k] !== "string");
  if (need.length > 0) {
    throw new UserError(
      `give a model name (inside a model repository), or ${need.map((k) => `--${k}`).join(", ")} for a quick look; run \`modelgate evaluate --help\``,
    );
  }
  const task = values.task as Task;
  if (!TASKS.includes(task)) throw new UserError(`--task must be one of ${TASKS.join(", ")}, got "${task}"`);
  const threshold = num("threshold", values.threshold) ?? 0.5;
  if (threshold < 0 || threshold > 1) throw new UserError(`--threshold must be between 0 and 1, got ${threshold}`);
  const nan = str(values["nan-policy"]) ?? "fail";
  if (nan !== "fail" && nan !== "count") throw new UserError(`--nan-policy must be fail or count, got "${nan}"`);
  return {
    model: values.model as string,
    data: values.data as string,
    task,
    label: values.label as string,
    features: str(values.features)
      ? (values.features as string)
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    baseline: str(values.baseline),
    threshold,
    positive: str(values["positive-label"]) ? labelArg(values["positive-label"] as string) : undefined,
    slices: ((values.slice as string[] | undefined) ?? []).map(parseSlice),
    minSliceSupport: num("min-slice-support", values["min-slice-support"]),
    nanPolicy: nan,
    name: str(values.name),
    resamples: resamplesArg("--resamples", values.resamples),
    seed: num("seed", values.seed),
    shard: parseShard(str(values.shard)),
    latency: values["no-latency"] ? false : undefined,
    out: str(values.out),
  };
}

async function merge(files: string[], values: Values, io: Io): Promise<number> {
  if (files.length === 0)
    throw new UserError("evaluate merge needs the shard state files: modelgate evaluate merge STATE...");
  let root = io.cwd;
  try {
    root = findRoot(io.cwd);
  } catch {
    // quick-look shards: next to the current folder
  }
  const out = str(values.out) ? resolve(io.cwd, values.out as string) : undefined;
  const { record, path } = await mergeShardFiles(files, io, out, root);
  io.out(values.json === true ? toJson(record) : summarize(record, relative(io.cwd, path) || path));
  return 0;
}

async function evaluateNamed(name: string, values: Values, io: Io): Promise<EvaluateResult> {
  for (const flag of ["model", "data", "task", "label", "features"]) {
    if (values[flag] !== undefined)
      throw new UserError(`--${flag} is for the quick look without manifests; with a model name the manifest says it`);
  }
  return evaluateRepositoryModel(openWorkspace(io), {
    model: name,
    baseline: str(values.baseline),
    out: str(values.out),
    resamples: resamplesArg("--resamples", values.resamples),
    seed: num("seed", values.seed),
    shard: parseShard(str(values.shard)),
    latency: values["no-latency"] ? false : undefined,
  });
}

export const command: Command = {
  name: "evaluate",
  summary: "Evaluate a candidate and its baseline through onnxruntime: metrics, paired bootstrap CIs, slices, latency",
  usage,
  async run(args: string[], io: Io): Promise<number> {
    const { values, positionals } = parseArgs("evaluate", args, options as never);
    const json = values.json === true;
    if (positionals[0] === "merge") return merge(positionals.slice(1), values, io);
    if (positionals.length > 1) throw new UserError(`evaluate takes one model name, got ${positionals.join(" ")}`);
    let result: EvaluateResult;
    if (positionals.length === 1) result = await evaluateNamed(positionals[0], values, io);
    else {
      result = await evaluateQuickLook(quickLookOptions(values), io);
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
