/**
 * DVC outputs named by manifests, found by md5 in a DVC remote's layout (files/md5/ab/cdef… for DVC 3, ab/cdef… for
 * outputs DVC 2 wrote): a remote on disk, over HTTP (a node server on a loopback port) and in S3 (s3rver through the
 * real AWS SDK), DVC's work-tree copy, and a damaged remote object.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { type S3Fixture, startS3 } from "../support/s3.ts";

const md5 = (b: string | Uint8Array) => createHash("md5").update(b).digest("hex");
const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");

let s3: S3Fixture;
before(async () => {
  s3 = await startS3(["dvc-store"]);
});
after(async () => {
  await s3.close();
});

async function cli(root: string, env: Record<string, string>, ...args: string[]) {
  const io = bufferIo(root, env);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

const cache = () => ({ MODELGATE_CACHE: mkdtempSync(join(tmpdir(), "mg-cache-")) });

/** `dvc push` as DVC 3 lays it out: the object at files/md5/ab/cdef… under the remote's root. */
function pushDvc3(remote: string, bytes: Uint8Array): string {
  const h = md5(bytes);
  const p = join(remote, "files/md5", h.slice(0, 2), h.slice(2));
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, bytes);
  return p;
}

/** The fixture with its evaluation data tracked by DVC (`dvc add data/churn-eval.csv`) and the CSV gone (gitignored). */
function dvcRepo(remoteUrl: string) {
  const repo = makeFixtureRepo();
  const csv = readFileSync(join(repo.root, "data/churn-eval.csv"));
  repo.write(".dvc/config", `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remoteUrl}\n`);
  repo.write(".dvc/.gitignore", "/config.local\n/tmp\n/cache\n");
  repo.write(
    "data/churn-eval.csv.dvc",
    `outs:\n- md5: ${md5(csv)}\n  size: ${csv.length}\n  hash: md5\n  path: churn-eval.csv\n`,
  );
  const manifest = join(repo.root, "data/churn-eval.yaml");
  writeFileSync(
    manifest,
    readFileSync(manifest, "utf8")
      .replace("path: churn-eval.csv", "path: churn-eval.csv.dvc")
      .replace(/ {2}sha256: [0-9a-f]{64}\n/, ""),
  );
  rmSync(join(repo.root, "data/churn-eval.csv"));
  return { repo, csv };
}

const evaluate = ["evaluate", "churn", "--baseline", "none", "--resamples", "20", "--json"];

test("a .dvc file with a remote on disk: lock pins the sha256 beside DVC's md5, evaluate reads the output", async () => {
  const remote = mkdtempSync(join(tmpdir(), "mg-dvc-remote-"));
  const { repo, csv } = dvcRepo(remote);
  pushDvc3(remote, csv);
  const env = cache();
  const lock = await cli(repo.root, env, "lock");
  assert.equal(lock.code, 0, lock.err);
  assert.match(readFileSync(join(repo.root, "data/churn-eval.yaml"), "utf8"), new RegExp(`sha256: ${sha(csv)}`));
  const r = await cli(repo.root, env, ...evaluate);
  assert.equal(r.code, 0, r.err);
  const record = JSON.parse(r.out);
  assert.equal(record.dataset.sha256, sha(csv));
  assert.equal(record.dataset.path, "churn-eval.csv.dvc");
  const v = await cli(repo.root, env, "validate");
  assert.equal(v.code, 0, v.out);
  assert.match(v.out, /"churn-eval\.csv\.dvc" checked in the cache/);
});

