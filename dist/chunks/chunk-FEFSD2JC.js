import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/data/read-source.ts
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
var GROWING = /\.(\d+)\.reading$/;
function growingName(temp, size) {
  return `${temp}.${size}.reading`;
}
function parseGrowing(path) {
  const m = GROWING.exec(path);
  return m ? { temp: path.slice(0, m.index), size: Number(m[1]) } : void 0;
}
var tails = /* @__PURE__ */ new Map();
function provideTail(name, start, bytes) {
  tails.set(name, { start, bytes });
}
function forgetTail(name) {
  tails.delete(name);
}
var POLL_MS = 2;
var DigestTap = class {
  constructor(path) {
    this.path = path;
  }
  path;
  hash = createHash("sha256");
  /** Bytes hashed so far: [0, hashed) of the file. */
  hashed = 0;
  /** A read at `hashed` found the end of the file: every byte was hashed, in order (finish reads nothing more). */
  ended = false;
  /** Bytes [pos, pos + bytes.length) were read: hashes the part that continues the hashed ones. */
  offer(pos, bytes) {
    const end = pos + bytes.length;
    if (pos > this.hashed || end <= this.hashed) return;
    this.hash.update(bytes.subarray(this.hashed - pos));
    this.hashed = end;
  }
  /** Hashes what was not read in order, and returns the digest of the whole file (once). */
  async finish() {
    taps.delete(this.path);
    if (this.ended) return this.hash.digest("hex");
    const fh = await open(this.path, "r");
    try {
      const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
      for (; ; ) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, this.hashed);
        if (bytesRead === 0) break;
        this.offer(this.hashed, buf.subarray(0, bytesRead));
      }
    } finally {
      await fh.close();
    }
    return this.hash.digest("hex");
  }
};
var taps = /* @__PURE__ */ new Map();
function tapDigest(path) {
  const tap = new DigestTap(path);
  taps.set(path, tap);
  return tap;
}
function dropTap(path) {
  taps.delete(path);
}
var served = /* @__PURE__ */ new Map();
function serveData(path, reader) {
  served.set(path, reader);
  return () => {
    if (served.get(path) === reader) served.delete(path);
  };
}
function isServed(path) {
  return served.has(path);
}
async function openData(path) {
  const reader = served.get(path);
  if (reader) return { ...bound(reader), close: async () => void 0 };
  const fh = await open(path, "r");
  const growing = parseGrowing(path);
  const tap = taps.get(path);
  if (tap) taps.delete(path);
  if (!growing && !tap) return fh;
  return new DataHandle(fh, tap, growing, path);
}
function bound(r) {
  return { read: r.read.bind(r), stat: r.stat.bind(r), close: r.close.bind(r) };
}
var DataHandle = class {
  constructor(fh, tap, growing, name) {
    this.fh = fh;
    this.tap = tap;
    this.growing = growing;
    this.name = name;
  }
  fh;
  tap;
  growing;
  name;
  async read(buffer, offset, length, position) {
    if (!this.growing || position === null) return this.readOnce(buffer, offset, length, position);
    const want = Math.max(0, Math.min(length, this.growing.size - position));
    let got = 0;
    while (got < want) {
      const r = await this.readOnce(buffer, offset + got, want - got, position + got);
      if (r.bytesRead === 0) break;
      got += r.bytesRead;
    }
    return { bytesRead: got, buffer };
  }
  async readOnce(buffer, offset, length, position) {
    for (; ; ) {
      const tail = this.growing && position !== null ? tails.get(this.name) : void 0;
      if (tail && position >= tail.start && position + length <= tail.start + tail.bytes.length) {
        buffer.set(tail.bytes.subarray(position - tail.start, position - tail.start + length), offset);
        return { bytesRead: length, buffer };
      }
      const r = await this.fh.read(buffer, offset, length, position);
      if (r.bytesRead > 0 || length === 0 || !this.growing || position === null || position >= this.growing.size) {
        if (this.tap && position !== null && r.bytesRead > 0)
          this.tap.offer(position, buffer.subarray(offset, offset + r.bytesRead));
        else if (this.tap && position === this.tap.hashed && length > 0) this.tap.ended = true;
        return r;
      }
      if ((await this.fh.stat()).size > position) continue;
      if (!existsSync(this.growing.temp)) {
        if ((await this.fh.stat()).size > position) continue;
        throw new Error(`the download ended at byte ${(await this.fh.stat()).size} of ${this.growing.size}`);
      }
      await sleep(POLL_MS);
    }
  }
  async stat() {
    if (this.growing) return { size: this.growing.size };
    return this.fh.stat();
  }
  close() {
    return this.fh.close();
  }
};

export {
  growingName,
  provideTail,
  forgetTail,
  tapDigest,
  dropTap,
  serveData,
  isServed,
  openData
};
