import { createHash } from "node:crypto";
import { open } from "node:fs/promises";

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
