import { createRequire } from 'node:module';
import { t as takePrestarted } from './chunk-AKCVZCJS-CNRjUNJo.js';
import { e as parquetUnitState, d as parquetUnitBatches } from './chunk-57NNSMOW-CqGXJgBs.js';
import { aB as parseCsvBatch, A as newCodes, C as prepareBatch } from './hot-validate-Cbhe7qur.js';
import { d as defaultScoringWorkers } from './chunk-6ISN4EGF-OY3v5fbb.js';
import { t as tensorFits, s as scoreModels, a as firstRowWire } from './chunk-2N2GYVU3-BuZWoH5t.js';
import { l as loadOrt, M as ModelRunner, S as SCORING_THREADS, o as ortVersion } from './chunk-RUQEVCOP-DcryHeG5.js';
import { l as startReadyWorkers, s as startModuleWorker, n as reviveWorkerError, e as endWorkers, o as serializeWorkerError, i as isEndMessage } from './hot-validate-verify-COnm42W2.js';
import './chunk-UBMSCOQN-DvpQ3ehE.js';
import './chunk-2ZLDIS45-ZCAU1cz0.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { isMainThread, workerData, parentPort } from 'node:worker_threads';
import 'node:fs/promises';
import 'node:zlib';
import 'fs';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:path';
import 'node:util';
import 'node:crypto';
import 'node:child_process';
import 'node:timers/promises';
import 'node:v8';
import 'node:os';
import 'node:url';

const require$1 = createRequire(import.meta.url);

// src/evaluate/csv-batch.ts
var scratch = {};
var tensorPlans;
function tensorPlan(runners, ctx) {
  const first = runners[0];
  const input = first.tensorInput;
  const features = first.columns;
  const { layout } = ctx;
  if (!input || new Set(features).size !== features.length) return void 0;
  if (features.some((f) => ctx.columns.strings.has(f) || !layout.isNum[layout.names.indexOf(f)])) return void 0;
  const tpos = new Int32Array(layout.width).fill(-1);
  for (let h = 0; h < layout.width; h++) {
    const c = layout.slot[h];
    if (c >= 0 && layout.isNum[c]) tpos[h] = features.indexOf(layout.names[c]);
  }
  if (features.some((_, k) => !tpos.includes(k))) return void 0;
  const fits = tensorFits(runners, input.type, features);
  const width = features.length;
  let data;
  return {
    type: input.type,
    width,
    fits,
    into(rows) {
      if (!data || data.length < rows * width)
        data = input.type === "float64" ? new Float64Array(rows * width) : new Float32Array(rows * width);
      return { tpos, width, data };
    }
  };
}
async function csvBatch(runners, ctx, raw, other) {
  const plan = (tensorPlans ??= /* @__PURE__ */ new Map()).get(ctx) ?? tensorPlan(runners, ctx);
  tensorPlans.set(ctx, plan);
  const into = plan && !other ? plan.into(Math.max(1, raw.rows)) : void 0;
  const b = parseCsvBatch(ctx.layout, raw, scratch, into);
  const spare = raw.bytes.buffer;
  if (other) return { result: { read: b.length, spare }, transfer: [spare] };
  const codes = newCodes(ctx.spec);
  const finite = into !== void 0 && !into.nonFinite;
  const prep = prepareBatch(b, ctx.spec, ctx.columns, codes, ctx.display, finite);
  const n = prep.fb.length;
  const transfer = [
    spare,
    prep.labels.buffer,
    ...prep.slices.map((c) => c.buffer)
  ];
  let outs;
  let ms;
  if (n > 0) {
    const tensor = finite ? { type: plan.type, data: into.data.subarray(0, n * plan.width), width: plan.width, fits: plan.fits } : void 0;
    ({ outs, ms } = await scoreModels(runners, prep.fb, n, tensor));
    for (const o of outs) transfer.push(o.buffer);
  }
  const firstRow = n > 0 ? firstRowWire(prep.fb) : void 0;
  return {
    result: {
      read: b.length,
      spare,
      prepared: {
        offset: prep.offset,
        kept: n,
        skipped: prep.skipped,
        labels: prep.labels,
        labelKeys: ctx.spec.task === "regression" ? void 0 : codes.labels.keys,
        slices: prep.slices,
        sliceKeys: codes.slices.map((d) => d.keys),
        outs,
        ms,
        firstRow
      }
    },
    transfer: [...new Set(transfer)]
  };
}

