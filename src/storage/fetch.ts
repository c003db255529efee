import { rmSync } from "node:fs";
import { link, open } from "node:fs/promises";
import { forgetTail, growingName, provideTail } from "../data/read-source.ts";
import { CheckFailed, ModelgateError } from "../errors.ts";
import type { Io } from "../util/io.ts";
import { Progress } from "../util/progress.ts";
import { withRetry } from "../util/retry.ts";
import { CacheWriter, cacheDir, type Expected, verifiedEntry } from "./cache.ts";
import { NetworkError, type StoredObject } from "./store.ts";

/**
 * Brings a stored object into the cache: streamed, hashed while it is written, resumed where a cut connection left
 * it (a range request tied to the same version of the object; a store that cannot resume sends it again from the
 * start), refused when its size or digests are not the pinned ones. Returns the cache entry.
 */

/** Attempts after the first, and the first backoff, for a cut connection or a store's 5xx. */
export const DOWNLOAD_RETRIES = { retries: 4, baseMs: 500 } as const;

/** Whether a failed read of an object is worth another attempt: a store's retryable answer or a cut connection. */
export function retryableRead(err: unknown): boolean {
  return err instanceof NetworkError ? err.retryable : cutConnection(err);
}

/** Downloads from this size up (or of an unknown size) report progress. */
const PROGRESS_MIN_BYTES = 16 * 1024 * 1024;

export async function download(
  obj: StoredObject,
  expected: Expected,
  env: NodeJS.ProcessEnv,
  io?: Io,
  label = obj.name,
): Promise<{ file: string; sha256: string; size: number; downloaded: boolean }> {
  const dir = cacheDir(env);
  if (expected.sha256) {
    const hit = await verifiedEntry(dir, expected.sha256, expected.size);
    if (hit) return { file: hit, sha256: expected.sha256, size: expected.size ?? 0, downloaded: false };
  }
  const d = await begin(obj, expected, dir, io, label);
  return { ...(await d.done), downloaded: true };
}

/** A download under way: the temp file being written, and what settles when it ends. */
export interface Arriving {
  /** The name the data readers open while the bytes arrive (data/read-source.ts `growingName`). */
  file: string;
  /** The cache entry, once the whole object arrived and was found to be the pinned one; else the refusal. */
  done: Promise<{ file: string; sha256: string; size: number }>;
  /** Ends the download (the reader failed first): no entry is written. */
  abort(): void;
}

/**
 * Like `download`, but returns as soon as the store answered: a cache hit as its entry, else the object as it
 * arrives — a reader parses it while it is hashed and written (one read of the network bytes), and `done` says
 * whether they were the pinned ones. An object of unknown size (no pin, no Content-Length) is downloaded whole first.
 */
export async function downloadStreaming(
  obj: StoredObject,
  expected: Expected,
  env: NodeJS.ProcessEnv,
  io?: Io,
  label = obj.name,
  tailFirst = false,
): Promise<{ file: string; sha256: string; downloaded: false } | Arriving> {
  const dir = cacheDir(env);
  if (expected.sha256) {
    const hit = await verifiedEntry(dir, expected.sha256, expected.size);
    if (hit) return { file: hit, sha256: expected.sha256, downloaded: false };
  }
  const d = await begin(obj, expected, dir, io, label);
  const size = expected.size ?? (await d.size);
  if (size === undefined) {
    const got = await d.done;
    return { file: got.file, done: d.done, abort: () => undefined };
  }
  const file = growingName(d.temp, size);
  try {
    await link(d.temp, file);
  } catch {
    // a file system without hard links: the object is read once it is all in the cache
    const got = await d.done;
    return { file: got.file, done: d.done, abort: () => undefined };
  }
  readerNames.add(file);
  const release = () => {
    readerNames.delete(file);
    forgetTail(file);
    rmSync(file, { force: true });
  };
  // `tailFirst`: the reader reads the end first (Parquet's footer): the last bytes are fetched ahead by a range request,
  // so that the row groups are parsed as they arrive rather than after the whole download.
  const tailStart = Math.max(0, size - TAIL_BYTES);
  const tail = tailFirst ? prefetch(obj, tailStart, size) : undefined;
  tail?.then((bytes) => bytes && provideTail(file, tailStart, bytes));
  // the readers stop at `size`: the object must be that long, or what they parsed is not the object
  const done = d.done.then(async (got) => {
    if (got.size !== size)
      throw new CheckFailed(
        `${label} is ${got.size} bytes, not the ${size} its store announced; run the command again`,
      );
    // the bytes served ahead must be the ones that arrived there (the object was not replaced in between)
    const ahead = tail && (await tail);
    forgetTail(file);
    if (ahead && !Buffer.from(ahead).equals(await readRange(got.file, tailStart, size))) {
      throw new CheckFailed(
        `${label} changed while it was being read (its last bytes, fetched first, differ from those that arrived); run the command again`,
      );
    }
    return got;
  });
  // the reader's name goes when the download fails; after a success, at exit (reader threads may open it late)
  done.catch(release);
  return { file, done, abort: d.abort };
}