test("a DVC remote over HTTP, and one in S3 (s3rver through the AWS SDK)", async () => {
  const remote = mkdtempSync(join(tmpdir(), "mg-dvc-http-"));
  const server = createServer((req, res) => {
    const p = join(remote, decodeURIComponent(String(req.url).replace(/^\/store\//, "")));
    if (!req.url?.startsWith("/store/") || !existsSync(p)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-length": statSync(p).size });
    if (req.method === "HEAD") res.end();
    else createReadStream(p).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  try {
    const { port } = server.address() as AddressInfo;
    const { repo, csv } = dvcRepo(`http://127.0.0.1:${port}/store`);
    pushDvc3(remote, csv);
    const env = cache();
    assert.equal((await cli(repo.root, env, "lock")).code, 0);
    const r = await cli(repo.root, env, ...evaluate);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).dataset.sha256, sha(csv));
  } finally {
    server.close();
  }

  const { repo, csv } = dvcRepo("s3://dvc-store/project");
  const h = md5(csv);
  await s3.put("dvc-store", `project/files/md5/${h.slice(0, 2)}/${h.slice(2)}`, csv);
  const env = { ...s3.env, ...cache() };
  const lock = await cli(repo.root, env, "lock");
  assert.equal(lock.code, 0, lock.err);
  const r = await cli(repo.root, env, ...evaluate);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).dataset.sha256, sha(csv));
});

test("a dvc.lock output written by DVC 2: its layout (ab/cdef…) and its md5 of a CRLF file read as LF", async () => {
  const remote = mkdtempSync(join(tmpdir(), "mg-dvc2-"));
  const repo = makeFixtureRepo();
  const lf = readFileSync(join(repo.root, "data/churn-eval.csv"), "utf8");
  const crlf = Buffer.from(lf.replace(/\n/g, "\r\n"));
  const dvc2 = md5(lf); // DVC 2 hashed text files with CRLF turned into LF
  mkdirSync(join(remote, dvc2.slice(0, 2)), { recursive: true });
  writeFileSync(join(remote, dvc2.slice(0, 2), dvc2.slice(2)), crlf);
  repo.write(".dvc/config", `[core]\n    remote = old\n[remote "old"]\n    url = ${remote}\n`);
  repo.write(
    "dvc.lock",
    `schema: '2.0'\nstages:\n  prepare:\n    cmd: python prepare.py\n    outs:\n    - path: data/prepared.csv\n      md5: ${dvc2}\n      size: ${crlf.length}\n`,
  );
  const manifest = join(repo.root, "data/churn-eval.yaml");
  writeFileSync(
    manifest,
    readFileSync(manifest, "utf8")
      .replace("path: churn-eval.csv", "path: ../dvc.lock#data/prepared.csv")
      .replace(/ {2}sha256: [0-9a-f]{64}\n/, ""),
  );
  const env = cache();
  const lock = await cli(repo.root, env, "lock");
  assert.equal(lock.code, 0, lock.err);
  assert.match(readFileSync(manifest, "utf8"), new RegExp(`sha256: ${sha(crlf)}`));
  const r = await cli(repo.root, env, ...evaluate);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).dataset.rows, 300);
  // an output dvc.lock does not have is named as missing
  writeFileSync(manifest, readFileSync(manifest, "utf8").replace("#data/prepared.csv", "#data/other.csv"));
  const bad = await cli(repo.root, env, "validate");
  assert.equal(bad.code, 1);
  assert.match(bad.out, /no stage of \.\.\/dvc\.lock has the output "data\/other\.csv"/);
});

test("a damaged object in the DVC remote is refused by DVC's md5; DVC's work-tree copy is read without the remote", async () => {
  const remote = mkdtempSync(join(tmpdir(), "mg-dvc-bad-"));
  const { repo, csv } = dvcRepo(remote);
  const p = pushDvc3(remote, csv);
  assert.equal((await cli(repo.root, cache(), "lock")).code, 0);
  const damaged = Buffer.from(csv);
  damaged[damaged.length - 2] = damaged[damaged.length - 2] === 48 ? 49 : 48;
  writeFileSync(p, damaged);
  const r = await cli(repo.root, cache(), ...evaluate);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, new RegExp(`has md5 ${md5(damaged)}, not the ${md5(csv)} DVC recorded for it`));

  // after `dvc pull` the output is in the work tree: read there, the remote never asked (it is unreachable here)
  repo.write(".dvc/config", `[core]\n    remote = storage\n['remote "storage"']\n    url = http://127.0.0.1:1/none\n`);
  repo.write("data/churn-eval.csv", csv);
  const env = cache();
  assert.equal((await cli(repo.root, env, "lock")).code, 0);
  const ok = await cli(repo.root, env, ...evaluate);
  assert.equal(ok.code, 0, ok.err);
  const v = await cli(repo.root, env, "validate");
  assert.match(v.out, /"churn-eval\.csv\.dvc" checked in the work tree \(DVC's checkout\)/);
  // a work-tree copy changed since `dvc add` is refused with DVC's commands
  repo.write("data/churn-eval.csv", `${csv.toString("utf8")}999,1,1.0,north,1\n`);
  const changed = await cli(repo.root, env, ...evaluate);
  assert.equal(changed.code, 2);
  assert.match(changed.err, /run `dvc checkout` to restore it, or `dvc add`\/`dvc commit` if the change is intended/);
});
