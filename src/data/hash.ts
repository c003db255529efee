import { createHash } from "node:crypto";
import { open, stat } from "node:fs/promises";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { startModuleWorker } from "../util/worker.ts";

/**
 * sha256 of a file, streamed in large reads with one reused buffer: constant memory for any size, and close to
 * `sha256sum` throughput (bench/hash.ts measures it).
 */
export async function sha256File(path: string, onBytes?: (n: number) => void): Promise<string> {
  const hash = createHash("sha256");
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      hash.update(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      onBytes?.(bytesRead);
    }
  } finally {
    await fh.close();
  }
  return hash.digest("hex");
}

export function sha256Bytes(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * sha256File in a worker thread: for a large data file read by evaluate, so that hashing it (about 0.2 s per
 * 300 MB) runs beside the parsing and inference instead of between them. Small files are hashed here.
 */
export async function sha256FileBeside(path: string): Promise<string> {
  if ((await stat(path)).size < 32 * 1024 * 1024) return sha256File(path);
  const w = startModuleWorker(import.meta.url, { modelgateHash: path });
  try {
    return await new Promise<string>((resolve, reject) => {
      w.once("message", (m: { digest?: string; error?: string }) =>
        m.digest ? resolve(m.digest) : reject(new Error(`hashing ${path} failed: ${m.error}`)),
      );
      w.once("error", reject);
    });
  } finally {
    await w.terminate();
  }
}

if (!isMainThread && workerData?.modelgateHash) {
  sha256File(workerData.modelgateHash as string).then(
    (digest) => parentPort!.postMessage({ digest }),
    (err: Error) => parentPort!.postMessage({ error: err.message }),
  );
}
