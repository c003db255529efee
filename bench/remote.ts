/**
 * Benchmark: `modelgate evaluate` (read, infer, metrics; no bootstrap) on a CSV in the work tree against the same
 * CSV in S3 — an S3-compatible server on a loopback port (npm s3rver, run by this script) read through the AWS SDK —
 * with an empty cache (the object is downloaded into the cache, hashed on the way, then read) and with the cache
 * already holding it (the entry is hashed again, then read); and `validate --skip-data` with an empty cache, which
 * is the download and its hash alone. Each variant runs the built CLI as a user does (`node dist/cli.js`, so run
 * `npm run build` first), in turns, `--repeat` times; the figures are medians. `--cli NAME=PATH,…` times other
 * builds too (e.g. `node scripts/build.mjs --outdir .bench/before` on another checkout), every variant of every
 * build in turns.
 *
 *   npx tsx bench/remote.ts [--rows 1000000] [--features 10] [--repeat 3] [--cli before=…/cli.js,after=dist/cli.js]
 *                           [--only local,empty]
 *
 * The data file is cached under bench/.data/ (git-ignored). The loopback server has no network in the way: the
 * remote figures are the cost of the SDK, the cache and the hashing, the floor of any real store's.
 */
import { spawn } from "node:child_process";
import {
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CreateBucketCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { sha256File } from "../src/data/hash.ts";
import { rng } from "../src/util/random.ts";
import { logisticRegressionModel } from "../test/support/onnx-build.ts";
import { machine, median } from "./machine.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    features: { type: "string", default: "10" },
    repeat: { type: "string", default: "3" },
    cli: { type: "string", default: "dist/cli.js" },
    /** Only the variants whose names contain one of these (comma-separated), e.g. `local,empty`. */
    only: { type: "string" },
  },
});
const ROWS = Number(values.rows);
const F = Number(values.features);
const dataDir = join(import.meta.dirname, ".data");
mkdirSync(dataDir, { recursive: true });
const wr = rng(5);
const WEIGHTS = Array.from({ length: F }, () => Math.round((wr() * 2 - 1) * 1000) / 1000);