// src/evaluate/parquet-batch.ts
var plans;
function tensorPlan2(runners, ctx) {
  const first = runners[0];
  const input = first.tensorInput;
  const features = first.columns;
  const { names, numeric } = ctx.layout;
  if (!input || new Set(features).size !== features.length) return null;
  if (features.some((f) => ctx.columns.strings.has(f) || !numeric.includes(f))) return null;
  return {
    type: input.type,
    cols: features.map((f) => names.indexOf(f)),
    fits: tensorFits(runners, input.type, features)
  };
}
function fill32(cols, n, out) {
  const width = cols.length;
  let bad = 0;
  let k = 0;
  for (; k + 3 < width; k += 4) {
    const a = cols[k];
    const b = cols[k + 1];
    const c = cols[k + 2];
    const d = cols[k + 3];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = a[r];
      const y = b[r];
      const z = c[r];
      const w = d[r];
      out[at] = x;
      out[at + 1] = y;
      out[at + 2] = z;
      out[at + 3] = w;
      bad |= x - x + (y - y) + (z - z) + (w - w) === 0 ? 0 : 1;
    }
  }
  for (; k < width; k++) {
    const col = cols[k];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = col[r];
      out[at] = x;
      bad |= x - x === 0 ? 0 : 1;
    }
  }
  return bad === 0;
}
function fill64(cols, n, out) {
  const width = cols.length;
  let bad = 0;
  let k = 0;
  for (; k + 3 < width; k += 4) {
    const a = cols[k];
    const b = cols[k + 1];
    const c = cols[k + 2];
    const d = cols[k + 3];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = a[r];
      const y = b[r];
      const z = c[r];
      const w = d[r];
      out[at] = x;
      out[at + 1] = y;
      out[at + 2] = z;
      out[at + 3] = w;
      bad |= x - x + (y - y) + (z - z) + (w - w) === 0 ? 0 : 1;
    }
  }
  for (; k < width; k++) {
    const col = cols[k];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = col[r];
      out[at] = x;
      bad |= x - x === 0 ? 0 : 1;
    }
  }
  return bad === 0;
}
function startParquetPass(runners, ctx) {
  plans ??= /* @__PURE__ */ new WeakMap();
  if (!plans.has(ctx)) plans.set(ctx, tensorPlan2(runners, ctx));
  parquetUnitState(ctx.layout);
}
async function parquetUnit(runners, ctx, unit) {
  plans ??= /* @__PURE__ */ new WeakMap();
  let plan = plans.get(ctx);
  if (plan === void 0) {
    plan = tensorPlan2(runners, ctx);
    plans.set(ctx, plan);
  }
  const codes = newCodes(ctx.spec);
  const batches = [];
  const transfer = [];
  let read = 0;
  let firstRow;
  for await (const b of parquetUnitBatches(ctx.layout, unit)) {
    read += b.length;
    let finite = false;
    let tensor;
    if (plan) {
      const width = plan.cols.length;
      const size = b.length * width;
      if (!plan.data || plan.data.length < size)
        plan.data = plan.type === "float64" ? new Float64Array(size) : new Float32Array(size);
      tensor = plan.data.subarray(0, size);
      const cols = plan.cols.map((c) => b.numeric[c]);
      finite = tensor instanceof Float32Array ? fill32(cols, b.length, tensor) : fill64(cols, b.length, tensor);
    }
    const prep = prepareBatch(b, ctx.spec, ctx.columns, codes, ctx.display, finite);
    const n = prep.fb.length;
    let outs;
    let ms;
    if (n > 0) {
      const filled = finite ? { type: plan.type, data: tensor, width: plan.cols.length, fits: plan.fits } : void 0;
      ({ outs, ms } = await scoreModels(runners, prep.fb, n, filled));
      for (const o of outs) transfer.push(o.buffer);
      firstRow ??= firstRowWire(prep.fb);
    }
    transfer.push(prep.labels.buffer, ...prep.slices.map((c) => c.buffer));
    batches.push({
      offset: prep.offset,
      kept: n,
      skipped: prep.skipped,
      labels: prep.labels,
      slices: prep.slices,
      outs,
      ms
    });
  }
  return {
    result: {
      read,
      batches,
      labelKeys: ctx.spec.task === "regression" ? void 0 : codes.labels.keys,
      sliceKeys: codes.slices.map((d) => d.keys),
      firstRow
    },
    transfer: [...new Set(transfer)]
  };
}

