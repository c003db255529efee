/**
 * A logged CSV table fed through the window by worker threads, the way evaluate reads its data
 * (src/evaluate/collect.ts `csvInWorkers`): this thread reads the file, hashing it as it goes, and cuts it into
 * batches of records (src/data/csv-cut.ts); a worker parses each batch (csv.ts's parser), turns it into logged rows
 * (./logs.ts `fromTable`), feeds them through the window's rules (./feed.ts: the version at each row's time, the
 * logged prediction or, where there is none, the score of that version's model, opened in the worker) and counts the
 * batch (./window.ts `Tallier`: bins, label codes). Back here, in batch order, the accumulator merges the
 * tallies (`WindowAccumulator.merge`, exact sums, the code that counts a batch fed in this thread): the same window,
 * skipped rows and errors as feeding the batches in this thread, on any number of workers.
 */
import { isMainThread, parentPort, type Worker, workerData } from "node:worker_threads";
import { type CsvLayout, type CsvScratch, cutCsv, parseCsvBatch, type RawCsvBatch } from "../data/csv-cut.ts";
import { verifiedRead } from "../data/read.ts";
import type { Task } from "../evaluate/metrics.ts";
import type { ModelIo } from "../evaluate/model-io.ts";
import { ModelRunner } from "../evaluate/runner.ts";
import {
  endWorkers,
  isEndMessage,
  reviveWorkerError,
  serializeWorkerError,
  startModuleWorker,
  startReadyWorkers,
  type WorkerError,
} from "../util/worker.ts";
import { Feeder, type FeedSpec, type FeedVersion } from "./feed.ts";
import { takePrestarted } from "../util/prestarted.ts";
import { asUsage, fromTable, type TableColumns, tableRead } from "./logs.ts";
import {
  type BatchTally,
  Tallier,
  tallyBuffers,
  type WindowAccumulator,
  type WindowRows,
  type WindowSpec,
} from "./window.ts";

/** A version's model, as a worker opens it. */
export interface PoolModel {
  bytes: Uint8Array;
  file: string;
  io: ModelIo;
}

/** What a worker needs to feed the batches of one file. */
export interface FeedPass {
  layout: CsvLayout;
  display: string;
  numeric: string[];
  other: string[];
  idColumn?: string;
  /** The window's feed, but for each version's runner (the worker's own) and the labels (held in the main thread). */
  feed: Omit<FeedSpec, "versions" | "labels" | "capture"> & { versions: Omit<FeedVersion, "runner">[] };
  /** The window's spec: each batch is counted in the worker (./window.ts Tallier). */
  window: WindowSpec;
}

/** A batch fed in a worker. */
interface FedBatch {
  /** Rows read. */
  read: number;
  /** The batch's bytes, given back to be reused. */
  spare: ArrayBuffer;
  /** Rows left out, by reason (in the order first met). */
  skipped: Record<string, number>;
  /** The rows kept, counted (none when no row was kept). */
  tally?: BatchTally;
}

/** A worker's answer: a batch fed. */
interface Answer {
  id: number;
  fed?: FedBatch;
  error?: WorkerError;
}

interface Job {
  resolve: (m: Answer) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  jobs: Map<number, Job>;
}

/** Worker threads, each with a session per version, feeding whole CSV batches. */
export class FeedPool {
  private next = 0;
  private constructor(private readonly slots: Slot[]) {}

  get size(): number {
    return this.slots.length;
  }

  /** Starts `workers` threads that open every model; without a pool, `error` says why (the caller feeds itself). */
  static async start(models: PoolModel[], task: Task, workers: number): Promise<{ pool?: FeedPool; error?: string }> {
    // workers the CLI started before the command loaded (./prestart.ts) wait for the models
    const prestarted = takePrestarted("monitor-feed", workers);
    const started = await startReadyWorkers(workers, (i) => {
      if (!prestarted) return startModuleWorker(import.meta.url, { modelgateMonitor: { models, task } });
      prestarted[i].postMessage({ modelgateOpen: { models, task } });
      return prestarted[i];
    });
    if (!started.workers) return { error: started.error };
    const slots: Slot[] = started.workers.map((worker) => ({ worker, busy: 0, jobs: new Map() }));
    for (const slot of slots) {
      const fail = (err: Error) => {
        for (const job of slot.jobs.values()) job.reject(err);
        slot.jobs.clear();
      };
      slot.worker.on("message", (m: Answer) => {
        const job = slot.jobs.get(m.id);
        if (!job) return;
        slot.jobs.delete(m.id);
        slot.busy--;
        if (m.error) job.reject(reviveWorkerError(m.error));
        else job.resolve(m);
      });
      slot.worker.on("error", fail);
      slot.worker.on("exit", (code) => {
        if (slot.jobs.size > 0) fail(new Error(`a monitoring worker exited (code ${code})`));
      });
    }
    return { pool: new FeedPool(slots) };
  }

