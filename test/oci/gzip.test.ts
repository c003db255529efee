import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import * as zlib from "node:zlib";
import type { Segment } from "../../src/oci/blob.ts";
import { crc32, crc32Js, GzipLayer, storedGzipLayer, storedGzipSize } from "../../src/oci/gzip.ts";
import { MediaType } from "../../src/oci/types.ts";
import { tempDir } from "./_helpers.ts";

const work = tempDir();
after(() => work.cleanup());

const sha = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

test("the JavaScript CRC-32 (for Node without zlib.crc32) agrees with zlib's, chained and whole", () => {
  const data = bytes(200_003, 7);
  // Python's zlib (the system's, not Node's) as the independent reference
  const expected = Number(
    execFileSync("python3", ["-c", "import sys,zlib; print(zlib.crc32(sys.stdin.buffer.read()))"], {
      input: data,
      encoding: "utf8",
    }).trim(),
  );
  assert.equal(crc32Js(data), expected);
  assert.equal(crc32Js(data.subarray(100_000), crc32Js(data.subarray(0, 100_000))), expected);
  assert.equal(crc32(data), expected);
  assert.equal(crc32Js(Buffer.from("123456789")), 0xcbf43926, "the check value of CRC-32/ISO-HDLC");
});

test("stored gzip: zlib inflates it to the input at every block boundary; any byte range reads as the same bytes", async () => {
  for (const size of [0, 1, 65534, 65535, 65536, 2 * 65535, 300_001]) {
    const data = bytes(size, size + 1);
    const file = join(work.dir, `in-${size}`);
    writeFileSync(file, data.subarray(Math.floor(size / 3)));
    // a mix of memory and a file, as the tar writer gives
    const segments: Segment[] = [data.subarray(0, Math.floor(size / 3)), { file, size: size - Math.floor(size / 3) }];
    const gz = await storedGzipLayer(MediaType.layerGzip, segments);
    const whole = await read(gz.blob.open());
    assert.equal(whole.byteLength, gz.blob.size);
    assert.equal(gz.blob.size, storedGzipSize(size));
    assert.equal(sha(whole), gz.blob.digest, `${size}: the digest is the digest of the bytes served`);
    assert.equal(gz.diffId, sha(data));
    assert.deepEqual(zlib.gunzipSync(whole), data, `${size}: zlib reads it back`);
    for (const [s, e] of [
      [0, 10],
      [3, 17],
      [10, 15],
      [65540, 65560],
      [gz.blob.size - 8, gz.blob.size],
      [Math.floor(gz.blob.size / 2), gz.blob.size],
    ]) {
      const start = Math.min(s, gz.blob.size);
      const end = Math.min(e, gz.blob.size);
      assert.deepEqual(await read(gz.blob.open(start, end)), whole.subarray(start, end), `${size}: [${start}, ${end})`);
    }
  }
});

test("same input, same bytes: the layer does not depend on how the input is split into segments", async () => {
  const data = bytes(150_000, 3);
  const one = await storedGzipLayer(MediaType.layerGzip, [data]);
  const three = await storedGzipLayer(MediaType.layerGzip, [
    data.subarray(0, 1),
    data.subarray(1, 70_000),
    data.subarray(70_000),
  ]);
  assert.equal(one.blob.digest, three.blob.digest);
  assert.deepEqual(await read(one.blob.open()), await read(three.blob.open()));
});

test("hashed in worker threads: the same digests and bytes as in the main thread, also after a read cut short and restarted", async () => {
  const size = 3 * 64 * 65535 + 12_345; // more than one chunk of 64 blocks
  const data = bytes(size, 11);
  const file = join(work.dir, "threads");
  writeFileSync(file, data.subarray(1000));
  const segments: Segment[] = [data.subarray(0, 1000), { file, size: size - 1000 }];
  const inline = new GzipLayer(MediaType.layerGzip, segments, undefined, { hashThreads: 0 });
  const want = await inline.hash();
  for (const threads of [1, 2, 3]) {
    const layer = new GzipLayer(MediaType.layerGzip, segments, undefined, { hashThreads: threads });
    // an upload that broke after 5 MB, then one from the start: each byte is hashed once, in order
    const head = await read(layer.open(0, 5_000_000));
    assert.equal(layer.digest, "", "not known before the last byte");
    // a destination done with each chunk when it calls back, as a socket is (the buffers are reused after)
    const parts: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        parts.push(Buffer.from(chunk));
        setImmediate(cb);
      },
    });
    await layer.writeTo(sink, 0, layer.size);
    const whole = Buffer.concat(parts);
    assert.deepEqual(whole.subarray(0, head.byteLength), head);
    assert.deepEqual(layer.digests, want, `${threads} threads`);
    assert.equal(sha(whole), want.digest);
    assert.deepEqual(zlib.gunzipSync(whole), data);
  }
});
