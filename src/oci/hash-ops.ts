import { createHash, type Hash } from "node:crypto";
import { crc32 } from "./crc32.ts";

/** What an op hashes: the gzip member, the tar (sha256), the tar's CRC-32, or file `i` (FILE + i). */
export const Stream = { GZ: 0, TAR: 1, CRC: 2, FILE: 3 } as const;

/** Hash ops, flat: each three numbers s, off, len hash bytes [off, off + len) of a chunk into stream `s`. */
export type Ops = number[];

/**
 * The hashing of a layer's streams: ops applied to bytes, each stream's hash kept (a sha256, the CRC-32 for
 * Stream.CRC). The one implementation, run in the main thread for a small layer and in the hashing worker
 * (layer-hash-worker.ts) for a large one.
 */
export function hashState() {
  const hashes = new Map<number, Hash>();
  let crc = 0;
  return {
    apply(bytes: Uint8Array, ops: ArrayLike<number>): void {
      for (let i = 0; i < ops.length; i += 3) {
        const s = ops[i];
        const view = bytes.subarray(ops[i + 1], ops[i + 1] + ops[i + 2]);
        if (s === Stream.CRC) {
          crc = crc32(view, crc);
          continue;
        }
        let h = hashes.get(s);
        if (!h) hashes.set(s, (h = createHash("sha256")));
        h.update(view);
      }
    },
    crc: () => crc,
    digests(): Record<number, string> {
      const out: Record<number, string> = {};
      for (const [s, h] of hashes) out[s] = h.digest("hex");
      return out;
    },
  };
}
