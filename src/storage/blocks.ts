import { createHash } from "node:crypto";
import { open, readFile, rm } from "node:fs/promises";
import { sha256Bytes } from "../data/hash.ts";
import { UserError } from "../errors.ts";
import type { Io } from "../util/io.ts";
import { withRetry } from "../util/retry.ts";
import { CacheWriter, cachedEntry } from "./cache.ts";
import { DOWNLOAD_RETRIES, readObjectRange, retryableRead } from "./fetch.ts";
import type { StoredObject } from "./store.ts";

/**
 * Per-block digests of a data file (a Dataset's `spec.blocks`, written by `lock`), and the reader a shard job uses
 * to read only the blocks its part covers. The file is cut into blocks of `size` bytes (the last one shorter); block
 * k is bytes [k·size, min((k+1)·size, file size)) and `sha256[k]` is its digest. A shard fetches a block with one
 * range request, hashes it, and hands its bytes to the parser only when the digest is the pinned one: nothing is
 * computed from an unverified block. A verified block is kept in the content-addressed cache under its own digest
 * (a block is an object like any other there), and hashed again when it is used.
 */

/** The block size `lock` uses when the manifest names none: 64 MiB (a 10 GiB file has 160 digests). */
export const DEFAULT_BLOCK_BYTES = 64 * 1024 * 1024;

/** What a Dataset manifest pins of its file's blocks. */
export interface BlockPin {
  size: number;
  sha256: string[];
}

/** The number of blocks of a file of `fileSize` bytes. */
export function blockCount(fileSize: number, blockSize: number): number {
  return Math.max(1, Math.ceil(fileSize / blockSize));
}

