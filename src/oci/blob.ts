import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
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
export async function* readSegments(segments: Segment[], start: number, end: number): AsyncGenerator<Uint8Array> {
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
