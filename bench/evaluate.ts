/**
 * Benchmark: `modelgate evaluate` end to end (read, infer, metrics, paired bootstrap) on 1M rows × 30 float features,
 * from CSV and from Parquet, side by side in the same run with a pandas + scikit-learn script doing the same job on
 * the same file (bench/evaluate_sklearn.py: read_csv / read_parquet, LogisticRegression.predict_proba from the same
 * weights, sklearn.metrics, the same number of bootstrap resamples with Poisson weights).
 *
 *   npx tsx bench/evaluate.ts [--rows 1000000] [--resamples 1000] [--formats csv,parquet] [--skip-python]
 *   npx tsx bench/evaluate.ts --rss-rows 10000000     # peak RSS of one streamed CSV run (10M rows)
 *   npx tsx bench/evaluate.ts --model forest --skip-python   # a 200-tree, depth-6 TreeEnsembleClassifier instead
 *
 * The logistic regression costs little to score (parsing dominates); the forest costs ~90 ms per 8,192-row batch on
 * one thread, so it shows what scoring batches in parallel worker threads (one intra-op thread each) buys.
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

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    resamples: { type: "string", default: "1000" },
    formats: { type: "string", default: "csv,parquet" },
    "skip-python": { type: "boolean", default: false },
    "rss-rows": { type: "string" },
    model: { type: "string", default: "logistic" },
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

function timed(cmd: string, args: string[]): { seconds: number; maxRssMb: number; stdout: string; stderr: string } {
  const r = spawnSync("/usr/bin/time", ["-f", "__TIME__ %e %M", cmd, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const m = /__TIME__ ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr.slice(-3000)}`);
  return { seconds: Number(m[1]), maxRssMb: Number(m[2]) / 1024, stdout: r.stdout, stderr: r.stderr };
}

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

function modelgate(data: string, resamples: number, out: string) {
  return timed(process.execPath, [
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
  ]);
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
const formats = values.formats!.split(",") as ("csv" | "parquet")[];
const results: string[] = [];
for (const format of formats) {
  const data = await dataFile(format, rows);
  const out = join(dataDir, `record-${format}.json`);
  const mg = modelgate(data, resamples, out);
  const rec = JSON.parse(readFileSync(out, "utf8"));
  const line = [
    `${format}: modelgate ${mg.seconds.toFixed(1)} s (${Math.round(rows / mg.seconds).toLocaleString("en-US")} rows/s, peak RSS ${mg.maxRssMb.toFixed(0)} MiB; roc_auc ${rec.candidate.metrics.roc_auc}; scoring workers ${rec.timings.scoringWorkers ?? "—"})`,
  ];
  if (!values["skip-python"] && values.model === "logistic") {
    const py = spawnSync(
      PY,
      ["-c", "import pandas, sklearn; pandas.read_parquet" + (format === "parquet" ? "; import pyarrow" : "")],
      {
        encoding: "utf8",
      },
    );
    if (py.status !== 0) {
      line.push(`pandas + scikit-learn: cannot run (${py.stderr.trim().split("\n").pop()})`);
    } else {
      const res = timed(PY, [
        join(import.meta.dirname, "evaluate_sklearn.py"),
        data,
        join(dataDir, "bench-model.json"),
        String(resamples),
      ]);
      const ref = JSON.parse(res.stdout);
      const diff = Math.abs(ref.roc_auc - rec.candidate.metrics.roc_auc);
      line.push(
        `pandas + scikit-learn ${res.seconds.toFixed(1)} s (${Math.round(rows / res.seconds).toLocaleString("en-US")} rows/s, peak RSS ${res.maxRssMb.toFixed(0)} MiB; read ${ref.timings.read.toFixed(1)} s, infer ${ref.timings.infer.toFixed(1)} s, metrics ${ref.timings.metrics.toFixed(1)} s, bootstrap ${ref.timings.bootstrap.toFixed(1)} s)`,
        `ratio ${(res.seconds / mg.seconds).toFixed(1)}× (modelgate faster when > 1); roc_auc agrees to ${diff.toExponential(1)}`,
      );
    }
  }
  results.push(line.join("\n  "));
}
console.log(
  `${rows.toLocaleString("en-US")} rows × ${FEATURES} float features, ${values.model} model, ${resamples} bootstrap resamples:`,
);
for (const r of results) console.log(`- ${r}`);
