import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  Progress
} from "./chunk-YK35P24K.js";
import {
  sha256Bytes,
  sha256File
} from "./chunk-2Z7WG6JL.js";
import {
  forgetTail,
  growingName,
  provideTail,
  serveData
} from "./chunk-MMEZHR7H.js";
import {
  worktreePrefix
} from "./chunk-EJRXWDVW.js";
import {
  resolveInside
} from "./chunk-7WYILPYU.js";
import {
  withRetry
} from "./chunk-DFUR2YEO.js";
import {
  require_dist
} from "./chunk-YZUBQ7DK.js";
import {
  parseLocation
} from "./chunk-OHXYSI3I.js";
import {
  CheckFailed,
  ModelgateError,
  UserError
} from "./chunk-VPZGVLTG.js";
import {
  __toESM
} from "./chunk-CCN2QAD7.js";

// src/storage/source.ts
import { createHash as createHash3, randomBytes as randomBytes2 } from "node:crypto";
import { existsSync as existsSync3, mkdirSync, rmSync as rmSync2, writeFileSync } from "node:fs";
import { open as open4 } from "node:fs/promises";
import { basename, join as join3, relative as relative2, sep as sep2 } from "node:path";

// src/git/lfs.ts
async function lfsVersion(git) {
  return await git.tryRun(["lfs", "version"]) || void 0;
}
async function lfsPull(git, paths) {
  const prefix = await worktreePrefix(git);
  await git.run(["lfs", "pull", `--include=${paths.map((p) => `${prefix}${p}`).join(",")}`, "--exclude="]);
}

// src/storage/blocks.ts
import { createHash as createHash2 } from "node:crypto";
import { open as open3, readFile, rm as rm2 } from "node:fs/promises";

// src/storage/cache.ts
import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
function cacheDir(env = process.env) {
  return env.MODELGATE_CACHE || join(homedir(), ".cache", "modelgate");
}
function entryPath(dir, sha256) {
  return join(dir, "sha256", sha256.slice(0, 2), sha256);
}
function cachedEntry(dir, sha256, size) {
  const p = entryPath(dir, sha256);
  try {
    const st = statSync(p);
    return st.isFile() && (size === void 0 || st.size === size) ? p : void 0;
  } catch {
    return void 0;
  }
}
async function verifiedEntry(dir, sha256, size) {
  const p = cachedEntry(dir, sha256, size);
  if (!p && existsSync(entryPath(dir, sha256))) await rm(entryPath(dir, sha256), { force: true });
  if (!p) return void 0;
  if (await sha256File(p) === sha256) return p;
  await rm(p, { force: true });
  return void 0;
}
var Dos2UnixMd5 = class {
  h = createHash("md5");
  lastWasCr = false;
  update(chunk) {
    let start = 0;
    if (this.lastWasCr) {
      if (chunk.length > 0 && chunk[0] !== 10) this.h.update(Buffer.from([13]));
      this.lastWasCr = false;
    }
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] !== 13) continue;
      if (i + 1 === chunk.length) {
        this.h.update(chunk.subarray(start, i));
        this.lastWasCr = true;
        start = chunk.length;
      } else if (chunk[i + 1] === 10) {
        this.h.update(chunk.subarray(start, i));
        start = i + 1;
      }
    }
    if (start < chunk.length) this.h.update(chunk.subarray(start));
  }
  digest() {
    if (this.lastWasCr) this.h.update(Buffer.from([13]));
    return this.h.digest("hex");
  }
};
var CacheWriter = class _CacheWriter {
  constructor(dir, temp, fh, expected, source) {
    this.dir = dir;
    this.temp = temp;
    this.fh = fh;
    this.expected = expected;
    this.source = source;
    this.resetDigests();
  }
  dir;
  temp;
  fh;
  expected;
  source;
  sha = createHash("sha256");
  md5;
  md5Lf;
  /** Bytes written (and hashed) so far: where a resumed download starts. */
  written = 0;
  /** After a rewind: the bytes already in the file, which the object sent again must repeat exactly. */
  replay = 0;
  resetDigests() {
    this.sha = createHash("sha256");
    this.md5 = this.expected.md5 ? createHash("md5") : void 0;
    this.md5Lf = this.expected.md5 && this.expected.md5Dos2Unix ? new Dos2UnixMd5() : void 0;
  }
  static async start(dir, expected, source) {
    const tmp = join(dir, "tmp");
    await mkdir(tmp, { recursive: true });
    await sweepTemps(tmp);
    const temp = join(tmp, `${process.pid}-${randomBytes(6).toString("hex")}.part`);
    return new _CacheWriter(dir, temp, await open(temp, "wx+"), expected, source);
  }
  /**
   * Puts bytes the caller has hashed and found to be `sha256` (a verified block, storage/blocks.ts) into the cache
   * under it: the same temp file and rename as a download, without hashing the bytes again. Not synced to disk
   * before the rename: an entry is hashed again when it is used.
   */
  static async putVerified(dir, sha256, bytes) {
    const w = await _CacheWriter.start(dir, { sha256, size: bytes.length }, sha256);
    try {
      await w.writeAt(bytes, 0);
      await w.fh.close();
      await w.place(sha256);
    } catch (err) {
      await w.discard();
      throw err;
    }
  }
  /** Writes all of `chunk` at `pos` of the temp file, from its byte `off`. */
  async writeAt(chunk, pos, off = 0) {
    while (off < chunk.length) {
      const { bytesWritten } = await this.fh.write(chunk, off, chunk.length - off, pos + off);
      off += bytesWritten;
    }
  }
  /** Moves the temp file (closed) into the cache as the entry of `sha256`. */
  async place(sha256) {
    const file = entryPath(this.dir, sha256);
    await mkdir(join(this.dir, "sha256", sha256.slice(0, 2)), { recursive: true });
    await rename(this.temp, file);
    return file;
  }
  async write(chunk) {
    const size = this.expected.size;
    if (size !== void 0 && this.written + chunk.length > size) {
      throw new CheckFailed(
        `${this.source} is larger than the ${size.toLocaleString("en-US")} bytes pinned by the manifest; it is not the object that was locked (if the change is intended, run \`modelgate lock\``
      );
    }
    this.sha.update(chunk);
    this.md5?.update(chunk);
    this.md5Lf?.update(chunk);
    let off = 0;
    if (this.written < this.replay) {
      off = Math.min(chunk.length, this.replay - this.written);
      const had = Buffer.allocUnsafe(off);
      await this.fh.read(had, 0, off, this.written);
      if (!had.equals(chunk.subarray(0, off)))
        throw new CheckFailed(
          `${this.source} changed while it was being read (the store sent other bytes when asked again); run the command again`
        );
    }
    await this.writeAt(chunk, this.written, off);
    this.written += chunk.length;
  }
  /**
   * Starts over in the same file (a server that ignored a range request sends the whole object again): the digests
   * are taken afresh, and the bytes already written must come again unchanged.
   */
  rewind() {
    this.replay = Math.max(this.replay, this.written);
    this.written = 0;
    this.resetDigests();
  }
  /** Checks size and digests, then moves the file into the cache; returns the entry and the object's sha256. */
  async commit() {
    try {
      const e = this.expected;
      if (this.written < this.replay)
        throw new CheckFailed(
          `${this.source} changed while it was being read (it was shorter when sent again); run the command again`
        );
      if (e.size !== void 0 && this.written !== e.size) {
        throw new CheckFailed(
          `${this.source} is ${this.written.toLocaleString("en-US")} bytes, not the ${e.size.toLocaleString("en-US")} pinned by the manifest; it is not the object that was locked (if the change is intended, run \`modelgate lock\`)`
        );
      }
      if (e.md5 && this.md5) {
        const md5 = this.md5.digest("hex");
        if (md5 !== e.md5 && this.md5Lf?.digest() !== e.md5) {
          throw new CheckFailed(
            `${this.source} has md5 ${md5}, not the ${e.md5} DVC recorded for it: the remote object is damaged or was replaced, so it is refused`
          );
        }
      }
      const sha256 = this.sha.digest("hex");
      if (e.sha256 && sha256 !== e.sha256) {
        throw new CheckFailed(
          `${this.source} has sha256 ${sha256}, not the ${e.sha256} pinned by the manifest: the object was changed or replaced, so it is refused (if the change is intended, run \`modelgate lock\`)`
        );
      }
      await this.fh.sync();
      await this.fh.close();
      return { file: await this.place(sha256), sha256, size: this.written };
    } catch (err) {
      await this.discard();
      throw err;
    }
  }
  async discard() {
    await this.fh.close().catch(() => void 0);
    await rm(this.temp, { force: true });
  }
};
var STALE_TEMP_MS = 24 * 3600 * 1e3;
async function sweepTemps(tmp) {
  let names;
  try {
    names = await readdir(tmp);
  } catch {
    return;
  }
  const now = Date.now();
  for (const n of names) {
    const p = join(tmp, n);
    try {
      if (now - (await stat(p)).mtimeMs > STALE_TEMP_MS) await rm(p, { force: true });
    } catch {
    }
  }
}

