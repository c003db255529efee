import { webcrypto } from "node:crypto";
import { sha256Of } from "../ledger/canonical.ts";

/**
 * The sha256 of the evaluation records verify reads (23.6 MiB on the bench), computed on libuv's threads
 * (`crypto.subtle.digest`) as each ledger's records arrive from git, while the main thread parses the other ledgers,
 * reads the rest and builds the timeline; known by the identity of the bytes hashed. A buffer not hashed ahead is
 * hashed when asked, as before.
 */
const known = new WeakMap<Buffer, string>();

/** Hashes each buffer on libuv's threads; resolves when all are known. */
export function hashAhead(bufs: Iterable<Buffer | undefined>): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const buf of bufs) {
    if (!buf || known.has(buf)) continue;
    jobs.push(
      webcrypto.subtle.digest("SHA-256", buf).then(
        (d) => {
          known.set(buf, `sha256:${Buffer.from(d).toString("hex")}`);
        },
        () => {}, // hashed when asked
      ),
    );
  }
  return Promise.all(jobs).then(() => {});
}

/** "sha256:<hex>" of the bytes: hashed ahead, or now. */
export function digestOf(buf: Buffer): string {
  return known.get(buf) ?? sha256Of(buf);
}
