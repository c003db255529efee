/**
 * Data and models in S3: an S3-compatible server on a loopback port (s3rver) read through the real AWS SDK, as a
 * user's MinIO or R2 is (AWS_ENDPOINT_URL_S3, path-style addressing, credentials from the SDK's default chain).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { stablePart } from "../../src/evaluate/engine.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { startS3, type S3Fixture } from "../support/s3.ts";

const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");
let s3: S3Fixture;

before(async () => {
  s3 = await startS3(["modelgate-data"]);
});
after(async () => {
  await s3.close();
});

async function cli(root: string, env: Record<string, string>, ...args: string[]) {
  const io = bufferIo(root, env);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The fixture's evaluation data moved to S3: the manifest names the object, the file leaves the work tree. */
function moveEvalData(root: string, url: string, pin: string) {
  const file = join(root, "data/churn-eval.yaml");
  const text = readFileSync(file, "utf8").replace("path: churn-eval.csv", `path: ${url}`);
  writeFileSync(file, text.replace(/ {2}sha256: [0-9a-f]{64}\n/, pin));
  rmSync(join(root, "data/churn-eval.csv"));
}

function cacheEntries(cache: string): string[] {
  const dir = join(cache, "sha256");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

test("a dataset in S3: lock pins it, validate and evaluate read it through the cache, the record equals the local file's", async () => {
  const repo = makeFixtureRepo();
  const env = { ...s3.env };
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  const args = ["evaluate", "churn", "--baseline", "none", "--resamples", "50"];
  const local = await cli(repo.root, env, ...args, "--out", "local.json");
  assert.equal(local.code, 0, local.err);

  await s3.put("modelgate-data", "churn/eval.csv", evalCsv);
  moveEvalData(repo.root, "s3://modelgate-data/churn/eval.csv", "");
  const lock = await cli(repo.root, env, "lock");
  assert.equal(lock.code, 0, lock.err);
  const manifest = readFileSync(join(repo.root, "data/churn-eval.yaml"), "utf8");
  assert.match(manifest, new RegExp(`sha256: ${sha(evalCsv)}`));
  assert.match(manifest, new RegExp(`sizeBytes: ${evalCsv.length}`));

  const validate = await cli(repo.root, env, "validate");
  assert.equal(validate.code, 0, validate.out + validate.err);
  assert.match(validate.out, /"s3:\/\/modelgate-data\/churn\/eval\.csv" checked in the cache/);

  const remote = await cli(repo.root, env, ...args, "--out", "remote.json");
  assert.equal(remote.code, 0, remote.err);
  const a = stablePart(JSON.parse(readFileSync(join(repo.root, "local.json"), "utf8")));
  const b = stablePart(JSON.parse(readFileSync(join(repo.root, "remote.json"), "utf8")));
  assert.equal(b.dataset.path, "s3://modelgate-data/churn/eval.csv");
  assert.equal(b.dataset.sha256, sha(evalCsv));
  assert.deepEqual({ ...b, dataset: { ...b.dataset, path: a.dataset.path } }, a);
  assert.deepEqual(cacheEntries(env.MODELGATE_CACHE), [sha(evalCsv)], "one object, one entry");

  // nothing is downloaded twice: with the object gone from the store, the cache still answers
  const gone = await cli(
    repo.root,
    { ...env, AWS_ENDPOINT_URL_S3: "http://127.0.0.1:1" },
    ...args,
    "--out",
    "again.json",
  );
  assert.equal(gone.code, 0, gone.err);
  // credentials never reach a manifest or a record
  for (const f of ["data/churn-eval.yaml", "remote.json"])
    assert.doesNotMatch(readFileSync(join(repo.root, f), "utf8"), /S3RVER/);
});

test("a tampered object is refused naming both digests, and leaves nothing in the cache", async () => {
  const repo = makeFixtureRepo();
  const env = { ...s3.env, MODELGATE_CACHE: join(tmpdir(), `mg-cache-tamper-${process.pid}`) };
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  const pinned = sha(evalCsv);
  const tampered = Buffer.from(evalCsv.toString("utf8").replace(/,1\n/, ",0\n"));
  await s3.put("modelgate-data", "churn/tampered.csv", tampered);
  moveEvalData(repo.root, "s3://modelgate-data/churn/tampered.csv", `  sha256: ${pinned}\n`);
  const r = await cli(repo.root, env, "evaluate", "churn", "--baseline", "none", "--resamples", "10");
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, new RegExp(`has sha256 ${sha(tampered)}, not the ${pinned} pinned by the manifest`));
  assert.deepEqual(cacheEntries(env.MODELGATE_CACHE), []);
  assert.deepEqual(readdirSync(join(env.MODELGATE_CACHE, "tmp")), [], "no partial file left behind");
  const v = await cli(repo.root, env, "validate", "--skip-data");
  assert.equal(v.code, 1);
  assert.match(v.out, /data\/churn-eval\.yaml\n.*error\s+digest\s+.*has sha256/);
});

