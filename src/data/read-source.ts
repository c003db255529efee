import { createHash, type Hash } from "node:crypto";
import { existsSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * The byte layer under the format readers (csv.ts, jsonl.ts, parquet.ts): every data file they read is opened with
 * `openData`, which gives them a FileHandle (only `read`, `stat` and `close` are used) and does two things on the way
 * that the parsers never see:
 *
 * - **Hash while parsing.** `tapDigest(path)` asks for the sha256 of a file the next `openData(path)` will read:
 *   every read that continues where the hashed bytes end is hashed as it is handed to the parser, so a file parsed
 *   front to back (CSV and JSONL in this thread) is read once, for both. `finish()` hashes whatever the parser did
 *   not read in order (the rest of a file it stopped early in, or the blocks worker threads read) and returns the
 *   digest.
 * - **Parse while downloading.** A remote object is teed into the cache's temp file while it is hashed
 *   (storage/fetch.ts); `growingName(temp, size)` names that file for the readers, and a read past the bytes that
 *   have arrived waits for them (in this thread and in the readers' worker threads alike: they know it from the
 *   name). `stat()` gives the object's full size. A download that ends before the last byte (a cut connection after
 *   the retries, a refused object) removes the temp file; a read still waiting then fails, and the reader's caller
 *   reports the download's own error (read.ts).
 */

/** A file still arriving: `<temp>.<size>.reading`, a second name (a hard link) of the cache's temp file `<temp>`. */
const GROWING = /\.(\d+)\.reading$/;

/** The name the readers open for the temp file `temp` of a download of `size` bytes. */
export function growingName(temp: string, size: number): string {
  return `${temp}.${size}.reading`;
}

/** The temp file and full size of a growing file's name, else undefined. */
export function parseGrowing(path: string): { temp: string; size: number } | undefined {
  const m = GROWING.exec(path);
  return m ? { temp: path.slice(0, m.index), size: Number(m[1]) } : undefined;
}

/**
 * The last bytes of files still arriving, fetched ahead by a range request (a Parquet file's footer, which its reader
 * reads first): a read wholly inside them is served from them, in this thread, before the stream reaches them. The
 * download compares them with the bytes that arrive there (storage/fetch.ts), so nothing rests on them unchecked.
 */
const tails = new Map<string, { start: number; bytes: Uint8Array }>();

/** Serves reads of [start, start + bytes.length) of the growing file `name` from `bytes`. */
export function provideTail(name: string, start: number, bytes: Uint8Array): void {
  tails.set(name, { start, bytes });
}

/** Stops serving a growing file's tail (its download ended). */
export function forgetTail(name: string): void {
  tails.delete(name);
}

/** How often a read past the arrived bytes looks again. */
const POLL_MS = 2;

/** A digest asked for by `tapDigest`, fed by the reads of the next `openData` of the path. */
export class DigestTap {
  private readonly hash: Hash = createHash("sha256");
  /** Bytes hashed so far: [0, hashed) of the file. */
  hashed = 0;
  /** A read at `hashed` found the end of the file: every byte was hashed, in order (finish reads nothing more). */
  ended = false;
  constructor(readonly path: string) {}

  /** Bytes [pos, pos + bytes.length) were read: hashes the part that continues the hashed ones. */
  offer(pos: number, bytes: Uint8Array): void {
    const end = pos + bytes.length;
    if (pos > this.hashed || end <= this.hashed) return;
    this.hash.update(bytes.subarray(this.hashed - pos));
    this.hashed = end;
  }

  /** Hashes what was not read in order, and returns the digest of the whole file (once). */
  async finish(): Promise<string> {
    taps.delete(this.path);
    // read to its end in order (a CSV or JSONL file parsed whole): the digest is of the bytes parsed, with no file
    // opened again to find nothing more (validate is 2.3 ms faster on the bundled example without that)
    if (this.ended) return this.hash.digest("hex");
    const fh = await open(this.path, "r");
    try {
      const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, this.hashed);
        if (bytesRead === 0) break;
        this.offer(this.hashed, buf.subarray(0, bytesRead));
      }
    } finally {
      await fh.close();
    }
    return this.hash.digest("hex");
  }
}

const taps = new Map<string, DigestTap>();

