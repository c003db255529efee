/**
 * Benchmark: `modelgate monitor` as users run it (the built CLI, dist/cli.js) on a logged table of 1M rows × 30
 * float features with a timestamp column: with the model's prediction logged (read, bin 30 columns and the
 * prediction, CBPE over every row), and without it (monitor scores every row with the model that ran); beside
 * `modelgate evaluate` (the quick look, --resamples 0) reading and scoring the same file in the same run, whose reader
 * monitor shares. The repository is built here: a 30-feature logistic regression published to production by a
 * promotion record, its evaluation data (5,000 rows, profiled by `modelgate lock`), its evaluation record.
 *
 *   npm run build && npx tsx bench/monitor.ts [--rows 1000000] [--repeat 3]
 *   npm run build && npx tsx bench/monitor.ts --rows 10000000 --repeat 1   # memory bounded by the window: peak RSS
 *   npx tsx bench/monitor.ts --cli dist/cli.js,OTHER/dist/cli.js [--variants logged,evaluate]   # builds in turns
 *
 * `--keep` keeps the bench's repository (for a profile: `node --cpu-prof dist/cli.js monitor bench --logs …`).
 * `--cli` times each build's monitor in turns (e.g. a copy of main's dist/ from before a change, with a
 * node_modules and package.json beside it); evaluate runs with the first. `--variants` picks the runs (logged:
 * monitor with the prediction logged; scored: monitor scoring every row; evaluate).
 *
 * The variants run in turns (monitor with the prediction logged, monitor scoring, evaluate) within each repeat, so
 * their ratios hold on a loaded machine; report the load average (/proc/loadavg) beside the figures.
 *
 * Data files are cached under bench/.data/ (git-ignored).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { deployPaths, renderOverlay } from "../src/deploy/render.ts";
import { appendToLedger, evaluationCopyPath, promotionsPath } from "../src/ledger/ledger.ts";
import { commitMessage, promotionTrailers } from "../src/ledger/trailers.ts";
import { API_VERSION, modelSchema } from "../src/manifest/schema.ts";
import { rng } from "../src/util/random.ts";
import { logisticRegressionModel } from "../test/support/onnx-build.ts";
import { median } from "./machine.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    repeat: { type: "string", default: "1" },
    cli: { type: "string" },
    variants: { type: "string", default: "logged,scored,evaluate" },
    keep: { type: "boolean", default: false },
  },
});
const ROWS = Number(values.rows);
const FEATURES = 30;
const wr = rng(7);
const WEIGHTS = Array.from({ length: FEATURES }, () => Math.round((wr() * 2 - 1) * 1000) / 1000);
const BIAS = -0.4;
const clis = (values.cli ?? "dist/cli.js").split(",").map((c) => resolve(join(import.meta.dirname, ".."), c));
const cli = clis[0];
for (const c of clis) if (!existsSync(c)) throw new Error(`${c} is missing: run \`npm run build\` first`);
const variants = new Set(values.variants.split(","));
const dataDir = join(import.meta.dirname, ".data");
mkdirSync(dataDir, { recursive: true });
const T0 = Date.parse("2026-06-01T00:00:00Z");
const DAYS = 6;

const score = (x: number[]) => 1 / (1 + Math.exp(-(BIAS + x.reduce((a, v, j) => a + v * WEIGHTS[j], 0))));

/** Rows of 30 features in [-2, 2]; a label; with `logs`, a timestamp over six days and, with `prediction`, the score. */
async function writeCsv(path: string, rows: number, seed: number, logs?: { prediction: boolean }): Promise<void> {
  const r = rng(seed);
  const out = createWriteStream(path);
  const names = Array.from({ length: FEATURES }, (_, i) => `f${i}`);
  out.write(
    `${[...(logs ? ["timestamp"] : []), "id", ...names, "label", ...(logs?.prediction ? ["prediction"] : [])].join(",")}\n`,
  );
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: FEATURES }, () => Math.round((r() * 4 - 2) * 1e6) / 1e6);
    const p = score(x);
    const y = r() < p ? 1 : 0;
    const t = logs ? `${Math.floor((T0 + (i * DAYS * 86_400_000) / rows) / 1000)},` : "";
    chunk += `${t}${i},${x.join(",")},${y}${logs?.prediction ? `,${p.toFixed(6)}` : ""}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((res) => out.once("drain", () => res()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
}

const gitEnv = {
  PATH: process.env.PATH,
  HOME: tmpdir(),
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "bench",
  GIT_AUTHOR_EMAIL: "bench@example.com",
  GIT_COMMITTER_NAME: "bench",
  GIT_COMMITTER_EMAIL: "bench@example.com",
  GIT_AUTHOR_DATE: "1780000000 +0000",
  GIT_COMMITTER_DATE: "1780000000 +0000",
};
const git = (cwd: string, args: string[]) => execFileSync("git", args, { cwd, env: gitEnv, encoding: "utf8" }).trim();
const mg = (cwd: string, args: string[]) =>
  execFileSync(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...gitEnv }, encoding: "utf8" });

/** A model repository where `bench` 1.0.0 runs in production since before the logs begin. */
async function repository(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "mg-bench-monitor-"));
  // the repository is the bench's own: removed however the bench ends (the data files stay in bench/.data/)
  if (values.keep) console.log(`the repository is kept (--keep): ${dir}/repo`);
  else process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const repo = join(dir, "repo");
  mkdirSync(join(repo, "data"), { recursive: true });
  mkdirSync(join(repo, "models/bench"), { recursive: true });
  writeFileSync(
    join(repo, "modelgate.yaml"),
    `apiVersion: ${API_VERSION}\nkind: Config\nmetadata:\n  name: bench\nspec:\n  environments:\n    - name: production\n`,
  );
  await writeCsv(join(repo, "data/eval.csv"), 5000, 1);
  const columns = Array.from({ length: FEATURES }, (_, i) => `    - {name: f${i}, type: float}`).join("\n");
  writeFileSync(
    join(repo, "data/eval.yaml"),
    `apiVersion: ${API_VERSION}\nkind: Dataset\nmetadata:\n  name: eval\nspec:\n  path: eval.csv\n  columns:\n    - {name: id, type: integer, role: id}\n${columns}\n    - {name: label, type: integer, role: label, values: [0, 1]}\n`,
  );
  writeFileSync(join(repo, "models/bench/model.onnx"), logisticRegressionModel({ weights: WEIGHTS, bias: BIAS }));
  const features = Array.from({ length: FEATURES }, (_, i) => `f${i}`).join(", ");
  writeFileSync(
    join(repo, "models/bench/model.yaml"),
    `apiVersion: ${API_VERSION}\nkind: Model\nmetadata:\n  name: bench\nspec:\n  version: 1.0.0\n  owners: [bench]\n  task: binary-classification\n  artifact: {path: model.onnx}\n  inputs: {features: [${features}]}\n  outputs: {probability: probabilities}\n  label: {column: label, classes: [0, 1], positive: 1}\n  evaluation: {datasets: [eval], bootstrap: {resamples: 0}}\n  monitoring:\n    gates:\n      - {metric: roc_auc, min: 0.6}\n`,
  );
  git(dir, ["init", "-q", "-b", "main", repo]);
  execFileSync("git", ["init", "-q", "--bare", "-b", "main", join(dir, "remote.git")]);
  git(repo, ["remote", "add", "origin", join(dir, "remote.git")]);
  mg(repo, ["lock"]);
  mg(repo, ["evaluate", "bench", "--baseline", "none"]);
  git(repo, ["add", "-A", "data", "models", "modelgate.yaml"]);
  git(repo, ["commit", "-q", "-m", "bench 1.0.0"]);
  const source = git(repo, ["rev-parse", "HEAD"]);
  const evalText = readFileSync(join(repo, ".modelgate/evaluations/bench.json"), "utf8");
  const hex = createHash("sha256").update(evalText).digest("hex");
  const evalPath = evaluationCopyPath("records", "bench", hex);
  const evalRecord = JSON.parse(evalText);
  const onnx = readFileSync(join(repo, "models/bench/model.onnx"));
  const dataset = parse(readFileSync(join(repo, "data/eval.yaml"), "utf8"));
  const image = {
    repository: "registry.invalid/bench",
    digest: `sha256:${"1".repeat(64)}`,
    scheme: "oci" as const,
    hasShell: true,
  };
  const appended = appendToLedger("", {
    apiVersion: API_VERSION,
    kind: "PromotionRecord",
    action: "publish",
    at: "2026-05-28T00:00:00Z",
    model: {
      name: "bench",
      version: "1.0.0",
      sha256: createHash("sha256").update(onnx).digest("hex"),
      path: "models/bench/model.onnx",
    },
    data: [{ name: "eval", sha256: dataset.spec.sha256 }],
    evaluation: {
      record: `sha256:${hex}`,
      path: evalPath,
      verdict: "pass",
      gates: [],
      metrics: { roc_auc: evalRecord.candidate.metrics.roc_auc },
    },
    pullRequest: null,
    approvals: [],
    image: { reference: `${image.repository}@${image.digest}`, digest: image.digest },
    environment: "production",
    stageTag: "bench#production#1",
    source,
    triggeredBy: "bench",
  });
  const model = modelSchema.parse(parse(readFileSync(join(repo, "models/bench/model.yaml"), "utf8")));
  const overlay = deployPaths("deploy", "bench").overlay("production");
  mkdirSync(join(repo, overlay, ".."), { recursive: true });
  mkdirSync(join(repo, "records/bench/evaluations"), { recursive: true });
  writeFileSync(
    join(repo, overlay),
    renderOverlay(model, "production", { image, version: "1.0.0", record: appended.digest }),
  );
  writeFileSync(join(repo, promotionsPath("records", "bench")), appended.text);
  writeFileSync(join(repo, evalPath), evalText);
  git(repo, ["add", "-A", "deploy", "records"]);
  git(repo, [
    "commit",
    "-q",
    "-m",
    commitMessage("Publish bench 1.0.0 to production", "", promotionTrailers(appended.record, appended.digest)),
  ]);
  git(repo, ["push", "-q", "origin", "main"]);
  return repo;
}

interface Timing {
  seconds: number;
  cpu: number;
  rssMb: number;
  out: string;
}
function timed(cwd: string, args: string[], build = cli): Timing {
  const r = spawnSync("/usr/bin/time", ["-f", "__TIME__ %e %U %S %M", process.execPath, build, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, ...gitEnv },
  });
  const m = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (!m || (r.status !== 0 && r.status !== 1))
    throw new Error(`${args.join(" ")} (${r.status}): ${r.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMb: Number(m[4]) / 1024, out: r.stdout };
}

