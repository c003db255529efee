/**
 * The download cache against a real HTTP server on a loopback port: a cut connection resumed with a range request,
 * a server that ignores ranges, a killed download, concurrent downloads of one object, and an entry changed on disk.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { entryPath } from "../../src/storage/cache.ts";
import { download } from "../../src/storage/fetch.ts";
import { HttpObject } from "../../src/storage/store.ts";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const body = randomBytes(3 * 1024 * 1024 + 17);

type Behaviour = "cut-once" | "ignore-range" | "stall" | "plain";

/** Serves `body` at /object with an ETag; `behaviour` says how it misbehaves. Records each request's Range. */
async function serve(behaviour: Behaviour) {
  const ranges: (string | undefined)[] = [];
  let cut = false;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== "/object") {
      res.writeHead(404).end();
      return;
    }
    const range = req.headers.range;
    ranges.push(range);
    const etag = '"v1"';
    if (req.method === "HEAD") {
      res.writeHead(200, { "content-length": body.length, etag }).end();
      return;
    }
    const m = /^bytes=(\d+)-$/.exec(range ?? "");
    if (m && behaviour !== "ignore-range" && req.headers["if-range"] === etag) {
      const start = Number(m[1]);
      res.writeHead(206, {
        "content-length": body.length - start,
        "content-range": `bytes ${start}-${body.length - 1}/${body.length}`,
        etag,
      });
      res.end(body.subarray(start));
      return;
    }
    res.writeHead(200, { "content-length": body.length, etag });
    if ((behaviour === "cut-once" || behaviour === "ignore-range") && !cut) {
      cut = true;
      res.write(body.subarray(0, 1024 * 1024), () => res.socket?.destroy());
      return;
    }
    if (behaviour === "stall") {
      res.write(body.subarray(0, 1024 * 1024)); // and never the rest
      return;
    }
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/object`,
    ranges,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const cacheOf = () => mkdtempSync(join(tmpdir(), "mg-cache-"));
const entries = (cache: string) =>
  existsSync(join(cache, "sha256"))
    ? readdirSync(join(cache, "sha256"), { recursive: true }).filter((p) => String(p).length > 2)
    : [];

test("a connection cut mid-download is resumed where it stopped, with a range request on the same version", async () => {
  const s = await serve("cut-once");
  const cache = cacheOf();
  try {
    const got = await download(
      new HttpObject(s.url),
      { sha256: sha(body), size: body.length },
      { MODELGATE_CACHE: cache },
    );
    assert.equal(got.sha256, sha(body));
    assert.ok(readFileSync(got.file).equals(body));
    assert.equal(s.ranges.length, 2);
    assert.match(String(s.ranges[1]), /^bytes=\d+-$/);
    assert.ok(Number(/\d+/.exec(String(s.ranges[1]))![0]) > 0, "resumed, not restarted");
    assert.deepEqual(readdirSync(join(cache, "tmp")), []);
  } finally {
    s.close();
  }
});

test("a server that ignores the range sends the object again: the download restarts and the entry is still right", async () => {
  const s = await serve("ignore-range");
  const cache = cacheOf();
  try {
    const got = await download(new HttpObject(s.url), { sha256: sha(body) }, { MODELGATE_CACHE: cache });
    assert.ok(readFileSync(got.file).equals(body));
    assert.equal(s.ranges.length, 2);
  } finally {
    s.close();
  }
});

test("a download killed half way leaves no cache entry; the next run downloads it whole", async () => {
  const s = await serve("stall");
  const cache = cacheOf();
  const script = join(mkdtempSync(join(tmpdir(), "mg-kill-")), "fetch.mts");
  writeFileSync(
    script,
    `import { download } from ${JSON.stringify(join(process.cwd(), "src/storage/fetch.ts"))};
import { HttpObject } from ${JSON.stringify(join(process.cwd(), "src/storage/store.ts"))};
await download(new HttpObject(process.argv[2]), {}, { MODELGATE_CACHE: process.argv[3] });
`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", script, s.url, cache], { stdio: "ignore" });
  const exited = new Promise((ok) => child.on("exit", ok));
  // the child has written the first megabyte into its temp file when the partial file is that large
  const tmp = join(cache, "tmp");
  for (let i = 0; i < 400 && child.exitCode === null; i++) {
    const parts = existsSync(tmp) ? readdirSync(tmp) : [];
    if (parts.length && readFileSync(join(tmp, parts[0])).length >= 1024 * 1024) break;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  assert.equal(child.exitCode, null, "the download was still running");
  child.kill("SIGKILL");
  await exited;
  s.close();
  assert.equal(readdirSync(tmp).length, 1, "the killed download's partial file");
  assert.deepEqual(entries(cache), [], "no entry");

  const good = await serve("plain");
  try {
    const got = await download(new HttpObject(good.url), { sha256: sha(body) }, { MODELGATE_CACHE: cache });
    assert.ok(readFileSync(got.file).equals(body));
    assert.equal(got.file, entryPath(cache, sha(body)));
  } finally {
    good.close();
  }
});

test("concurrent downloads of one object each write their own file and leave one good entry", async () => {
  const s = await serve("plain");
  const cache = cacheOf();
  try {
    const all = await Promise.all(
      [1, 2, 3, 4].map(() => download(new HttpObject(s.url), { sha256: sha(body) }, { MODELGATE_CACHE: cache })),
    );
    for (const g of all) assert.equal(g.file, entryPath(cache, sha(body)));
    assert.equal(entries(cache).length, 1);
    assert.ok(readFileSync(entryPath(cache, sha(body))).equals(body));
    assert.deepEqual(readdirSync(join(cache, "tmp")), []);
  } finally {
    s.close();
  }
});

test("an entry changed in the cache is never read: it is hashed, dropped and fetched again", async () => {
  const s = await serve("plain");
  const cache = cacheOf();
  try {
    const pin = { sha256: sha(body), size: body.length };
    const first = await download(new HttpObject(s.url), pin, { MODELGATE_CACHE: cache });
    assert.equal(first.downloaded, true);
    const again = await download(new HttpObject(s.url), pin, { MODELGATE_CACHE: cache });
    assert.equal(again.downloaded, false, "the second read comes from the cache");
    assert.equal(s.ranges.length, 1);
    const bytes = readFileSync(first.file);
    bytes[100] ^= 0xff;
    writeFileSync(first.file, bytes);
    const third = await download(new HttpObject(s.url), pin, { MODELGATE_CACHE: cache });
    assert.equal(third.downloaded, true);
    assert.equal(s.ranges.length, 2);
    assert.ok(readFileSync(third.file).equals(body));
  } finally {
    s.close();
  }
});

test("a missing object is a usage error naming the URL; a larger one than pinned stops early", async () => {
  const s = await serve("plain");
  try {
    await assert.rejects(
      download(new HttpObject(s.url.replace("/object", "/nothing")), {}, { MODELGATE_CACHE: cacheOf() }),
      (err: Error) =>
        err.name === "UserError" && /\/nothing does not exist \(the server answered 404\)/.test(err.message),
    );
    await assert.rejects(
      download(new HttpObject(s.url), { size: 1000 }, { MODELGATE_CACHE: cacheOf() }),
      /is larger than the 1,000 bytes pinned by the manifest/,
    );
  } finally {
    s.close();
  }
});
