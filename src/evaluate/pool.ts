/**
 * Scoring spread over batches instead of over one batch's operators. Every session scores with one intra-op thread
 * (SCORING_THREADS), so a batch's predictions do not depend on the CPU count (a TreeEnsemble sums its trees in a
 * thread-count-dependent order otherwise); the speed comes back from scoring several batches at once, each in a
 * worker thread with its own sessions. Which worker scores a batch changes nothing: batches are the same on every
 * machine and every session scores the same way, so the predictions are the same bytes.
 */
import { isMainThread, parentPort, type Worker, workerData } from "node:worker_threads";
import type { RawCsvBatch } from "../data/csv-cut.ts";
import { type CsvPassContext, type CsvScored, csvBatch } from "./csv-batch.ts";
import type { ParquetUnit } from "../data/parquet.ts";
import { type ParquetPassContext, type ParquetScored, parquetUnit, startParquetPass } from "./parquet-batch.ts";
import {
  endWorkers,
  isEndMessage,
  reviveWorkerError,
  serializeWorkerError,
  startModuleWorker,
  startReadyWorkers,
  type WorkerError,
} from "../util/worker.ts";
import type { Task } from "./metrics.ts";
import type { ModelIo } from "./model-io.ts";
import { takePrestarted } from "../util/prestarted.ts";
import { defaultScoringWorkers } from "./prestarted.ts";
import { type Feed, type FeatureBatch, loadOrt, ModelRunner, ortVersion, SCORING_THREADS } from "./runner.ts";
import type { Prediction } from "./score-models.ts";

export type { CsvPassContext, CsvScored } from "./csv-batch.ts";
export type { ParquetPassContext, ParquetScored } from "./parquet-batch.ts";

/** What `measure` gives. */
export interface Measured {
  onnxruntime: string;
  latency?: { p50: number; p95: number; p99: number };
}

/** One model a worker opens: the bytes `ModelRunner.open` takes. */
export interface PoolModel {
  bytes: Uint8Array;
  file: string;
  io: ModelIo;
}

interface Job {
  resolve: (r: any) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: number;
  jobs: Map<number, Job>;
}

export { defaultScoringWorkers };

/** Worker threads, each holding a session per model, scoring whole batches. */
export class ScoringPool {
  private next = 0;
  /** Parquet units sent to every worker, by id: whichever worker takes one answers it. */
  private readonly units = new Map<number, Job>();
  private unitSeq = 0;
  private constructor(private readonly slots: Slot[]) {}

  get size(): number {
    return this.slots.length;
  }

  /**
   * Starts `workers` threads and opens every model in each. When workers cannot start (an environment without
   * worker_threads, or a model a worker cannot open) there is no pool and `error` says why: the caller then scores in
   * its own thread, and says so.
   */
  static async start(
    models: PoolModel[],
    task: Task,
    workers: number,
  ): Promise<{ pool?: ScoringPool; error?: string }> {
    // workers the CLI started before the command loaded (prestart.ts) wait for the models
    const prestarted = takePrestarted("scoring", workers);
    const started = await startReadyWorkers(workers, (i) => {
      if (!prestarted) return startModuleWorker(import.meta.url, { modelgateScoring: { models, task } });
      prestarted[i].postMessage({ modelgateOpen: { models, task } });
      return prestarted[i];
    });
    if (!started.workers) return { error: started.error };
    const slots: Slot[] = started.workers.map((worker) => ({ worker, busy: 0, jobs: new Map() }));
    const pool = new ScoringPool(slots);
    for (const slot of slots) {
      const fail = (err: Error) => {
        for (const job of slot.jobs.values()) job.reject(err);
        slot.jobs.clear();
        // a unit this worker had taken would never be answered
        for (const job of pool.units.values()) job.reject(err);
        pool.units.clear();
      };
      slot.worker.on(
        "message",
        (m: {
          id: number;
          outs?: Prediction[];
          ms?: number[];
          csv?: CsvScored;
          parquet?: ParquetScored;
          measured?: Measured;
          error?: WorkerError;
        }) => {
          let job = slot.jobs.get(m.id);
          if (job) {
            slot.jobs.delete(m.id);
            slot.busy--;
          } else {
            job = pool.units.get(m.id);
            if (!job) return;
            pool.units.delete(m.id);
          }
          if (m.error) job.reject(reviveWorkerError(m.error));
          else job.resolve(m.csv ?? m.parquet ?? m.measured ?? { outs: m.outs!, ms: m.ms! });
        },
      );
      slot.worker.on("error", fail);
      slot.worker.on("exit", (code) => {
        if (slot.jobs.size > 0 || pool.units.size > 0) fail(new Error(`a scoring worker exited (code ${code})`));
      });
    }
    return { pool };
  }

