/**
 * Benchmark: `modelgate evaluate` end to end (read, infer, metrics, paired bootstrap) on 1M rows × 30 float features,
 * from CSV and from Parquet, side by side in the same run with a pandas + scikit-learn script doing the same job on
 * the same file (bench/evaluate_sklearn.py: read_csv / read_parquet, LogisticRegression.predict_proba from the same
 * weights, sklearn.metrics, the same number of bootstrap resamples with Poisson weights).
 *
 *   npx tsx bench/evaluate.ts [--rows 1000000] [--resamples 1000] [--formats csv,parquet] [--skip-python]
 *                             [--repeat 3] [--read-threads 0,1] [--duckdb DIR]
 *   npx tsx bench/evaluate.ts --rss-rows 10000000     # peak RSS of one streamed CSV run (10M rows)
 *   npx tsx bench/evaluate.ts --model forest --skip-python   # a 200-tree, depth-6 TreeEnsembleClassifier instead
 *
 * The logistic regression costs little to score (parsing dominates); the forest costs ~90 ms per 8,192-row batch on
 * one thread, so it shows what scoring batches in parallel worker threads (one intra-op thread each) buys.
 *
 * --repeat runs every variant that many times, in turns (so that a load from elsewhere falls on all alike), and
 * reports medians of the wall time and of the CPU time (user + system, all threads). --read-threads runs modelgate
 * once per value of MODELGATE_READ_THREADS (0: read in the main thread). --duckdb DIR adds DuckDB as an anchor
 * (bench/duckdb_scan.mjs with @duckdb/node-api installed in DIR, not a dependency of modelgate): an in-engine
 * aggregate of every column of the same file, and the same columns copied through its JS chunk API into one
 * Float32Array.
 *
 * Data files are cached under bench/.data/ (git-ignored).
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { logisticRegressionModel, type TreeNode, treeEnsembleClassifierModel } from "../test/support/onnx-build.ts";
import { rng } from "../src/util/random.ts";
import { median } from "./machine.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    resamples: { type: "string", default: "1000" },
    formats: { type: "string", default: "csv,parquet" },
    "skip-python": { type: "boolean", default: false },
    "rss-rows": { type: "string" },
    model: { type: "string", default: "logistic" },
    repeat: { type: "string", default: "1" },
    "read-threads": { type: "string" },
    duckdb: { type: "string" },
  },
});
const FEATURES = 30;
const dataDir = join(import.meta.dirname, ".data");
mkdirSync(dataDir, { recursive: true });
const PY = "/usr/bin/python3";

const wr = rng(7);
const WEIGHTS = Array.from({ length: FEATURES }, () => Math.round((wr() * 2 - 1) * 1000) / 1000);
const BIAS = -0.4;

/** Rows of 30 features in [-2, 2] with 6 decimals and a 0/1 label drawn from the logistic model plus noise. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const r = rng(rows);
  const out = createWriteStream(path);
  const header = `${Array.from({ length: FEATURES }, (_, i) => `f${i}`).join(",")},label\n`;
  out.write(header);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    let z = BIAS;
    let line = "";
    for (let j = 0; j < FEATURES; j++) {
      const v = Math.round((r() * 4 - 2) * 1e6) / 1e6;
      z += WEIGHTS[j] * v;
      line += `${v},`;
    }
    const y = r() < 1 / (1 + Math.exp(-(z + (r() - 0.5) * 2))) ? 1 : 0;
    chunk += `${line}${y}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((res) => out.once("drain", () => res()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

async function writeParquet(path: string, rows: number): Promise<void> {
  const { parquetWriteFile } = await import("hyparquet-writer");
  const r = rng(rows);
  const cols = Array.from({ length: FEATURES }, () => new Float64Array(rows));
  const label = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = BIAS;
    for (let j = 0; j < FEATURES; j++) {
      const v = Math.round((r() * 4 - 2) * 1e6) / 1e6;
      cols[j][i] = v;
      z += WEIGHTS[j] * v;
    }
    label[i] = r() < 1 / (1 + Math.exp(-(z + (r() - 0.5) * 2))) ? 1 : 0;
  }
  parquetWriteFile({
    filename: path,
    columnData: [
      ...cols.map((data, j) => ({ name: `f${j}`, data: Array.from(data), type: "DOUBLE" as const })),
      { name: "label", data: Array.from(label), type: "INT32" as const },
    ],
    rowGroupSize: 131072,
  });
}

async function dataFile(format: "csv" | "parquet", rows: number): Promise<string> {
  const path = join(dataDir, `eval-${rows}.${format}`);
  if (!existsSync(path)) {
    const t = Date.now();
    process.stderr.write(`writing ${path} ...\n`);
    if (format === "csv") await writeCsv(path, rows);
    else await writeParquet(path, rows);
    process.stderr.write(`  ${((Date.now() - t) / 1000).toFixed(1)} s, ${(statSync(path).size / 1e6).toFixed(0)} MB\n`);
  }
  return path;
}

interface Timing {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  stdout: string;
  stderr: string;
}

function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Timing {
  const r = spawnSync("/usr/bin/time", ["-f", "__TIME__ %e %U %S %M", cmd, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env,
  });
  const m = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr.slice(-3000)}`);
  return {
    seconds: Number(m[1]),
    cpuSeconds: Number(m[2]) + Number(m[3]),
    maxRssMb: Number(m[4]) / 1024,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/** Medians of repeated timings. */