test("a model artifact in S3: lock pins its sha256 and size, evaluate loads it from the store", async () => {
  const repo = makeFixtureRepo();
  const env = { ...s3.env };
  const onnx = readFileSync(join(repo.root, "models/churn/model.onnx"));
  await s3.put("modelgate-data", "models/churn/1.0.0/model.onnx", onnx);
  const file = join(repo.root, "models/churn/model.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace("path: model.onnx", "path: s3://modelgate-data/models/churn/1.0.0/model.onnx")
      .replace(/ {4}sha256: [0-9a-f]{64}\n/, ""),
  );
  rmSync(join(repo.root, "models/churn/model.onnx"));
  const lock = await cli(repo.root, env, "lock", "churn");
  assert.equal(lock.code, 0, lock.err);
  const manifest = readFileSync(file, "utf8");
  assert.match(manifest, new RegExp(`sha256: ${sha(onnx)}`));
  assert.match(manifest, new RegExp(`sizeBytes: ${onnx.length}`));
  const r = await cli(repo.root, env, "evaluate", "churn", "--baseline", "none", "--resamples", "10", "--json");
  assert.equal(r.code, 0, r.err);
  const record = JSON.parse(r.out);
  assert.equal(record.candidate.sha256, sha(onnx));
  assert.equal(record.candidate.source, "s3://modelgate-data/models/churn/1.0.0/model.onnx");
  // train writes into the repository: a remote artifact is refused there, with the reason
  const t = await cli(repo.root, env, "train", "churn");
  assert.equal(t.code, 2);
  assert.match(t.err, /a remote file: modelgate train writes the artifact into the repository/);
});

test("path-style addressing comes from storage.s3.forcePathStyle too; without it a loopback endpoint is unreachable", async () => {
  const repo = makeFixtureRepo();
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  await s3.put("modelgate-data", "churn/style.csv", evalCsv);
  moveEvalData(repo.root, "s3://modelgate-data/churn/style.csv", `  sha256: ${sha(evalCsv)}\n`);
  // by name, not by address: the SDK addresses a bucket on an IP endpoint by path whatever it is told
  const { MODELGATE_S3_FORCE_PATH_STYLE: _, ...rest } = s3.env;
  const env: Record<string, string> = { ...rest, AWS_ENDPOINT_URL_S3: s3.endpoint.replace("127.0.0.1", "localhost") };
  const args = ["validate", "--skip-data"];
  const virtualHosted = await cli(repo.root, { ...env, MODELGATE_CACHE: `${env.MODELGATE_CACHE}-vh` }, ...args);
  assert.equal(
    virtualHosted.code,
    1,
    `modelgate-data.localhost does not resolve: ${virtualHosted.out}${virtualHosted.err}`,
  );
  const cfg = join(repo.root, "modelgate.yaml");
  writeFileSync(cfg, `${readFileSync(cfg, "utf8")}  storage:\n    s3:\n      forcePathStyle: true\n`);
  const pathStyle = await cli(repo.root, { ...env, MODELGATE_CACHE: `${env.MODELGATE_CACHE}-ps` }, ...args);
  assert.equal(pathStyle.code, 0, pathStyle.out);
  assert.match(
    pathStyle.out,
    /"s3:\/\/modelgate-data\/churn\/style\.csv" downloaded \(\d[\d,]* bytes\) into the cache/,
  );
});

