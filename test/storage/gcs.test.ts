/**
 * Data and models in Google Cloud Storage: gs:// objects read through the real @google-cloud/storage client (and the
 * JSON API's download with its credentials), pointed by the client's own STORAGE_EMULATOR_HOST at a stateful
 * simulator of the JSON API on a loopback port (test/support/gcs.ts; no GCS emulator is packaged here).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { stablePart } from "../../src/evaluate/engine.ts";
import { gcsClientLoaded } from "../../src/storage/gcs.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { type GcsSim, startGcs } from "../support/gcs.ts";

const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");
let gcs: GcsSim;

before(async () => {
  gcs = await startGcs(["modelgate-data"]);
});
after(async () => {
  await gcs.close();
});

const envFor = () => ({
  STORAGE_EMULATOR_HOST: gcs.endpoint,
  MODELGATE_CACHE: mkdtempSync(join(tmpdir(), "mg-gcs-cache-")),
});

async function cli(root: string, env: Record<string, string>, ...args: string[]) {
  const io = bufferIo(root, env);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The fixture's evaluation data moved to Cloud Storage: the manifest names the object, the file leaves the tree. */
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

// first in this file (its own process): the client is loaded by the first gs:// object, not before
test("commands that touch no gs:// object never load the Cloud Storage client", async () => {
  const repo = makeFixtureRepo();
  const r = await cli(repo.root, envFor(), "validate");
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(gcsClientLoaded(), false);
});

test("a dataset in Cloud Storage: lock pins it, validate and evaluate read it through the cache, the record equals the local file's", async () => {
  const repo = makeFixtureRepo();
  const env = envFor();
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  const args = ["evaluate", "churn", "--baseline", "none", "--resamples", "50"];
  const local = await cli(repo.root, env, ...args, "--out", "local.json");
  assert.equal(local.code, 0, local.err);

  gcs.put("modelgate-data", "churn/eval.csv", evalCsv);
  moveEvalData(repo.root, "gs://modelgate-data/churn/eval.csv", "");
  const lock = await cli(repo.root, env, "lock");
  assert.equal(lock.code, 0, lock.err);
  assert.equal(gcsClientLoaded(), true);
  const manifest = readFileSync(join(repo.root, "data/churn-eval.yaml"), "utf8");
  assert.match(manifest, new RegExp(`sha256: ${sha(evalCsv)}`));
  assert.match(manifest, new RegExp(`sizeBytes: ${evalCsv.length}`));

  const validate = await cli(repo.root, env, "validate");
  assert.equal(validate.code, 0, validate.out + validate.err);
  assert.match(validate.out, /"gs:\/\/modelgate-data\/churn\/eval\.csv" checked in the cache/);

  const remote = await cli(repo.root, env, ...args, "--out", "remote.json");
  assert.equal(remote.code, 0, remote.err);
  const a = stablePart(JSON.parse(readFileSync(join(repo.root, "local.json"), "utf8")));
  const b = stablePart(JSON.parse(readFileSync(join(repo.root, "remote.json"), "utf8")));
  assert.equal(b.dataset.path, "gs://modelgate-data/churn/eval.csv");
  assert.equal(b.dataset.sha256, sha(evalCsv));
  assert.deepEqual({ ...b, dataset: { ...b.dataset, path: a.dataset.path } }, a);
  assert.deepEqual(cacheEntries(env.MODELGATE_CACHE), [sha(evalCsv)], "one object, one entry");
  const media = gcs.log.filter((l) => l.includes("churn%2Feval.csv?alt=media"));
  assert.equal(media.length, 1, `downloaded once: ${media.join("; ")}`);

  // with a fresh cache, validate --skip-data must download: Cloud Storage has no SHA-256 to compare, and says so
  const fresh = await cli(
    repo.root,
    { ...env, MODELGATE_CACHE: `${env.MODELGATE_CACHE}-2` },
    "validate",
    "--skip-data",
  );
  assert.equal(fresh.code, 0, fresh.out + fresh.err);
  assert.match(
    fresh.out,
    /"gs:\/\/modelgate-data\/churn\/eval\.csv" downloaded \(\d[\d,]* bytes\) into the cache to check it \(Cloud Storage keeps no SHA-256 of an object, only MD5 and CRC32C\)/,
  );
});