/** How many of the last bytes are fetched ahead for a reader that reads them first (`tailFirst`: Parquet's footer). */
const TAIL_BYTES = 256 * 1024;

/**
 * Bytes [start, end) of an object by one range request, and how many of them came (fewer when the object ended
 * first) with where its body ended. A store that ignored the range sends from its own start: with `skipUnranged`
 * the bytes before `start` are read past, else nothing more is read and undefined is returned.
 */
export async function readObjectRange(
  obj: StoredObject,
  start: number,
  end: number,
  skipUnranged: boolean,
): Promise<{ bytes: Buffer; got: number; pos: number } | undefined> {
  const r = await obj.read(start, undefined, end);
  const bytes = Buffer.allocUnsafe(end - start);
  let pos = r.start;
  let got = 0;
  if (pos !== start && !skipUnranged) {
    await r.body[Symbol.asyncIterator]().return?.();
    return undefined;
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

/** Bytes [start, end) fetched ahead, or undefined when the store did not give exactly them (the readers then wait). */
async function prefetch(obj: StoredObject, start: number, end: number): Promise<Uint8Array | undefined> {
  try {
    const r = await readObjectRange(obj, start, end, false);
    return r && r.got === end - start ? r.bytes : undefined;
  } catch {
    return undefined;
  }
}

/** Bytes [start, end) of a local file. */
async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(end - start);
    await fh.read(buf, 0, buf.length, start);
    return buf;
  } finally {
    await fh.close();
  }
}

/** Reader names of downloads (hard links of their temp files), removed at exit. */
const readerNames = new Set<string>();
process.once("exit", () => {
  for (const f of readerNames) rmSync(f, { force: true });
});

class Aborted extends Error {}

/**
 * Starts a download into a temp file of the cache: resolves once the store has answered the first request (a missing
 * object or refused access is thrown then); `done` goes on with the body, the resumptions and the final checks.
 */
async function begin(
  obj: StoredObject,
  expected: Expected,
  dir: string,
  io: Io | undefined,
  label: string,
): Promise<{
  temp: string;
  size: Promise<number | undefined>;
  done: Promise<Awaited<ReturnType<CacheWriter["commit"]>>>;
  abort(): void;
}> {
  const w = await CacheWriter.start(dir, expected, label);
  // progress for a download that takes a while; a small file arrives before a line would be worth reading
  const progress =
    io && (expected.size ?? Number.POSITIVE_INFINITY) >= PROGRESS_MIN_BYTES
      ? new Progress(io, `download ${label}`, expected.size ?? 0, "bytes")
      : undefined;
  let version: string | undefined;
  let aborted = false;
  let answered!: (size: number | undefined) => void;
  const size = new Promise<number | undefined>((resolve) => {
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
          onRetry: (err, n, ms) =>
            io?.err(
              `${label}: ${(err as Error).message}; resuming at byte ${w.written.toLocaleString("en-US")} in ${(ms / 1000).toFixed(1)} s (retry ${n} of ${DOWNLOAD_RETRIES.retries})\n`,
            ),
        },
      );
      progress?.finish();
      return await w.commit();
    } catch (err) {
      answered(undefined);
      await w.discard();
      if (!(err instanceof NetworkError) && !cutConnection(err)) throw err;
      throw new CheckFailed(
        `cannot download ${label}: ${(err as Error).message} (after ${DOWNLOAD_RETRIES.retries + 1} attempts); check the network and the store, then run the command again`,
      );
    }
  })();
  // the first answer (or the failure before it) before anything is handed to a reader
  await Promise.race([size, done.then(() => undefined)]);
  done.catch(() => undefined);
  return {
    temp: w.temp,
    size,
    done,
    abort: () => {
      aborted = true;
    },
  };
}

/** Socket errors that end a body early (Node's http: ECONNRESET "aborted"; fetch: "terminated", UND_ERR_SOCKET). */
const CUT = new Set([
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_BODY_TIMEOUT",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

/** Whether an error is a connection that broke mid-transfer (worth resuming), rather than a bug or a refusal. */
export function cutConnection(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: { code?: string } } | undefined;
  if (!e || err instanceof ModelgateError) return false;
  return CUT.has(e.code ?? "") || CUT.has(e.cause?.code ?? "") || e.message === "terminated" || e.message === "aborted";
}
