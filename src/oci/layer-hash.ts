import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { hashState, type Ops, Stream } from "./hash-ops.ts";

/**
 * The hashes of a model layer, computed as its chunks are read: the gzip member's sha256 (the layer digest), the tar's
 * sha256 (the diff id) and CRC-32 (the gzip trailer's), and each file's sha256. For a large layer they run in a worker
 * thread over the chunks the main thread reads and sends (SharedArrayBuffer, no copy), so that hashing (three sha256
 * passes and a CRC-32, about 3 s of CPU per GiB here) overlaps reading and sending. Measured in turns on this 2-core
 * machine, where the registry hashes and writes too: one thread beat two and three (each stream its own thread: more
 * CPU for the hand-offs, and every chunk read from memory once per thread), and beat hashing in the main thread. The
 * hashes can be spread over more threads (`threads`), each stream to one. Small layers hash in the main thread (a
 * worker costs ~30 ms to start).
 */

export interface HashResult {
  gz: string;
  tar: string;
  crc: number;
  /** sha256 (hex) by file index; a file with no bytes hashed is absent. */
  files: Map<number, string>;
}

declare const __MODELGATE_HASH_WORKER__: string | undefined;

let builtScript: string | undefined;

/**
 * The hashing worker's script: layer-hash-worker.ts bundled into one file (scripts/worker-script.cjs), so that the
 * worker loads no module of modelgate's and starts in ~30 ms. The bundles hold it, built with them (scripts/bundle.mjs
 * defines `__MODELGATE_HASH_WORKER__`); a run from source (tsx) builds it at first use.
 */
function workerScript(): string {
  if (typeof __MODELGATE_HASH_WORKER__ === "string") return __MODELGATE_HASH_WORKER__;
  builtScript ??= createRequire(import.meta.url)("../../scripts/worker-script.cjs").workerScript(
    fileURLToPath(new URL("./layer-hash-worker.ts", import.meta.url)),
  ) as string;
  return builtScript;
}

/** How many hashing threads a layer of this many bytes gets: one from 32 MiB, else none (see above). */
export function hashThreadsFor(size: number): number {
  return size >= 32 << 20 ? 1 : 0;
}

interface Pending {
  left: number;
  done: () => void;
}

/**
 * The layer's hashes, fed chunk by chunk in order. With threads, each chunk must live in a SharedArrayBuffer (the
 * workers read it in place) and stay unchanged until `feed`'s `done` runs; without, `done` runs at once.
 */
export class LayerHasher {
  private readonly workers: Worker[] = [];
  private readonly local?: ReturnType<typeof hashState>;
  /** Which worker each stream goes to. */
  private readonly assign: (s: number) => number;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private outstanding = 0;
  private waiters: (() => void)[] = [];
  private answers: ((m: Record<string, unknown>) => void)[][] = [];
  private failed?: Error;