test("a tampered object is refused naming both digests, and leaves nothing in the cache; a missing one is named", async () => {
  const repo = makeFixtureRepo();
  const env = envFor();
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  const pinned = sha(evalCsv);
  const tampered = Buffer.from(evalCsv.toString("utf8").replace(/,1\n/, ",0\n"));
  gcs.put("modelgate-data", "churn/tampered.csv", tampered);
  moveEvalData(repo.root, "gs://modelgate-data/churn/tampered.csv", `  sha256: ${pinned}\n`);
  const r = await cli(repo.root, env, "evaluate", "churn", "--baseline", "none", "--resamples", "10");
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, new RegExp(`has sha256 ${sha(tampered)}, not the ${pinned} pinned by the manifest`));
  assert.deepEqual(cacheEntries(env.MODELGATE_CACHE), []);
  assert.deepEqual(readdirSync(join(env.MODELGATE_CACHE, "tmp")), [], "no partial file left behind");

  const file = join(repo.root, "data/churn-eval.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("churn/tampered.csv", "churn/absent.csv"));
  const v = await cli(repo.root, env, "validate");
  assert.equal(v.code, 1, v.out);
  assert.match(v.out, /gs:\/\/modelgate-data\/churn\/absent\.csv does not exist \(Cloud Storage answered 404\)/);
});

test("a cut download resumes with a Range request on the same generation; a replaced object is refused as changed, and judged by the pin when read again", async () => {
  const repo = makeFixtureRepo();
  const env = envFor();
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  gcs.put("modelgate-data", "churn/cut.csv", evalCsv);
  moveEvalData(repo.root, "gs://modelgate-data/churn/cut.csv", `  sha256: ${sha(evalCsv)}\n`);
  gcs.cutAfter("churn/cut.csv", 1000);
  const r = await cli(repo.root, env, "validate");
  assert.equal(r.code, 0, r.out + r.err);
  const generation = gcs.buckets.get("modelgate-data")!.get("churn/cut.csv")!.generation;
  assert.ok(
    gcs.log.some((l) => l.includes(`churn%2Fcut.csv?alt=media&generation=${generation} [bytes=1000-]`)),
    gcs.log.join("\n"),
  );
  assert.deepEqual(cacheEntries(env.MODELGATE_CACHE), [sha(evalCsv)]);

  // the object is replaced while the first read is cut: the resumed read finds its generation gone (404) and gets
  // the new object from byte 0; its first 1,000 bytes differ from those already read and hashed, so the read is
  // refused as changed (the bytes already streamed to the reader cannot be taken back), and nothing is cached
  const other = Buffer.from(evalCsv.toString("utf8").replace(/,1\n/, ",0\n"));
  const env2 = envFor();
  const replacing = gcs.log.length;
  gcs.cutAfter("churn/cut.csv", 1000, () => gcs.put("modelgate-data", "churn/cut.csv", other));
  const v = await cli(repo.root, env2, "validate");
  assert.equal(v.code, 1, v.out + v.err);
  assert.match(v.out, /gs:\/\/modelgate-data\/churn\/cut\.csv changed while it was being read/);
  assert.ok(
    gcs.log.slice(replacing).some((l) => l.endsWith("[bytes=1000-]")),
    "a resumption was attempted",
  );
  assert.deepEqual(cacheEntries(env2.MODELGATE_CACHE), []);
  // run again, as the message says: the new object is read whole and the pin refuses it
  const again = await cli(repo.root, env2, "validate");
  assert.equal(again.code, 1, again.out + again.err);
  assert.match(again.out, new RegExp(`has sha256 ${sha(other)}, not the ${sha(evalCsv)} pinned by the manifest`));
  assert.deepEqual(cacheEntries(env2.MODELGATE_CACHE), []);
});

