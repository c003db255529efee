/**
 * Shards of a remote file read only their blocks (#26): `lock` writes spec.blocks (64 KiB blocks here), each of four
 * shard jobs (each with a cache of its own, as on its own runner) fetches only the blocks its part covers — counted
 * from what the store served — checks each against its digest, and the merged record equals the one-job record. A
 * tampered block is refused by name; without spec.blocks a shard downloads and checks the whole object, as before.
 * CSV in S3 (s3rver through the real AWS SDK, behind a byte-counting proxy) and Parquet in Cloud Storage (the
 * JSON API simulator, whose request log names each Range).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parquetWriteBuffer } from "hyparquet-writer";
import { parse, parseDocument } from "yaml";
import { main } from "../../src/cli/main.ts";
import { stablePart } from "../../src/evaluate/engine.ts";
import { bufferIo } from "../../src/util/io.ts";
import { churnCsv, makeFixtureRepo } from "../support/fixture-repo.ts";
import { type GcsSim, startGcs } from "../support/gcs.ts";
import { type S3Fixture, startS3 } from "../support/s3.ts";

const BLOCK = 64 * 1024;
const ROWS = 40_000;
const sha = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");
let s3: S3Fixture;
let gcs: GcsSim;
/** A proxy in front of s3rver: the body bytes of each GET it passed on. */
let proxy: { endpoint: string; served: number[]; close(): Promise<void> };

