import { createHash } from "node:crypto";
import type { FileHandle } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { readSegmentsInto, type Segment } from "./blob.ts";
import { crc32, crc32Js } from "./crc32.ts";
import { type Ops, Stream } from "./hash-ops.ts";
import { hashThreadsFor, LayerHasher } from "./layer-hash.ts";

export { crc32, crc32Js };

/**
 * A gzip layer that every machine writes byte for byte the same: RFC 1952 with no file name, no mtime, XFL 0 and
 * OS 255 ("unknown") in the header, and the deflate stream in stored blocks (level 0, RFC 1951 §3.2.4). A compressing
 * deflater gives bytes that depend on its implementation (Node's zlib, Chromium's, already writes other bytes than the
 * system's zlib for the same input and level, and picks its hash function by CPU features), so another digest for the
 * same model on another machine; stored blocks depend on nothing but the input. `skopeo copy` with its defaults keeps
 * a gzip layer as it is, where it compresses an uncompressed tar and so changes the image's digest. The cost is the
 * compression forgone: 5 bytes per 64 KiB block, and 18 of header and trailer.
 */

const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);
/** The largest stored block (LEN is 16 bits). */
const BLOCK = 0xffff;

function trailer(crc: number, size: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(crc >>> 0, 0);
  b.writeUInt32LE(size % 2 ** 32, 4);
  return b;
}

/** How many stored blocks hold `size` bytes (an empty input still has one, final and empty). */
function blocks(size: number): number {
  return Math.max(1, Math.ceil(size / BLOCK));
}

/** The size of the gzip member of `size` bytes. */
export function storedGzipSize(size: number): number {
  return HEADER.byteLength + size + 5 * blocks(size) + 8;
}

/** Where each segment starts in the tar, and its size. */
function layoutOf(segments: Segment[]): { at: number; size: number; file?: string }[] {
  let at = 0;
  return segments.map((seg) => {
    const size = seg instanceof Uint8Array ? seg.byteLength : seg.size;
    const entry = { at, size, ...(seg instanceof Uint8Array ? {} : { file: seg.file }) };
    at += size;
    return entry;
  });
}

/** What one read of the layer learns: the layer digest, the diff id, the CRC-32 and each file's sha256. */
export interface LayerDigests {
  /** sha256 of the gzip member: the layer descriptor's digest. */
  digest: string;
  /** sha256 of the uncompressed tar: the layer's diff_id in the image config. */
  diffId: string;
  /** CRC-32 of the tar (the gzip trailer's). */
  crc: number;
  /** sha256 (hex) of each file segment, by path. */
  files: Map<string, string>;
}

/** Stored blocks per chunk read and sent: 64, so about 4 MiB at a time. */
const CHUNK_BLOCKS = 64;
/** A stored block in the member: its 5-byte header and up to BLOCK bytes. */
const SPAN = BLOCK + 5;
/** How many chunks may wait for the hashing threads before reading waits for them. */
const HASH_BACKLOG = 8;

/** A run of the member's bytes in a chunk buffer, and what to call when the buffer may be reused. */
interface Chunk {
  bytes: Uint8Array;
  release(): void;
}

/** A chunk buffer filled with blocks: where it sits in the member and in the tar. */
interface Filled {
  slot: Uint8Array;
  /** Bytes of the slot in use. */
  len: number;
  gzAt: number;
  firstBlock: number;
  lastBlock: number;
}

const noop = () => {};

/** Waits until `dest` takes more (or ends). */
function drained(dest: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      dest.off("drain", done);
      dest.off("close", done);
      dest.off("error", done);
      resolve();
    };
    dest.on("drain", done);
    dest.on("close", done);
    dest.on("error", done);
  });
}

/**
 * The model layer as a gzip member of stored blocks, streamed from its segments (the tar's headers in memory and its
 * files on disk) from any offset. The bytes never depend on the digests, so the layer can be sent before its digest is
 * known: the first read of it in order, whether into a layout, an upload or nothing, hashes it (the layer digest, the
 * diff id and each file's sha256, each byte once), and `digests` is set when the last byte has passed. With `known`
 * (from a cache, or an earlier read), the digests are there from the start.
 *
 * The tar is read in chunks of 64 blocks, each with one `readv` straight into a buffer laid out as the member is (a
 * gap of 5 bytes before each block for its header), so a chunk is sent as one write. The hashes of a large layer run
 * in a worker thread over the same buffers, block by block (src/oci/layer-hash.ts); `writeTo` reuses a buffer once the destination
 * has taken it and the hashes have read it.
 */
export class GzipLayer {
  readonly size: number;
  digests?: LayerDigests;
  private readonly tarSize: number;
  private readonly parts: { at: number; size: number; file?: string }[];
  private readonly hashThreads: number;
  private hasher?: LayerHasher;
  /** How far the member and the tar have been hashed, in order; a read that skipped ahead ends the hashing. */
  private gzTo = 0;
  private tarTo = 0;
  private gap = false;
  private readonly pool: Uint8Array[] = [];

