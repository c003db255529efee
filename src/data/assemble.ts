import { isMainThread, parentPort, type Worker, workerData } from "node:worker_threads";
import { endWorkers, isEndMessage, startModuleWorker } from "../util/worker.ts";
import type { Batch, Cell, NotNumbers } from "./batch.ts";

/**
 * Files this large are read by worker threads (CSV blocks, Parquet row ranges), fewer bytes staying in the thread that
 * infers. The rows do not depend on the number of threads: pieces are joined in file order (and CSV blocks checked
 * to meet record for record), so a record is the same on any machine.
 */
export const PARALLEL_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Reader threads: MODELGATE_READ_THREADS, else 0 (read in the thread that infers). On the 2-CPU machine the
 * benchmarks run on, one reader thread measured no faster end to end than none, for CSV and Parquet alike (its start
 * and the hand-over cost what the overlap gains; bench/evaluate.ts --read-threads 0,1), so threads are opt-in.
 */
export function readThreads(): number {
  const env = process.env.MODELGATE_READ_THREADS;
  return env !== undefined && /^\d+$/.test(env) ? Math.min(Number(env), 16) : 0;
}

/** Rows decoded in one piece (a CSV block, a Parquet row range), by column as in a Batch. */
export interface Block {
  rows: number;
  /** The file line of each row (CSV). */
  lines?: Int32Array;
  nums: (Float64Array | undefined)[];
  cells: Cell[][];
  bad: (NotNumbers | undefined)[];
}

/**
 * Rows of blocks, handed out as batches of a fixed size whatever the blocks' sizes: views of a block's arrays when
 * the batch lies within one block (the usual case), copies only for a batch that spans two.
 */
export class Assembler {
  private readonly parts: { r: Block; at: number }[] = [];
  available = 0;
  private offset = 0;
  constructor(
    private readonly names: string[],
    private readonly isNum: boolean[],
    private readonly numeric: boolean,
  ) {}

  add(r: Block): void {
    if (r.rows === 0) return;
    this.parts.push({ r, at: 0 });
    this.available += r.rows;
  }

  take(n: number): Batch {
    const names = this.names;
    const first = this.parts[0];
    let batch: Batch;
    if (first.r.rows - first.at >= n) {
      const { r, at } = first;
      batch = {
        columns: names,
        length: n,
        data: names.map((_, c) =>
          r.nums[c] ? [] : at === 0 && n === r.rows ? r.cells[c] : r.cells[c].slice(at, at + n),
        ),
        offset: this.offset,
        ...(r.lines ? { lines: r.lines.subarray(at, at + n) } : {}),
        ...(this.numeric
          ? {
              numeric: r.nums.map((a) => a?.subarray(at, at + n)),
              notNumbers: r.bad.map((x) => {
                const part = x && slice(x, at, at + n);
                return part && part.rows.length > 0 ? part : undefined;
              }),
            }
          : {}),
      };
      first.at += n;
      if (first.at === r.rows) this.parts.shift();
    } else {
      const nums = this.isNum.map((num) => (num ? new Float64Array(n) : undefined));
      const cells: Cell[][] = names.map(() => []);
      const bad: NotNumbers[] = names.map(() => ({ rows: [], texts: [] }));
      const lines = first.r.lines ? new Int32Array(n) : undefined;
      let filled = 0;
      while (filled < n) {
        const p = this.parts[0];
        const k = Math.min(n - filled, p.r.rows - p.at);
        if (lines && p.r.lines) lines.set(p.r.lines.subarray(p.at, p.at + k), filled);
        for (let c = 0; c < names.length; c++) {
          const src = p.r.nums[c];
          if (src) {
            nums[c]!.set(src.subarray(p.at, p.at + k), filled);
            const part = slice(p.r.bad[c], p.at, p.at + k);
            for (let i = 0; i < part.rows.length; i++) {
              bad[c].rows.push(filled + part.rows[i]);
              bad[c].texts.push(part.texts[i]);
            }
          } else {
            const from = p.r.cells[c];
            for (let r = 0; r < k; r++) cells[c].push(from[p.at + r]);
          }
        }
        p.at += k;
        filled += k;
        if (p.at === p.r.rows) this.parts.shift();
      }
      batch = {
        columns: names,
        length: n,
        data: cells,
        offset: this.offset,
        ...(lines ? { lines } : {}),
        ...(this.numeric ? { numeric: nums, notNumbers: bad.map((x) => (x.rows.length > 0 ? x : undefined)) } : {}),
      };
    }
    this.available -= n;
    this.offset += n;
    return batch;
  }
}

