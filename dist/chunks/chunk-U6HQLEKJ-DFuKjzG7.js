import { createRequire } from 'node:module';
import { P as Progress } from './chunk-YK35P24K-BysRypHz.js';
import { s as sha256File, m as growingName, n as forgetTail, p as provideTail, q as sha256Bytes } from './hot-validate-Cbhe7qur.js';
import { w as withRetry } from './chunk-DFUR2YEO-CrRpRbga.js';
import { C as CheckFailed, U as UserError, M as ModelgateError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { createHash, randomBytes } from 'node:crypto';
import { rm, mkdir, open, rename, readdir, stat, link, readFile } from 'node:fs/promises';
import { statSync, existsSync, createReadStream, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const require$1 = createRequire(import.meta.url);
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
var FileObject = class {
  constructor(name) {
    this.name = name;
  }
  name;
  async head() {
    try {
      return { size: statSync(this.name).size };
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
  const fh = await open(file, "r");
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
  const size = new Promise((resolve) => {
    answered = resolve;
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
  const fh = await open(file, "r");
  const out = [];
  try {
    const buf = Buffer.allocUnsafe(Math.min(blockSize, 4 << 20));
    let h = createHash("sha256");
    let inBlock = 0;
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, blockSize - inBlock), null);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
      inBlock += bytesRead;
      if (inBlock === blockSize) {
        out.push(h.digest("hex"));
        h = createHash("sha256");
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
      await rm(hit, { force: true });
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

export { BlockFile as B, Dos2UnixMd5 as D, FileObject as F, HttpObject as H, NetworkError as N, cacheDir as a, blockPinProblem as b, cachedEntry as c, download as d, downloadStreaming as e, DEFAULT_BLOCK_BYTES as f, blockDigests as g, blocksProblem as h, BlockMismatch as i, blockCount as j, verifiedEntry as v };