  /** Tells every worker how to feed the batches that follow (a file's). */
  startPass(pass: FeedPass): void {
    for (const s of this.slots) s.worker.postMessage({ pass });
  }

  /** Feeds a cut batch in the least busy worker (its bytes are moved, not copied). */
  feed(raw: RawCsvBatch): Promise<FedBatch> {
    return this.ask({ raw }, [raw.bytes.buffer as ArrayBuffer]).then((m) => m.fed!);
  }

  private ask(message: object, transfer: ArrayBuffer[]): Promise<Answer> {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = this.next++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, ...message }, transfer);
    });
  }

  /** Ends the workers once the jobs sent have settled (a worker ended inside onnxruntime's run aborts the process). */
  async close(): Promise<void> {
    while (this.slots.some((s) => s.jobs.size > 0)) await new Promise((r) => setTimeout(r, 5));
    await endWorkers(this.slots.map((s) => s.worker));
  }
}

/** What the main thread keeps of a file fed by the workers. */
export interface TableTarget {
  feed: FeedSpec;
  acc: WindowAccumulator;
  /** The window's feeder: its `skipped` takes the workers' counts. */
  feeder: Feeder;
  batchSize?: number;
}

/**
 * A logged CSV table through the window with the pool: rows read, and the file's sha256 (hashed as it was read).
 * Batches are merged in file order; the first failing batch's error is thrown, as reading them here would.
 */
export async function feedTableInWorkers(
  pool: FeedPool,
  file: string,
  display: string,
  want: TableColumns,
  t: TableTarget,
): Promise<{ rows: number; sha256: string }> {
  const read = await tableRead(file, display, want);
  const { versions, labels: _labels, capture: _capture, ...rest } = t.feed;
  const inflight: Promise<FedBatch>[] = [];
  const maxInflight = pool.size * 3;
  const spares: ArrayBuffer[] = [];
  const alloc = (size: number) => {
    const i = spares.findIndex((a) => a.byteLength >= size);
    return i >= 0 ? new Uint8Array(spares.splice(i, 1)[0]) : new Uint8Array(Math.ceil(size * 1.25));
  };
  let rows = 0;
  let sha256 = "";
  let batchFailed = false;
  const drain = async () => {
    const fed = await inflight.shift()!.catch((err) => {
      batchFailed = true;
      throw asUsage(err);
    });
    spares.push(fed.spare);
    rows += fed.read;
    for (const [k, n] of Object.entries(fed.skipped)) t.feeder.skipped[k] = (t.feeder.skipped[k] ?? 0) + n;
    if (fed.tally) t.acc.merge(fed.tally, t.feed.labels);
  };
  let started = false;
  try {
    const batches = verifiedRead(file, display, { onDigest: (d) => (sha256 = d) }, () =>
      cutCsv(
        file,
        { batchSize: t.batchSize ?? 8192, columns: read.columns, numeric: read.readNumeric, displayName: display },
        alloc,
      ),
    );
    for await (const { layout, raw } of batches) {
      if (!started) {
        pool.startPass({
          layout,
          display,
          numeric: read.numeric,
          other: read.other,
          ...(want.idColumn ? { idColumn: want.idColumn } : {}),
          feed: { ...rest, versions: versions.map(({ runner: _r, ...v }) => v), labelIds: t.feed.labels.size > 0 },
          window: t.acc.spec,
        });
        started = true;
      }
      while (inflight.length >= maxInflight) await drain();
      const job = pool.feed(raw);
      job.catch(() => undefined); // thrown where it is drained, in batch order
      inflight.push(job);
    }
  } catch (err) {
    // the cut failed past batches still in the workers: one of them may have failed first, and its error is the one
    if (!batchFailed) while (inflight.length > 0) await drain();
    throw asUsage(err);
  }
  while (inflight.length > 0) await drain();
  return { rows, sha256 };
}