/**
 * s3rver 3.7 computes no checksums. This proxy in front of it answers HEAD for one key with the two headers S3 sends
 * for an object uploaded with a SHA-256 checksum in one part (x-amz-checksum-sha256, x-amz-checksum-type), so that
 * the SDK's response carries ChecksumSHA256 as it would from S3; every other request passes through unchanged.
 */
async function checksumProxy(key: string, digest: Buffer): Promise<{ endpoint: string; close(): void; gets: number }> {
  const target = new URL(s3.endpoint);
  const state = { gets: 0 };
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url?.includes(key)) state.gets++;
    const up = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (r) => {
        const headers = { ...r.headers };
        if (req.method === "HEAD" && req.url?.includes(key)) {
          headers["x-amz-checksum-sha256"] = digest.toString("base64");
          headers["x-amz-checksum-type"] = "FULL_OBJECT";
        }
        res.writeHead(r.statusCode ?? 502, headers);
        r.pipe(res);
      },
    );
    req.pipe(up);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => server.close(),
    get gets() {
      return state.gets;
    },
  };
}

test("validate --skip-data trusts S3's SHA-256 checksum and downloads nothing; without one it downloads and says so", async () => {
  const repo = makeFixtureRepo();
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  await s3.put("modelgate-data", "churn/checksummed.csv", evalCsv, { sha256: true });
  moveEvalData(repo.root, "s3://modelgate-data/churn/checksummed.csv", `  sha256: ${sha(evalCsv)}\n`);
  const proxy = await checksumProxy("churn/checksummed.csv", createHash("sha256").update(evalCsv).digest());
  try {
    const env = { ...s3.env, AWS_ENDPOINT_URL_S3: proxy.endpoint, MODELGATE_CACHE: `${s3.env.MODELGATE_CACHE}-ck` };
    const r = await cli(repo.root, env, "validate", "--skip-data");
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /checked by the store's SHA-256 checksum, not downloaded/);
    assert.equal(proxy.gets, 0, "no GET of the object");
    assert.deepEqual(cacheEntries(env.MODELGATE_CACHE), []);
    // the same object through s3rver alone, which gives no checksum: downloaded, and said
    const plain = await cli(
      repo.root,
      { ...s3.env, MODELGATE_CACHE: `${s3.env.MODELGATE_CACHE}-nock` },
      "validate",
      "--skip-data",
    );
    assert.equal(plain.code, 0, plain.out);
    assert.match(plain.out, /downloaded \(\d[\d,]* bytes\) into the cache to check it/);
  } finally {
    proxy.close();
  }
  // a checksum that is not the pin is a digest error at the manifest's line, still without a download
  const other = await checksumProxy("churn/checksummed.csv", Buffer.alloc(32, 1));
  try {
    const env = { ...s3.env, AWS_ENDPOINT_URL_S3: other.endpoint, MODELGATE_CACHE: `${s3.env.MODELGATE_CACHE}-bad` };
    const r = await cli(repo.root, env, "validate", "--skip-data");
    assert.equal(r.code, 1);
    assert.match(
      r.out,
      new RegExp(`has sha256 ${"01".repeat(32)} \\(the store's checksum\\), not the ${sha(evalCsv)}`),
    );
    assert.equal(other.gets, 0);
  } finally {
    other.close();
  }
});