function med(ts: Timing[]): { seconds: number; cpuSeconds: number; maxRssMb: number; runs: string } {
  return {
    seconds: median(ts.map((t) => t.seconds)),
    cpuSeconds: median(ts.map((t) => t.cpuSeconds)),
    maxRssMb: median(ts.map((t) => t.maxRssMb)),
    runs: ts.map((t) => t.seconds.toFixed(2)).join(", "),
  };
}

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** 200 seeded trees of depth 6 over the 30 features, leaves holding [1 - p, p]. */
function forest(): Uint8Array {
  const r = rng(11);
  const trees: TreeNode[][] = [];
  for (let t = 0; t < 200; t++) {
    const nodes: TreeNode[] = [];
    let id = 0;
    const grow = (depth: number): number => {
      const me = id++;
      if (depth === 0) {
        const p = Math.round(r() * 1e6) / 1e6;
        nodes.push({ id: me, leaf: [1 - p, p] });
        return me;
      }
      const split = { id: me, feature: Math.floor(r() * FEATURES), value: r() * 4 - 2, yes: 0, no: 0 };
      nodes.push(split);
      split.yes = grow(depth - 1);
      split.no = grow(depth - 1);
      return me;
    };
    grow(6);
    trees.push(nodes);
  }
  return treeEnsembleClassifierModel({ trees, features: FEATURES, classes: [0, 1] });
}

if (values.model !== "logistic" && values.model !== "forest") throw new Error("--model is logistic or forest");
const modelPath = join(dataDir, `bench-model-${values.model}.onnx`);
writeFileSync(
  modelPath,
  values.model === "forest" ? forest() : logisticRegressionModel({ weights: WEIGHTS, bias: BIAS }),
);
writeFileSync(join(dataDir, "bench-model.json"), JSON.stringify({ weights: WEIGHTS, bias: BIAS }));
const cli = join(import.meta.dirname, "../src/cli/bin.ts");
const tsx = join(import.meta.dirname, "../node_modules/tsx/dist/loader.mjs");

function modelgate(data: string, resamples: number, out: string, readThreads?: string) {
  const env = readThreads === undefined ? process.env : { ...process.env, MODELGATE_READ_THREADS: readThreads };
  return timed(
    process.execPath,
    [
      "--import",
      `file://${tsx}`,
      cli,
      "evaluate",
      "--model",
      modelPath,
      "--data",
      data,
      "--task",
      "binary-classification",
      "--label",
      "label",
      "--resamples",
      String(resamples),
      "--out",
      out,
    ],
    env,
  );
}

const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? "unknown";
const machine = `${cpus().length} CPUs (nproc ${spawnSync("nproc", { encoding: "utf8" }).stdout.trim()}), ${cpuModel}, Node ${process.versions.node}`;
console.log(`machine: ${machine}`);

