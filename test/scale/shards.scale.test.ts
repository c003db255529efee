/**
 * The scale lane (`npm run test:scale`, not part of `npm test`): 10,000,000 rows in S3 (s3rver through the real AWS
 * SDK), as CSV and as Parquet, evaluated in one job and in 4 shard jobs — each with a cache of its own, as on its own
 * runner, reading only its part (CSV byte range, Parquet row groups) while it hashes the whole object — and merged.
 * The merged record equals the one-job record, intervals and AUC included. Few columns, to keep it to minutes.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parquetWriteFile } from "hyparquet-writer";
import { main } from "../../src/cli/main.ts";
import { stablePart } from "../../src/evaluate/engine.ts";
import { bufferIo } from "../../src/util/io.ts";
import { rng } from "../../src/util/random.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { type S3Fixture, startS3 } from "../support/s3.ts";

const ROWS = Number(process.env.MODELGATE_SCALE_ROWS ?? 10_000_000);
const SHARDS = 4;
const work = mkdtempSync(join(tmpdir(), "mg-scale-"));
let s3: S3Fixture;

before(async () => {
  s3 = await startS3(["scale"]);
});
after(async () => {
  await s3.close();
  rmSync(work, { recursive: true, force: true });
});

/** ROWS rows of x1, x2 (4 decimals) and a label y drawn from a logistic model, as CSV, and as columns for Parquet. */
async function data(): Promise<{ csv: string; x1: Float64Array; x2: Float64Array; y: Int32Array }> {
  const r = rng(17);
  const x1 = new Float64Array(ROWS);
  const x2 = new Float64Array(ROWS);
  const y = new Int32Array(ROWS);
  const csv = join(work, "data.csv");
  const out = createWriteStream(csv);
  out.write("x1,x2,y\n");
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    x1[i] = Math.round((r() * 4 - 2) * 1e4) / 1e4;
    x2[i] = Math.round((r() * 4 - 2) * 1e4) / 1e4;
    y[i] = r() < 1 / (1 + Math.exp(-(x1[i] - 0.5 * x2[i]))) ? 1 : 0;
    chunk += `${x1[i]},${x2[i]},${y[i]}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once("drain", () => ok()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((ok, no) => out.end((err?: Error | null) => (err ? no(err) : ok())));
  return { csv, x1, x2, y };
}

/** A model repository whose dataset is the object at `url`, pinned by `bytes`. */
function repoFor(url: string, bytes: Buffer, format: string): string {
  const root = mkdtempSync(join(work, "repo-"));
  const put = (rel: string, text: string | Uint8Array) => {
    mkdirSync(join(root, rel, ".."), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  put("modelgate.yaml", "apiVersion: modelgate.dev/v1alpha1\nkind: Config\nmetadata:\n  name: scale\n");
  put("models/m/model.onnx", logisticRegressionModel({ weights: [1, -0.5], bias: 0 }));
  put(
    "models/m/model.yaml",
    `apiVersion: modelgate.dev/v1alpha1
kind: Model
metadata: { name: m }
spec:
  version: 1.0.0
  owners: [scale]
  task: binary-classification
  artifact: { path: model.onnx }
  inputs: { features: [x1, x2] }
  outputs: { probability: probabilities, label: label }
  label: { column: y, classes: [0, 1], positive: 1 }
  evaluation: { datasets: [d], bootstrap: { resamples: 20, seed: 3 } }
`,
  );
  put(
    "data/d.yaml",
    `apiVersion: modelgate.dev/v1alpha1
kind: Dataset
metadata: { name: d }
spec:
  path: ${url}
  format: ${format}
  sha256: ${createHash("sha256").update(bytes).digest("hex")}
  sizeBytes: ${bytes.length}
  columns:
    - { name: x1, type: float }
    - { name: x2, type: float }
    - { name: y, type: integer, role: label }
`,
  );
  return root;
}

async function evaluate(root: string, ...args: string[]): Promise<unknown> {
  // each job on a runner of its own: an empty cache
  const env = { ...s3.env, MODELGATE_CACHE: mkdtempSync(join(work, "cache-")) };
  const io = bufferIo(root, env);
  try {
    const code = await main(["evaluate", ...args, "--json"], io);
    assert.equal(code, 0, io.stderr);
  } finally {
    rmSync(env.MODELGATE_CACHE, { recursive: true, force: true });
  }
  return JSON.parse(io.stdout);
}

async function shardedEqualsOne(root: string): Promise<void> {
  const single = await evaluate(root, "m", "--baseline", "none", "--out", "single.json");
  const states: string[] = [];
  for (const i of [3, 1, 4, 2]) {
    await evaluate(root, "m", "--baseline", "none", "--shard", `${i}/${SHARDS}`, "--out", `s${i}.json`);
    states.push(`s${i}.json`);
  }
  const merged = (await evaluate(root, "merge", ...states, "--out", "merged.json")) as {
    dataset: { rows: number };
  };
  assert.equal(merged.dataset.rows, ROWS);
  assert.equal(JSON.stringify(stablePart(merged as never)), JSON.stringify(stablePart(single as never)));
}

test(`${ROWS.toLocaleString("en-US")} rows in S3, CSV and Parquet: 4 shards merged equal one run`, async () => {
  const d = await data();
  const csv = readFileSync(d.csv);
  await s3.put("scale", "data.csv", csv);
  await shardedEqualsOne(repoFor("s3://scale/data.csv", csv, "csv"));

  const pq = join(work, "data.parquet");
  parquetWriteFile({
    filename: pq,
    columnData: [
      { name: "x1", data: d.x1, type: "DOUBLE" },
      { name: "x2", data: d.x2, type: "DOUBLE" },
      { name: "y", data: d.y, type: "INT32" },
    ],
    rowGroupSize: 500_000,
  });
  const parquet = readFileSync(pq);
  await s3.put("scale", "data.parquet", parquet);
  await shardedEqualsOne(repoFor("s3://scale/data.parquet", parquet, "parquet"));
});
