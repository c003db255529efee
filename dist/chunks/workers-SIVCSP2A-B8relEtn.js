import { createRequire } from 'node:module';
import { t as takePrestarted } from './chunk-AKCVZCJS-CNRjUNJo.js';
import { f as tableRead, g as asUsage, h as fromTable, i as tallyBuffers, F as Feeder, T as Tallier } from './chunk-MQCGLXLB-CbrzXGu1.js';
import { D as verifiedRead, aB as parseCsvBatch } from './hot-validate-Cbhe7qur.js';
import './chunk-OTHSGMS3-yPQ0aSNM.js';
import { c as cutCsv } from './chunk-2N2GYVU3-BuZWoH5t.js';
import { M as ModelRunner } from './chunk-RUQEVCOP-DcryHeG5.js';
import { l as startReadyWorkers, s as startModuleWorker, n as reviveWorkerError, e as endWorkers, i as isEndMessage, o as serializeWorkerError } from './hot-validate-verify-COnm42W2.js';
import './chunk-UBMSCOQN-DvpQ3ehE.js';
import './chunk-2ZLDIS45-ZCAU1cz0.js';
import './chunk-YK35P24K-BysRypHz.js';
import './hot-validate-plan-verify-C9JqfCVv.js';
import './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { isMainThread, workerData, parentPort } from 'node:worker_threads';
import 'node:fs/promises';
import 'node:path';
import './hot-validate-plan-DjS3M9MR.js';
import './hot-validate-plan-audit-verify-DglurztO.js';
import 'node:fs';
import 'node:util';
import 'node:crypto';
import 'node:child_process';
import 'node:timers/promises';
import 'node:v8';
import 'node:url';

