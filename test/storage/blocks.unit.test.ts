/**
 * Block digests and the block-verified reader (storage/blocks.ts), over a file on disk read as a store object: the
 * digests cut where they should, a read of any range gives the file's bytes, a changed block is refused before its
 * bytes are used, and a CSV part read through it touches only the blocks of its part.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { readBatches } from "../../src/data/read.ts";
import { serveData } from "../../src/data/read-source.ts";
import { BlockFile, BlockMismatch, blockDigests, blocksProblem } from "../../src/storage/blocks.ts";
import { entryPath } from "../../src/storage/cache.ts";
import { FileObject, type StoredObject } from "../../src/storage/store.ts";

const dir = mkdtempSync(join(tmpdir(), "mg-blocks-"));
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const cache = () => mkdtempSync(join(tmpdir(), "mg-blocks-cache-"));

test("block digests: one per block, the last one shorter; an empty file has one", async () => {
  const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251));
  const p = join(dir, "b.bin");
  writeFileSync(p, bytes);
  assert.deepEqual(await blockDigests(p, 4096), [
    sha(bytes.subarray(0, 4096)),
    sha(bytes.subarray(4096, 8192)),
    sha(bytes.subarray(8192)),
  ]);
  assert.deepEqual(await blockDigests(p, 5000), [sha(bytes.subarray(0, 5000)), sha(bytes.subarray(5000))]);
  writeFileSync(join(dir, "empty"), "");
  assert.deepEqual(await blockDigests(join(dir, "empty"), 4096), [sha(Buffer.alloc(0))]);
  assert.equal(await blocksProblem(p, bytes.length, { size: 5000, sha256: await blockDigests(p, 5000) }), undefined);
  assert.match(
    (await blocksProblem(p, bytes.length, { size: 4096, sha256: await blockDigests(p, 5000) })) ?? "",
    /lists 2 digests, but a file of 10,000 bytes in blocks of 4,096 has 3/,
  );
});

test("a block-verified reader gives the file's bytes at any position, even from a store that ignores ranges", async () => {
  const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7) % 256));
  const p = join(dir, "r.bin");
  writeFileSync(p, bytes);
  const pin = { size: 4096, sha256: await blockDigests(p, 4096) };
  // a store that answers every request with the whole object from byte 0
  const whole: StoredObject = {
    name: p,
    head: async () => ({ size: bytes.length }),
    read: () => new FileObject(p).read(0),
  };
  for (const obj of [new FileObject(p), whole]) {
    const f = new BlockFile(obj, p, bytes.length, pin, cache());
    for (const [pos, len] of [
      [0, 10],
      [4090, 20],
      [100, 12_000],
      [19_990, 100],
    ]) {
      const buf = Buffer.alloc(len);
      const { bytesRead } = await f.read(buf, 0, len, pos);
      assert.equal(bytesRead, Math.min(len, bytes.length - pos));
      assert.deepEqual(buf.subarray(0, bytesRead), bytes.subarray(pos, pos + bytesRead));
    }
  }
});

test("a fetched block is kept in the cache as a download's entry (under its digest, no temp file left) and read from there next time", async () => {
  const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 13) % 256));
  const p = join(dir, "kept.bin");
  writeFileSync(p, bytes);
  const pin = { size: 4096, sha256: await blockDigests(p, 4096) };
  const c = cache();
  const first = new BlockFile(new FileObject(p), p, bytes.length, pin, c);
  await first.read(Buffer.alloc(10), 0, 10, 5000);
  assert.deepEqual([...first.fetched], [1]);
  assert.deepEqual(readFileSync(entryPath(c, pin.sha256[1])), bytes.subarray(4096, 8192));
  assert.deepEqual(readdirSync(join(c, "tmp")), []);
  const again = new BlockFile(new FileObject(p), p, bytes.length, pin, c);
  await again.read(Buffer.alloc(10), 0, 10, 5000);
  assert.deepEqual([...again.cached], [1]);
  assert.equal(again.fetched.size, 0);
});

test("a changed block is refused, naming it and both digests, before any of its bytes are handed over", async () => {
  // distinct blocks (equal ones share a cache entry: the right bytes, whichever block fetched them)
  const bytes = Buffer.from(Array.from({ length: 12_288 }, (_, i) => (i * 13 + (i >> 12)) % 256));
  const p = join(dir, "t.bin");
  writeFileSync(p, bytes);
  const pin = { size: 4096, sha256: await blockDigests(p, 4096) };
  bytes[5000] ^= 0xff;
  writeFileSync(p, bytes);
  const f = new BlockFile(new FileObject(p), "s3://b/t.bin", bytes.length, pin, cache());
  const buf = Buffer.alloc(4096);
  assert.equal((await f.read(buf, 0, 100, 0)).bytesRead, 100);
  const err = await f.read(buf, 0, 10, 4100).catch((e) => e);
  assert.ok(err instanceof BlockMismatch);
  assert.equal(
    err.message,
    `s3://b/t.bin: block 1 (bytes 4,096 to 8,192) has sha256 ${sha(bytes.subarray(4096, 8192))}, not the ${pin.sha256[1]} spec.blocks pins: the object was changed or replaced, so it is refused (if the change is intended, run \`modelgate lock\`)`,
  );
});

test("a CSV part read through the blocks touches the header's block and its own, not the rest", async () => {
  let text = "id,v\n";
  for (let i = 0; i < 20_000; i++) text += `${i},${"x".repeat(i % 13)}\n`;
  const p = join(dir, "p.csv");
  writeFileSync(p, text);
  const pin = { size: 4096, sha256: await blockDigests(p, 4096) };
  const whole: number[] = [];
  for await (const b of readBatches(p, { numeric: ["id"], columns: ["id"] })) whole.push(...b.numeric![0]!);
  const got: number[] = [];
  for (let index = 1; index <= 4; index++) {
    const f = new BlockFile(new FileObject(p), p, text.length, pin, cache());
    const name = join(dir, `placeholder-${index}.csv`);
    writeFileSync(name, "");
    const stop = serveData(name, f);
    try {
      for await (const b of readBatches(name, { numeric: ["id"], columns: ["id"], part: { index, count: 4 } }))
        got.push(...b.numeric![0]!);
    } finally {
      stop();
    }
    const mine = Math.ceil(text.length / 4 / 4096);
    assert.ok(f.fetched.size <= mine + 3, `part ${index}: ${f.summary()}`);
    assert.ok(f.fetched.has(0), "the header's block");
  }
  assert.deepEqual(got, whole);
});