// src/storage/fetch.ts
import { rmSync } from "node:fs";
import { link, open as open2 } from "node:fs/promises";

// src/storage/store.ts
import { createReadStream, statSync as statSync2 } from "node:fs";
var FileObject = class {
  constructor(name) {
    this.name = name;
  }
  name;
  async head() {
    try {
      return { size: statSync2(this.name).size };
    } catch {
      throw new UserError(`${this.name} does not exist`);
    }
  }
  async read(start = 0, _version, end) {
    const { size } = await this.head();
    const to = end === void 0 ? {} : { end: end - 1 };
    return { body: createReadStream(this.name, { start, ...to, highWaterMark: 1 << 20 }), start, size };
  }
};
var HttpObject = class {
  constructor(name, url = name, headers = async () => ({})) {
    this.name = name;
    this.url = url;
    this.headers = headers;
  }
  name;
  url;
  headers;
  async head() {
    const res = await this.request("HEAD", {});
    const len = res.headers.get("content-length");
    return { size: len !== null && /^\d+$/.test(len) ? Number(len) : void 0 };
  }
  async read(start = 0, version, end) {
    const extra = {};
    const ranged = end !== void 0 || start > 0 && version !== void 0;
    if (ranged) extra.range = `bytes=${start}-${end === void 0 ? "" : end - 1}`;
    if (ranged && version) extra["if-range"] = version;
    const res = await this.request("GET", extra);
    if (!res.body) throw new UserError(`${this.name}: the server sent no body`);
    const resumed = res.status === 206 && (start > 0 || end !== void 0);
    const etag = res.headers.get("etag") ?? void 0;
    const strong = etag && !etag.startsWith("W/") ? etag : res.headers.get("last-modified") ?? void 0;
    const len = res.headers.get("content-length");
    const encoded = (res.headers.get("content-encoding") ?? "identity").toLowerCase() !== "identity";
    const size = res.status === 200 && !encoded && len !== null && /^\d+$/.test(len) ? Number(len) : void 0;
    return {
      body: res.body,
      start: resumed ? start : 0,
      version: strong,
      size
    };
  }
  async request(method, extra) {
    let res;
    try {
      res = await fetch(this.url, { method, headers: { ...await this.headers(), ...extra }, redirect: "follow" });
    } catch (err2) {
      const cause = err2.cause;
      throw new NetworkError(
        `cannot reach ${this.name}: ${cause?.code ?? cause?.message ?? err2.message}; check the URL and the network`
      );
    }
    if (res.ok) return res;
    await res.body?.cancel().catch(() => void 0);
    if (res.status === 404 || res.status === 410)
      throw new UserError(`${this.name} does not exist (the server answered ${res.status}); check the URL`);
    if (res.status === 401 || res.status === 403)
      throw new UserError(
        `${this.name}: the server refused access (${res.status}); modelgate sends no credentials over https, so make the object readable, or keep it in a store with a credential chain (s3://, gs://)`
      );
    const err = new NetworkError(`${this.name}: the server answered ${res.status} ${res.statusText}`);
    if (res.status >= 500 || res.status === 429) err.retryable = true;
    else throw new UserError(err.message);
    throw err;
  }
};
var NetworkError = class extends CheckFailed {
  retryable = true;
  constructor(message) {
    super(message);
    this.name = "NetworkError";
  }
};

