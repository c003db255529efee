import { createHash, type Hash } from "node:crypto";
import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import { readSegments, type Segment } from "./blob.ts";

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

function blockHeader(len: number, final: boolean): Buffer {
  const b = Buffer.alloc(5);
  b[0] = final ? 1 : 0; // BFINAL, BTYPE 00 (stored), then padding to the byte boundary
  b.writeUInt16LE(len, 1);
  b.writeUInt16LE(~len & 0xffff, 3);
  return b;
}

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

let table: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as gzip uses) in JavaScript: for Node releases without zlib.crc32 (before 20.15). */
export function crc32Js(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~value >>> 0;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export function crc32(data: Uint8Array, value = 0): number {
  return nativeCrc32 ? nativeCrc32(data, value) : crc32Js(data, value);
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

/**
 * A hash fed bytes by position, each byte once and in order: a piece that starts before what was hashed gives only its
 * new bytes, so reading a range again (a retried or resumed upload) hashes nothing twice; a piece that starts after it
 * leaves a gap, after which the hash is never complete.
 */
class InOrder {
  to = 0;
  gap = false;
  constructor(private readonly update: (bytes: Uint8Array, at: number) => void) {}
  feed(at: number, bytes: Uint8Array): void {
    if (at > this.to) {
      this.gap = true;
      return;
    }
    const skip = this.to - at;
    if (skip >= bytes.byteLength) return;
    this.update(skip ? bytes.subarray(skip) : bytes, this.to);
    this.to = at + bytes.byteLength;
  }
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

/**
 * The model layer as a gzip member of stored blocks, streamed from its segments (the tar's headers in memory and its
 * files on disk) from any offset. The bytes never depend on the digests, so the layer can be sent before its digest is
 * known: the first read of it in order, whether into a layout, an upload or nothing, hashes it (the layer digest, the
 * diff id and each file's sha256, each byte once), and `digests` is set when the last byte has passed. With `known`
 * (from a cache, or an earlier read), the digests are there from the start.
 */
export class GzipLayer {
  readonly size: number;
  digests?: LayerDigests;
  private readonly tarSize: number;
  private readonly parts: { at: number; size: number; file?: string }[];
  private readonly tar = createHash("sha256");
  private readonly gz = createHash("sha256");
  private readonly own = new Map<number, Hash>();
  private crcValue = 0;
  private readonly tarOrder: InOrder;
  private readonly gzOrder: InOrder;

  constructor(
    readonly mediaType: string,
    private readonly segments: Segment[],
    known?: LayerDigests,
  ) {
    this.parts = layoutOf(segments);
    this.tarSize = this.parts.reduce((s, p) => s + p.size, 0);
    this.size = storedGzipSize(this.tarSize);
    this.digests = known;
    this.tarOrder = new InOrder((bytes, at) => {
      this.tar.update(bytes);
      this.crcValue = crc32(bytes, this.crcValue);
      for (const [i, p] of this.parts.entries()) {
        if (!p.file || p.at + p.size <= at || p.at >= at + bytes.byteLength) continue;
        let h = this.own.get(i);
        if (!h) this.own.set(i, (h = createHash("sha256")));
        h.update(bytes.subarray(Math.max(0, p.at - at), Math.min(bytes.byteLength, p.at + p.size - at)));
      }
    });
    this.gzOrder = new InOrder((bytes) => this.gz.update(bytes));
  }

  /** The digest when known, else "" (the layer has not been read whole yet). */
  get digest(): string {
    return this.digests?.digest ?? "";
  }

  /** The gzip bytes [start, end) as a stream; the first read in order hashes them. */
  open(start = 0, end = this.size): Readable {
    return Readable.from(this.stream(start, end), { objectMode: false });
  }

  /** Reads the layer whole (for its digests alone) unless they are known. */
  async hash(): Promise<LayerDigests> {
    if (!this.digests) for await (const _ of this.stream(this.gzOrder.to, this.size));
    if (!this.digests) throw new Error("the model layer was read out of order; its digest is not known");
    return this.digests;
  }

  /** The CRC-32 for the trailer: known, or hashed by now (the trailer comes after every byte of the tar). */
  private crc(): number {
    if (this.digests) return this.digests.crc;
    if (this.tarOrder.to !== this.tarSize || this.tarOrder.gap) {
      throw new Error("the model layer was read out of order; its gzip trailer is not known");
    }
    return this.crcValue;
  }

  private settle(): void {
    if (this.digests || this.gzOrder.gap || this.gzOrder.to !== this.size) return;
    const files = new Map<string, string>();
    for (const [i, p] of this.parts.entries()) {
      if (p.file) files.set(p.file, (this.own.get(i) ?? createHash("sha256")).digest("hex"));
    }
    this.digests = {
      digest: `sha256:${this.gz.digest("hex")}`,
      diffId: `sha256:${this.tar.digest("hex")}`,
      crc: this.crcValue,
      files,
    };
  }

  /**
   * Yields the gzip bytes [start, end): from the block that holds `start`, the tar read in chunks of about 1 MiB, each
   * split at the block boundaries with the block headers between, then cut to the range asked for.
   */
  private async *stream(start: number, end: number): AsyncGenerator<Uint8Array> {
    const hashing = !this.digests;
    const size = this.tarSize;
    const n = blocks(size);
    const out = (at: number, bytes: Uint8Array): Uint8Array | undefined => {
      if (hashing) {
        this.gzOrder.feed(at, bytes);
        this.settle();
      }
      const from = Math.max(start - at, 0);
      const to = Math.min(end - at, bytes.byteLength);
      return to > from ? bytes.subarray(from, to) : undefined;
    };
    if (start < HEADER.byteLength) {
      const h = out(0, HEADER);
      if (h) yield h;
    }
    const first = Math.max(0, Math.min(n - 1, Math.floor((start - HEADER.byteLength) / (BLOCK + 5))));
    // the tar bytes whose blocks overlap [start, end)
    const tarFrom = first * BLOCK;
    const lastBlock = Math.min(n - 1, Math.floor(Math.max(0, end - HEADER.byteLength - 1) / (BLOCK + 5)));
    const tarTo = Math.min(size, (lastBlock + 1) * BLOCK);
    let tarAt = tarFrom;
    if (size === 0 && end > HEADER.byteLength) {
      const b = out(HEADER.byteLength, blockHeader(0, true));
      if (b) yield b;
    }
    if (tarTo > tarFrom) {
      for await (const chunk of readSegments(this.segments, tarFrom, tarTo)) {
        if (hashing) this.tarOrder.feed(tarAt, chunk);
        // the block headers and the data between them, each its own piece: no copy of the data
        const pieces: Uint8Array[] = [];
        let off = 0;
        let gzAt = HEADER.byteLength + tarAt + 5 * Math.floor(tarAt / BLOCK) + (tarAt % BLOCK === 0 ? 0 : 5);
        const piece = (bytes: Uint8Array) => {
          const b = out(gzAt, bytes);
          gzAt += bytes.byteLength;
          if (b) pieces.push(b);
        };
        while (off < chunk.byteLength) {
          const pos = tarAt + off;
          if (pos % BLOCK === 0) piece(blockHeader(Math.min(BLOCK, size - pos), pos / BLOCK === n - 1));
          const take = Math.min(chunk.byteLength - off, BLOCK - (pos % BLOCK));
          piece(chunk.subarray(off, off + take));
          off += take;
        }
        tarAt += chunk.byteLength;
        yield* pieces;
      }
    }
    const total = this.size;
    if (end > total - 8) {
      const b = out(total - 8, trailer(this.crc(), size));
      if (b) yield b;
    }
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