const repo = await repository();
const logged = join(dataDir, `monitor-${ROWS}-logged.csv`);
const bare = join(dataDir, `monitor-${ROWS}-bare.csv`);
if (!existsSync(logged)) await writeCsv(logged, ROWS, 2, { prediction: true });
if (!existsSync(bare)) await writeCsv(bare, ROWS, 2, { prediction: false });
const window = ["--since", new Date(T0).toISOString(), "--until", new Date(T0 + DAYS * 86_400_000).toISOString()];
const runs: Record<string, Timing[]> = {};
const tag = (name: string, k: number) => (clis.length > 1 ? `${name}#${k + 1}` : name);
const repeat = Number(values.repeat);
for (let i = 0; i < repeat; i++) {
  for (const [k, build] of clis.entries()) {
    if (variants.has("logged"))
      (runs[tag("logged", k)] ??= []).push(
        timed(repo, ["monitor", "bench", "--logs", logged, ...window, "--dry-run", "--json"], build),
      );
    if (variants.has("scored"))
      (runs[tag("scored", k)] ??= []).push(
        timed(repo, ["monitor", "bench", "--logs", bare, ...window, "--dry-run", "--json"], build),
      );
  }
  if (variants.has("evaluate"))
    (runs.evaluate ??= []).push(
      timed(repo, [
        "evaluate",
        "--model",
        join(repo, "models/bench/model.onnx"),
        "--data",
        bare,
        "--task",
        "binary-classification",
        "--label",
        "label",
        "--features",
        Array.from({ length: FEATURES }, (_, j) => `f${j}`).join(","),
        "--resamples",
        "0",
        "--out",
        join(repo, ".modelgate/bench-quick.json"),
      ]),
    );
}
const first = runs[tag("logged", 0)] ?? runs[tag("scored", 0)];
const out = first ? JSON.parse(first[0].out) : undefined;
if (out && out.window.rows !== ROWS) throw new Error(`monitor judged ${out.window.rows} rows, not ${ROWS}`);
for (const [k, c] of clis.entries()) if (clis.length > 1) console.log(`#${k + 1}: ${c}`);
console.log(
  `${ROWS.toLocaleString("en-US")} rows × ${FEATURES} features, CSV (${repeat} run${repeat > 1 ? "s, medians" : ""}); monitor verdict ${out?.verdict ?? "-"}; load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
);
for (const [name, t] of Object.entries(runs)) {
  const s = median(t.map((x) => x.seconds));
  console.log(
    `${name.padEnd(9)} ${s.toFixed(2)} s wall (${Math.round(ROWS / s).toLocaleString("en-US")} rows/s), ${median(t.map((x) => x.cpu)).toFixed(2)} s CPU, peak RSS ${Math.round(median(t.map((x) => x.rssMb)))} MiB; runs ${t.map((x) => x.seconds.toFixed(2)).join(" ")}`,
  );
}
// ratios within each turn (robust to load that changes between turns), as medians
if (runs.evaluate)
  for (const [name, t] of Object.entries(runs)) {
    if (name === "evaluate") continue;
    const r = t.map((x, i) => x.seconds / runs.evaluate[i].seconds);
    const c = t.map((x, i) => x.cpu / runs.evaluate[i].cpu);
    console.log(`${name} / evaluate: ${median(r).toFixed(2)}× wall, ${median(c).toFixed(2)}× CPU (in turns)`);
  }
