/**
 * Benchmark: `modelgate evaluate` end to end (read, infer, metrics, paired bootstrap) on 1M rows × 30 float features,
 * from CSV and from Parquet, run as users run it — the built CLI, `node dist/cli.js evaluate …` (run `npm run build`
 * first; a dist older than the sources is refused) — beside its peers on the same file: a pandas + scikit-learn
 * script doing the same job (bench/evaluate_sklearn.py: read_csv / read_parquet, LogisticRegression.predict_proba from
 * the same weights, sklearn.metrics, the same number of bootstrap resamples with Poisson weights) and, with
 * `--duckdb DIR`, DuckDB as an anchor (bench/duckdb_scan.mjs with @duckdb/node-api installed in DIR, not a dependency
 * of modelgate: `npm install --prefix /tmp/duckdb @duckdb/node-api`): an in-engine aggregate of every column of the
 * same CSV or Parquet file, and (with `--duckdb-js`) the same columns copied through its JS chunk API into one
 * Float32Array.
 *
 *   npm run bench -- evaluate --resamples 0 --repeat 5 --duckdb /tmp/duckdb
 *   npx tsx bench/evaluate.ts [--rows 1000000] [--resamples 1000] [--formats csv,parquet] [--skip-python]
 *                             [--repeat 3] [--read-threads 0,1] [--duckdb DIR] [--duckdb-js] [--data-dir DIR]
 *                             [--cli dist/cli.js,OTHER/dist/cli.js]
 *   npx tsx bench/evaluate.ts --rss-rows 10000000     # peak RSS of one CSV run (10M rows)
 *   npx tsx bench/evaluate.ts --model forest --skip-python   # a 200-tree, depth-6 TreeEnsembleClassifier instead
 *
 * The logistic regression costs little to score (parsing dominates); the forest costs ~90 ms per 8,192-row batch on
 * one thread, so it shows what scoring batches in parallel worker threads (one intra-op thread each) buys.
 *
 * Every variant (each format × modelgate, each `--cli` build, each `--read-threads` value, pandas, DuckDB) runs once
 * per round, in turns, `--repeat` rounds, so that a load from elsewhere falls on all alike; the figures are medians
 * of the wall time and of the CPU time (user + system, all threads), and the load average is printed per round.
 * The ratios (modelgate against DuckDB's scan of the same file, Parquet against CSV) are medians of the per-round
 * ratios. `--cli` compares builds (e.g. a copy of dist/ from before a change, with a node_modules beside it).
 *
 * The data files, model and records are written to a temporary folder that is removed at the end (no files left
 * behind); `--data-dir DIR` keeps the data files in DIR and reuses them on the next run instead.
 */
import { spawnSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
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
    "duckdb-js": { type: "boolean", default: false },
    "data-dir": { type: "string" },
    cli: { type: "string" },
  },
});
const FEATURES = 30;
const PY = "/usr/bin/python3";
const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "mg-bench-evaluate-"));
const dataDir = values["data-dir"] ? resolve(values["data-dir"]) : work;
mkdirSync(dataDir, { recursive: true });
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(130));

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
    const partial = `${path}.partial`;
    if (format === "csv") await writeCsv(partial, rows);
    else await writeParquet(partial, rows);
    renameSync(partial, path);
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

const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** The newest modification time of the files under `dir` (recursively). */
function newest(dir: string): { mtime: number; file: string } {
  let best = { mtime: 0, file: "" };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const mtime = statSync(file).mtimeMs;
    if (mtime > best.mtime) best = { mtime, file };
  }
  return best;
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
const modelPath = join(work, `bench-model-${values.model}.onnx`);
writeFileSync(
  modelPath,
  values.model === "forest" ? forest() : logisticRegressionModel({ weights: WEIGHTS, bias: BIAS }),
);
writeFileSync(join(work, "bench-model.json"), JSON.stringify({ weights: WEIGHTS, bias: BIAS }));

