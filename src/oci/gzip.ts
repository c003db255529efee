import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import { type Blob, readSegments, type Segment } from "./blob.ts";

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
const CHUNK = 1 << 20;

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

/** Yields the gzip bytes [start, end) of the input held in `segments` (`size` bytes, checksum `crc`). */
async function* storedGzip(
  segments: Segment[],
  size: number,
  crc: number,
  start: number,
  end: number,
): AsyncGenerator<Uint8Array> {
  const n = blocks(size);
  const total = storedGzipSize(size);
  const part = function* (bytes: Uint8Array, at: number) {
    const from = Math.max(start - at, 0);
    const to = Math.min(end - at, bytes.byteLength);
    if (to > from) yield bytes.subarray(from, to);
  };
  yield* part(HEADER, 0);
  const first = Math.max(0, Math.min(n - 1, Math.floor((start - HEADER.byteLength) / (BLOCK + 5))));
  for (let i = first; i < n; i++) {
    const at = HEADER.byteLength + i * (BLOCK + 5);
    if (at >= end) return;
    const len = Math.min(BLOCK, size - i * BLOCK);
    yield* part(blockHeader(len, i === n - 1), at);
    const from = Math.max(start - (at + 5), 0);
    const to = Math.min(end - (at + 5), len);
    if (to > from) yield* readSegments(segments, i * BLOCK + from, i * BLOCK + to);
  }
  yield* part(trailer(crc, size), total - 8);
}

export interface GzipLayer {
  /** The gzip blob (its digest and size are the layer descriptor's). */
  blob: Blob;
  /** sha256 of the uncompressed tar: the layer's diff_id in the image config. */
  diffId: string;
  /** sha256 (hex) of each file segment, by path, from the same read. */
  files: Map<string, string>;
}

/**
 * Reads the tar in `segments` once, hashing the tar (the diff id), each file in it, and the gzip member built from it
 * (the layer digest); the blob then streams that member from any offset, reading the files again.
 */
export async function storedGzipLayer(mediaType: string, segments: Segment[]): Promise<GzipLayer> {
  const tarHash = createHash("sha256");
  const gzHash = createHash("sha256");
  const files = new Map<string, string>();
  let crc = 0;
  let size = 0;
  const total = segments.reduce((s, seg) => s + (seg instanceof Uint8Array ? seg.byteLength : seg.size), 0);
  const n = blocks(total);
  gzHash.update(HEADER);
  const feed = (bytes: Uint8Array) => {
    let off = 0;
    while (off < bytes.byteLength) {
      if (size % BLOCK === 0 && size / BLOCK < n) {
        const i = size / BLOCK;
        gzHash.update(blockHeader(Math.min(BLOCK, total - i * BLOCK), i === n - 1));
      }
      const take = Math.min(bytes.byteLength - off, BLOCK - (size % BLOCK));
      const piece = bytes.subarray(off, off + take);
      tarHash.update(piece);
      gzHash.update(piece);
      crc = crc32(piece, crc);
      size += take;
      off += take;
    }
  };
  if (total === 0) gzHash.update(blockHeader(0, true));
  for (const seg of segments) {
    if (seg instanceof Uint8Array) {
      feed(seg);
      continue;
    }
    const own = createHash("sha256");
    let got = 0;
    for await (const chunk of createReadStream(seg.file, { highWaterMark: CHUNK })) {
      own.update(chunk as Buffer);
      feed(chunk as Buffer);
      got += (chunk as Buffer).byteLength;
    }
    if (got !== seg.size) throw new Error(`${seg.file} changed while it was read (expected ${seg.size} bytes)`);
    files.set(seg.file, own.digest("hex"));
  }
  gzHash.update(trailer(crc, size));
  const gzSize = storedGzipSize(size);
  const blob: Blob = {
    mediaType,
    digest: `sha256:${gzHash.digest("hex")}`,
    size: gzSize,
    open: (start = 0, end = gzSize) =>
      Readable.from(storedGzip(segments, size, crc, start, end), { objectMode: false }),
  };
  return { blob, diffId: `sha256:${tarHash.digest("hex")}`, files };
}