before(async () => {
  s3 = await startS3(["modelgate-data"]);
  gcs = await startGcs(["modelgate-data"]);
  const target = new URL(s3.endpoint);
  const served: number[] = [];
  const server = createServer((req, res) => {
    const up = request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        let n = 0;
        r.on("data", (c: Buffer) => {
          n += c.length;
        });
        r.on("end", () => {
          if (req.method === "GET") served.push(n);
        });
        r.pipe(res);
      },
    );
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy = {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
});
after(async () => {
  await proxy.close();
  await s3.close();
  await gcs.close();
});

async function cli(root: string, env: Record<string, string>, ...args: string[]) {
  const io = bufferIo(root, env);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The evaluation data named by `url`, with `blocks: {size}` for lock to fill; the work-tree copy removed. */
function moveEvalData(root: string, url: string) {
  const file = join(root, "data/churn-eval.yaml");
  const text = readFileSync(file, "utf8")
    .replace("path: churn-eval.csv", `path: ${url}\n  blocks:\n    size: ${BLOCK}`)
    .replace(/ {2}sha256: [0-9a-f]{64}\n/, "");
  writeFileSync(file, text);
  rmSync(join(root, "data/churn-eval.csv"));
}

const args = ["evaluate", "churn", "--baseline", "none", "--resamples", "50"];
const freshCache = () => mkdtempSync(join(tmpdir(), "mg-blocks-cache-"));

/** Four shard jobs, each with its own cache; `fetched(i)` tells the bytes the store served to job i. */
async function shards(
  root: string,
  env: Record<string, string>,
  fetched: (run: () => Promise<void>) => Promise<number>,
) {
  const out: { bytes: number; err: string }[] = [];
  for (const i of [1, 2, 3, 4]) {
    let r!: Awaited<ReturnType<typeof cli>>;
    const bytes = await fetched(async () => {
      r = await cli(
        root,
        { ...env, MODELGATE_CACHE: freshCache() },
        ...args,
        "--shard",
        `${i}/4`,
        "--out",
        `s${i}.json`,
      );
    });
    assert.equal(r.code, 0, r.err);
    out.push({ bytes, err: r.err });
  }
  return out;
}

test("4 shards of a CSV in S3 fetch only their blocks, each checked; merged they equal one run; a tampered block is refused", async (t) => {
  const repo = makeFixtureRepo();
  const csv = churnCsv(2, ROWS);
  const size = Buffer.byteLength(csv);
  const env = { ...s3.env, AWS_ENDPOINT_URL_S3: proxy.endpoint };
  await s3.put("modelgate-data", "churn/eval.csv", csv);
  moveEvalData(repo.root, "s3://modelgate-data/churn/eval.csv");
  const lock = await cli(repo.root, env, "lock");
  assert.equal(lock.code, 0, lock.err);
  const spec = parse(readFileSync(join(repo.root, "data/churn-eval.yaml"), "utf8")).spec;
  // one digest a line, under the size the manifest asked for
  assert.match(
    readFileSync(join(repo.root, "data/churn-eval.yaml"), "utf8"),
    /\n {2}blocks:\n {4}size: 65536\n {4}sha256:\n {6}- [0-9a-f]{64}\n/,
  );
  const n = Math.ceil(size / BLOCK);
  assert.equal(spec.blocks.size, BLOCK);
  assert.equal(spec.blocks.sha256.length, n);
  assert.equal(spec.blocks.sha256[1], sha(Buffer.from(csv).subarray(BLOCK, 2 * BLOCK)));
  assert.equal(spec.sha256, sha(csv), "the whole file's digest stays");

  const single = await cli(
    repo.root,
    { ...env, MODELGATE_CACHE: freshCache() },
    ...args,
    "--json",
    "--out",
    "one.json",
  );
  assert.equal(single.code, 0, single.err);
  const counted = async (run: () => Promise<void>) => {
    const before = proxy.served.length;
    await run();
    return proxy.served.slice(before).reduce((a, b) => a + b, 0);
  };
  const jobs = await shards(repo.root, env, counted);
  for (const [k, j] of jobs.entries()) {
    // its quarter, the header's block and the block its last record crosses into: never the whole object
    assert.ok(j.bytes <= size / 4 + 3 * BLOCK, `shard ${k + 1} fetched ${j.bytes} of ${size} bytes: ${j.err}`);
    assert.ok(j.bytes < size, `shard ${k + 1} fetched ${j.bytes} of ${size} bytes`);
    assert.match(j.err, new RegExp(`read \\d+ of ${n} blocks .*each checked against spec\\.blocks`));
  }
  t.diagnostic(`CSV of ${size} bytes, 4 shards fetched ${jobs.map((j) => j.bytes).join(", ")} bytes`);
  assert.ok(jobs.reduce((a, j) => a + j.bytes, 0) < 2 * size, "the four shards together fetch about the object once");
  const merged = await cli(repo.root, env, "evaluate", "merge", "s1.json", "s2.json", "s3.json", "s4.json", "--json");
  assert.equal(merged.code, 0, merged.err);
  const one = JSON.parse(single.out);
  const m = JSON.parse(merged.out);
  assert.equal(m.dataset.sha256, sha(csv));
  assert.equal(JSON.stringify(stablePart(m)), JSON.stringify(stablePart(one)));

  // validate, which downloads the file, checks that spec.blocks and spec.sha256 describe the same bytes
  const manifest = join(repo.root, "data/churn-eval.yaml");
  const locked = readFileSync(manifest, "utf8");
  writeFileSync(manifest, locked.replace(`- ${spec.blocks.sha256[1]}`, `- ${spec.blocks.sha256[0]}`));
  const checked = await cli(repo.root, { ...env, MODELGATE_CACHE: freshCache() }, "validate");
  assert.equal(checked.code, 1, checked.out + checked.err);
  assert.match(
    checked.out + checked.err,
    new RegExp(
      `block 1 \\(bytes 65,536 to 131,072\\) has sha256 ${spec.blocks.sha256[1]}, not the ${spec.blocks.sha256[0]} spec\\.blocks pins: spec\\.blocks does not describe the file spec\\.sha256 pins`,
    ),
  );
  writeFileSync(manifest, locked);
  const valid = await cli(repo.root, { ...env, MODELGATE_CACHE: freshCache() }, "validate");
  // (it fails on the fixture's leakage only: 15 of the 40,000 rows repeat training rows)
  assert.doesNotMatch(valid.out + valid.err, /spec\.blocks/);
  assert.match(valid.out, /leakage/);

  // a second job on the same runner takes the verified blocks from the cache (hashed again), fetching none
  const cache = freshCache();
  const first = await cli(repo.root, { ...env, MODELGATE_CACHE: cache }, ...args, "--shard", "2/4", "--out", "c1.json");
  assert.equal(first.code, 0, first.err);
  let again!: Awaited<ReturnType<typeof cli>>;
  const refetched = await counted(async () => {
    again = await cli(repo.root, { ...env, MODELGATE_CACHE: cache }, ...args, "--shard", "2/4", "--out", "c2.json");
  });
  assert.equal(again.code, 0, again.err);
  assert.equal(refetched, 0);
  assert.match(again.err, /fetched \[\] \(0 of [\d,]+ bytes\), from the cache \[0, /);

  // the object's third block changed (same size): the shard that reads it refuses it by name, both digests given
  const bytes = Buffer.from(csv);
  bytes[2 * BLOCK + 100] = bytes[2 * BLOCK + 100] === 0x31 ? 0x32 : 0x31;
  await s3.put("modelgate-data", "churn/eval.csv", bytes);
  const owner = jobs.findIndex((_, i) => (2 * BLOCK + 100) * 4 < size * (i + 1)) + 1;
  const bad = await cli(
    repo.root,
    { ...env, MODELGATE_CACHE: freshCache() },
    ...args,
    "--shard",
    `${owner}/4`,
    "--out",
    "bad.json",
  );
  assert.equal(bad.code, 2, bad.err);
  const tampered = sha(bytes.subarray(2 * BLOCK, 3 * BLOCK));
  assert.match(
    bad.err,
    new RegExp(
      `block 2 \\(bytes 131,072 to 196,608\\) has sha256 ${tampered}, not the ${spec.blocks.sha256[2]} spec\\.blocks pins`,
    ),
  );

  // without spec.blocks: the shard downloads the whole object and checks its sha256 (refused here: it changed)
  const file = join(repo.root, "data/churn-eval.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  doc.deleteIn(["spec", "blocks"]);
  writeFileSync(file, doc.toString());
  let fallback!: Awaited<ReturnType<typeof cli>>;
  const whole = await counted(async () => {
    fallback = await cli(
      repo.root,
      { ...env, MODELGATE_CACHE: freshCache() },
      ...args,
      "--shard",
      "4/4",
      "--out",
      "w.json",
    );
  });
  assert.match(fallback.err, /no spec\.blocks digests, so this shard downloads the whole object to check its sha256/);
  assert.equal(whole, size, "the whole object");
  assert.notEqual(fallback.code, 0);
  assert.match(fallback.err, new RegExp(`sha256 ${sha(bytes)}, not the ${sha(csv)}`));
});

test("4 shards of a Parquet file in Cloud Storage fetch the footer and their row groups' blocks; merged they equal one run", async (t) => {
  const repo = makeFixtureRepo();
  const lines = churnCsv(2, ROWS)
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const pq = Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: "customer_id", data: Int32Array.from(lines, (r) => Number(r[0])), type: "INT32" },
        { name: "tenure", data: Int32Array.from(lines, (r) => Number(r[1])), type: "INT32" },
        { name: "spend", data: Float64Array.from(lines, (r) => Number(r[2])), type: "DOUBLE" },
        { name: "region", data: lines.map((r) => r[3]), type: "STRING" },
        { name: "churned", data: Int32Array.from(lines, (r) => Number(r[4])), type: "INT32" },
      ],
      rowGroupSize: 5000,
    }),
  );
  const size = pq.length;
  gcs.put("modelgate-data", "churn/eval.parquet", pq);
  const env = { STORAGE_EMULATOR_HOST: gcs.endpoint };
  moveEvalData(repo.root, "gs://modelgate-data/churn/eval.parquet");
  const lock = await cli(repo.root, { ...env, MODELGATE_CACHE: freshCache() }, "lock");
  assert.equal(lock.code, 0, lock.err);
  const spec = parse(readFileSync(join(repo.root, "data/churn-eval.yaml"), "utf8")).spec;
  assert.equal(spec.blocks.sha256.length, Math.ceil(size / BLOCK));
  const single = await cli(
    repo.root,
    { ...env, MODELGATE_CACHE: freshCache() },
    ...args,
    "--json",
    "--out",
    "one.json",
  );
  assert.equal(single.code, 0, single.err);
  const counted = async (run: () => Promise<void>) => {
    const before = gcs.log.length;
    await run();
    let n = 0;
    for (const l of gcs.log.slice(before)) {
      if (!l.includes("alt=media")) continue;
      const r = /\[bytes=(\d+)-(\d+)\]/.exec(l);
      n += r ? Number(r[2]) - Number(r[1]) + 1 : size;
    }
    return n;
  };
  const jobs = await shards(repo.root, env, counted);
  for (const [k, j] of jobs.entries())
    assert.ok(j.bytes <= size / 4 + 3 * BLOCK && j.bytes < size, `shard ${k + 1} fetched ${j.bytes} of ${size} bytes`);
  t.diagnostic(`Parquet of ${size} bytes, 4 shards fetched ${jobs.map((j) => j.bytes).join(", ")} bytes`);
  const merged = await cli(repo.root, env, "evaluate", "merge", "s2.json", "s4.json", "s1.json", "s3.json", "--json");
  assert.equal(merged.code, 0, merged.err);
  assert.equal(JSON.stringify(stablePart(JSON.parse(merged.out))), JSON.stringify(stablePart(JSON.parse(single.out))));

  // a changed footer (in the last block) is refused before any row group is read, by its block
  const bytes = Buffer.from(pq);
  bytes[size - 20] ^= 0xff;
  gcs.put("modelgate-data", "churn/eval.parquet", bytes);
  const last = spec.blocks.sha256.length - 1;
  const bad = await cli(
    repo.root,
    { ...env, MODELGATE_CACHE: freshCache() },
    ...args,
    "--shard",
    "1/4",
    "--out",
    "bad.json",
  );
  assert.equal(bad.code, 2, bad.err);
  assert.match(
    bad.err,
    new RegExp(
      `block ${last} \\(bytes [\\d,]+ to ${size.toLocaleString("en-US")}\\) has sha256 [0-9a-f]{64}, not the ${spec.blocks.sha256[last]} spec\\.blocks pins`,
    ),
  );
});