// src/storage/fetch.ts
var DOWNLOAD_RETRIES = { retries: 4, baseMs: 500 };
function retryableRead(err) {
  return err instanceof NetworkError ? err.retryable : cutConnection(err);
}
var PROGRESS_MIN_BYTES = 16 * 1024 * 1024;
async function download(obj, expected, env, io, label = obj.name) {
  const dir = cacheDir(env);
  if (expected.sha256) {
    const hit = await verifiedEntry(dir, expected.sha256, expected.size);
    if (hit) return { file: hit, sha256: expected.sha256, size: expected.size ?? 0, downloaded: false };
  }
  const d = await begin(obj, expected, dir, io, label);
  return { ...await d.done, downloaded: true };
}
async function downloadStreaming(obj, expected, env, io, label = obj.name, tailFirst = false) {
  const dir = cacheDir(env);
  if (expected.sha256) {
    const hit = await verifiedEntry(dir, expected.sha256, expected.size);
    if (hit) return { file: hit, sha256: expected.sha256, downloaded: false };
  }
  const d = await begin(obj, expected, dir, io, label);
  const size = expected.size ?? await d.size;
  if (size === void 0) {
    const got = await d.done;
    return { file: got.file, done: d.done, abort: () => void 0 };
  }
  const file = growingName(d.temp, size);
  try {
    await link(d.temp, file);
  } catch {
    const got = await d.done;
    return { file: got.file, done: d.done, abort: () => void 0 };
  }
  readerNames.add(file);
  const release = () => {
    readerNames.delete(file);
    forgetTail(file);
    rmSync(file, { force: true });
  };
  const tailStart = Math.max(0, size - TAIL_BYTES);
  const tail = tailFirst ? prefetch(obj, tailStart, size) : void 0;
  tail?.then((bytes) => bytes && provideTail(file, tailStart, bytes));
  const done = d.done.then(async (got) => {
    if (got.size !== size)
      throw new CheckFailed(
        `${label} is ${got.size} bytes, not the ${size} its store announced; run the command again`
      );
    const ahead = tail && await tail;
    forgetTail(file);
    if (ahead && !Buffer.from(ahead).equals(await readRange(got.file, tailStart, size))) {
      throw new CheckFailed(
        `${label} changed while it was being read (its last bytes, fetched first, differ from those that arrived); run the command again`
      );
    }
    return got;
  });
  done.catch(release);
  return { file, done, abort: d.abort };
}
var TAIL_BYTES = 256 * 1024;
async function readObjectRange(obj, start, end, skipUnranged) {
  const r = await obj.read(start, void 0, end);
  const bytes = Buffer.allocUnsafe(end - start);
  let pos = r.start;
  let got = 0;
  if (pos !== start && !skipUnranged) {
    await r.body[Symbol.asyncIterator]().return?.();
    return void 0;
  }
  for await (const chunk of r.body) {
    const from = Math.max(0, start - pos);
    const to = Math.min(chunk.length, end - pos);
    if (to > from) {
      bytes.set(chunk.subarray(from, to), pos + from - start);
      got += to - from;
    }
    pos += chunk.length;
    if (pos >= end) break;
  }
  return { bytes, got, pos };
}
async function prefetch(obj, start, end) {
  try {
    const r = await readObjectRange(obj, start, end, false);
    return r && r.got === end - start ? r.bytes : void 0;
  } catch {
    return void 0;
  }
}
async function readRange(file, start, end) {
  const fh = await open2(file, "r");
  try {
    const buf = Buffer.alloc(end - start);
    await fh.read(buf, 0, buf.length, start);
    return buf;
  } finally {
    await fh.close();
  }
}
var readerNames = /* @__PURE__ */ new Set();
process.once("exit", () => {
  for (const f of readerNames) rmSync(f, { force: true });
});
var Aborted = class extends Error {
};
async function begin(obj, expected, dir, io, label) {
  const w = await CacheWriter.start(dir, expected, label);
  const progress = io && (expected.size ?? Number.POSITIVE_INFINITY) >= PROGRESS_MIN_BYTES ? new Progress(io, `download ${label}`, expected.size ?? 0, "bytes") : void 0;
  let version;
  let aborted = false;
  let answered;
  const size = new Promise((resolve2) => {
    answered = resolve2;
  });
  const done = (async () => {
    try {
      await withRetry(
        async () => {
          const r = await obj.read(w.written, version);
          answered(r.size);
          if (r.start !== w.written) w.rewind();
          if (r.start === 0) version = r.version;
          for await (const chunk of r.body) {
            if (aborted) throw new Aborted(`${label}: the read was stopped`);
            await w.write(chunk);
            progress?.add(chunk.length);
          }
        },
        {
          ...DOWNLOAD_RETRIES,
          retryable: retryableRead,
          onRetry: (err, n, ms) => io?.err(
            `${label}: ${err.message}; resuming at byte ${w.written.toLocaleString("en-US")} in ${(ms / 1e3).toFixed(1)} s (retry ${n} of ${DOWNLOAD_RETRIES.retries})
`
          )
        }
      );
      progress?.finish();
      return await w.commit();
    } catch (err) {
      answered(void 0);
      await w.discard();
      if (!(err instanceof NetworkError) && !cutConnection(err)) throw err;
      throw new CheckFailed(
        `cannot download ${label}: ${err.message} (after ${DOWNLOAD_RETRIES.retries + 1} attempts); check the network and the store, then run the command again`
      );
    }
  })();
  await Promise.race([size, done.then(() => void 0)]);
  done.catch(() => void 0);
  return {
    temp: w.temp,
    size,
    done,
    abort: () => {
      aborted = true;
    }
  };
}
var CUT = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_BODY_TIMEOUT",
  "ERR_STREAM_PREMATURE_CLOSE"
]);
function cutConnection(err) {
  const e = err;
  if (!e || err instanceof ModelgateError) return false;
  return CUT.has(e.code ?? "") || CUT.has(e.cause?.code ?? "") || e.message === "terminated" || e.message === "aborted";
}