/** In a worker: a cut batch parsed, fed through the window's rules, counted. */
async function feedBatch(
  pass: FeedPass,
  feeder: Feeder,
  tallier: Tallier,
  kept: { rows?: WindowRows },
  raw: RawCsvBatch,
  openModels: () => Promise<void>,
): Promise<{ fed: FedBatch; transfer: ArrayBuffer[] }> {
  const b = parseCsvBatch(pass.layout, raw, scratch);
  const spare = raw.bytes.buffer as ArrayBuffer;
  const batch = fromTable(b, pass.display, pass.numeric, pass.other, pass.idColumn);
  if (needsScoring(batch, pass.feed.width)) await openModels();
  kept.rows = undefined;
  for (const k of Object.keys(feeder.skipped)) delete feeder.skipped[k];
  await feeder.add(batch);
  const skipped = { ...feeder.skipped };
  const rows = kept.rows as WindowRows | undefined;
  if (!rows) return { fed: { read: b.length, spare, skipped }, transfer: [spare] };
  // the tally's arrays are its own (none lives in this worker's scratch memory): they are moved, not copied
  const tally = tallier.tally(rows);
  return { fed: { read: b.length, spare, skipped, tally }, transfer: [spare, ...tallyBuffers(tally)] };
}

/** This worker's memory for a batch's numbers: the batch is done with before the next one is parsed. */
const scratch: CsvScratch = {};

/** Whether a batch has a row the feeder scores: a table logs one score per row, or none (NaN) where it was not logged. */
function needsScoring(b: ReturnType<typeof fromTable>, width: number): boolean {
  if (width !== 1 || !b.predicted) return true;
  for (let r = 0; r < b.length; r++) if (!Number.isFinite(b.predicted[r])) return true;
  return false;
}

if (!isMainThread && workerData?.modelgateMonitor) {
  const { models, task } = workerData.modelgateMonitor as { models: PoolModel[]; task: Task };
  feedWorker(parentPort!, models, task);
} else if (!isMainThread && workerData?.modelgatePrestart === "feed") {
  // prestarted (./prestart.ts): the models come in the first message, or the end
  const port = parentPort!;
  port.once("message", (m: { modelgateOpen?: { models: PoolModel[]; task: Task } }) => {
    if (m.modelgateOpen) feedWorker(port, m.modelgateOpen.models, m.modelgateOpen.task);
    else port.close();
  });
}

/** A feed worker's side: says it is ready, then feeds the batches the pool sends. */
function feedWorker(port: NonNullable<typeof parentPort>, models: PoolModel[], task: Task): void {
  let chain = Promise.resolve();
  // the models are opened on the first batch that needs one (logs with every prediction never load onnxruntime)
  let runners: Promise<ModelRunner[]> | undefined;
  const openRunners = () => (runners ??= Promise.all(models.map((m) => ModelRunner.open(m.bytes, m.file, task, m.io))));
  let pass: FeedPass | undefined;
  let spec: FeedSpec | undefined;
  let feeder: Feeder | undefined;
  let tallier: Tallier | undefined;
  const kept: { rows?: WindowRows } = {};
  port.on("message", async (m: { id: number; raw?: RawCsvBatch; pass?: FeedPass }) => {
    if (isEndMessage(m)) {
      await chain; // the batch being fed is answered first
      if (runners) for (const r of await runners.catch(() => [])) await r.close();
      return port.close();
    }
    if (m.pass) {
      pass = m.pass;
      // each version's runner is set once the models are open
      spec = { ...pass.feed, versions: pass.feed.versions.map((v) => ({ ...v }) as FeedVersion), labels: new Map() };
      feeder = new Feeder(spec, { add: (rows: WindowRows) => void (kept.rows = rows) });
      tallier = new Tallier(pass.window);
      return;
    }
    const { id, raw } = m;
    // one batch at a time (its numbers live in this worker's scratch memory until it is fed)
    chain = chain.then(async () => {
      try {
        const { fed, transfer } = await feedBatch(pass!, feeder!, tallier!, kept, raw!, async () => {
          const rs = await openRunners();
          spec!.versions.forEach((v, i) => {
            v.runner = rs[i];
          });
        });
        port.postMessage({ id, fed }, transfer);
      } catch (err) {
        port.postMessage({ id, error: serializeWorkerError(err) });
      }
    });
  });
  port.postMessage({ ready: true });
}