  /**
   * Scores one batch (each model's feeds, built by its `ModelRunner.feeds` in this thread, whose buffers are moved,
   * not copied, to the worker) in the least busy worker; returns the predictions and how long each model's run took.
   */
  run(feeds: Record<string, Feed>[], rows: number): Promise<{ outs: Prediction[]; ms: number[] }> {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = this.next++;
    slot.busy++;
    const buffers = new Set<ArrayBuffer>();
    for (const f of feeds)
      for (const t of Object.values(f)) if (!Array.isArray(t.data)) buffers.add(t.data.buffer as ArrayBuffer);
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, feeds, rows }, [...buffers]);
    });
  }

  /** Tells every worker how to parse and prepare the CSV batches that follow (runCsv). */
  startCsv(ctx: CsvPassContext): void {
    for (const s of this.slots) s.worker.postMessage({ csvPass: ctx });
  }

  /**
   * Parses a cut CSV batch in the least busy worker (its bytes are moved, not copied) and, unless it is `other`
   * (another shard's: parsed for its errors only), prepares and scores it.
   */
  runCsv(raw: RawCsvBatch, other: boolean): Promise<CsvScored> {
    return this.ask({ csv: raw, other }, [raw.bytes.buffer as ArrayBuffer]) as Promise<CsvScored>;
  }

  /**
   * Tells every worker how to read, prepare and score the Parquet units that follow (runParquet), and gives them the
   * counter by which they take the units in turn.
   */
  startParquet(ctx: ParquetPassContext): void {
    this.unitSeq = 0;
    const taken = new Int32Array(new SharedArrayBuffer(4));
    for (const s of this.slots) s.worker.postMessage({ parquetPass: ctx, taken });
  }

  /**
   * Reads a unit of a Parquet file (its row group's bytes in shared memory, not copied) in a worker, which prepares
   * and scores its batches. Every worker is sent the unit, and the first to be free takes it (the next number of the
   * shared counter): no worker waits with units queued at another, however long each unit takes and however late
   * this thread reads their answers.
   */
  runParquet(unit: ParquetUnit): Promise<ParquetScored> {
    const id = this.next++;
    const seq = this.unitSeq++;
    return new Promise((resolve, reject) => {
      this.units.set(id, { resolve, reject });
      for (const s of this.slots) s.worker.postMessage({ id, parquet: unit, seq });
    });
  }

  /**
   * onnxruntime's version, and (with `row`) model `model`'s single-row latency on it (ModelRunner.latency), measured
   * in a worker's session: this thread then needs no session, nor onnxruntime, of its own.
   */
  measure(model: number, row?: FeatureBatch): Promise<Measured> {
    return this.ask({ measure: { model, row } }, []) as Promise<Measured>;
  }

  /** Sends `message` to the least busy worker (`transfer` moved, not copied); its answer settles the promise. */
  private ask(message: object, transfer: ArrayBuffer[]): Promise<unknown> {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = this.next++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, ...message }, transfer);
    });
  }

  /**
   * Ends the workers once the jobs sent have settled: a worker terminated inside onnxruntime's run aborts the whole
   * process (onnxruntime-node throws from its native callback), which a failing run would otherwise risk.
   */
  async close(): Promise<void> {
    while (this.units.size > 0 || this.slots.some((s) => s.jobs.size > 0)) await new Promise((r) => setTimeout(r, 5));
    await endWorkers(this.slots.map((s) => s.worker));
  }
}

if (!isMainThread && workerData?.modelgateScoring) {
  const port = parentPort!;
  const init = workerData.modelgateScoring as { models?: PoolModel[]; task?: Task; deferred?: boolean };
  if (init.deferred) {
    // prestarted (prestart.ts): onnxruntime loads now, and sets up its environment (what a process's first session
    // costs before its model: most of the time `create` takes; here by a session of no bytes, refused right after it)
    // while the command loads; the models come in the first message, or the end. A failure is met again, and
    // reported, when the models are opened.
    loadOrt()
      .then((ort) => ort.InferenceSession.create(new Uint8Array(0)))
      .catch(() => undefined);
    port.once("message", (m: { modelgateOpen?: { models: PoolModel[]; task: Task } }) => {
      if (m.modelgateOpen) scoringWorker(port, m.modelgateOpen.models, m.modelgateOpen.task);
      else port.close();
    });
  } else scoringWorker(port, init.models!, init.task!);
}