// src/storage/blocks.ts
var DEFAULT_BLOCK_BYTES = 64 * 1024 * 1024;
function blockCount(fileSize, blockSize) {
  return Math.max(1, Math.ceil(fileSize / blockSize));
}
async function blockDigests(file, blockSize) {
  const fh = await open3(file, "r");
  const out = [];
  try {
    const buf = Buffer.allocUnsafe(Math.min(blockSize, 4 << 20));
    let h = createHash2("sha256");
    let inBlock = 0;
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, blockSize - inBlock), null);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
      inBlock += bytesRead;
      if (inBlock === blockSize) {
        out.push(h.digest("hex"));
        h = createHash2("sha256");
        inBlock = 0;
      }
    }
    if (inBlock > 0 || out.length === 0) out.push(h.digest("hex"));
  } finally {
    await fh.close();
  }
  return out;
}
function blockPinProblem(pin, fileSize) {
  const n = blockCount(fileSize, pin.size);
  if (pin.sha256.length !== n)
    return `spec.blocks lists ${pin.sha256.length} digests, but a file of ${fileSize.toLocaleString("en-US")} bytes in blocks of ${pin.size.toLocaleString("en-US")} has ${n}; run \`modelgate lock\``;
  return void 0;
}
async function blocksProblem(file, fileSize, pin) {
  const problem = blockPinProblem(pin, fileSize);
  if (problem) return problem;
  const actual = await blockDigests(file, pin.size);
  const k = actual.findIndex((d, i) => d !== pin.sha256[i]);
  if (k < 0) return void 0;
  const start = k * pin.size;
  const end = Math.min(fileSize, start + pin.size);
  return `block ${k} (bytes ${start.toLocaleString("en-US")} to ${end.toLocaleString("en-US")}) has sha256 ${actual[k]}, not the ${pin.sha256[k]} spec.blocks pins: spec.blocks does not describe the file spec.sha256 pins; run \`modelgate lock\``;
}
var BlockMismatch = class extends UserError {
  constructor(source, block, start, end, actual, expected) {
    super(
      `${source}: block ${block} (bytes ${start.toLocaleString("en-US")} to ${end.toLocaleString("en-US")}) has sha256 ${actual}, not the ${expected} spec.blocks pins: the object was changed or replaced, so it is refused (if the change is intended, run \`modelgate lock\`)`
    );
    this.source = source;
    this.block = block;
    this.start = start;
    this.end = end;
    this.actual = actual;
    this.expected = expected;
    this.name = "BlockMismatch";
  }
  source;
  block;
  start;
  end;
  actual;
  expected;
};
var MEMORY_BLOCKS = 4;
var BlockFile = class {
  constructor(obj, label, size, pin, cache, io) {
    this.obj = obj;
    this.label = label;
    this.size = size;
    this.pin = pin;
    this.cache = cache;
    this.io = io;
  }
  obj;
  label;
  size;
  pin;
  cache;
  io;
  /** Blocks fetched from the store in this process, and their bytes. */
  fetched = /* @__PURE__ */ new Set();
  fetchedBytes = 0;
  /** Blocks taken from the cache. */
  cached = /* @__PURE__ */ new Set();
  memory = /* @__PURE__ */ new Map();
  /** The bytes of block k, verified (fetched, or from the cache). */
  block(k) {
    let p = this.memory.get(k);
    if (p) {
      this.memory.delete(k);
      this.memory.set(k, p);
      return p;
    }
    p = this.load(k);
    p.catch(() => this.memory.delete(k));
    this.memory.set(k, p);
    while (this.memory.size > MEMORY_BLOCKS) this.memory.delete(this.memory.keys().next().value);
    return p;
  }
  range(k) {
    const start = k * this.pin.size;
    return { start, end: Math.min(this.size, start + this.pin.size) };
  }
  async load(k) {
    const expected = this.pin.sha256[k];
    const { start, end } = this.range(k);
    const hit = cachedEntry(this.cache, expected, end - start);
    if (hit) {
      const bytes2 = await readFile(hit).catch(() => void 0);
      if (bytes2 && sha256Bytes(bytes2) === expected) {
        this.cached.add(k);
        return bytes2;
      }
      await rm2(hit, { force: true });
    }
    const bytes = await this.fetch(start, end);
    const actual = sha256Bytes(bytes);
    if (actual !== expected) throw new BlockMismatch(this.label, k, start, end, actual, expected);
    this.fetched.add(k);
    this.fetchedBytes += bytes.length;
    await CacheWriter.putVerified(this.cache, expected, bytes).catch(() => void 0);
    return bytes;
  }
  /** Bytes [start, end) of the object, by a range request (retried from its start when the connection is cut). */
  fetch(start, end) {
    return withRetry(
      async () => {
        const { bytes: out, got, pos } = await readObjectRange(this.obj, start, end, true);
        if (got !== end - start)
          throw new UserError(
            `${this.label} ended at byte ${pos.toLocaleString("en-US")}, before the ${this.size.toLocaleString("en-US")} bytes spec.sizeBytes pins; it is not the object that was locked (if the change is intended, run \`modelgate lock\`)`
          );
        return out;
      },
      {
        ...DOWNLOAD_RETRIES,
        retryable: retryableRead,
        onRetry: (err, n, ms) => this.io?.err(
          `${this.label}: ${err.message}; fetching bytes ${start} to ${end} again in ${(ms / 1e3).toFixed(1)} s (retry ${n} of ${DOWNLOAD_RETRIES.retries})
`
        )
      }
    );
  }
  async read(buffer, offset, length, position) {
    if (position === null) throw new Error("a block-verified file is read at positions only");
    const end = Math.min(this.size, position + length);
    let at = position;
    while (at < end) {
      const k = Math.floor(at / this.pin.size);
      const bytes = await this.block(k);
      const { start } = this.range(k);
      const n = Math.min(end - at, start + bytes.length - at);
      buffer.set(bytes.subarray(at - start, at - start + n), offset + (at - position));
      at += n;
    }
    return { bytesRead: Math.max(0, end - position), buffer };
  }
  async stat() {
    return { size: this.size };
  }
  async close() {
  }
  /** What was read, for the job's log: blocks fetched and from the cache, of how many. */
  summary() {
    const n = this.pin.sha256.length;
    const list = (s) => [...s].sort((a, b) => a - b).join(", ");
    return `${this.label}: read ${this.fetched.size + this.cached.size} of ${n} blocks (${this.pin.size.toLocaleString("en-US")} bytes each), each checked against spec.blocks: fetched [${list(this.fetched)}] (${this.fetchedBytes.toLocaleString("en-US")} of ${this.size.toLocaleString("en-US")} bytes)${this.cached.size ? `, from the cache [${list(this.cached)}]` : ""}`;
  }
};