  constructor(
    readonly mediaType: string,
    private readonly segments: Segment[],
    known?: LayerDigests,
    opts: { hashThreads?: number } = {},
  ) {
    this.parts = layoutOf(segments);
    this.tarSize = this.parts.reduce((s, p) => s + p.size, 0);
    this.size = storedGzipSize(this.tarSize);
    this.digests = known;
    this.hashThreads = opts.hashThreads ?? hashThreadsFor(this.tarSize);
  }

  /** The digest when known, else "" (the layer has not been read whole yet). */
  get digest(): string {
    return this.digests?.digest ?? "";
  }

  /** The gzip bytes [start, end) as a stream; the first read in order hashes them. */
  open(start = 0, end = this.size): Readable {
    const chunks = this.chunks(start, end, false);
    return Readable.from(
      (async function* () {
        for await (const c of chunks) yield c.bytes;
      })(),
      { objectMode: false },
    );
  }

  /**
   * Writes the gzip bytes [start, end) into `dest` (not ending it), each chunk's buffer reused once `dest` has taken
   * it; the first write in order hashes them. Stops, resolving, when `dest` is destroyed or `signal` aborts. `dest`
   * must be done with a chunk when it calls back, as a socket or a file is (not a PassThrough, which hands it on).
   */
  async writeTo(dest: Writable, start = 0, end = this.size, onBytes?: (n: number) => void, signal?: AbortSignal) {
    for await (const c of this.chunks(start, end, true)) {
      if (dest.destroyed || signal?.aborted) {
        c.release();
        return;
      }
      onBytes?.(c.bytes.byteLength);
      if (!dest.write(c.bytes, () => c.release())) await drained(dest);
    }
  }

  /** Reads the layer whole (for its digests alone) unless they are known. */
  async hash(): Promise<LayerDigests> {
    if (!this.digests) for await (const c of this.chunks(this.gzTo, this.size, true)) c.release();
    if (!this.digests) throw new Error("the model layer was read out of order; its digest is not known");
    return this.digests;
  }

  /** The part of [at, at + len) not hashed yet, as [skip, length], after which `to` is at + len; undefined if none. */
  private fresh(kind: "gz" | "tar", at: number, len: number): [number, number] | undefined {
    const to = kind === "gz" ? this.gzTo : this.tarTo;
    if (at > to) {
      this.gap = true;
      this.hasher?.close();
      this.hasher = undefined;
      return undefined;
    }
    const skip = to - at;
    if (skip >= len) return undefined;
    if (kind === "gz") this.gzTo = at + len;
    else this.tarTo = at + len;
    return [skip, len - skip];
  }

  private hashing(): boolean {
    return !this.digests && !this.gap;
  }

  /** Feeds bytes at member offset `gzAt` (the gzip header or trailer, in memory) to the member's hash. */
  private feedSmall(bytes: Uint8Array, gzAt: number): void {
    if (!this.hashing()) return;
    const f = this.fresh("gz", gzAt, bytes.byteLength);
    if (!f || !this.hashing()) return;
    this.hasher ??= new LayerHasher(this.hashThreads);
    this.hasher.feed(bytes, [Stream.GZ, f[0], f[1]], noop);
  }

  /** The hash ops of a filled chunk: the member's bytes, and each block's tar bytes into the tar, CRC and files. */
  private opsOf(c: Filled): Ops {
    const ops: Ops = [];
    const gz = this.fresh("gz", c.gzAt, c.len);
    if (!this.hashing()) return [];
    // block by block, each hash in turn, while the block is in the CPU's cache
    const [gzFrom, gzTo] = gz ? [gz[0], gz[0] + gz[1]] : [0, 0];
    let off = 0;
    for (let b = c.firstBlock; b <= c.lastBlock; b++) {
      const tarAt = b * BLOCK;
      const len = Math.min(BLOCK, this.tarSize - tarAt);
      const g0 = Math.max(off, gzFrom);
      const g1 = Math.min(off + 5 + len, gzTo);
      if (g1 > g0) ops.push(Stream.GZ, g0, g1 - g0);
      const f = this.fresh("tar", tarAt, len);
      if (!this.hashing()) return [];
      if (f) {
        const [skip, n] = f;
        const from = tarAt + skip;
        const at = off + 5 + skip;
        ops.push(Stream.TAR, at, n, Stream.CRC, at, n);
        for (const [i, p] of this.parts.entries()) {
          if (!p.file || p.at + p.size <= from || p.at >= from + n) continue;
          const a = Math.max(p.at, from);
          ops.push(Stream.FILE + i, at + (a - from), Math.min(p.at + p.size, from + n) - a);
        }
      }
      off += 5 + len;
    }
    return ops;
  }

  /** A buffer for a chunk: a reused one, or a new one (shared memory when threads hash it). */
  private take(recycle: boolean): Uint8Array {
    const shared = this.hashing() && this.hashThreads > 0;
    const reused = recycle ? this.pool.pop() : undefined;
    if (reused && (!shared || reused.buffer instanceof SharedArrayBuffer)) return reused;
    const bytes = CHUNK_BLOCKS * SPAN;
    return shared ? new Uint8Array(new SharedArrayBuffer(bytes)) : Buffer.allocUnsafeSlow(bytes);
  }