  constructor(threads: number) {
    if (threads <= 0) {
      this.local = hashState();
      this.assign = () => 0;
      return;
    }
    // the heaviest first: the gzip sha256, the tar sha256, the file's sha256, then the CRC-32 (twice as fast)
    const order = [Stream.GZ, Stream.TAR, Stream.FILE, Stream.CRC];
    this.assign = (s) => order.indexOf(s >= Stream.FILE ? Stream.FILE : (s as 0 | 1 | 2)) % threads;
    for (let i = 0; i < threads; i++) {
      const w = new Worker(workerScript(), { eval: true });
      w.unref();
      this.answers.push([]);
      w.on("message", (m: Record<string, unknown>) => this.onMessage(i, m));
      w.on("error", (err) => this.fail(err));
      this.workers.push(w);
    }
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const p of this.pending.values()) p.done();
    this.pending.clear();
    this.outstanding = 0;
    for (const w of this.waiters.splice(0)) w();
    // a question asked of a worker that failed is answered with its error
    for (const q of this.answers) for (const answer of q.splice(0)) answer({ error: err });
    this.keepAlive();
  }

  private onMessage(i: number, m: Record<string, unknown>): void {
    if (typeof m.ack === "number") {
      const p = this.pending.get(m.ack);
      if (p && --p.left === 0) {
        this.pending.delete(m.ack);
        p.done();
        this.outstanding--;
        this.keepAlive();
        for (const w of this.waiters.splice(0)) w();
      }
      return;
    }
    this.answers[i].shift()?.(m);
    this.keepAlive();
  }

  /**
   * The workers keep the process alive only while something waits for them (an ack or an answer): a layer whose
   * reading was given up leaves idle workers that end with the process.
   */
  private keepAlive(): void {
    const busy = this.outstanding > 0 || this.answers.some((q) => q.length > 0);
    for (const w of this.workers) busy ? w.ref() : w.unref();
  }

  /** Hashes `ops` over `bytes`; `done` runs when no hash needs the bytes any more. */
  feed(bytes: Uint8Array, ops: Ops, done: () => void): void {
    if (this.failed) throw this.failed;
    if (this.local) {
      this.local.apply(bytes, ops);
      done();
      return;
    }
    // a chunk in shared memory is read in place (offsets into its whole buffer); other bytes (the gzip header and
    // trailer) are copied with the message
    const shared = bytes.buffer instanceof SharedArrayBuffer;
    const base = shared ? bytes.byteOffset : 0;
    const byWorker = this.workers.map((): number[] => []);
    for (let i = 0; i < ops.length; i += 3) byWorker[this.assign(ops[i])].push(ops[i], base + ops[i + 1], ops[i + 2]);
    const to = byWorker.flatMap((o, w) => (o.length ? [w] : []));
    if (to.length === 0) {
      done();
      return;
    }
    const id = this.nextId++;
    this.pending.set(id, { left: to.length, done });
    this.outstanding++;
    this.keepAlive();
    for (const w of to) {
      this.workers[w].postMessage({ id, bytes: shared ? bytes.buffer : bytes, ops: Float64Array.from(byWorker[w]) });
    }
  }

  /** Resolves when fewer than `limit` chunks wait for the workers (so reading never runs far ahead of hashing). */
  async room(limit: number): Promise<void> {
    while (this.outstanding >= limit && !this.failed) await new Promise<void>((r) => this.waiters.push(r));
    if (this.failed) throw this.failed;
  }

  private ask(w: number, msg: Record<string, unknown>): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.answers[w].push((m) => (m.error ? reject(m.error) : resolve(m)));
      this.keepAlive();
      this.workers[w].postMessage(msg);
    });
  }

  /** The CRC-32 of the tar bytes fed so far. */
  async crc(): Promise<number> {
    if (this.local) return this.local.crc();
    return (await this.ask(this.assign(Stream.CRC), { crc: true })).crc as number;
  }

  /** Every hash, once all is fed; the workers end. */
  async finish(): Promise<HashResult> {
    let digests: Record<number, string> = {};
    let crc = 0;
    if (this.local) {
      digests = this.local.digests();
      crc = this.local.crc();
    } else {
      const answers = await Promise.all(this.workers.map((_, i) => this.ask(i, { end: true })));
      for (const [i, a] of answers.entries()) {
        Object.assign(digests, a.digests);
        if (i === this.assign(Stream.CRC)) crc = a.crc as number;
      }
      this.workers.length = 0;
    }
    const empty = createHash("sha256").digest("hex");
    const files = new Map<number, string>();
    for (const [s, hex] of Object.entries(digests))
      if (Number(s) >= Stream.FILE) files.set(Number(s) - Stream.FILE, hex);
    return { gz: digests[Stream.GZ] ?? empty, tar: digests[Stream.TAR] ?? empty, crc, files };
  }

  /** Ends the workers (a layer read out of order, or given up): each closes its port and ends on its own. */
  close(): void {
    for (const w of this.workers) w.postMessage({ end: true });
    this.workers.length = 0;
  }
}