const require$1 = createRequire(import.meta.url);
var FeedPool = class _FeedPool {
  constructor(slots) {
    this.slots = slots;
  }
  slots;
  next = 0;
  get size() {
    return this.slots.length;
  }
  /** Starts `workers` threads that open every model; without a pool, `error` says why (the caller feeds itself). */
  static async start(models, task, workers) {
    const prestarted = takePrestarted("monitor-feed", workers);
    const started = await startReadyWorkers(workers, (i) => {
      if (!prestarted) return startModuleWorker(import.meta.url, { modelgateMonitor: { models, task } });
      prestarted[i].postMessage({ modelgateOpen: { models, task } });
      return prestarted[i];
    });
    if (!started.workers) return { error: started.error };
    const slots = started.workers.map((worker) => ({ worker, busy: 0, jobs: /* @__PURE__ */ new Map() }));
    for (const slot of slots) {
      const fail = (err) => {
        for (const job of slot.jobs.values()) job.reject(err);
        slot.jobs.clear();
      };
      slot.worker.on("message", (m) => {
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
    return { pool: new _FeedPool(slots) };
  }
  /** Tells every worker how to feed the batches that follow (a file's). */
  startPass(pass) {
    for (const s of this.slots) s.worker.postMessage({ pass });
  }
  /** Feeds a cut batch in the least busy worker (its bytes are moved, not copied). */
  feed(raw) {
    return this.ask({ raw }, [raw.bytes.buffer]).then((m) => m.fed);
  }
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
  /** Ends the workers once the jobs sent have settled (a worker ended inside onnxruntime's run aborts the process). */
  async close() {
    while (this.slots.some((s) => s.jobs.size > 0)) await new Promise((r) => setTimeout(r, 5));
    await endWorkers(this.slots.map((s) => s.worker));
  }
};
async function feedTableInWorkers(pool, file, display, want, t) {
  const read = await tableRead(file, display, want);
  const { versions, labels: _labels, capture: _capture, ...rest } = t.feed;
  const inflight = [];
  const maxInflight = pool.size * 3;
  const spares = [];
  const alloc = (size) => {
    const i = spares.findIndex((a) => a.byteLength >= size);
    return i >= 0 ? new Uint8Array(spares.splice(i, 1)[0]) : new Uint8Array(Math.ceil(size * 1.25));
  };
  let rows = 0;
  let sha256 = "";
  let batchFailed = false;
  const drain = async () => {
    const fed = await inflight.shift().catch((err) => {
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
    const batches = verifiedRead(
      file,
      display,
      { onDigest: (d) => sha256 = d },
      () => cutCsv(
        file,
        { batchSize: t.batchSize ?? 8192, columns: read.columns, numeric: read.readNumeric, displayName: display },
        alloc
      )
    );
    for await (const { layout, raw } of batches) {
      if (!started) {
        pool.startPass({
          layout,
          display,
          numeric: read.numeric,
          other: read.other,
          ...want.idColumn ? { idColumn: want.idColumn } : {},
          feed: { ...rest, versions: versions.map(({ runner: _r, ...v }) => v), labelIds: t.feed.labels.size > 0 },
          window: t.acc.spec
        });
        started = true;
      }
      while (inflight.length >= maxInflight) await drain();
      const job = pool.feed(raw);
      job.catch(() => void 0);
      inflight.push(job);
    }
  } catch (err) {
    if (!batchFailed) while (inflight.length > 0) await drain();
    throw asUsage(err);
  }
  while (inflight.length > 0) await drain();
  return { rows, sha256 };
}
async function feedBatch(pass, feeder, tallier, kept, raw, openModels) {
  const b = parseCsvBatch(pass.layout, raw, scratch);
  const spare = raw.bytes.buffer;
  const batch = fromTable(b, pass.display, pass.numeric, pass.other, pass.idColumn);
  if (needsScoring(batch, pass.feed.width)) await openModels();
  kept.rows = void 0;
  for (const k of Object.keys(feeder.skipped)) delete feeder.skipped[k];
  await feeder.add(batch);
  const skipped = { ...feeder.skipped };
  const rows = kept.rows;
  if (!rows) return { fed: { read: b.length, spare, skipped }, transfer: [spare] };
  const tally = tallier.tally(rows);
  return { fed: { read: b.length, spare, skipped, tally }, transfer: [spare, ...tallyBuffers(tally)] };
}
var scratch = {};
function needsScoring(b, width) {
  if (width !== 1 || !b.predicted) return true;
  for (let r = 0; r < b.length; r++) if (!Number.isFinite(b.predicted[r])) return true;
  return false;
}
if (!isMainThread && workerData?.modelgateMonitor) {
  const { models, task } = workerData.modelgateMonitor;
  feedWorker(parentPort, models, task);
} else if (!isMainThread && workerData?.modelgatePrestart === "feed") {
  const port = parentPort;
  port.once("message", (m) => {
    if (m.modelgateOpen) feedWorker(port, m.modelgateOpen.models, m.modelgateOpen.task);
    else port.close();
  });
}
function feedWorker(port, models, task) {
  let chain = Promise.resolve();
  let runners;
  const openRunners = () => runners ??= Promise.all(models.map((m) => ModelRunner.open(m.bytes, m.file, task, m.io)));
  let pass;
  let spec;
  let feeder;
  let tallier;
  const kept = {};
  port.on("message", async (m) => {
    if (isEndMessage(m)) {
      await chain;
      if (runners) for (const r of await runners.catch(() => [])) await r.close();
      return port.close();
    }
    if (m.pass) {
      pass = m.pass;
      spec = { ...pass.feed, versions: pass.feed.versions.map((v) => ({ ...v })), labels: /* @__PURE__ */ new Map() };
      feeder = new Feeder(spec, { add: (rows) => void (kept.rows = rows) });
      tallier = new Tallier(pass.window);
      return;
    }
    const { id, raw } = m;
    chain = chain.then(async () => {
      try {
        const { fed, transfer } = await feedBatch(pass, feeder, tallier, kept, raw, async () => {
          const rs = await openRunners();
          spec.versions.forEach((v, i) => {
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

export { FeedPool, feedTableInWorkers };
