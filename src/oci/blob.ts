import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { type Descriptor, sha256Digest } from "./types.ts";

/** Part of a blob: bytes in memory, or a whole file on disk streamed when the blob is read. */
export type Segment = Uint8Array | { file: string; size: number };

/**
 * A blob to write or push: its descriptor, and a way to read it (from any offset, for resumed uploads) without
 * holding it in memory. `origin` says where it already lives, for a cross-repository mount.
 */
export interface Blob {
  mediaType: string;
  digest: string;
  size: number;
  /** Reads bytes [start, end) of the blob; end defaults to the size. */
  open(start?: number, end?: number): Readable;
  /**
   * Writes bytes [start, end) into `dest` without ending it, reusing its buffers once `dest` has taken them (the model
   * layer, whose upload is the one large write); stops when `dest` is destroyed or `signal` aborts.
   */
  writeTo?(
    dest: Writable,
    start: number,
    end: number,
    onBytes?: (n: number) => void,
    signal?: AbortSignal,
  ): Promise<void>;
  origin?: { registry: string; repository: string };
  /** The bytes, when the blob is small and in memory (manifests, configs, records). */
  bytes?: Uint8Array;
}

export function descriptorOf(blob: Blob, extra: Partial<Descriptor> = {}): Descriptor {
  return { mediaType: blob.mediaType, digest: blob.digest, size: blob.size, ...extra };
}

export function memoryBlob(mediaType: string, bytes: Uint8Array): Blob {
  return {
    mediaType,
    digest: sha256Digest(bytes),
    size: bytes.byteLength,
    bytes,
    open: (start = 0, end = bytes.byteLength) => Readable.from([Buffer.from(bytes.subarray(start, end))]),
  };
}

function segmentSize(s: Segment): number {
  return s instanceof Uint8Array ? s.byteLength : s.size;
}

const CHUNK = 1 << 20;

/** Streams bytes [start, end) of a list of segments; a file that is shorter or longer than stated is an error. */
async function* readSegments(segments: Segment[], start: number, end: number): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (const seg of segments) {
    const size = segmentSize(seg);
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, size);
    offset += size;
    if (to <= from) continue;
    if (seg instanceof Uint8Array) {
      yield seg.subarray(from, to);
      continue;
    }
    let got = 0;
    for await (const chunk of createReadStream(seg.file, { start: from, end: to - 1, highWaterMark: CHUNK })) {
      got += (chunk as Buffer).byteLength;
      yield chunk as Buffer;
    }
    if (got !== to - from) throw new Error(`${seg.file} changed while it was read (expected ${size} bytes)`);
  }
}

/** The pieces of `views` (taken as one run of bytes) that hold bytes [from, from + len) of the run. */
function piecesOf(views: Uint8Array[], from: number, len: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const v of views) {
    const a = Math.max(from - at, 0);
    const b = Math.min(from + len - at, v.byteLength);
    if (b > a) out.push(a === 0 && b === v.byteLength ? v : v.subarray(a, b));
    at += v.byteLength;
    if (at >= from + len) break;
  }
  return out;
}

/** Linux reads at most 1024 buffers in one readv. */
const IOV_MAX = 1024;

/**
 * Fills `views`, in order, with bytes [start, start + their total length) of a list of segments: each file's part
 * with one `readv` into the views (no copy; the views may be parts of one buffer with gaps between them, as the stored
 * gzip's block headers are). A file shorter than stated is an error. With `handles`, files are opened once and kept
 * there (the caller closes them); without, each is closed after its read.
 */
export async function readSegmentsInto(
  segments: Segment[],
  start: number,
  views: Uint8Array[],
  handles?: Map<string, FileHandle>,
): Promise<void> {
  const total = views.reduce((s, v) => s + v.byteLength, 0);
  const end = start + total;
  let offset = 0;
  for (const seg of segments) {
    const size = segmentSize(seg);
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, size);
    const dest = offset + from - start;
    offset += size;
    if (to <= from) continue;
    const pieces = piecesOf(views, dest, to - from);
    if (seg instanceof Uint8Array) {
      let at = from;
      for (const p of pieces) {
        p.set(seg.subarray(at, at + p.byteLength));
        at += p.byteLength;
      }
      continue;
    }
    let fh = handles?.get(seg.file);
    if (!fh) {
      fh = await open(seg.file, "r");
      handles?.set(seg.file, fh);
    }
    try {
      let pos = from;
      let i = 0;
      let skip = 0; // bytes of pieces[i] already read
      while (i < pieces.length) {
        const batch = pieces.slice(i, i + IOV_MAX);
        if (skip) batch[0] = batch[0].subarray(skip);
        const { bytesRead } = await fh.readv(batch, pos);
        if (bytesRead === 0) throw new Error(`${seg.file} changed while it was read (expected ${size} bytes)`);
        pos += bytesRead;
        let left = bytesRead;
        while (left > 0) {
          const room = pieces[i].byteLength - skip;
          if (left >= room) {
            left -= room;
            i++;
            skip = 0;
          } else {
            skip += left;
            left = 0;
          }
        }
      }
    } finally {
      if (!handles) await fh.close();
    }
  }
  if (offset < end) throw new Error(`the segments hold ${offset} bytes, not ${end}`);
}

export function segmentBlob(mediaType: string, segments: Segment[], digest: string, size: number): Blob {
  return {
    mediaType,
    digest,
    size,
    open: (start = 0, end = size) => Readable.from(readSegments(segments, start, end), { objectMode: false }),
  };
}

export interface SegmentsHash {
  digest: string;
  size: number;
  /** sha256 (hex) of each file segment, by path: the model's own digest comes from the same read as the layer's. */
  files: Map<string, string>;
}

/** Hashes a list of segments in one pass over the files. */
export async function hashSegments(segments: Segment[]): Promise<SegmentsHash> {
  const whole = createHash("sha256");
  const files = new Map<string, string>();
  let size = 0;
  for (const seg of segments) {
    if (seg instanceof Uint8Array) {
      whole.update(seg);
      size += seg.byteLength;
      continue;
    }
    const own = createHash("sha256");
    let got = 0;
    for await (const chunk of createReadStream(seg.file, { highWaterMark: CHUNK })) {
      whole.update(chunk as Buffer);
      own.update(chunk as Buffer);
      got += (chunk as Buffer).byteLength;
    }
    if (got !== seg.size) throw new Error(`${seg.file} changed while it was read (expected ${seg.size} bytes)`);
    size += got;
    files.set(seg.file, own.digest("hex"));
  }
  return { digest: `sha256:${whole.digest("hex")}`, size, files };
}