// src/storage/dvc.ts
var import_yaml = __toESM(require_dist(), 1);
import { existsSync as existsSync2, readFileSync, statSync as statSync3 } from "node:fs";
import { dirname, isAbsolute, join as join2, posix, relative, resolve, sep } from "node:path";
function readDvcOutput(dir, file, out, shown) {
  const abs = resolve(dir, file);
  let doc;
  try {
    doc = (0, import_yaml.parse)(readFileSync(abs, "utf8"));
  } catch (err) {
    const code = err.code;
    throw new UserError(
      code === "ENOENT" ? `${shown}: ${file} does not exist; commit the DVC file the manifest names (dvc add writes FILE.dvc, dvc repro writes dvc.lock)` : `${shown}: ${file} is not a DVC file that modelgate can read (${err.message})`
    );
  }
  const folder = dirname(abs);
  let entry;
  let wdir = folder;
  if (out === void 0) {
    const outs = Array.isArray(doc?.outs) ? doc.outs : [];
    if (outs.length !== 1)
      throw new UserError(
        `${shown}: ${file} has ${outs.length} outputs; modelgate reads a .dvc file with exactly one (track each file with its own \`dvc add\`)`
      );
    entry = outs[0];
    if (typeof doc.wdir === "string") wdir = resolve(folder, doc.wdir);
  } else {
    const want = posix.normalize(out.replace(/\\/g, "/"));
    const found = [];
    for (const stage of Object.values(doc?.stages ?? {})) {
      const w = typeof stage?.wdir === "string" ? resolve(folder, stage.wdir) : folder;
      for (const o of Array.isArray(stage?.outs) ? stage.outs : []) {
        const p = typeof o?.path === "string" ? relative(folder, resolve(w, o.path)).split(sep).join("/") : void 0;
        if (p === want) found.push({ entry: o, wdir: w });
      }
    }
    if (found.length === 0)
      throw new UserError(
        `${shown}: no stage of ${file} has the output "${out}"; name an output as dvc.lock lists it (relative to dvc.lock's folder), after \`dvc repro\``
      );
    ({ entry, wdir } = found[0]);
  }
  const md5 = typeof entry?.md5 === "string" ? entry.md5 : void 0;
  if (!md5 || typeof entry.path !== "string")
    throw new UserError(`${shown}: the output in ${file} has no md5 and path; run \`dvc commit\` (or dvc repro) first`);
  if (md5.endsWith(".dir"))
    throw new UserError(
      `${shown}: ${entry.path} is a folder tracked by DVC; a Dataset or Model names one file: track it on its own, or name dvc.lock#FILE`
    );
  if (!/^[0-9a-f]{32}$/.test(md5)) throw new UserError(`${shown}: ${file} records md5 "${md5}", which is not an md5`);
  const hash = entry.hash;
  if (hash !== void 0 && hash !== "md5")
    throw new UserError(`${shown}: ${file} hashes with "${hash}"; modelgate reads DVC outputs hashed with md5`);
  return {
    name: out === void 0 ? file : `${file}#${out}`,
    md5,
    size: typeof entry.size === "number" ? entry.size : void 0,
    dvc3: hash === "md5",
    workTree: resolve(wdir, entry.path),
    project: projectRoot(folder, shown),
    remote: typeof entry.remote === "string" ? entry.remote : void 0
  };
}
function projectRoot(start, shown) {
  for (let d = start; ; d = dirname(d)) {
    if (existsSync2(join2(d, ".dvc")) && statSync3(join2(d, ".dvc")).isDirectory()) return d;
    if (dirname(d) === d)
      throw new UserError(`${shown}: no DVC project around it (no .dvc/ folder from ${start} up); commit .dvc/config`);
  }
}
function objectPath(o) {
  return `${o.dvc3 ? "files/md5/" : ""}${o.md5.slice(0, 2)}/${o.md5.slice(2)}`;
}
function readDvcConfig(project) {
  const sections = /* @__PURE__ */ new Map();
  for (const f of ["config", "config.local"]) {
    const p = join2(project, ".dvc", f);
    if (!existsSync2(p)) continue;
    let current;
    for (const raw of readFileSync(p, "utf8").split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith("#") || line.startsWith(";")) continue;
      const head = /^\[\s*'?(.*?)'?\s*\]$/.exec(line);
      if (head) {
        const name = head[1].replace(/\s+/g, " ").replace(/"/g, "").trim();
        current = sections.get(name) ?? /* @__PURE__ */ new Map();
        sections.set(name, current);
        continue;
      }
      const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
      if (kv && current) current.set(kv[1].trim().toLowerCase(), kv[2].trim());
    }
  }
  return sections;
}
function remoteOf(o, shown) {
  const config = readDvcConfig(o.project);
  const name = o.remote ?? config.get("core")?.get("remote");
  if (!name)
    throw new UserError(
      `${shown}: the DVC project has no default remote (core.remote in .dvc/config) and the output names none; run \`dvc remote add -d NAME URL\` and commit .dvc/config`
    );
  const section = config.get(`remote ${name}`);
  const url = section?.get("url");
  if (!url) throw new UserError(`${shown}: .dvc/config has no url for the remote "${name}"`);
  if (/^(s3|gs|https?):\/\//i.test(url))
    return { url: url.replace(/\/+$/, ""), endpoint: section?.get("endpointurl"), name };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    throw new UserError(
      `${shown}: the DVC remote "${name}" is ${url.split(":")[0]}://, which modelgate does not read; it reads DVC remotes on s3://, gs://, https:// and local folders`
    );
  return { url: isAbsolute(url) ? url : resolve(o.project, ".dvc", url), name };
}
function dvcCacheDir(project) {
  const dir = readDvcConfig(project).get("cache")?.get("dir");
  if (!dir) return join2(project, ".dvc", "cache");
  return isAbsolute(dir) ? dir : resolve(project, ".dvc", dir);
}

// src/storage/lfs.ts
import { openSync, readSync, closeSync, statSync as statSync4 } from "node:fs";
var MAX_POINTER_BYTES = 1024;
var VERSION = /^version https:\/\/(git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\n/;
function parseLfsPointer(text) {
  if (!VERSION.test(text)) return void 0;
  const oid = /^oid sha256:([0-9a-f]{64})$/m.exec(text);
  const size = /^size (\d+)$/m.exec(text);
  if (!oid || !size) return void 0;
  return { sha256: oid[1], size: Number(size[1]) };
}
function readLfsPointer(abs) {
  let fd;
  try {
    const st = statSync4(abs);
    if (!st.isFile() || st.size >= MAX_POINTER_BYTES) return void 0;
    fd = openSync(abs, "r");
    const buf = Buffer.alloc(st.size);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return parseLfsPointer(buf.subarray(0, n).toString("utf8"));
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/storage/gcs.ts
var loaded;
function sdk() {
  loaded ??= import("./src-MJYV43IQ.js").then(
    (m) => m.Storage ? m : m.default
  );
  return loaded;
}
var clients = /* @__PURE__ */ new Map();
function client(env) {
  const endpoint = env.STORAGE_EMULATOR_HOST || void 0;
  const key = endpoint ?? "";
  let c = clients.get(key);
  if (!c) {
    c = sdk().then(
      ({ Storage }) => new Storage({ ...endpoint ? { apiEndpoint: endpoint } : {}, retryOptions: { autoRetry: false } })
    );
    clients.set(key, c);
  }
  return c;
}
var CHAIN = "Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, `gcloud auth application-default login`, the metadata server, or in Actions google-github-actions/auth with workload identity federation)";
var GcsObject = class {
  constructor(name, bucket, key, env) {
    this.name = name;
    this.bucket = bucket;
    this.key = key;
    this.env = env;
  }
  name;
  bucket;
  key;
  env;
  /** Size, and the MD5 (hex) Cloud Storage keeps for an object written in one piece; never a SHA-256. */
  async head() {
    const file = (await client(this.env)).bucket(this.bucket).file(this.key);
    try {
      const [md] = await file.getMetadata();
      const size = typeof md.size === "string" || typeof md.size === "number" ? Number(md.size) : void 0;
      const md5 = typeof md.md5Hash === "string" ? Buffer.from(md.md5Hash, "base64") : void 0;
      return {
        size: Number.isSafeInteger(size) ? size : void 0,
        ...md5?.length === 16 ? { md5: md5.toString("hex") } : {}
      };
    } catch (err) {
      throw this.explain(err);
    }
  }
  /**
   * The bytes from `start` on, by objects.get with alt=media (the JSON API's download): a resumed read names the
   * generation the first read got (`version`) and sends a Range header, so a replaced object answers 404 rather than
   * other bytes, and is read again from the start. The request carries the client's credentials (its ADC auth
   * client; none for an emulator) and is sent with Node's fetch: the client's own createReadStream warns of an
   * EventEmitter leak on every download (MaxListenersExceededWarning, googleapis/google-cloud-node#9185, open at
   * @google-cloud/storage 8.x).
   */
  async read(start = 0, version, end) {
    const resume = start > 0 && version !== void 0 || end !== void 0;
    const storage = await client(this.env);
    const url = new URL(
      `${storage.apiEndpoint}/storage/v1/b/${encodeURIComponent(this.bucket)}/o/${encodeURIComponent(this.key)}`
    );
    url.searchParams.set("alt", "media");
    if (version) url.searchParams.set("generation", version);
    const headers = new Headers(this.env.STORAGE_EMULATOR_HOST ? {} : await this.credentials(storage, url));
    if (resume) headers.set("range", `bytes=${start}-${end === void 0 ? "" : end - 1}`);
    let res;
    try {
      res = await fetch(url, { headers });
    } catch (err) {
      const cause = err.cause;
      throw new NetworkError(
        `cannot reach Cloud Storage for ${this.name}: ${cause?.code ?? cause?.message ?? err.message}`
      );
    }
    if (!res.ok || !res.body) {
      const message = await errorMessage(res);
      if (resume && version !== void 0 && res.status === 404) return this.read(0, void 0, end);
      throw this.explain({ code: res.status, message });
    }
    const range = res.headers.get("content-range");
    const ranged = resume && res.status === 206 && range?.startsWith(`bytes ${start}-`) === true;
    return {
      body: res.body,
      start: ranged ? start : 0,
      version: res.headers.get("x-goog-generation") ?? version
    };
  }
  /** The Authorization header of the client's credentials (Application Default Credentials). */
  async credentials(storage, url) {
    try {
      return await storage.authClient.getRequestHeaders(url);
    } catch (err) {
      throw this.explain(err);
    }
  }
  /** The client's failure as modelgate says it: what, which object, and what to do. */
  explain(err) {
    const e = err;
    const code = status(err);
    const message = e.message ?? String(err);
    if (code === 404)
      return /bucket/i.test(message) ? new UserError(`${this.name}: the bucket ${this.bucket} does not exist (Cloud Storage answered 404)`) : new UserError(`${this.name} does not exist (Cloud Storage answered 404); check the bucket and object name`);
    if (code === 401 || code === 403)
      return new UserError(
        `${this.name}: Cloud Storage refused access (${code}: ${message}); give the identity of ${CHAIN} the storage.objects.get permission on the object`
      );
    if (/default credentials|could not load the default|GOOGLE_APPLICATION_CREDENTIALS/i.test(message))
      return new UserError(
        `${this.name}: no usable Google Cloud credentials (${message.split("\n")[0]}); provide them through ${CHAIN}`
      );
    if (code !== void 0 && code >= 400 && code < 500 && code !== 408 && code !== 429)
      return new UserError(`${this.name}: Cloud Storage answered ${code} (${message})`);
    return new NetworkError(`cannot read ${this.name}: ${message}`);
  }
};
function status(err) {
  const c = err?.code;
  return typeof c === "number" ? c : typeof c === "string" && /^\d{3}$/.test(c) ? Number(c) : void 0;
}
async function errorMessage(res) {
  const text = await res.text().catch(() => "");
  try {
    const m = JSON.parse(text).error?.message;
    if (typeof m === "string" && m) return m;
  } catch {
  }
  return `${res.status} ${res.statusText}`.trim();
}

// src/storage/s3.ts
var loaded2;
function sdk2() {
  loaded2 ??= import("./dist-cjs-USJV4RJS.js").then(
    (m) => m.S3Client ? m : m.default
  );
  return loaded2;
}
var clients2 = /* @__PURE__ */ new Map();
async function client2(opts) {
  const env = opts.env ?? process.env;
  const endpoint = opts.endpoint ?? (env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || void 0);
  const key = `${endpoint ?? ""}|${opts.forcePathStyle ? 1 : 0}`;
  let c = clients2.get(key);
  if (!c) {
    c = (async () => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
      const { S3Client } = await sdk2();
      const base = {
        forcePathStyle: opts.forcePathStyle,
        followRegionRedirects: true,
        ...endpoint ? { endpoint } : {}
      };
      const first = new S3Client(base);
      try {
        await first.config.region();
        return first;
      } catch {
        first.destroy();
        return new S3Client({ ...base, region: "us-east-1" });
      }
    })();
    clients2.set(key, c);
  }
  return c;
}
function forcePathStyle(env, setting) {
  const v = env.MODELGATE_S3_FORCE_PATH_STYLE?.trim().toLowerCase();
  if (v === "1" || v === "true") return true;
  if (v === "0" || v === "false") return false;
  return setting ?? false;
}
var S3Object = class {
  constructor(name, bucket, key, opts) {
    this.name = name;
    this.bucket = bucket;
    this.key = key;
    this.opts = opts;
  }
  name;
  bucket;
  key;
  opts;
  async head() {
    const { HeadObjectCommand } = await sdk2();
    const c = await client2(this.opts);
    try {
      const r = await c.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key, ChecksumMode: "ENABLED" }));
      return { size: r.ContentLength, sha256: trustedSha256(r.ChecksumSHA256, r.ChecksumType) };
    } catch (err) {
      throw this.explain(err);
    }
  }
  async read(start = 0, version, end) {
    const { GetObjectCommand } = await sdk2();
    const c = await client2(this.opts);
    const resume = start > 0 && version !== void 0 || end !== void 0;
    const range = `bytes=${start}-${end === void 0 ? "" : end - 1}`;
    try {
      const r = await c.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.key,
          ...resume ? { Range: range } : {},
          ...resume && version ? { IfMatch: version } : {}
        })
      );
      if (!r.Body) throw new NetworkError(`${this.name}: the store sent no body`);
      const ranged = resume && typeof r.ContentRange === "string" && r.ContentRange.startsWith(`bytes ${start}-`);
      const size = ranged ? void 0 : r.ContentLength;
      return { body: r.Body, start: ranged ? start : 0, version: r.ETag, size };
    } catch (err) {
      throw this.explain(err);
    }
  }
  /** The SDK's failure as modelgate says it: what, which object, and what to do. */
  explain(err) {
    const e = err;
    const status2 = e.$metadata?.httpStatusCode;
    const chain = "the AWS SDK's default credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, SSO, or a web-identity role: aws-actions/configure-aws-credentials in Actions)";
    if (e.name === "NoSuchKey" || e.name === "NotFound" || status2 === 404)
      return new UserError(`${this.name} does not exist (the store answered 404); check the bucket and key`);
    if (e.name === "NoSuchBucket") return new UserError(`${this.name}: the bucket ${this.bucket} does not exist`);
    if (e.name === "CredentialsProviderError")
      return new UserError(`${this.name}: no AWS credentials found; provide them through ${chain}`);
    if (status2 === 403 || e.name === "AccessDenied" || e.name === "InvalidAccessKeyId" || e.name === "SignatureDoesNotMatch")
      return new UserError(
        `${this.name}: the store refused access (${e.name ?? status2}); give the credentials of ${chain} read access to the object`
      );
    if (e.name === "PreconditionFailed" || status2 === 412)
      return new NetworkError(`${this.name} changed while it was being read`);
    if (status2 !== void 0 && status2 < 500 && status2 !== 429)
      return new UserError(`${this.name}: the store answered ${status2} (${e.name}: ${e.message})`);
    return new NetworkError(`cannot read ${this.name}: ${e.name ?? "error"}: ${e.message ?? String(err)}`);
  }
};
function trustedSha256(checksum, type) {
  if (!checksum || type === "COMPOSITE" || checksum.includes("-")) return void 0;
  const bytes = Buffer.from(checksum, "base64");
  return bytes.length === 32 ? bytes.toString("hex") : void 0;
}