/** Asks for the sha256 of `path` as the next reader of it reads it; `finish()` gives it. */
export function tapDigest(path: string): DigestTap {
  const tap = new DigestTap(path);
  taps.set(path, tap);
  return tap;
}

/** Forgets a digest asked for (its reader failed). */
export function dropTap(path: string): void {
  taps.delete(path);
}

/**
 * The part of a FileHandle the readers use, served by something other than a file: a remote object read block by
 * block, each block checked against its pinned digest before its bytes are handed over (storage/blocks.ts).
 */
export interface PositionalReader {
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesRead: number; buffer: Uint8Array }>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

const served = new Map<string, PositionalReader>();

/**
 * Makes `openData(path)` read through `reader` (in this thread only: a part is read without reader threads) until
 * the returned function is called. `path` names an empty placeholder file, so that the callers' checks that the data
 * exists hold.
 */
export function serveData(path: string, reader: PositionalReader): () => void {
  served.set(path, reader);
  return () => {
    if (served.get(path) === reader) served.delete(path);
  };
}

/** Whether `openData(path)` reads through a reader given by `serveData`. */
export function isServed(path: string): boolean {
  return served.has(path);
}

/** Opens a data file for a format reader: a plain handle, or one that hashes its reads, or waits for bytes to arrive. */
export async function openData(path: string): Promise<FileHandle> {
  const reader = served.get(path);
  if (reader) return { ...bound(reader), close: async () => undefined } as unknown as FileHandle;
  const fh = await open(path, "r");
  const growing = parseGrowing(path);
  const tap = taps.get(path);
  if (tap) taps.delete(path);
  if (!growing && !tap) return fh;
  return new DataHandle(fh, tap, growing, path) as unknown as FileHandle;
}

function bound(r: PositionalReader): PositionalReader {
  return { read: r.read.bind(r), stat: r.stat.bind(r), close: r.close.bind(r) };
}

/** The part of FileHandle the readers use, over a file that is hashed as it is read or still arriving. */
class DataHandle {
  constructor(
    private readonly fh: FileHandle,
    private readonly tap: DigestTap | undefined,
    private readonly growing: { temp: string; size: number } | undefined,
    private readonly name: string,
  ) {}

  async read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesRead: number; buffer: Uint8Array }> {
    if (!this.growing || position === null) return this.readOnce(buffer, offset, length, position);
    // A file still arriving: a read is filled as far as the object goes, waiting for what has not arrived (a reader
    // of Parquet pages takes a short read for the end of the file; CSV's loop would only read again).
    const want = Math.max(0, Math.min(length, this.growing.size - position));
    let got = 0;
    while (got < want) {
      const r = await this.readOnce(buffer, offset + got, want - got, position + got);
      if (r.bytesRead === 0) break;
      got += r.bytesRead;
    }
    return { bytesRead: got, buffer };
  }

  private async readOnce(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesRead: number; buffer: Uint8Array }> {
    for (;;) {
      const tail = this.growing && position !== null ? tails.get(this.name) : undefined;
      if (tail && position! >= tail.start && position! + length <= tail.start + tail.bytes.length) {
        buffer.set(tail.bytes.subarray(position! - tail.start, position! - tail.start + length), offset);
        return { bytesRead: length, buffer };
      }
      const r = await this.fh.read(buffer, offset, length, position);
      if (r.bytesRead > 0 || length === 0 || !this.growing || position === null || position >= this.growing.size) {
        if (this.tap && position !== null && r.bytesRead > 0)
          this.tap.offer(position, buffer.subarray(offset, offset + r.bytesRead));
        else if (this.tap && position === this.tap.hashed && length > 0) this.tap.ended = true;
        return r;
      }
      // past the bytes that arrived: wait for more, unless the download ended without them
      if ((await this.fh.stat()).size > position) continue;
      if (!existsSync(this.growing.temp)) {
        if ((await this.fh.stat()).size > position) continue;
        throw new Error(`the download ended at byte ${(await this.fh.stat()).size} of ${this.growing.size}`);
      }
      await sleep(POLL_MS);
    }
  }

  async stat(): Promise<{ size: number }> {
    if (this.growing) return { size: this.growing.size };
    return this.fh.stat();
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}