/** The not-a-number cells among rows [from, to), counted from `from`. */
export function slice(x: NotNumbers | undefined, from: number, to: number): NotNumbers {
  const out: NotNumbers = { rows: [], texts: [] };
  if (!x) return out;
  for (let i = 0; i < x.rows.length; i++) {
    if (x.rows[i] >= from && x.rows[i] < to) {
      out.rows.push(x.rows[i] - from);
      out.texts.push(x.texts[i]);
    }
  }
  return out;
}

/**
 * Jobs run by worker threads (each running the module at `moduleUrl`, set up by `serveJobs`), their results taken in
 * the order the jobs were given, at most `ahead` jobs at a time: memory stays bounded whatever the file's size.
 */
export class OrderedJobs<J, R> {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (r: R) => void; reject: (e: unknown) => void }>();
  private readonly results = new Map<number, Promise<R>>();
  /** A worker's failure (an error event), if any. */
  failure: unknown;
  private next = 0;
  private taken = 0;

  constructor(
    moduleUrl: string,
    key: string,
    data: unknown,
    threads: number,
    private readonly jobs: J[],
    /** Jobs are sent only when `start` is called (the caller works alone until a worker is up). */
    lazy = false,
    private readonly ahead = threads * 2,
  ) {
    this.workers = Array.from({ length: threads }, () => startModuleWorker(moduleUrl, { [key]: data }));
    for (const w of this.workers) {
      w.on("message", (m: { id: number; result?: R; error?: string; hello?: true }) => {
        if (m.hello) {
          this.started = true;
          return;
        }
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.result !== undefined) p?.resolve(m.result);
        else p?.reject(new Error(`a reader thread failed: ${m.error}`));
      });
      w.on("error", (err) => {
        this.failure = err;
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
    }
    if (!lazy) this.start(0);
  }

  /** Whether a worker has started (it says so once its module is loaded). */
  started = false;

  /** Sends the jobs from `from` on (the ones before are the caller's), `ahead` at a time. */
  start(from: number): void {
    this.next = from;
    this.taken = from;
    while (this.next < Math.min(from + this.ahead, this.jobs.length)) this.submit();
  }

  private submit(): void {
    const id = this.next++;
    const p = new Promise<R>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, job: this.jobs[id] });
    });
    p.catch(() => {}); // taken in order by `take`
    this.results.set(id, p);
  }

  /** The result of the next job in order. */
  async take(): Promise<R> {
    const id = this.taken++;
    const r = await this.results.get(id)!;
    this.results.delete(id);
    if (this.next < this.jobs.length) this.submit();
    return r;
  }

  async close(): Promise<void> {
    await endWorkers(this.workers);
  }
}

/** In a worker thread started by OrderedJobs with `key`: runs each job and sends its result (arrays moved, not copied). */
export function serveJobs<J, R extends Block>(key: string, run: (data: unknown, job: J) => Promise<R>): void {
  if (isMainThread || !workerData?.[key]) return;
  const data = workerData[key];
  parentPort!.postMessage({ hello: true });
  parentPort!.on("message", async (m: { id: number; job: J }) => {
    if (isEndMessage(m)) return parentPort!.close();
    try {
      const result = await run(data, m.job);
      const transfer = [
        ...(result.lines ? [result.lines.buffer] : []),
        ...result.nums.flatMap((a) => (a ? [a.buffer] : [])),
      ] as ArrayBuffer[];
      parentPort!.postMessage({ id: m.id, result }, [...new Set(transfer)]);
    } catch (err) {
      parentPort!.postMessage({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
}