  /** Blocks [first, last] read into a chunk buffer, each after its stored-block header. */
  private async fill(first: number, last: number, recycle: boolean, handles: Map<string, FileHandle>): Promise<Filled> {
    const n = blocks(this.tarSize);
    const slot = this.take(recycle);
    const views: Uint8Array[] = [];
    let off = 0;
    for (let b = first; b <= last; b++) {
      const len = Math.min(BLOCK, this.tarSize - b * BLOCK);
      slot[off] = b === n - 1 ? 1 : 0; // BFINAL, BTYPE 00 (stored), then padding to the byte boundary
      slot[off + 1] = len & 0xff;
      slot[off + 2] = len >>> 8;
      slot[off + 3] = ~len & 0xff;
      slot[off + 4] = (~len >>> 8) & 0xff;
      views.push(slot.subarray(off + 5, off + 5 + len));
      off += 5 + len;
    }
    await readSegmentsInto(this.segments, first * BLOCK, views, handles);
    return { slot, len: off, gzAt: HEADER.byteLength + first * SPAN, firstBlock: first, lastBlock: last };
  }

  private settle(d: { gz: string; tar: string; crc: number; files: Map<number, string> }): void {
    const files = new Map<string, string>();
    const empty = createHash("sha256").digest("hex");
    for (const [i, p] of this.parts.entries()) if (p.file) files.set(p.file, d.files.get(i) ?? empty);
    this.digests = { digest: `sha256:${d.gz}`, diffId: `sha256:${d.tar}`, crc: d.crc, files };
  }

  /**
   * The gzip bytes [start, end), in chunks: the header, the blocks that overlap the range (read a chunk ahead), then
   * the trailer, each cut to the range.
   */
  private async *chunks(start: number, end: number, recycle: boolean): AsyncGenerator<Chunk> {
    const cut = (bytes: Uint8Array, at: number) =>
      bytes.subarray(Math.max(start - at, 0), Math.max(Math.min(end - at, bytes.byteLength), 0));
    const total = this.size;
    if (start < HEADER.byteLength) {
      this.feedSmall(HEADER, 0);
      const h = cut(HEADER, 0);
      if (h.byteLength) yield { bytes: h, release: noop };
    }
    const lo = Math.max(start, HEADER.byteLength);
    const hi = Math.min(end, total - 8);
    if (hi > lo) {
      const n = blocks(this.tarSize);
      const first = Math.min(n - 1, Math.floor((lo - HEADER.byteLength) / SPAN));
      const last = Math.min(n - 1, Math.floor((hi - 1 - HEADER.byteLength) / SPAN));
      const handles = new Map<string, FileHandle>();
      const next = async (b: number) => {
        if (this.hasher && this.hashing()) await this.hasher.room(HASH_BACKLOG);
        return this.fill(b, Math.min(last, b + CHUNK_BLOCKS - 1), recycle, handles);
      };
      let ahead: Promise<Filled> | undefined = next(first);
      try {
        for (let b = first; b <= last; b += CHUNK_BLOCKS) {
          const c = (await ahead) as Filled;
          ahead = b + CHUNK_BLOCKS <= last ? next(b + CHUNK_BLOCKS) : undefined;
          ahead?.catch(noop);
          let refs = 1;
          const release = () => {
            if (--refs === 0 && recycle) this.pool.push(c.slot);
          };
          const ops = this.hashing() ? this.opsOf(c) : [];
          if (ops.length && this.hasher) {
            refs++;
            this.hasher.feed(c.slot.subarray(0, c.len), ops, release);
          }
          const bytes = cut(c.slot.subarray(0, c.len), c.gzAt);
          if (bytes.byteLength) yield { bytes, release };
          else release();
        }
      } finally {
        await ahead?.catch(noop);
        for (const fh of handles.values()) await fh.close();
      }
    }
    if (end > total - 8) {
      const t = trailer(await this.crc(), this.tarSize);
      this.feedSmall(t, total - 8);
      if (this.hasher && this.hashing() && this.gzTo === total) {
        const hasher = this.hasher;
        this.hasher = undefined;
        this.settle(await hasher.finish());
      }
      const b = cut(t, total - 8);
      if (b.byteLength) yield { bytes: b, release: noop };
    }
  }

  /** The CRC-32 for the trailer: known, or hashed by now (the trailer comes after every byte of the tar). */
  private async crc(): Promise<number> {
    if (this.digests) return this.digests.crc;
    if (this.gap || this.tarTo !== this.tarSize || !this.hasher) {
      throw new Error("the model layer was read out of order; its gzip trailer is not known");
    }
    return this.hasher.crc();
  }
}

/**
 * Reads the tar in `segments` once, hashing the tar (the diff id), each file in it, and the gzip member built from it
 * (the layer digest); the blob then streams that member from any offset, reading the files again.
 */
export async function storedGzipLayer(
  mediaType: string,
  segments: Segment[],
): Promise<{ blob: GzipLayer; diffId: string; files: Map<string, string> }> {
  const layer = new GzipLayer(mediaType, segments);
  const d = await layer.hash();
  return { blob: layer, diffId: d.diffId, files: d.files };
}
