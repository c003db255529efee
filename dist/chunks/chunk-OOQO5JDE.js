import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  endWorkers,
  isEndMessage,
  startModuleWorker
} from "./chunk-SKWY5OI3.js";

// src/data/assemble.ts
import { isMainThread, parentPort, workerData } from "node:worker_threads";
var PARALLEL_MIN_BYTES = 32 * 1024 * 1024;
function readThreads() {
  const env = process.env.MODELGATE_READ_THREADS;
  return env !== void 0 && /^\d+$/.test(env) ? Math.min(Number(env), 16) : 0;
}
var Assembler = class {
  constructor(names, isNum, numeric) {
    this.names = names;
    this.isNum = isNum;
    this.numeric = numeric;
  }
  names;
  isNum;
  numeric;
  parts = [];
  available = 0;
  offset = 0;
  add(r) {
    if (r.rows === 0) return;
    this.parts.push({ r, at: 0 });
    this.available += r.rows;
  }
  take(n) {
    const names = this.names;
    const first = this.parts[0];
    let batch;
    if (first.r.rows - first.at >= n) {
      const { r, at } = first;
      batch = {
        columns: names,
        length: n,
        data: names.map(
          (_, c) => r.nums[c] ? [] : at === 0 && n === r.rows ? r.cells[c] : r.cells[c].slice(at, at + n)
        ),
        offset: this.offset,
        ...r.lines ? { lines: r.lines.subarray(at, at + n) } : {},
        ...this.numeric ? {
          numeric: r.nums.map((a) => a?.subarray(at, at + n)),
          notNumbers: r.bad.map((x) => {
            const part = x && slice(x, at, at + n);
            return part && part.rows.length > 0 ? part : void 0;
          })
        } : {}
      };
      first.at += n;
      if (first.at === r.rows) this.parts.shift();
    } else {
      const nums = this.isNum.map((num) => num ? new Float64Array(n) : void 0);
      const cells = names.map(() => []);
      const bad = names.map(() => ({ rows: [], texts: [] }));
      const lines = first.r.lines ? new Int32Array(n) : void 0;
      let filled = 0;
      while (filled < n) {
        const p = this.parts[0];
        const k = Math.min(n - filled, p.r.rows - p.at);
        if (lines && p.r.lines) lines.set(p.r.lines.subarray(p.at, p.at + k), filled);
        for (let c = 0; c < names.length; c++) {
          const src = p.r.nums[c];
          if (src) {
            nums[c].set(src.subarray(p.at, p.at + k), filled);
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
        ...lines ? { lines } : {},
        ...this.numeric ? { numeric: nums, notNumbers: bad.map((x) => x.rows.length > 0 ? x : void 0) } : {}
      };
    }
    this.available -= n;
    this.offset += n;
    return batch;
  }
};
function slice(x, from, to) {
  const out = { rows: [], texts: [] };
  if (!x) return out;
  for (let i = 0; i < x.rows.length; i++) {
    if (x.rows[i] >= from && x.rows[i] < to) {
      out.rows.push(x.rows[i] - from);
      out.texts.push(x.texts[i]);
    }
  }
  return out;
}
var OrderedJobs = class {
  constructor(moduleUrl, key, data, threads, jobs, lazy = false, ahead = threads * 2) {
    this.jobs = jobs;
    this.ahead = ahead;
    this.workers = Array.from({ length: threads }, () => startModuleWorker(moduleUrl, { [key]: data }));
    for (const w of this.workers) {
      w.on("message", (m) => {
        if (m.hello) {
          this.started = true;
          return;
        }
        const p = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.result !== void 0) p?.resolve(m.result);
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
  jobs;
  ahead;
  workers;
  waiting = /* @__PURE__ */ new Map();
  results = /* @__PURE__ */ new Map();
  /** A worker's failure (an error event), if any. */
  failure;
  next = 0;
  taken = 0;
  /** Whether a worker has started (it says so once its module is loaded). */
  started = false;
  /** Sends the jobs from `from` on (the ones before are the caller's), `ahead` at a time. */
  start(from) {
    this.next = from;
    this.taken = from;
    while (this.next < Math.min(from + this.ahead, this.jobs.length)) this.submit();
  }
  submit() {
    const id = this.next++;
    const p = new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage({ id, job: this.jobs[id] });
    });
    p.catch(() => {
    });
    this.results.set(id, p);
  }
  /** The result of the next job in order. */
  async take() {
    const id = this.taken++;
    const r = await this.results.get(id);
    this.results.delete(id);
    if (this.next < this.jobs.length) this.submit();
    return r;
  }
  async close() {
    await endWorkers(this.workers);
  }
};
function serveJobs(key, run) {
  if (isMainThread || !workerData?.[key]) return;
  const data = workerData[key];
  parentPort.postMessage({ hello: true });
  parentPort.on("message", async (m) => {
    if (isEndMessage(m)) return parentPort.close();
    try {
      const result = await run(data, m.job);
      const transfer = [
        ...result.lines ? [result.lines.buffer] : [],
        ...result.nums.flatMap((a) => a ? [a.buffer] : [])
      ];
      parentPort.postMessage({ id: m.id, result }, [...new Set(transfer)]);
    } catch (err) {
      parentPort.postMessage({ id: m.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  });
}

export {
  PARALLEL_MIN_BYTES,
  readThreads,
  Assembler,
  OrderedJobs,
  serveJobs
};