/** The sha256 of each block of a local file, in one read. */
export async function blockDigests(file: string, blockSize: number): Promise<string[]> {
  const fh = await open(file, "r");
  const out: string[] = [];
  try {
    const buf = Buffer.allocUnsafe(Math.min(blockSize, 4 << 20));
    let h = createHash("sha256");
    let inBlock = 0;
    for (;;) {
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

/** Whether the block pin fits a file of `fileSize` bytes (one digest per block); else why not. */
export function blockPinProblem(pin: BlockPin, fileSize: number): string | undefined {
  const n = blockCount(fileSize, pin.size);
  if (pin.sha256.length !== n)
    return `spec.blocks lists ${pin.sha256.length} digests, but a file of ${fileSize.toLocaleString("en-US")} bytes in blocks of ${pin.size.toLocaleString("en-US")} has ${n}; run \`modelgate lock\``;
  return undefined;
}

/**
 * Whether a file's blocks are the ones a manifest pins (`validate`, holding the whole file, checks that spec.blocks
 * and spec.sha256 describe the same bytes): undefined when they are, else what differs.
 */
export async function blocksProblem(file: string, fileSize: number, pin: BlockPin): Promise<string | undefined> {
  const problem = blockPinProblem(pin, fileSize);
  if (problem) return problem;
  const actual = await blockDigests(file, pin.size);
  const k = actual.findIndex((d, i) => d !== pin.sha256[i]);
  if (k < 0) return undefined;
  const start = k * pin.size;
  const end = Math.min(fileSize, start + pin.size);
  return `block ${k} (bytes ${start.toLocaleString("en-US")} to ${end.toLocaleString("en-US")}) has sha256 ${actual[k]}, not the ${pin.sha256[k]} spec.blocks pins: spec.blocks does not describe the file spec.sha256 pins; run \`modelgate lock\``;
}

/** A block whose bytes are not the pinned ones: the block, its bytes, and both digests. */
export class BlockMismatch extends UserError {
  constructor(
    readonly source: string,
    readonly block: number,
    readonly start: number,
    readonly end: number,
    readonly actual: string,
    readonly expected: string,
  ) {
    super(
      `${source}: block ${block} (bytes ${start.toLocaleString("en-US")} to ${end.toLocaleString("en-US")}) has sha256 ${actual}, not the ${expected} spec.blocks pins: the object was changed or replaced, so it is refused (if the change is intended, run \`modelgate lock\`)`,
    );
    this.name = "BlockMismatch";
  }
}

/** Verified blocks kept in memory at once (a CSV part reads one block after the other; Parquet a row group's). */
const MEMORY_BLOCKS = 4;

/**
 * The part of a FileHandle the data readers use (`read`, `stat`, `close`), over a remote object read block by block:
 * a read fetches the blocks it touches (or takes them from the cache), checks each against its pinned digest, and
 * copies from verified bytes only.
 */
export class BlockFile {
  /** Blocks fetched from the store in this process, and their bytes. */
  readonly fetched = new Set<number>();
  fetchedBytes = 0;
  /** Blocks taken from the cache. */
  readonly cached = new Set<number>();
  private readonly memory = new Map<number, Promise<Buffer>>();

  constructor(
    private readonly obj: StoredObject,
    private readonly label: string,
    readonly size: number,
    private readonly pin: BlockPin,
    private readonly cache: string,
    private readonly io?: Io,
  ) {}

  /** The bytes of block k, verified (fetched, or from the cache). */
  block(k: number): Promise<Buffer> {
    let p = this.memory.get(k);
    if (p) {
      this.memory.delete(k);
      this.memory.set(k, p); // most recently used last
      return p;
    }
    p = this.load(k);
    p.catch(() => this.memory.delete(k));
    this.memory.set(k, p);
    while (this.memory.size > MEMORY_BLOCKS) this.memory.delete(this.memory.keys().next().value as number);
    return p;
  }

  private range(k: number): { start: number; end: number } {
    const start = k * this.pin.size;
    return { start, end: Math.min(this.size, start + this.pin.size) };
  }

  private async load(k: number): Promise<Buffer> {
    const expected = this.pin.sha256[k];
    const { start, end } = this.range(k);
    const hit = cachedEntry(this.cache, expected, end - start);
    if (hit) {
      const bytes = await readFile(hit).catch(() => undefined);
      if (bytes && sha256Bytes(bytes) === expected) {
        this.cached.add(k);
        return bytes;
      }
      await rm(hit, { force: true }); // changed in the cache: fetched anew, never read
    }
    const bytes = await this.fetch(start, end);
    const actual = sha256Bytes(bytes);
    if (actual !== expected) throw new BlockMismatch(this.label, k, start, end, actual, expected);
    this.fetched.add(k);
    this.fetchedBytes += bytes.length;
    // kept under its digest; a cache that cannot be written only costs a fetch
    await CacheWriter.putVerified(this.cache, expected, bytes).catch(() => undefined);
    return bytes;
  }

  /** Bytes [start, end) of the object, by a range request (retried from its start when the connection is cut). */
  private fetch(start: number, end: number): Promise<Buffer> {
    return withRetry(
      async () => {
        // a store that ignored the range sends from its own start: read past to `start`, stop at `end`
        const { bytes: out, got, pos } = (await readObjectRange(this.obj, start, end, true))!;
        if (got !== end - start)
          throw new UserError(
            `${this.label} ended at byte ${pos.toLocaleString("en-US")}, before the ${this.size.toLocaleString("en-US")} bytes spec.sizeBytes pins; it is not the object that was locked (if the change is intended, run \`modelgate lock\`)`,
          );
        return out;
      },
      {
        ...DOWNLOAD_RETRIES,
        retryable: retryableRead,
        onRetry: (err, n, ms) =>
          this.io?.err(
            `${this.label}: ${(err as Error).message}; fetching bytes ${start} to ${end} again in ${(ms / 1000).toFixed(1)} s (retry ${n} of ${DOWNLOAD_RETRIES.retries})\n`,
          ),
      },
    );
  }

  async read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesRead: number; buffer: Uint8Array }> {
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

  async stat(): Promise<{ size: number }> {
    return { size: this.size };
  }

  async close(): Promise<void> {}

  /** What was read, for the job's log: blocks fetched and from the cache, of how many. */
  summary(): string {
    const n = this.pin.sha256.length;
    const list = (s: Set<number>) => [...s].sort((a, b) => a - b).join(", ");
    return `${this.label}: read ${this.fetched.size + this.cached.size} of ${n} blocks (${this.pin.size.toLocaleString("en-US")} bytes each), each checked against spec.blocks: fetched [${list(this.fetched)}] (${this.fetchedBytes.toLocaleString("en-US")} of ${this.size.toLocaleString("en-US")} bytes)${this.cached.size ? `, from the cache [${list(this.cached)}]` : ""}`;
  }
}
