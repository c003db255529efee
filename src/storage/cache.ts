import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { CheckFailed } from "../errors.ts";
import { sha256File } from "../data/hash.ts";

/**
 * The content-addressed cache of remote objects: `$MODELGATE_CACHE` (else ~/.cache/modelgate), one file per object at
 * `sha256/<first two hex>/<sha256>`. An entry appears only by rename, after its bytes were hashed and found to be the
 * pinned ones; a download in progress is a temp file under `tmp/` that no lookup ever returns, so an interrupted
 * download (a killed job, a cut connection) leaves no corrupt entry, and concurrent jobs that fetch the same object
 * each write their own temp file and rename it over the same name with the same bytes. An entry is hashed again
 * when it is used (a local read, far faster than any download): a file changed in the cache is dropped and fetched
 * again, never read.
 */

/** The cache folder: $MODELGATE_CACHE, else ~/.cache/modelgate. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.MODELGATE_CACHE || join(homedir(), ".cache", "modelgate");
}

/** Where the object with this sha256 lives in the cache (whether or not it is there). */
export function entryPath(dir: string, sha256: string): string {
  return join(dir, "sha256", sha256.slice(0, 2), sha256);
}

/** The entry for `sha256` when the cache holds it with the right size (not yet re-hashed), else undefined. */
export function cachedEntry(dir: string, sha256: string, size?: number): string | undefined {
  const p = entryPath(dir, sha256);
  try {
    const st = statSync(p);
    return st.isFile() && (size === undefined || st.size === size) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** The entry for `sha256`, re-hashed: its path when its bytes are still those, else undefined (a bad one is removed). */
export async function verifiedEntry(dir: string, sha256: string, size?: number): Promise<string | undefined> {
  const p = cachedEntry(dir, sha256, size);
  if (!p && existsSync(entryPath(dir, sha256))) await rm(entryPath(dir, sha256), { force: true });
  if (!p) return undefined;
  if ((await sha256File(p)) === sha256) return p;
  await rm(p, { force: true });
  return undefined;
}

/**
 * DVC 2's md5 of a text file: taken with every CR that is followed by LF dropped (dos2unix), across chunk
 * boundaries too. Fed the same chunks as the other digests.
 */
export class Dos2UnixMd5 {
  private readonly h = createHash("md5");
  private lastWasCr = false;
  update(chunk: Uint8Array): void {
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
  digest(): string {
    if (this.lastWasCr) this.h.update(Buffer.from([13]));
    return this.h.digest("hex");
  }
}

/** What the bytes must be: the manifest's sha256 and size, and DVC's md5 for a DVC output. */
export interface Expected {
  sha256?: string;
  size?: number;
  md5?: string;
  /** DVC 2's md5 of a text file is taken with CRLF turned to LF: accept that one too. */
  md5Dos2Unix?: boolean;
}

/**
 * A body being written into the cache: feed it chunks (in order), then `commit` (checks, rename) or `discard`. The
 * digests are taken as the bytes are written, so the object is read once; a reader may parse the temp file while it
 * grows (data/read-source.ts).
 */
export class CacheWriter {
  private sha = createHash("sha256");
  private md5?: ReturnType<typeof createHash>;
  private md5Lf?: Dos2UnixMd5;
  /** Bytes written (and hashed) so far: where a resumed download starts. */
  written = 0;
  /** After a rewind: the bytes already in the file, which the object sent again must repeat exactly. */
  private replay = 0;
  private constructor(
    private readonly dir: string,
    readonly temp: string,
    private readonly fh: Awaited<ReturnType<typeof open>>,
    private readonly expected: Expected,
    private readonly source: string,
  ) {
    this.resetDigests();
  }

  private resetDigests(): void {
    this.sha = createHash("sha256");
    this.md5 = this.expected.md5 ? createHash("md5") : undefined;
    this.md5Lf = this.expected.md5 && this.expected.md5Dos2Unix ? new Dos2UnixMd5() : undefined;
  }

  static async start(dir: string, expected: Expected, source: string): Promise<CacheWriter> {
    const tmp = join(dir, "tmp");
    await mkdir(tmp, { recursive: true });
    await sweepTemps(tmp);
    const temp = join(tmp, `${process.pid}-${randomBytes(6).toString("hex")}.part`);
    return new CacheWriter(dir, temp, await open(temp, "wx+"), expected, source);
  }

  /**
   * Puts bytes the caller has hashed and found to be `sha256` (a verified block, storage/blocks.ts) into the cache
   * under it: the same temp file and rename as a download, without hashing the bytes again. Not synced to disk
   * before the rename: an entry is hashed again when it is used.
   */
  static async putVerified(dir: string, sha256: string, bytes: Uint8Array): Promise<void> {
    const w = await CacheWriter.start(dir, { sha256, size: bytes.length }, sha256);
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
  private async writeAt(chunk: Uint8Array, pos: number, off = 0): Promise<void> {
    while (off < chunk.length) {
      const { bytesWritten } = await this.fh.write(chunk, off, chunk.length - off, pos + off);
      off += bytesWritten;
    }
  }

  /** Moves the temp file (closed) into the cache as the entry of `sha256`. */
  private async place(sha256: string): Promise<string> {
    const file = entryPath(this.dir, sha256);
    await mkdir(join(this.dir, "sha256", sha256.slice(0, 2)), { recursive: true });
    await rename(this.temp, file);
    return file;
  }

  async write(chunk: Uint8Array): Promise<void> {
    const size = this.expected.size;
    if (size !== undefined && this.written + chunk.length > size) {
      throw new CheckFailed(
        `${this.source} is larger than the ${size.toLocaleString("en-US")} bytes pinned by the manifest; it is not the object that was locked (if the change is intended, run \`modelgate lock\``,
      );
    }
    this.sha.update(chunk);
    this.md5?.update(chunk);
    this.md5Lf?.update(chunk);
    let off = 0;
    if (this.written < this.replay) {
      // sent again from the start: the bytes a reader may already have parsed must be the same ones
      off = Math.min(chunk.length, this.replay - this.written);
      const had = Buffer.allocUnsafe(off);
      await this.fh.read(had, 0, off, this.written);
      if (!had.equals(chunk.subarray(0, off)))
        throw new CheckFailed(
          `${this.source} changed while it was being read (the store sent other bytes when asked again); run the command again`,
        );
    }
    await this.writeAt(chunk, this.written, off);
    this.written += chunk.length;
  }

  /**
   * Starts over in the same file (a server that ignored a range request sends the whole object again): the digests
   * are taken afresh, and the bytes already written must come again unchanged.
   */
  rewind(): void {
    this.replay = Math.max(this.replay, this.written);
    this.written = 0;
    this.resetDigests();
  }

  /** Checks size and digests, then moves the file into the cache; returns the entry and the object's sha256. */
  async commit(): Promise<{ file: string; sha256: string; size: number }> {
    try {
      const e = this.expected;
      if (this.written < this.replay)
        throw new CheckFailed(
          `${this.source} changed while it was being read (it was shorter when sent again); run the command again`,
        );
      if (e.size !== undefined && this.written !== e.size) {
        throw new CheckFailed(
          `${this.source} is ${this.written.toLocaleString("en-US")} bytes, not the ${e.size.toLocaleString("en-US")} pinned by the manifest; it is not the object that was locked (if the change is intended, run \`modelgate lock\`)`,
        );
      }
      if (e.md5 && this.md5) {
        const md5 = this.md5.digest("hex");
        if (md5 !== e.md5 && this.md5Lf?.digest() !== e.md5) {
          throw new CheckFailed(
            `${this.source} has md5 ${md5}, not the ${e.md5} DVC recorded for it: the remote object is damaged or was replaced, so it is refused`,
          );
        }
      }
      const sha256 = this.sha.digest("hex");
      if (e.sha256 && sha256 !== e.sha256) {
        throw new CheckFailed(
          `${this.source} has sha256 ${sha256}, not the ${e.sha256} pinned by the manifest: the object was changed or replaced, so it is refused (if the change is intended, run \`modelgate lock\`)`,
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

  async discard(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/** A temp file this old is the leftover of a killed download: removed when the next download starts. */
const STALE_TEMP_MS = 24 * 3600 * 1000;

async function sweepTemps(tmp: string): Promise<void> {
  let names: string[];
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
      // another job removed it first
    }
  }
}