// src/evaluate/pool.ts
var ScoringPool = class _ScoringPool {
  constructor(slots) {
    this.slots = slots;
  }
  slots;
  next = 0;
  /** Parquet units sent to every worker, by id: whichever worker takes one answers it. */
  units = /* @__PURE__ */ new Map();
  unitSeq = 0;
  get size() {
    return this.slots.length;
  }
  /**
   * Starts `workers` threads and opens every model in each. When workers cannot start (an environment without
   * worker_threads, or a model a worker cannot open) there is no pool and `error` says why: the caller then scores in
   * its own thread, and says so.
   */
  static async start(models, task, workers) {
    const prestarted = takePrestarted("scoring", workers);
    const started = await startReadyWorkers(workers, (i) => {
      if (!prestarted) return startModuleWorker(import.meta.url, { modelgateScoring: { models, task } });
      prestarted[i].postMessage({ modelgateOpen: { models, task } });
      return prestarted[i];
    });
    if (!started.workers) return { error: started.error };
    const slots = started.workers.map((worker) => ({ worker, busy: 0, jobs: /* @__PURE__ */ new Map() }));
    const pool = new _ScoringPool(slots);
    for (const slot of slots) {
      const fail = (err) => {
        for (const job of slot.jobs.values()) job.reject(err);
        slot.jobs.clear();
        for (const job of pool.units.values()) job.reject(err);
        pool.units.clear();
      };
      slot.worker.on(
        "message",
        (m) => {
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
          else job.resolve(m.csv ?? m.parquet ?? m.measured ?? { outs: m.outs, ms: m.ms });
        }
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
  run(feeds, rows) {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = this.next++;
    slot.busy++;
    const buffers = /* @__PURE__ */ new Set();
    for (const f of feeds)
      for (const t of Object.values(f)) if (!Array.isArray(t.data)) buffers.add(t.data.buffer);
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, feeds, rows }, [...buffers]);
    });
  }
  /** Tells every worker how to parse and prepare the CSV batches that follow (runCsv). */
  startCsv(ctx) {
    for (const s of this.slots) s.worker.postMessage({ csvPass: ctx });
  }
  /**
   * Parses a cut CSV batch in the least busy worker (its bytes are moved, not copied) and, unless it is `other`
   * (another shard's: parsed for its errors only), prepares and scores it.
   */
  runCsv(raw, other) {
    return this.ask({ csv: raw, other }, [raw.bytes.buffer]);
  }
  /**
   * Tells every worker how to read, prepare and score the Parquet units that follow (runParquet), and gives them the
   * counter by which they take the units in turn.
   */
  startParquet(ctx) {
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
  runParquet(unit) {
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
  measure(model, row) {
    return this.ask({ measure: { model, row } }, []);
  }
  /** Sends `message` to the least busy worker (`transfer` moved, not copied); its answer settles the promise. */
  ask(message, transfer) {
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
  async close() {
    while (this.units.size > 0 || this.slots.some((s) => s.jobs.size > 0)) await new Promise((r) => setTimeout(r, 5));
    await endWorkers(this.slots.map((s) => s.worker));
  }
};
if (!isMainThread && workerData?.modelgateScoring) {
  const port = parentPort;
  const init = workerData.modelgateScoring;
  if (init.deferred) {
    loadOrt().then((ort) => ort.InferenceSession.create(new Uint8Array(0))).catch(() => void 0);
    port.once("message", (m) => {
      if (m.modelgateOpen) scoringWorker(port, m.modelgateOpen.models, m.modelgateOpen.task);
      else port.close();
    });
  } else scoringWorker(port, init.models, init.task);
}
function scoringWorker(port, models, task) {
  let csvPass;
  let csvChain = Promise.resolve();
  let parquetPass;
  let units = /* @__PURE__ */ new Map();
  let taken;
  let mine = -1;
  let reading = false;
  const takeUnit = () => {
    if (reading) return;
    if (mine < 0) mine = Atomics.add(taken, 0, 1);
    const u = units.get(mine);
    if (!u) return;
    for (const k of units.keys()) if (k <= mine) units.delete(k);
    mine = -1;
    reading = true;
    csvChain = csvChain.then(async () => {
      try {
        const { result, transfer } = await parquetUnit(runners, parquetPass, u.unit);
        port.postMessage({ id: u.id, parquet: result }, transfer);
      } catch (err) {
        port.postMessage({ id: u.id, error: serializeWorkerError(err) });
      }
      reading = false;
      takeUnit();
    });
  };
  let runners = [];
  Promise.all(models.map((m) => ModelRunner.open(m.bytes, m.file, task, m.io, SCORING_THREADS))).then(
    (opened) => {
      runners = opened;
      port.on("message", async (m) => {
        if (isEndMessage(m)) {
          await csvChain;
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
          units = /* @__PURE__ */ new Map();
          mine = -1;
          try {
            startParquetPass(runners, parquetPass);
          } catch {
          }
          return;
        }
        if (m.parquet) {
          units.set(m.seq, { id, unit: m.parquet });
          takeUnit();
          return;
        }
        if (m.measure) {
          const { model, row } = m.measure;
          try {
            const measured = {
              onnxruntime: ortVersion(await loadOrt()),
              ...row ? { latency: await runners[model].latency(row) } : {}
            };
            port.postMessage({ id, measured });
          } catch (err) {
            port.postMessage({ id, error: serializeWorkerError(err) });
          }
          return;
        }
        if (csv) {
          csvChain = csvChain.then(async () => {
            try {
              const { result, transfer } = await csvBatch(runners, csvPass, csv, other === true);
              port.postMessage({ id, csv: result }, transfer);
            } catch (err) {
              port.postMessage({ id, error: serializeWorkerError(err) });
            }
          });
          return;
        }
        try {
          const outs = [];
          const ms = [];
          for (const [i, r] of runners.entries()) {
            const before = r.inferMs;
            outs.push(await r.runFeeds(feeds[i], rows));
            ms.push(r.inferMs - before);
          }
          port.postMessage(
            { id, outs, ms },
            outs.map((o) => o.buffer)
          );
        } catch (err) {
          port.postMessage({ id, error: serializeWorkerError(err) });
        }
      });
      port.postMessage({ ready: true });
    },
    (err) => port.postMessage({ error: serializeWorkerError(err).message })
  );
}

export { ScoringPool, defaultScoringWorkers };