async function writeCsv(path: string): Promise<void> {
  const r = rng(ROWS + F);
  const out = createWriteStream(path);
  out.write(`${Array.from({ length: F }, (_, i) => `f${i}`).join(",")},label\n`);
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    let z = 0;
    let line = "";
    for (let j = 0; j < F; j++) {
      const v = Math.round((r() * 4 - 2) * 1e6) / 1e6;
      z += WEIGHTS[j] * v;
      line += `${v},`;
    }
    chunk += `${line}${r() < 1 / (1 + Math.exp(-z)) ? 1 : 0}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once("drain", () => ok()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((ok, no) => out.end((err?: Error | null) => (err ? no(err) : ok())));
}

const csv = join(dataDir, `remote-${ROWS}x${F}.csv`);
if (!existsSync(csv)) await writeCsv(csv);
const size = statSync(csv).size;
const sha = await sha256File(csv);

// the model repository: one model, one dataset whose path is set per variant
const repo = mkdtempSync(join(tmpdir(), "mg-bench-remote-"));
const put = (rel: string, text: string | Uint8Array) => {
  mkdirSync(join(repo, rel, ".."), { recursive: true });
  writeFileSync(join(repo, rel), text);
};
put("modelgate.yaml", "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: bench\n");
put("models/bench/model.onnx", logisticRegressionModel({ weights: WEIGHTS, bias: 0 }));
mkdirSync(join(repo, "data"), { recursive: true });
copyFileSync(csv, join(repo, "data/bench.csv"));
const features = Array.from({ length: F }, (_, i) => `f${i}`);
put(
  "models/bench/model.yaml",
  `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata: { name: bench }
spec:
  version: 1.0.0
  owners: [bench]
  task: binary-classification
  artifact: { path: model.onnx }
  inputs: { features: [${features.join(", ")}] }
  outputs: { probability: probabilities, label: label }
  label: { column: label, classes: [0, 1], positive: 1 }
  evaluation: { datasets: [bench] }
`,
);
const dataset = (path: string) =>
  put(
    "data/bench.yaml",
    `apiVersion: modelgate.dev/v1alpha1
kind: Dataset
metadata: { name: bench }
spec:
  path: ${path}
  sha256: ${sha}
  sizeBytes: ${size}
  columns:
${[...features.map((f) => `    - { name: ${f}, type: float }`), "    - { name: label, type: integer, role: label }"].join("\n")}
`,
  );

// the store
const store = mkdtempSync(join(tmpdir(), "mg-bench-s3rver-"));
const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: store });
const { port } = await server.run();
const endpoint = `http://127.0.0.1:${port}`;
const creds = { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", AWS_REGION: "us-east-1" };
Object.assign(process.env, creds, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" });
const client = new S3Client({ endpoint, forcePathStyle: true, requestChecksumCalculation: "WHEN_REQUIRED" });
await client.send(new CreateBucketCommand({ Bucket: "bench" }));
await client.send(
  new PutObjectCommand({ Bucket: "bench", Key: "remote.csv", Body: createReadStream(csv), ContentLength: size }),
);
client.destroy();

const clis = values.cli.split(",").map((c) => {
  const [name, path] = c.includes("=") ? c.split("=") : [c, c];
  return { name, path: resolve(path) };
});
const baseEnv = { ...process.env, ...creds, AWS_ENDPOINT_URL_S3: endpoint, MODELGATE_S3_FORCE_PATH_STYLE: "1" };

/** The CLI in a child process, timed; the store answers from this process meanwhile (spawnSync would block it). */
async function run(cli: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, ...args], { cwd: repo, env, stdio: "pipe" });
  let err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  const code = await new Promise<number>((ok) => child.on("close", (c) => ok(c ?? 1)));
  if (code !== 0) throw new Error(`modelgate ${args.join(" ")} failed (${code}):\n${err.slice(-2000)}`);
  return (performance.now() - started) / 1000;
}

const evaluate = ["evaluate", "bench", "--baseline", "none", "--resamples", "0", "--out", join(repo, "record.json")];
const warmCache = mkdtempSync(join(tmpdir(), "mg-bench-cache-"));
const variants: Record<string, (cli: string) => Promise<number>> = {
  "local file": (cli) => {
    dataset("bench.csv");
    return run(cli, evaluate, baseEnv);
  },
  "S3, empty cache": (cli) => {
    dataset("s3://bench/remote.csv");
    const cache = mkdtempSync(join(tmpdir(), "mg-bench-cache-"));
    return run(cli, evaluate, { ...baseEnv, MODELGATE_CACHE: cache }).finally(() => rmSync(cache, { recursive: true }));
  },
  "S3, cached": (cli) => {
    dataset("s3://bench/remote.csv");
    return run(cli, evaluate, { ...baseEnv, MODELGATE_CACHE: warmCache });
  },
  "download + hash alone (validate --skip-data, empty cache)": (cli) => {
    dataset("s3://bench/remote.csv");
    const cache = mkdtempSync(join(tmpdir(), "mg-bench-cache-"));
    return run(cli, ["validate", "--skip-data"], { ...baseEnv, MODELGATE_CACHE: cache }).finally(() =>
      rmSync(cache, { recursive: true }),
    );
  },
};
dataset("s3://bench/remote.csv");
// fills the warm cache (and warms the page cache)
await run(clis[0].path, evaluate, { ...baseEnv, MODELGATE_CACHE: warmCache });

const times: Record<string, number[]> = {};
const loads: number[] = [];
for (let i = 0; i < Number(values.repeat); i++) {
  for (const [name, v] of Object.entries(variants)) {
    if (values.only && !values.only.split(",").some((o) => name.includes(o))) continue;
    for (const c of clis) {
      const key = clis.length > 1 ? `${name} [${c.name}]` : name;
      (times[key] ??= []).push(await v(c.path));
      loads.push(Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]));
    }
  }
}
await server.close();

const mb = size / 2 ** 20;
const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (1-minute, over the runs)`;
console.log(`${machine()}; load average ${load}`);
console.log(
  `${ROWS.toLocaleString("en-US")} rows × ${F} float features, CSV ${mb.toFixed(0)} MiB; medians of ${values.repeat}`,
);
for (const [name, ts] of Object.entries(times)) {
  const m = median(ts);
  console.log(
    `${name.padEnd(68)} ${m.toFixed(2).padStart(7)} s  (${(mb / m).toFixed(0)} MiB/s; runs ${ts.map((t) => t.toFixed(2)).join(", ")})`,
  );
}
rmSync(repo, { recursive: true });
rmSync(store, { recursive: true });
rmSync(warmCache, { recursive: true });
