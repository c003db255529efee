/**
 * The quick look (`modelgate evaluate --model FILE --data FILE`, no manifests) on remote files, read through the same
 * storage layer and cache as manifests' paths: S3 (s3rver through the real AWS SDK), Cloud Storage (the JSON API
 * simulator through the real client), plain http on a loopback address, a DVC output in a remote on disk, and a
 * git-lfs pointer, which is never read as data. Each record equals the one of the same bytes on disk.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { stablePart } from "../../src/evaluate/engine.ts";
import { bufferIo } from "../../src/util/io.ts";
import { type GcsSim, startGcs } from "../support/gcs.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { type S3Fixture, startS3 } from "../support/s3.ts";

const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");
const md5 = (b: string | Uint8Array) => createHash("md5").update(b).digest("hex");

let s3: S3Fixture;
let gcs: GcsSim;
let http: { url: string; close(): void };
const dir = mkdtempSync(join(tmpdir(), "mg-quick-remote-"));
const csv = Buffer.from(
  `x1,x2,y\n${Array.from({ length: 400 }, (_, i) => `${(i % 17) / 10},${(i % 5) - 2},${(i * 7) % 3 === 0 ? 1 : 0}`).join("\n")}\n`,
);
const onnx = logisticRegressionModel({ weights: [0.8, -0.3], bias: -0.2 });

before(async () => {
  s3 = await startS3(["quick"]);
  gcs = await startGcs(["quick"]);
  await s3.put("quick", "eval/data.csv", csv);
  gcs.put("quick", "eval/data.csv", csv);
  gcs.put("quick", "models/model.onnx", onnx);
  const server = createServer((req, res) => {
    if (req.url !== "/eval/data.csv") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-length": csv.length, etag: '"v1"' }).end(csv);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  http = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/eval/data.csv`,
    close: () => server.close(),
  };
  writeFileSync(join(dir, "data.csv"), csv);
  writeFileSync(join(dir, "model.onnx"), onnx);
});
after(async () => {
  http.close();
  await gcs.close();
  await s3.close();
});

async function quickLook(env: Record<string, string>, data: string, model = "model.onnx") {
  const io = bufferIo(dir, { ...s3.env, STORAGE_EMULATOR_HOST: gcs.endpoint, ...env });
  const args = ["evaluate", "--model", model, "--data", data, "--task", "binary-classification", "--label", "y"];
  const code = await main(
    [...args, "--resamples", "20", "--no-latency", "--json", "--out", `out-${sha(data)}.json`],
    io,
  );
  return { code, out: io.stdout, err: io.stderr };
}

const record = (r: { out: string }) => stablePart(JSON.parse(r.out));

test("quick look on s3://, gs:// and http(s):// data: the record equals the local file's, the URL and sha256 in it", async () => {
  const local = await quickLook({}, "data.csv");
  assert.equal(local.code, 0, local.err);
  const expected = record(local);
  for (const url of ["s3://quick/eval/data.csv", "gs://quick/eval/data.csv", http.url]) {
    const cache = mkdtempSync(join(tmpdir(), "mg-quick-cache-"));
    const r = await quickLook({ MODELGATE_CACHE: cache }, url);
    assert.equal(r.code, 0, `${url}: ${r.err}`);
    const got = record(r);
    assert.equal(got.dataset.path, url);
    assert.equal(got.dataset.sha256, sha(csv));
    assert.deepEqual({ ...got, dataset: { ...got.dataset, path: "data.csv" } }, expected, url);
  }
  // the model from Cloud Storage too
  const m = await quickLook({}, "gs://quick/eval/data.csv", "gs://quick/models/model.onnx");
  assert.equal(m.code, 0, m.err);
  assert.equal(JSON.parse(m.out).candidate.source, "gs://quick/models/model.onnx");
  assert.equal(JSON.parse(m.out).model.name, "model");
});

test("quick look on a DVC output (a remote on disk), and on a git-lfs pointer, which is never read as data", async () => {
  const project = mkdtempSync(join(tmpdir(), "mg-quick-dvc-"));
  const remote = mkdtempSync(join(tmpdir(), "mg-quick-dvc-remote-"));
  const h = md5(csv);
  mkdirSync(join(remote, "files/md5", h.slice(0, 2)), { recursive: true });
  writeFileSync(join(remote, "files/md5", h.slice(0, 2), h.slice(2)), csv);
  mkdirSync(join(project, ".dvc"));
  writeFileSync(
    join(project, ".dvc/config"),
    `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
  );
  writeFileSync(
    join(project, "data.csv.dvc"),
    `outs:\n- md5: ${h}\n  size: ${csv.length}\n  hash: md5\n  path: data.csv\n`,
  );
  const r = await quickLook(
    { MODELGATE_CACHE: mkdtempSync(join(tmpdir(), "mg-quick-cache-")) },
    `${project}/data.csv.dvc`,
  );
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).dataset.sha256, sha(csv));

  const pointer = join(dir, "lfs", "data.csv");
  mkdirSync(dirname(pointer), { recursive: true });
  writeFileSync(pointer, `version https://git-lfs.github.com/spec/v1\noid sha256:${sha(csv)}\nsize ${csv.length}\n`);
  const lfs = await quickLook({}, "lfs/data.csv");
  assert.equal(lfs.code, 2, lfs.out);
  assert.match(lfs.err, new RegExp(`lfs/data\\.csv is a git-lfs pointer \\(oid sha256:${sha(csv)}`));
});