/** A scoring worker's side: opens every model, says it is ready, then answers the pool's messages. */
function scoringWorker(port: NonNullable<typeof parentPort>, models: PoolModel[], task: Task): void {
  let csvPass: CsvPassContext | undefined;
  let csvChain = Promise.resolve();
  let parquetPass: ParquetPassContext | undefined;
  // the pass's units as they arrive (by number), the shared counter by which the workers take them, the number this
  // worker took and waits for (-1: none), and whether it is reading one
  let units = new Map<number, { id: number; unit: ParquetUnit }>();
  let taken: Int32Array | undefined;
  let mine = -1;
  let reading = false;
  const takeUnit = (): void => {
    if (reading) return;
    if (mine < 0) mine = Atomics.add(taken!, 0, 1);
    const u = units.get(mine);
    if (!u) return; // not read yet (or past the last unit)
    for (const k of units.keys()) if (k <= mine) units.delete(k); // the others' are taken
    mine = -1;
    reading = true;
    // after the batches before it (a unit's batches share this worker's memory)
    csvChain = csvChain.then(async () => {
      try {
        const { result, transfer } = await parquetUnit(runners, parquetPass!, u.unit);
        port.postMessage({ id: u.id, parquet: result }, transfer);
      } catch (err) {
        port.postMessage({ id: u.id, error: serializeWorkerError(err) });
      }
      reading = false;
      takeUnit();
    });
  };
  let runners: ModelRunner[] = [];
  Promise.all(models.map((m) => ModelRunner.open(m.bytes, m.file, task, m.io, SCORING_THREADS))).then(
    (opened) => {
      runners = opened;
      type Message = { id: number; feeds: Record<string, Feed>[]; rows: number } & {
        csvPass?: CsvPassContext;
        csv?: RawCsvBatch;
        other?: boolean;
        parquetPass?: ParquetPassContext;
        taken?: Int32Array;
        parquet?: ParquetUnit;
        seq?: number;
        measure?: { model: number; row?: FeatureBatch };
      };
      port.on("message", async (m: Message) => {
        if (isEndMessage(m)) {
          await csvChain; // the batch being parsed is answered first
          for (const r of runners) await r.close();
          return port.close();
        }
        const { id, feeds, rows, csvPass: ctx, csv, other } = m;
        if (ctx) {
          csvPass = ctx;
          return;
        }
        if (m.parquetPass) {
          parquetPass = m.parquetPass;
          taken = m.taken;
          units = new Map();
          mine = -1;
          try {
            startParquetPass(runners, parquetPass);
          } catch {
            // met again, and reported, at the first unit
          }
          return;
        }
        if (m.parquet) {
          units.set(m.seq!, { id, unit: m.parquet });
          takeUnit();
          return;
        }
        if (m.measure) {
          const { model, row } = m.measure;
          try {
            const measured: Measured = {
              onnxruntime: ortVersion(await loadOrt()),
              ...(row ? { latency: await runners[model].latency(row) } : {}),
            };
            port.postMessage({ id, measured });
          } catch (err) {
            port.postMessage({ id, error: serializeWorkerError(err) });
          }
          return;
        }
        if (csv) {
          // one batch at a time (its numbers live in this worker's scratch memory until it is scored)
          csvChain = csvChain.then(async () => {
            try {
              const { result, transfer } = await csvBatch(runners, csvPass!, csv, other === true);
              port.postMessage({ id, csv: result }, transfer);
            } catch (err) {
              port.postMessage({ id, error: serializeWorkerError(err) });
            }
          });
          return;
        }
        try {
          const outs: Prediction[] = [];
          const ms: number[] = [];
          for (const [i, r] of runners.entries()) {
            const before = r.inferMs;
            outs.push(await r.runFeeds(feeds[i], rows));
            ms.push(r.inferMs - before);
          }
          port.postMessage(
            { id, outs, ms },
            outs.map((o) => o.buffer as ArrayBuffer),
          );
        } catch (err) {
          port.postMessage({ id, error: serializeWorkerError(err) });
        }
      });
      port.postMessage({ ready: true });
    },
    (err) => port.postMessage({ error: serializeWorkerError(err).message }),
  );
}