test("over https (here http on loopback): a shard sends Range requests for its blocks; a server that ignores Range costs bytes, not trust", async () => {
  const repo = makeFixtureRepo();
  const csv = Buffer.from(churnCsv(2, ROWS));
  let honour = true;
  const sent: number[] = [];
  const server = createServer((req, res) => {
    const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    if (req.method === "HEAD") {
      res.writeHead(200, { "content-length": csv.length }).end();
      return;
    }
    if (m && honour) {
      const a = Number(m[1]);
      const b = m[2] ? Math.min(Number(m[2]), csv.length - 1) : csv.length - 1;
      sent.push(b - a + 1);
      res.writeHead(206, { "content-range": `bytes ${a}-${b}/${csv.length}`, "content-length": b - a + 1 });
      res.end(csv.subarray(a, b + 1));
      return;
    }
    sent.push(csv.length);
    res.writeHead(200, { "content-length": csv.length }).end(csv);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/eval.csv`;
    moveEvalData(repo.root, url);
    const lock = await cli(repo.root, { MODELGATE_CACHE: freshCache() }, "lock");
    assert.equal(lock.code, 0, lock.err);
    const single = await cli(repo.root, { MODELGATE_CACHE: freshCache() }, ...args, "--json", "--out", "one.json");
    assert.equal(single.code, 0, single.err);
    for (const ranges of [true, false]) {
      honour = ranges;
      sent.length = 0;
      for (const i of [1, 2, 3, 4]) {
        const r = await cli(
          repo.root,
          { MODELGATE_CACHE: freshCache() },
          ...args,
          "--shard",
          `${i}/4`,
          "--out",
          `h${i}.json`,
        );
        assert.equal(r.code, 0, r.err);
      }
      const total = sent.reduce((a, b) => a + b, 0);
      if (ranges) assert.ok(total < 2 * csv.length, `${total} bytes sent for ${csv.length}`);
      const merged = await cli(
        repo.root,
        {},
        "evaluate",
        "merge",
        "h1.json",
        "h2.json",
        "h3.json",
        "h4.json",
        "--json",
      );
      assert.equal(merged.code, 0, merged.err);
      assert.equal(
        JSON.stringify(stablePart(JSON.parse(merged.out))),
        JSON.stringify(stablePart(JSON.parse(single.out))),
      );
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