if (values["rss-rows"]) {
  const rows = Number(values["rss-rows"]);
  const data = await dataFile("csv", rows);
  const resamples = Number(values.resamples);
  const r = modelgate(data, resamples, join(dataDir, `rss-${rows}.json`));
  const rec = JSON.parse(readFileSync(join(dataDir, `rss-${rows}.json`), "utf8"));
  console.log(
    `peak RSS, ${rows.toLocaleString("en-US")} rows × ${FEATURES} features from CSV (${(statSync(data).size / 1e9).toFixed(2)} GB), ${resamples} resamples: ${r.maxRssMb.toFixed(0)} MiB; ${r.seconds.toFixed(1)} s (${Math.round(rows / r.seconds).toLocaleString("en-US")} rows/s); roc_auc ${rec.candidate.metrics.roc_auc.toFixed(6)}`,
  );
  process.exit(0);
}

const rows = Number(values.rows);
const resamples = Number(values.resamples);
const repeat = Number(values.repeat);
const formats = values.formats!.split(",") as ("csv" | "parquet")[];
const threadVariants = values["read-threads"]?.split(",") ?? [undefined];
console.log(
  `load average at start: ${loadavg()} (other work on the machine slows every variant alike: they run in turns)`,
);
const results: string[] = [];
for (const format of formats) {
  const data = await dataFile(format, rows);
  const out = join(dataDir, `record-${format}.json`);
  const pythonOk =
    !values["skip-python"] &&
    values.model === "logistic" &&
    spawnSync(PY, ["-c", `import pandas, sklearn${format === "parquet" ? "; import pyarrow" : ""}`]).status === 0;
  const runs: Record<string, Timing[]> = {};
  const add = (name: string, t: Timing) => {
    runs[name] ??= [];
    runs[name].push(t);
  };
  let ref: { roc_auc: number; timings: Record<string, number> } | undefined;
  for (let i = 0; i < repeat; i++) {
    for (const t of threadVariants) {
      add(`modelgate${t === undefined ? "" : ` (MODELGATE_READ_THREADS=${t})`}`, modelgate(data, resamples, out, t));
    }
    if (pythonOk) {
      const res = timed(PY, [
        join(import.meta.dirname, "evaluate_sklearn.py"),
        data,
        join(dataDir, "bench-model.json"),
        String(resamples),
      ]);
      ref = JSON.parse(res.stdout);
      add("pandas + scikit-learn", res);
    }
    if (values.duckdb) {
      for (const mode of ["scan", "js"]) {
        const res = timed(process.execPath, [join(import.meta.dirname, "duckdb_scan.mjs"), values.duckdb, data, mode]);
        add(
          mode === "scan" ? "DuckDB scan (in-engine sum of every column)" : "DuckDB → one Float32Array (JS chunk API)",
          res,
        );
      }
    }
  }
  const rec = JSON.parse(readFileSync(out, "utf8"));
  const lines = [
    `${format} (${(statSync(data).size / 1e6).toFixed(0)} MB), medians of ${repeat}; roc_auc ${rec.candidate.metrics.roc_auc}; scoring workers ${rec.timings.scoringWorkers ?? "—"}:`,
  ];
  for (const [name, ts] of Object.entries(runs)) {
    const m = med(ts);
    lines.push(
      `  ${name}: ${m.seconds.toFixed(2)} s wall (${Math.round(rows / m.seconds).toLocaleString("en-US")} rows/s), ${m.cpuSeconds.toFixed(2)} s CPU, peak RSS ${m.maxRssMb.toFixed(0)} MiB; runs ${m.runs}`,
    );
  }
  if (ref) {
    lines.push(
      `  pandas timings (last run): read ${ref.timings.read.toFixed(1)} s, infer ${ref.timings.infer.toFixed(1)} s, metrics ${ref.timings.metrics.toFixed(1)} s, bootstrap ${ref.timings.bootstrap.toFixed(1)} s; roc_auc agrees to ${Math.abs(ref.roc_auc - rec.candidate.metrics.roc_auc).toExponential(1)}`,
    );
  } else if (!values["skip-python"] && values.model === "logistic") {
    lines.push("  pandas + scikit-learn: cannot run here (no pyarrow for Parquet)");
  }
  results.push(lines.join("\n"));
}
console.log(
  `${rows.toLocaleString("en-US")} rows × ${FEATURES} float features, ${values.model} model, ${resamples} bootstrap resamples:`,
);
for (const r of results) console.log(`- ${r}`);
console.log(`load average at end: ${loadavg()}`);
