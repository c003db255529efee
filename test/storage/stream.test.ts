/**
 * A remote data file parsed as it arrives (#26): the body is hashed and teed into the cache's temp file while the
 * one data reader parses it; the cache entry appears only once the whole object arrived and matched its pin. Against
 * a real HTTP server on a loopback port that can hold the rest of the body back, cut the connection, ignore ranges,
 * or send other bytes.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { type Batch, readBatches } from "../../src/data/read.ts";
import { entryPath } from "../../src/storage/cache.ts";
import { downloadStreaming } from "../../src/storage/fetch.ts";
import { HttpObject } from "../../src/storage/store.ts";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

function csv(rows: number, salt = 0): Buffer {
  const lines = ["id,x,y"];
  for (let i = 0; i < rows; i++) lines.push(`${i},${((i * 7919 + salt) % 1000) / 10},${i % 2}`);
  return Buffer.from(`${lines.join("\n")}\n`);
}
const body = csv(60_000);
const half = Math.floor(body.length * 0.4);

type Behaviour = "hold" | "cut-once" | "ignore-range" | "changed" | "plain";

/** Serves `body` at /data.csv; "hold" sends the first 40% and the rest only when `release()` is called (or after 10 s). */
async function serve(behaviour: Behaviour, bytes = body) {
  const ranges: (string | undefined)[] = [];
  let gets = 0;
  let release!: () => void;
  const released = new Promise<void>((ok) => {
    release = ok;
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const range = req.headers.range;
    ranges.push(range);
    gets++;
    const etag = '"v1"';
    const m = /^bytes=(\d+)-$/.exec(range ?? "");
    if (m && behaviour === "cut-once" && req.headers["if-range"] === etag) {
      const start = Number(m[1]);
      res.writeHead(206, {
        "content-length": bytes.length - start,
        "content-range": `bytes ${start}-${bytes.length - 1}/${bytes.length}`,
        etag,
      });
      res.end(bytes.subarray(start));
      return;
    }
    // "changed": the second answer is another object of the same size
    const sent = behaviour === "changed" && gets > 1 ? csv(60_000, 1).subarray(0, bytes.length) : bytes;
    res.writeHead(200, { "content-length": sent.length, etag });
    if (behaviour === "hold") {
      res.write(sent.subarray(0, half));
      Promise.race([released, new Promise((ok) => setTimeout(ok, 10_000))]).then(() => res.end(sent.subarray(half)));
      return;
    }
    if (behaviour !== "plain" && gets === 1) {
      res.write(sent.subarray(0, half), () => res.socket?.destroy());
      return;
    }
    res.end(sent);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/data.csv`,
    ranges,
    release,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const cacheOf = () => mkdtempSync(join(tmpdir(), "mg-stream-"));
const entries = (cache: string) =>
  existsSync(join(cache, "sha256"))
    ? readdirSync(join(cache, "sha256"), { recursive: true }).filter((p) => String(p).length > 2)
    : [];

/** The rows of a file as the reader gives them (id column), for comparing with the local file's. */
async function ids(batches: AsyncIterable<Batch>, onBatch?: (b: Batch) => void): Promise<number[]> {
  const out: number[] = [];
  for await (const b of batches) {
    onBatch?.(b);
    for (const v of b.numeric![0]!) out.push(v);
  }
  return out;
}

async function localIds(bytes: Buffer): Promise<number[]> {
  const f = join(mkdtempSync(join(tmpdir(), "mg-local-")), "data.csv");
  writeFileSync(f, bytes);
  return ids(readBatches(f, { numeric: ["id"], columns: ["id"] }));
}

async function streamed(url: string, cache: string, pin: { sha256: string; size?: number }) {
  const got = await downloadStreaming(new HttpObject(url), pin, { MODELGATE_CACHE: cache });
  assert.ok(!("sha256" in got), "not a cache hit");
  let digest = "";
  const batches = readBatches(got.file, {
    format: "csv",
    numeric: ["id"],
    columns: ["id"],
    verify: {
      sha256: pin.sha256,
      arrival: got.done.then((d) => d.sha256),
      abort: got.abort,
      onDigest: (d) => {
        digest = d;
      },
    },
  });
  return { got, batches, digest: () => digest };
}

test("a remote CSV is parsed while it arrives; the entry appears only once it all arrived and matched", async () => {
  const s = await serve("hold");
  const cache = cacheOf();
  try {
    const { got, batches, digest } = await streamed(s.url, cache, { sha256: sha(body), size: body.length });
    let beforeEnd = false;
    const rows = await ids(batches, () => {
      if (!beforeEnd) {
        // the first batch came while the server still held back 60% of the body, and before any entry
        beforeEnd = entries(cache).length === 0;
        s.release();
      }
    });
    assert.equal(beforeEnd, true, "the first rows were parsed before the body ended");
    assert.deepEqual(rows, await localIds(body));
    assert.equal(digest(), sha(body));
    assert.equal((await got.done).file, entryPath(cache, sha(body)));
    // the second read is served by the cache
    const again = await downloadStreaming(new HttpObject(s.url), { sha256: sha(body) }, { MODELGATE_CACHE: cache });
    assert.equal("sha256" in again && again.file, entryPath(cache, sha(body)));
    assert.equal(s.ranges.length, 1);
  } finally {
    s.close();
  }
});

test("a connection cut while the reader parses is resumed with a range; the hash goes on over it", async () => {
  const s = await serve("cut-once");
  const cache = cacheOf();
  try {
    const { got, batches } = await streamed(s.url, cache, { sha256: sha(body), size: body.length });
    assert.deepEqual(await ids(batches), await localIds(body));
    assert.equal((await got.done).file, entryPath(cache, sha(body)));
    assert.match(String(s.ranges[1]), /^bytes=[1-9]\d*-$/, "resumed, not restarted");
  } finally {
    s.close();
  }
});

test("a server that ignores the range and sends the same bytes again: the parse goes on, the entry is right", async () => {
  const s = await serve("ignore-range");
  const cache = cacheOf();
  try {
    const { got, batches } = await streamed(s.url, cache, { sha256: sha(body), size: body.length });
    assert.deepEqual(await ids(batches), await localIds(body));
    assert.equal((await got.done).file, entryPath(cache, sha(body)));
    assert.equal(s.ranges.length, 2);
  } finally {
    s.close();
  }
});

test("an object that changed between the cut and the retry is refused, though the reader had parsed its start", async () => {
  const s = await serve("changed");
  const cache = cacheOf();
  try {
    const { batches } = await streamed(s.url, cache, { sha256: sha(body), size: body.length });
    await assert.rejects(ids(batches), /changed while it was being read/);
    assert.deepEqual(entries(cache), []);
    await new Promise((ok) => setTimeout(ok, 50));
    assert.deepEqual(readdirSync(join(cache, "tmp")), [], "no temp file, no reader's name");
  } finally {
    s.close();
  }
});

test("a tampered object is parsed to its end, then refused naming both digests; no entry is written", async () => {
  const tampered = Buffer.from(body);
  tampered[body.length - 2] = tampered[body.length - 2] === 48 ? 49 : 48; // the last row's y, 0 <-> 1
  const s = await serve("plain", tampered);
  const cache = cacheOf();
  try {
    let batches = 0;
    const { batches: all } = await streamed(s.url, cache, { sha256: sha(body), size: body.length });
    await assert.rejects(
      ids(all, () => batches++),
      (err: Error) => err.message.includes(sha(tampered)) && err.message.includes(sha(body)),
    );
    assert.ok(batches > 0, "the rows were read before the refusal");
    assert.deepEqual(entries(cache), []);
  } finally {
    s.close();
  }
});

/**
 * Serves a Parquet file: a range request `bytes=a-b` (the footer, fetched ahead) is answered at once — with other
 * bytes when `tailOf` says so — and a plain GET sends the first 60% of the body, the rest only on `release()`.
 */
async function serveParquet(bytes: Buffer, tailOf: (b: Buffer) => Buffer = (b) => b) {
  const ranges: (string | undefined)[] = [];
  let release!: () => void;
  const released = new Promise<void>((ok) => {
    release = ok;
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    ranges.push(req.headers.range);
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
    if (m) {
      const [start, end] = [Number(m[1]), Number(m[2]) + 1];
      res.writeHead(206, {
        "content-length": end - start,
        "content-range": `bytes ${start}-${end - 1}/${bytes.length}`,
      });
      res.end(tailOf(bytes).subarray(start, end));
      return;
    }
    res.writeHead(200, { "content-length": bytes.length });
    const part = Math.floor(bytes.length * 0.6);
    res.write(bytes.subarray(0, part));
    Promise.race([released, new Promise((ok) => setTimeout(ok, 10_000))]).then(() => res.end(bytes.subarray(part)));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/data.parquet`,
    ranges,
    release,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function parquetBody(): Promise<Buffer> {
  const { parquetWriteFile } = await import("hyparquet-writer");
  const f = join(mkdtempSync(join(tmpdir(), "mg-pq-")), "data.parquet");
  const n = 60_000;
  parquetWriteFile({
    filename: f,
    columnData: [
      { name: "id", data: Array.from({ length: n }, (_, i) => i), type: "DOUBLE" },
      { name: "x", data: Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) / 10), type: "DOUBLE" },
    ],
    rowGroupSize: 5000,
  });
  return readFileSync(f);
}

test("a remote Parquet file is parsed while it arrives: its footer fetched ahead by a range request", async () => {
  const bytes = await parquetBody();
  const s = await serveParquet(bytes);
  const cache = cacheOf();
  try {
    const pin = { sha256: sha(bytes), size: bytes.length };
    const got = await downloadStreaming(
      new HttpObject(s.url),
      pin,
      { MODELGATE_CACHE: cache },
      undefined,
      undefined,
      true,
    );
    assert.ok(!("sha256" in got), "not a cache hit");
    let first = false;
    let beforeEnd = false;
    const rows = await ids(
      readBatches(got.file, {
        format: "parquet",
        numeric: ["id"],
        columns: ["id"],
        verify: { sha256: pin.sha256, arrival: got.done.then((d) => d.sha256), abort: got.abort },
      }),
      () => {
        if (!first) {
          first = true;
          // the first batch: the server still holds 40% of the body back, so no entry can be there yet
          beforeEnd = entries(cache).length === 0;
          s.release();
        }
      },
    );
    assert.equal(beforeEnd, true, "the first rows were parsed before the body ended");
    assert.equal(rows.length, 60_000);
    assert.deepEqual(rows.slice(0, 3), [0, 1, 2]);
    assert.ok(
      s.ranges.some((r) => /^bytes=\d+-\d+$/.test(r ?? "")),
      "the footer was fetched ahead",
    );
    assert.equal((await got.done).file, entryPath(cache, sha(bytes)));
  } finally {
    s.close();
  }
});

test("a Parquet footer fetched ahead that differs from the bytes that arrive is refused (the cache keeps the pinned body)", async () => {
  const bytes = await parquetBody();
  // the range answers with other last bytes (an object replaced between the two requests)
  const s = await serveParquet(bytes, (b) => {
    const other = Buffer.from(b);
    other[other.length - 12] ^= 0xff;
    return other;
  });
  const cache = cacheOf();
  try {
    const pin = { sha256: sha(bytes), size: bytes.length };
    const got = await downloadStreaming(
      new HttpObject(s.url),
      pin,
      { MODELGATE_CACHE: cache },
      undefined,
      undefined,
      true,
    );
    assert.ok(!("sha256" in got));
    s.release();
    await assert.rejects(got.done, /changed while it was being read \(its last bytes, fetched first/);
    // the cache holds the whole body, which matched its pin: only the read that used the other last bytes is refused
    assert.deepEqual(entries(cache), [`${sha(bytes).slice(0, 2)}/${sha(bytes)}`]);
  } finally {
    s.close();
  }
});