// the built CLI, as users run it; the default one must be at least as new as the sources
const clis = (values.cli ?? "dist/cli.js").split(",").map((c) => resolve(root, c));
if (!values.cli) {
  const built = join(root, "dist/cli.js");
  if (!existsSync(built)) throw new Error("dist/cli.js is missing: run `npm run build` first");
  const src = newest(join(root, "src"));
  if (src.mtime > statSync(built).mtimeMs) {
    console.error(`dist/cli.js is older than ${relative(root, src.file)}: run \`npm run build\` first`);
    process.exit(2);
  }
}
for (const c of clis) if (!existsSync(c)) throw new Error(`${c} does not exist`);

function modelgate(cli: string, data: string, resamples: number, out: string, readThreads?: string) {
  const env = readThreads === undefined ? process.env : { ...process.env, MODELGATE_READ_THREADS: readThreads };
  return timed(
    process.execPath,
    [
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
console.log(`modelgate: ${clis.map((c) => `node ${relative(process.cwd(), c)}`).join(", ")}`);

if (values["rss-rows"]) {
  const rows = Number(values["rss-rows"]);
  const data = await dataFile("csv", rows);
  const resamples = Number(values.resamples);
  const out = join(work, `rss-${rows}.json`);
  const r = modelgate(clis[0], data, resamples, out);
  const rec = JSON.parse(readFileSync(out, "utf8"));
  console.log(
    `peak RSS, ${rows.toLocaleString("en-US")} rows × ${FEATURES} features from CSV (${(statSync(data).size / 1e9).toFixed(2)} GB), ${resamples} resamples: ${r.maxRssMb.toFixed(0)} MiB; ${r.seconds.toFixed(1)} s (${Math.round(rows / r.seconds).toLocaleString("en-US")} rows/s); roc_auc ${rec.candidate.metrics.roc_auc.toFixed(6)}; load average ${loadavg()}`,
  );
  process.exit(0);
}

const rows = Number(values.rows);
const resamples = Number(values.resamples);
const repeat = Number(values.repeat);
const formats = values.formats!.split(",") as ("csv" | "parquet")[];
const threadVariants = values["read-threads"]?.split(",") ?? [undefined];
const files = new Map<string, string>();
for (const format of formats) files.set(format, await dataFile(format, rows));

/** One thing timed per round: a name, the format it reads, and how to run it. */
interface Variant {
  name: string;
  format: "csv" | "parquet";
  kind: "modelgate" | "pandas" | "duckdb";
  run: () => Timing;
}
const variants: Variant[] = [];
for (const format of formats) {
  const data = files.get(format)!;
  clis.forEach((cli, k) => {
    for (const t of threadVariants) {
      const label = [
        clis.length > 1 ? `node ${relative(process.cwd(), cli)}` : "",
        t === undefined ? "" : `MODELGATE_READ_THREADS=${t}`,
      ].filter(Boolean);
      variants.push({
        name: `modelgate${label.length ? ` (${label.join(", ")})` : ""}`,
        format,
        kind: "modelgate",
        run: () => modelgate(cli, data, resamples, join(work, `record-${format}-${k}-${t ?? "d"}.json`), t),
      });
    }
  });
  const pythonOk =
    !values["skip-python"] &&
    values.model === "logistic" &&
    spawnSync(PY, ["-c", `import pandas, sklearn${format === "parquet" ? "; import pyarrow" : ""}`]).status === 0;
  if (pythonOk) {
    variants.push({
      name: "pandas + scikit-learn",
      format,
      kind: "pandas",
      run: () =>
        timed(PY, [
          join(import.meta.dirname, "evaluate_sklearn.py"),
          data,
          join(work, "bench-model.json"),
          String(resamples),
        ]),
    });
  }
  if (values.duckdb) {
    for (const mode of values["duckdb-js"] ? ["scan", "js"] : ["scan"]) {
      variants.push({
        name:
          mode === "scan" ? "DuckDB scan (in-engine sum of every column)" : "DuckDB → one Float32Array (JS chunk API)",
        format,
        kind: "duckdb",
        run: () => timed(process.execPath, [join(import.meta.dirname, "duckdb_scan.mjs"), values.duckdb!, data, mode]),
      });
    }
  }
}

console.log(
  `${rows.toLocaleString("en-US")} rows × ${FEATURES} float features, ${values.model} model, ${resamples} bootstrap resamples; ${variants.length} variants in turns, ${repeat} round${repeat === 1 ? "" : "s"}`,
);
const runs = new Map<Variant, Timing[]>(variants.map((v) => [v, []]));
const loads: string[] = [];
for (let i = 0; i < repeat; i++) {
  const load = loadavg();
  loads.push(load);
  const line: string[] = [];
  for (const v of variants) {
    const t = v.run();
    runs.get(v)!.push(t);
    line.push(`${v.format} ${v.kind} ${t.seconds.toFixed(2)}`);
  }
  console.log(`round ${i + 1} (load average ${load}): ${line.join(", ")}`);
}

for (const format of formats) {
  const data = files.get(format)!;
  const rec = JSON.parse(readFileSync(join(work, `record-${format}-0-${threadVariants[0] ?? "d"}.json`), "utf8"));
  console.log(
    `- ${format} (${(statSync(data).size / 1e6).toFixed(0)} MB), medians of ${repeat}; roc_auc ${rec.candidate.metrics.roc_auc}; scoring workers ${rec.timings.scoringWorkers ?? "—"}:`,
  );
  for (const v of variants.filter((x) => x.format === format)) {
    const ts = runs.get(v)!;
    const s = median(ts.map((t) => t.seconds));
    console.log(
      `    ${v.name}: ${s.toFixed(2)} s wall (${Math.round(rows / s).toLocaleString("en-US")} rows/s), ${median(ts.map((t) => t.cpuSeconds)).toFixed(2)} s CPU, peak RSS ${median(ts.map((t) => t.maxRssMb)).toFixed(0)} MiB; runs ${ts.map((t) => t.seconds.toFixed(2)).join(", ")}`,
    );
    if (v.kind === "pandas") {
      const ref = JSON.parse(ts[ts.length - 1].stdout);
      console.log(
        `      pandas timings (last run): read ${ref.timings.read.toFixed(1)} s, infer ${ref.timings.infer.toFixed(1)} s, metrics ${ref.timings.metrics.toFixed(1)} s, bootstrap ${ref.timings.bootstrap.toFixed(1)} s; roc_auc agrees to ${Math.abs(ref.roc_auc - rec.candidate.metrics.roc_auc).toExponential(1)}`,
      );
    }
  }
  const scan = variants.find((v) => v.format === format && v.kind === "duckdb");
  if (scan) {
    for (const v of variants.filter((x) => x.format === format && x.kind === "modelgate"))
      console.log(`    ${v.name} / DuckDB scan: ${ratio(v, scan)} (median of the per-round ratios)`);
  }
}
const mgOf = (format: string) => variants.filter((v) => v.format === format && v.kind === "modelgate");
mgOf("parquet").forEach((pq, k) => {
  const csv = mgOf("csv")[k];
  if (csv) console.log(`- ${pq.name} Parquet / CSV: ${ratio(pq, csv)} (median of the per-round ratios)`);
});
if (clis.length > 1) {
  for (const format of formats) {
    const mg = mgOf(format);
    for (const v of mg.slice(1)) console.log(`- ${format}: ${v.name} / ${mg[0].name}: ${ratio(v, mg[0])}`);
  }
}
console.log(`load average per round: ${loads.join("; ")}; at end: ${loadavg()}`);

/** The median over rounds of a's wall time over b's, with the range. */
function ratio(a: Variant, b: Variant): string {
  const ta = runs.get(a)!;
  const tb = runs.get(b)!;
  const rs = ta.map((t, i) => t.seconds / tb[i].seconds).sort((x, y) => x - y);
  return `${median(rs).toFixed(2)}× (${rs[0].toFixed(2)}–${rs[rs.length - 1].toFixed(2)})`;
}
