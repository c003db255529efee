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
  let w = await CacheWriter.start(dir, expected, label);
  // progress for a download that takes a while; a small file arrives before a line would be worth reading
  const progress =
    io && (expected.size ?? Number.POSITIVE_INFINITY) >= PROGRESS_MIN_BYTES
      ? new Progress(io, `download ${label}`, expected.size ?? 0, "bytes")
      : undefined;
  let version: string | undefined;
  try {
    await withRetry(
      async () => {
        const r = await obj.read(w.written, version);
        if (r.start !== w.written) w = await w.restart();
        if (r.start === 0) version = r.version;
        for await (const chunk of r.body) {
          await w.write(chunk);
          progress?.add(chunk.length);
        }
      },
      {
        ...DOWNLOAD_RETRIES,
        retryable: (err) => (err instanceof NetworkError ? err.retryable : cutConnection(err)),
        onRetry: (err, n, ms) =>
          io?.err(
            `${label}: ${(err as Error).message}; resuming at byte ${w.written.toLocaleString("en-US")} in ${(ms / 1000).toFixed(1)} s (retry ${n} of ${DOWNLOAD_RETRIES.retries})\n`,
          ),
      },
    );
    progress?.finish();
    return { ...(await w.commit()), downloaded: true };
  } catch (err) {
    await w.discard();
    if (!(err instanceof NetworkError) && !cutConnection(err)) throw err;
    throw new CheckFailed(
      `cannot download ${label}: ${(err as Error).message} (after ${DOWNLOAD_RETRIES.retries + 1} attempts); check the network and the store, then run the command again`,
    );
  }
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