test("lock re-pins an object replaced by one of the same size: Cloud Storage's md5 differs from the cached bytes'", async () => {
  const repo = makeFixtureRepo();
  const env = envFor();
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  gcs.put("modelgate-data", "churn/same-size.csv", evalCsv);
  moveEvalData(repo.root, "gs://modelgate-data/churn/same-size.csv", "");
  assert.equal((await cli(repo.root, env, "lock")).code, 0);
  const other = Buffer.from(evalCsv.toString("utf8").replace(/,1\n/, ",0\n"));
  assert.equal(other.length, evalCsv.length);
  gcs.put("modelgate-data", "churn/same-size.csv", other);
  const again = await cli(repo.root, env, "lock");
  assert.equal(again.code, 0, again.err);
  assert.match(readFileSync(join(repo.root, "data/churn-eval.yaml"), "utf8"), new RegExp(`sha256: ${sha(other)}`));
});

test("a model artifact in Cloud Storage: lock pins its sha256 and size, evaluate loads it from the store", async () => {
  const repo = makeFixtureRepo();
  const env = envFor();
  const onnx = readFileSync(join(repo.root, "models/churn/model.onnx"));
  gcs.put("modelgate-data", "models/churn/1.0.0/model.onnx", onnx);
  const file = join(repo.root, "models/churn/model.yaml");
  writeFileSync(
    file,
    readFileSync(file, "utf8")
      .replace("path: model.onnx", "path: gs://modelgate-data/models/churn/1.0.0/model.onnx")
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
  assert.equal(record.candidate.source, "gs://modelgate-data/models/churn/1.0.0/model.onnx");
});

test("without credentials, a gs:// object is refused with the chain to provide them through, not attempted blind", async () => {
  const repo = makeFixtureRepo();
  const evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  moveEvalData(repo.root, "gs://modelgate-data/churn/eval.csv", `  sha256: ${sha(evalCsv)}\n`);
  // no emulator: the client asks Application Default Credentials, here a file that does not exist
  const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  process.env.GOOGLE_APPLICATION_CREDENTIALS = join(tmpdir(), "mg-no-such-credentials.json");
  try {
    const v = await cli(repo.root, { MODELGATE_CACHE: mkdtempSync(join(tmpdir(), "mg-gcs-cache-")) }, "validate");
    assert.equal(v.code, 1, v.out + v.err);
    assert.match(
      v.out,
      /gs:\/\/modelgate-data\/churn\/eval\.csv: no usable Google Cloud credentials \(.*GOOGLE_APPLICATION_CREDENTIALS.*\); provide them through Application Default Credentials/,
    );
  } finally {
    if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
  }
});

test("a DVC remote in Cloud Storage: the output is found at files/md5/ab/cdef… under gs://, both digests checked", async () => {
  const repo = makeFixtureRepo();
  const env = envFor();
  const csv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  const md5 = createHash("md5").update(csv).digest("hex");
  gcs.put("modelgate-data", `dvc-store/files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`, csv);
  // DVC's files as `dvc remote add -d storage gs://…` and `dvc add data/churn-eval.csv` leave them
  repo.write(
    ".dvc/config",
    `[core]\n    remote = storage\n['remote "storage"']\n    url = gs://modelgate-data/dvc-store\n`,
  );
  repo.write(
    "data/churn-eval.csv.dvc",
    `outs:\n- md5: ${md5}\n  size: ${csv.length}\n  hash: md5\n  path: churn-eval.csv\n`,
  );
  const manifest = join(repo.root, "data/churn-eval.yaml");
  writeFileSync(
    manifest,
    readFileSync(manifest, "utf8")
      .replace("path: churn-eval.csv", "path: churn-eval.csv.dvc")
      .replace(/ {2}sha256: [0-9a-f]{64}\n/, ""),
  );
  rmSync(join(repo.root, "data/churn-eval.csv"));
  const lock = await cli(repo.root, env, "lock");
  assert.equal(lock.code, 0, lock.err);
  assert.match(readFileSync(manifest, "utf8"), new RegExp(`sha256: ${sha(csv)}`));
  const r = await cli(repo.root, env, "evaluate", "churn", "--baseline", "none", "--resamples", "10", "--json");
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).dataset.sha256, sha(csv));
});