// src/storage/source.ts
function storageContext(ws) {
  return {
    env: ws.env,
    io: ws.io,
    s3ForcePathStyle: ws.repo.config.spec.storage?.s3?.forcePathStyle,
    get git() {
      return ws.git;
    }
  };
}
function resolveSource(root, dir, path) {
  const location = parseLocation(path);
  if (location.kind === "file") return { kind: "file", path, ...resolveInside(root, dir, path) };
  if (location.kind === "dvc") {
    const r = resolveInside(root, dir, location.file);
    if (r.error) return { kind: "file", path, abs: r.abs, error: r.error };
  }
  return { kind: "remote", path, location, dir, root };
}
function isRemote(path) {
  return parseLocation(path).kind !== "file";
}
async function localFile(ctx, src, pin, opts = {}) {
  if (src.kind === "file") {
    if (src.error) throw new UserError(src.error);
    if (existsSync3(src.abs)) {
      const pulled = await workTreeContent(ctx, src);
      return { file: src.abs, via: pulled ? "git lfs" : "work tree" };
    }
    return { file: src.abs, via: "work tree" };
  }
  if (!pin.sha256 && !opts.unpinned)
    throw new UserError(
      `${src.path} is not pinned: a remote file needs the sha256 of its bytes in the manifest; run \`modelgate lock\``
    );
  if (src.location.kind === "dvc") return dvcFile(ctx, src, src.location, pin, opts.stream);
  if (opts.part && pin.sha256 && !cachedEntry(cacheDir(ctx.env), pin.sha256, pin.size)) {
    const blocks = opts.part.blocks;
    if (blocks?.sha256 && pin.size !== void 0) {
      const pinned = { size: blocks.size, sha256: blocks.sha256 };
      return blocksFile(ctx, objectFor(ctx, src.location.url), src.path, pin.sha256, pin.size, pinned);
    }
    ctx.io?.err(
      `${src.path}: the manifest has no spec.blocks digests${blocks?.sha256 ? " (nor spec.sizeBytes)" : ""}, so this shard downloads the whole object to check its sha256; \`modelgate lock\` with spec.blocks (e.g. blocks: {size: 67108864}) lets each shard fetch only its blocks
`
    );
  }
  return fetched(objectFor(ctx, src.location.url), pin, ctx, void 0, opts.stream);
}
function blocksFile(ctx, obj, label, sha256, size, blocks) {
  const problem = blockPinProblem(blocks, size);
  if (problem) throw new UserError(`${label}: ${problem}`);
  const cache = cacheDir(ctx.env);
  mkdirSync(join3(cache, "tmp"), { recursive: true });
  const file = join3(cache, "tmp", `${process.pid}-${randomBytes2(6).toString("hex")}.blocks-${basename(label)}`);
  writeFileSync(file, "");
  const reader = new BlockFile(obj, label, size, blocks, cache, ctx.io);
  const stop = serveData(file, reader);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    stop();
    placeholders.delete(file);
    rmSync2(file, { force: true });
    ctx.io?.err(`${reader.summary()}
`);
  };
  placeholders.add(file);
  return { file, via: "download", sha256, arriving: { arrival: Promise.resolve(sha256), abort: end } };
}
var placeholders = /* @__PURE__ */ new Set();
process.once("exit", () => {
  for (const f of placeholders) rmSync2(f, { force: true });
});
async function fetched(obj, expected, ctx, label, stream) {
  if (!stream) {
    const got2 = await download(obj, expected, ctx.env, ctx.io, label);
    return { file: got2.file, via: got2.downloaded ? "download" : "cache", sha256: got2.sha256 };
  }
  const got = await downloadStreaming(obj, expected, ctx.env, ctx.io, label, stream === "footer-first");
  if ("sha256" in got) return { file: got.file, via: "cache", sha256: got.sha256 };
  const arrival = got.done.then((d) => d.sha256);
  arrival.catch(() => void 0);
  return { file: got.file, via: "download", arriving: { arrival, abort: got.abort } };
}
async function workTreeContent(ctx, src) {
  const pointer = readLfsPointer(src.abs);
  if (!pointer) return false;
  const rel = ctx.git ? relative2(ctx.git.dir, src.abs).split(sep2).join("/") : src.path;
  const command = `git lfs install && git lfs pull --include="${rel}"`;
  const what = `${src.path} is a git-lfs pointer (oid sha256:${pointer.sha256}, ${pointer.size.toLocaleString("en-US")} bytes), not the file itself`;
  if (!ctx.git || !await lfsVersion(ctx.git))
    throw new UserError(`${what}, and git-lfs is not installed here; install it and fetch the file: ${command}`);
  ctx.io?.err(`${src.path}: a git-lfs pointer; fetching it with git lfs pull
`);
  try {
    await lfsPull(ctx.git, [rel]);
  } catch (err) {
    throw new UserError(
      `${what}; \`git lfs pull\` failed (${err.message.trim()}); fetch it with: ${command}`
    );
  }
  if (readLfsPointer(src.abs))
    throw new UserError(
      `${what}; git lfs pull did not replace it (is the object on the LFS server?); fetch it with: ${command}`
    );
  return true;
}
function objectFor(ctx, url, endpoint) {
  const loc = parseLocation(url);
  if (loc.kind !== "object") return new FileObject(url);
  if (loc.scheme === "s3") {
    return new S3Object(url, loc.bucket, loc.key, {
      forcePathStyle: forcePathStyle(ctx.env, ctx.s3ForcePathStyle),
      endpoint,
      env: ctx.env
    });
  }
  if (loc.scheme === "gs") return new GcsObject(url, loc.bucket, loc.key, ctx.env);
  return new HttpObject(url);
}
async function hashFile(abs) {
  const sha = createHash3("sha256");
  const md5 = createHash3("md5");
  const lf = new Dos2UnixMd5();
  let size = 0;
  const fh = await open4(abs, "r");
  try {
    const buf = Buffer.allocUnsafe(4 << 20);
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const b = buf.subarray(0, bytesRead);
      sha.update(b);
      md5.update(b);
      lf.update(b);
      size += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return { sha256: sha.digest("hex"), md5: md5.digest("hex"), md5Lf: lf.digest(), size };
}
function md5Matches(out, h) {
  return h.md5 === out.md5 || !out.dvc3 && h.md5Lf === out.md5;
}
async function dvcFile(ctx, src, loc, pin, stream) {
  const out = readDvcOutput(src.dir, loc.file, loc.out, src.path);
  const expected = { sha256: pin.sha256, size: out.size ?? pin.size, md5: out.md5, md5Dos2Unix: !out.dvc3 };
  const refuseSha = (sha256, where) => {
    if (pin.sha256 && sha256 !== pin.sha256)
      throw new CheckFailed(
        `${src.path}: ${where} has sha256 ${sha256}, not the ${pin.sha256} the manifest pins; if the new data is intended, run \`modelgate lock\``
      );
  };
  if (existsSync3(out.workTree) && !readLfsPointer(out.workTree)) {
    const h = await hashFile(out.workTree);
    if (!md5Matches(out, h))
      throw new UserError(
        `${src.path}: ${relative2(src.root, out.workTree)} in the work tree has md5 ${h.md5}, not the ${out.md5} that ${loc.file} records; run \`dvc checkout\` to restore it, or \`dvc add\`/\`dvc commit\` if the change is intended`
      );
    refuseSha(h.sha256, `the file in the work tree`);
    return { file: out.workTree, via: "dvc work tree", sha256: h.sha256 };
  }
  const inDvcCache = `${dvcCacheDir(out.project)}/${objectPath(out)}`;
  if (existsSync3(inDvcCache)) {
    const h = await hashFile(inDvcCache);
    if (md5Matches(out, h)) {
      refuseSha(h.sha256, "DVC's cache");
      return { file: inDvcCache, via: "dvc cache", sha256: h.sha256 };
    }
  }
  const hit = pin.sha256 ? await verifiedEntry(cacheDir(ctx.env), pin.sha256, expected.size) : void 0;
  if (hit) return { file: hit, via: "cache", sha256: pin.sha256 };
  const remote = remoteOf(out, src.path);
  const url = `${remote.url}/${objectPath(out)}`;
  return fetched(objectFor(ctx, url, remote.endpoint), expected, ctx, `${src.path} (${url})`, stream);
}
async function remoteDigest(ctx, src, pin) {
  const dir = cacheDir(ctx.env);
  if (pin.sha256 && cachedEntry(dir, pin.sha256, pin.size)) {
    if (await verifiedEntry(dir, pin.sha256, pin.size)) return { sha256: pin.sha256, size: pin.size, how: "cache" };
  }
  if (src.location.kind !== "object" || src.location.scheme !== "s3") return void 0;
  const head = await objectFor(ctx, src.location.url).head();
  if (pin.size !== void 0 && head.size !== void 0 && head.size !== pin.size)
    return { size: head.size, how: "checksum" };
  return head.sha256 ? { sha256: head.sha256, size: head.size, how: "checksum" } : void 0;
}
async function currentFile(ctx, src, pin) {
  if (src.kind === "file" || !pin.sha256) return localFile(ctx, src, {}, { unpinned: true });
  if (src.location.kind === "object") {
    const head = await objectFor(ctx, src.location.url).head();
    const cached = head.md5 !== void 0 ? await cachedMd5(ctx.env, pin) : void 0;
    const changed = pin.size !== void 0 && head.size !== void 0 && head.size !== pin.size || head.sha256 !== void 0 && head.sha256 !== pin.sha256 || cached !== void 0 && cached !== head.md5;
    if (changed) return localFile(ctx, src, {}, { unpinned: true });
  }
  try {
    return await localFile(ctx, src, { sha256: pin.sha256 }, {});
  } catch (err) {
    if (err instanceof CheckFailed) return localFile(ctx, src, {}, { unpinned: true });
    throw err;
  }
}
async function cachedMd5(env, pin) {
  const file = cachedCopy(env, pin);
  return file ? (await hashFile(file)).md5 : void 0;
}
async function workTreeDigest(abs) {
  return readLfsPointer(abs)?.sha256 ?? await sha256File(abs);
}
function cachedCopy(env, pin) {
  return pin.sha256 ? cachedEntry(cacheDir(env), pin.sha256, pin.size) : void 0;
}

export {
  cacheDir,
  DEFAULT_BLOCK_BYTES,
  blockDigests,
  blocksProblem,
  storageContext,
  resolveSource,
  isRemote,
  localFile,
  remoteDigest,
  currentFile,
  workTreeDigest,
  cachedCopy
};
