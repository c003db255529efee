import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ModelRunner,
  SCORING_THREADS,
  loadOrt,
  withExternalData
} from "./chunk-XTRTRBQX.js";
import {
  BinaryMetricSet,
  MulticlassMetricSet,
  RegressionMetricSet,
  alignResampleOrder,
  percentile
} from "./chunk-2BJAIYUF.js";
import {
  formatOf,
  readBatches,
  readColumns
} from "./chunk-Q46P5CQQ.js";
import {
  startModuleWorker
} from "./chunk-CCZROEOA.js";
import {
  DataError,
  cellToNumber,
  cellToString,
  rowPlace
} from "./chunk-PWA2NHWD.js";
import {
  readManifestAt
} from "./chunk-Q7Q5OYL7.js";
import {
  Progress,
  RECORDS_DIR,
  evaluationRecordSchema,
  recordPath
} from "./chunk-4BIIX56A.js";
import {
  sha256Bytes,
  sha256File
} from "./chunk-LXP7FMWT.js";
import {
  isGitRepository,
  worktreePrefix
} from "./chunk-EJRXWDVW.js";
import {
  VERSION
} from "./chunk-3BUM2VMV.js";
import {
  findDataset,
  findModel,
  missingDataset,
  repoRelative,
  resolveInside
} from "./chunk-ULMOSOEG.js";
import {
  toJson,
  writeFileAtomic
} from "./chunk-RQB7ZENY.js";
import {
  API_VERSION,
  MAX_RESAMPLES
} from "./chunk-TB77MNSH.js";
import {
  CheckFailed,
  UserError
} from "./chunk-H5EPG2ZH.js";

// src/evaluate/run.ts
import { join, resolve as resolve3 } from "node:path";

// src/evaluate/engine.ts
import { readFileSync } from "node:fs";

// src/evaluate/collect.ts
import { statSync } from "node:fs";
import { open } from "node:fs/promises";

// src/evaluate/grow.ts
var Grow = class {
  constructor(ctor, capacity = 1 << 16) {
    this.ctor = ctor;
    this.buf = new ctor(capacity);
  }
  ctor;
  buf;
  length = 0;
  reserve(extra) {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.buf);
    this.buf = next;
  }
  push(v) {
    this.reserve(1);
    this.buf[this.length++] = v;
  }
  append(values, count = values.length) {
    this.reserve(count);
    const b = this.buf;
    const base = this.length;
    if (count === values.length && ArrayBuffer.isView(values)) b.set(values, base);
    else for (let i = 0; i < count; i++) b[base + i] = values[i];
    this.length += count;
  }
  /** The values so far (a view; copy before appending more). */
  view() {
    return this.buf.subarray(0, this.length);
  }
};

// src/evaluate/pool.ts
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
function defaultScoringWorkers() {
  const n = Math.min(availableParallelism(), 8);
  return n >= 2 ? n : 0;
}
var ScoringPool = class _ScoringPool {
  constructor(slots) {
    this.slots = slots;
  }
  slots;
  next = 0;
  get size() {
    return this.slots.length;
  }
  /**
   * Starts `workers` threads and opens every model in each. When workers cannot start (an environment without
   * worker_threads, or a model a worker cannot open) there is no pool and `error` says why: the caller then scores in
   * its own thread, and says so.
   */
  static async start(models, task, workers) {
    const slots = [];
    const ready = [];
    try {
      for (let i = 0; i < workers; i++) {
        const worker = startModuleWorker(import.meta.url, { modelgateScoring: { models, task } });
        const slot = { worker, busy: 0, jobs: /* @__PURE__ */ new Map() };
        slots.push(slot);
        ready.push(
          new Promise((resolve4, reject) => {
            worker.once(
              "message",
              (m) => m.ready ? resolve4() : reject(new Error(m.error))
            );
            worker.once("error", reject);
          })
        );
      }
      await Promise.all(ready);
    } catch (err) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      return { error: err instanceof Error ? err.message : String(err) };
    }
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
        if (m.error) job.reject(revive(m.error));
        else job.resolve({ outs: m.outs, ms: m.ms });
      });
      slot.worker.on("error", fail);
      slot.worker.on("exit", (code) => {
        if (slot.jobs.size > 0) fail(new Error(`a scoring worker exited (code ${code})`));
      });
    }
    return { pool: new _ScoringPool(slots) };
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
    return new Promise((resolve4, reject) => {
      slot.jobs.set(id, { resolve: resolve4, reject });
      slot.worker.postMessage({ id, feeds, rows }, [...buffers]);
    });
  }
  async close() {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
};
function revive(e) {
  if (e.name === "UserError") return new UserError(e.message);
  if (e.name === "CheckFailed") return new CheckFailed(e.message);
  return new Error(e.message);
}
if (!isMainThread && workerData?.modelgateScoring) {
  const { models, task } = workerData.modelgateScoring;
  const port = parentPort;
  const serialize = (err) => ({
    name: err?.name ?? "Error",
    message: err?.message ?? String(err)
  });
  Promise.all(models.map((m) => ModelRunner.open(m.bytes, m.file, task, m.io, SCORING_THREADS))).then(
    (runners) => {
      port.on("message", async ({ id, feeds, rows }) => {
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
          port.postMessage({ id, error: serialize(err) });
        }
      });
      port.postMessage({ ready: true });
    },
    (err) => port.postMessage({ error: serialize(err).message })
  );
}

// src/evaluate/collect.ts
function keyOf(v) {
  if (v === null || v === void 0) return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "bigint") return String(Number(v));
  const s = cellToString(v);
  if (s === null) return null;
  const t = s.trim();
  if (t !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return String(Number(t));
  return s;
}
function bucketKey(v, edges) {
  if (edges.length === 0 || v < edges[0]) return `(-inf, ${edges[0] ?? "inf"})`;
  for (let i = 1; i < edges.length; i++) if (v < edges[i]) return `[${edges[i - 1]}, ${edges[i]})`;
  return `[${edges[edges.length - 1]}, inf)`;
}
var Dict = class {
  keys = [];
  map = /* @__PURE__ */ new Map();
  code(k) {
    let c = this.map.get(k);
    if (c === void 0) {
      c = this.keys.length;
      this.map.set(k, c);
      this.keys.push(k);
    }
    return c;
  }
};
async function estimateRows(path, format) {
  if (format === "parquet") {
    try {
      const { asyncBufferFromFile, parquetMetadataAsync } = await import("./node-72DARJ4E.js");
      const meta = await parquetMetadataAsync(await asyncBufferFromFile(path));
      return Number(meta.num_rows);
    } catch {
      return 0;
    }
  }
  const size = statSync(path).size;
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, 1 << 20));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
    return lines > 1 ? Math.round(size / bytesRead * lines) - (format === "csv" ? 1 : 0) : 0;
  } finally {
    await fh.close();
  }
}
function newCodes(spec) {
  return { labels: new Dict(), labelOf: /* @__PURE__ */ new Map(), slices: spec.slices.map(() => new Dict()) };
}
async function collect(spec, io) {
  const started = performance.now();
  const display = spec.data.display ?? spec.data.path;
  const format = spec.data.format ?? formatOf(spec.data.path);
  const batchSize = spec.batchSize ?? 8192;
  try {
    statSync(spec.data.path);
  } catch {
    throw new UserError(`data file ${display} does not exist; check the path`);
  }
  const sources = [spec.candidate, ...spec.baseline ? [spec.baseline] : []];
  const runnable = sources.map((s) => withExternalData(s.bytes, s.source, s.dir));
  const runners = [];
  let pool;
  try {
    for (const [i, s] of sources.entries()) {
      runners.push(await ModelRunner.open(runnable[i], s.source, spec.task, s.io, SCORING_THREADS));
    }
    const columns = passColumns(spec, runners);
    const progress = io ? new Progress(io, `evaluate ${spec.name}`, 0) : void 0;
    const est = await estimateRows(spec.data.path, format);
    progress?.setTotal(est);
    pool = await startScoringPool(spec, sources, runnable, est / batchSize / (spec.shard?.count ?? 1), io);
    const hashing = sha256File(spec.data.path);
    hashing.catch(() => {
    });
    const pass = await scorePass({ spec, display, format, batchSize, columns, runners, pool, progress });
    progress?.finish();
    if (pass.batches === 0 && pass.rows === 0 && !spec.shard)
      throw new CheckFailed(`${display} has no data rows to evaluate`);
    const models = [];
    for (let m = 0; m < runners.length; m++) {
      models.push(await collectedModel(spec, sources[m], runners[m], m, pass.preds[m], pass.firstRow));
    }
    const { candidate: _c, baseline: _b, workers: _w, latency: _l, batchSize: _bs, shard: _s, ...settings } = spec;
    return {
      settings: { ...settings, data: { ...spec.data, display }, batchSize },
      dataset: { path: display, sha256: await hashing, format },
      shard: spec.shard,
      rows: pass.rows,
      blocks: pass.blocks,
      labelKeys: pass.codes.labels.keys,
      labelCodes: pass.labelCodes.view(),
      target: pass.target.view(),
      slices: spec.slices.map((s, j) => ({
        column: s.column,
        keys: pass.codes.slices[j].keys,
        codes: pass.sliceCodes[j].view()
      })),
      models,
      skipped: pass.nanRows > 0 ? { nan_features: pass.nanRows } : {},
      durationMs: performance.now() - started,
      workers: pool?.size ?? 0
    };
  } finally {
    await pool?.close();
    for (const r of runners) await r.close();
  }
}
function passColumns(spec, runners) {
  const strings = new Set(runners.flatMap((r) => r.stringColumns()));
  const features = [...new Set(runners.flatMap((r) => r.columns))];
  if (features.includes(spec.label.column)) {
    throw new UserError(
      `the label column "${spec.label.column}" is also listed as a feature; remove it from the features`
    );
  }
  const all = [.../* @__PURE__ */ new Set([...features, spec.label.column, ...spec.slices.map((s) => s.column)])];
  return { features, strings, all };
}
async function startScoringPool(spec, sources, runnable, ownBatches, io) {
  const workers = spec.workers ?? (ownBatches > 4 ? defaultScoringWorkers() : 0);
  if (workers === 0) return void 0;
  const started = await ScoringPool.start(
    sources.map((s, i) => ({ bytes: runnable[i], file: s.source, io: s.io })),
    spec.task,
    workers
  );
  if (started.error) {
    io?.err(
      `warning: scoring worker threads could not start; batches are scored in the main thread (same predictions, slower): ${started.error}
`
    );
  }
  return started.pool;
}
async function scorePass(p) {
  const { spec, runners, pool, progress } = p;
  const classification = spec.task !== "regression";
  const pass = {
    rows: 0,
    blocks: [],
    codes: newCodes(spec),
    labelCodes: new Grow(Int32Array),
    target: new Grow(Float64Array),
    sliceCodes: spec.slices.map(() => new Grow(Int32Array)),
    // float32 or float64, as the model returns them (decided by the first batch)
    preds: runners.map(() => void 0),
    nanRows: 0,
    batches: 0
  };
  const inflight = [];
  const maxInflight = pool ? pool.size * 2 : 1;
  const drain = async () => {
    const s = await inflight.shift();
    s.outs.forEach((o, m) => {
      pass.preds[m] ??= o instanceof Float64Array ? new Grow(Float64Array) : new Grow(Float32Array);
      pass.preds[m].append(o);
      if (s.ms) {
        runners[m].inferMs += s.ms[m];
        runners[m].inferRows += s.rows;
      }
    });
    progress?.add(s.read);
  };
  let batchIndex = 0;
  for await (const b of readBatches(spec.data.path, {
    format: p.format,
    batchSize: p.batchSize,
    columns: p.columns.all,
    numeric: p.columns.features.filter((c) => !p.columns.strings.has(c)),
    displayName: p.display,
    delimiter: spec.data.delimiter
  })) {
    const g = batchIndex++;
    if (spec.shard && g % spec.shard.count !== spec.shard.index - 1) {
      progress?.add(b.length);
      continue;
    }
    const prep = prepareBatch(b, spec, p.columns, pass.codes, p.display);
    pass.nanRows += prep.skipped;
    if (!pass.firstRow && prep.fb.length > 0) pass.firstRow = sliceRow(prep.fb, 0);
    while (inflight.length >= maxInflight) await drain();
    pass.rows += prep.fb.length;
    pass.blocks.push({ offset: prep.offset, rows: prep.fb.length });
    if (classification) pass.labelCodes.append(prep.labels);
    else pass.target.append(prep.labels);
    prep.slices.forEach((c, j) => {
      pass.sliceCodes[j].append(c);
    });
    if (prep.fb.length === 0) {
      progress?.add(b.length);
      continue;
    }
    inflight.push(scoreBatch(runners, pool, prep.fb, b.length));
  }
  while (inflight.length > 0) await drain();
  pass.batches = batchIndex;
  return pass;
}
function scoreBatch(runners, pool, fb, read) {
  const n = fb.length;
  const job = pool ? pool.run(
    runners.map((r) => r.feeds(fb)),
    n
  ).then((r) => ({ ...r, rows: n, read })) : Promise.all(runners.map((r) => r.run(fb))).then((outs) => ({ outs, rows: n, read }));
  job.catch(() => void 0);
  return job;
}
function prepareBatch(b, spec, columns, codes, display) {
  const { numeric, strings, valid, bad } = featureValues(b, spec.nanPolicy, columns, display);
  const labels = labelValues(b, spec, codes, display);
  const slices = sliceCodes(b, spec.slices, codes.slices);
  if (bad === 0) return { fb: { length: b.length, numeric, strings }, labels, slices, offset: b.offset, skipped: 0 };
  const idx = [];
  for (let r = 0; r < b.length; r++) if (valid[r]) idx.push(r);
  for (const [k, arr] of numeric)
    numeric.set(
      k,
      Float64Array.from(idx, (r) => arr[r])
    );
  for (const [k, arr] of strings)
    strings.set(
      k,
      idx.map((r) => arr[r])
    );
  const kept = labels instanceof Int32Array ? new Int32Array(idx.length) : new Float64Array(idx.length);
  idx.forEach((r, i) => {
    kept[i] = labels[r];
  });
  return {
    fb: { length: idx.length, numeric, strings },
    labels: kept,
    slices: slices.map((c) => Int32Array.from(idx, (r) => c[r])),
    offset: b.offset,
    skipped: bad
  };
}
function featureValues(b, nanPolicy, columns, display) {
  const n = b.length;
  const numeric = /* @__PURE__ */ new Map();
  const strings = /* @__PURE__ */ new Map();
  const valid = new Uint8Array(n).fill(1);
  let bad = 0;
  for (const col of columns.features) {
    const ci = b.columns.indexOf(col);
    if (columns.strings.has(col)) {
      const cells = b.data[ci];
      const out2 = new Array(n);
      for (let r = 0; r < n; r++) {
        const s = cellToString(cells[r]);
        if (s === null) {
          if (nanPolicy === "fail") failFeature(display, b, r, col, "empty");
          if (valid[r]) bad++;
          valid[r] = 0;
          out2[r] = "";
        } else out2[r] = s;
      }
      strings.set(col, out2);
      continue;
    }
    const out = b.numeric?.[ci];
    if (!out) throw new Error(`column ${col} was not read as numbers`);
    for (let r = 0; r < n; r++) {
      if (!Number.isFinite(out[r])) {
        if (nanPolicy === "fail") failFeature(display, b, r, col, shownNumber(b, ci, r, out[r]));
        if (valid[r]) bad++;
        valid[r] = 0;
      }
    }
    numeric.set(col, out);
  }
  return { numeric, strings, valid, bad };
}
function failFeature(display, b, r, col, shown) {
  throw new DataError(
    display,
    rowPlace(b, r),
    `feature "${col}" is not a finite number (${shown}); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows`
  );
}
function labelValues(b, spec, codes, display) {
  const n = b.length;
  const labelCells = b.data[b.columns.indexOf(spec.label.column)];
  if (spec.task !== "regression") {
    const labels2 = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const c = labelCells[r];
      const known = typeof c === "string" ? codes.labelOf.get(c) : void 0;
      if (known !== void 0) {
        labels2[r] = known;
        continue;
      }
      const k = keyOf(c);
      if (k === null)
        throw new DataError(
          display,
          rowPlace(b, r),
          `no label in "${spec.label.column}"; every evaluated row needs one`
        );
      labels2[r] = codes.labels.code(k);
      if (typeof c === "string" && codes.labelOf.size < 1e4) codes.labelOf.set(c, labels2[r]);
    }
    return labels2;
  }
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const c = labelCells[r];
    const v = typeof c === "number" ? c : cellToNumber(c);
    if (v === null || !Number.isFinite(v)) {
      throw new DataError(
        display,
        rowPlace(b, r),
        `target "${spec.label.column}" is not a finite number (${c === null ? "empty" : JSON.stringify(String(c))}); every evaluated row needs one`
      );
    }
    labels[r] = v;
  }
  return labels;
}
function sliceCodes(b, slices, dicts) {
  return slices.map((s, j) => {
    const at = b.columns.indexOf(s.column);
    const cells = b.data[at];
    const nums = b.numeric?.[at];
    const codes = new Int32Array(b.length);
    for (let r = 0; r < b.length; r++) {
      const c = nums ? Number.isNaN(nums[r]) ? null : nums[r] : cells[r];
      let key;
      if (s.buckets) {
        const v = cellToNumber(c);
        key = v === null || Number.isNaN(v) ? "(null)" : bucketKey(v, s.buckets);
      } else key = keyOf(c) ?? "(null)";
      codes[r] = dicts[j].code(key);
    }
    return codes;
  });
}
async function collectedModel(spec, source, r, m, preds, firstRow) {
  let latency;
  if (spec.latency !== false && firstRow) latency = { ...await r.latency(firstRow), runs: 200 };
  return {
    role: m === 0 ? "candidate" : "baseline",
    source: source.source,
    version: source.version,
    sha256: sha256Bytes(source.bytes),
    output: r.output,
    classLabels: r.classLabels,
    notes: r.notes,
    preds: preds?.view() ?? new Float32Array(0),
    latency,
    inferMs: r.inferMs,
    inferRows: r.inferRows,
    threads: r.threads,
    features: r.columns
  };
}
function shownNumber(b, c, r, v) {
  const bad = b.notNumbers?.[c];
  const at = bad ? bad.rows.indexOf(r) : -1;
  if (at >= 0) return JSON.stringify(bad.texts[at]);
  return Number.isNaN(v) ? "empty or NaN" : String(v);
}
function sliceRow(fb, r) {
  return {
    length: 1,
    numeric: new Map([...fb.numeric].map(([k, v]) => [k, v.slice(r, r + 1)])),
    strings: new Map([...fb.strings].map(([k, v]) => [k, v.slice(r, r + 1)]))
  };
}

// src/evaluate/bootstrap.ts
import { availableParallelism as availableParallelism2 } from "node:os";
import { isMainThread as isMainThread2, parentPort as parentPort2, workerData as workerData2 } from "node:worker_threads";
var POISSON_T = (() => {
  const t = new Float64Array(16);
  let p = Math.exp(-1);
  let cdf = 0;
  for (let k = 0; k < 16; k++) {
    cdf += p;
    p /= k + 1;
    t[k] = Math.min(Math.floor(cdf * 4294967296), 4294967295);
  }
  t[15] = 4294967296;
  return t;
})();
var POISSON_HI = (() => {
  const lut = new Uint8Array(65536);
  let k = 0;
  for (let h = 0; h < 65536; h++) {
    const lo = h * 65536;
    const hi = lo + 65535;
    while (POISSON_T[k] <= lo) k++;
    lut[h] = POISSON_T[k] > hi ? k : 255;
  }
  return lut;
})();
function splitmix32(x) {
  x = x + 2654435769 | 0;
  let z = x;
  z = Math.imul(z ^ z >>> 16, 2246822507);
  z = Math.imul(z ^ z >>> 13, 3266489909);
  return (z ^ z >>> 16) >>> 0;
}
function poissonWeights(w, seed, b) {
  let a = splitmix32(seed ^ 1540483477);
  let bb = splitmix32(a ^ b);
  let c = splitmix32(bb ^ 668265261);
  let d = 1;
  const lut = POISSON_HI;
  const T = POISSON_T;
  for (let i = -12, n = w.length; i < n; i++) {
    const t = (a + bb | 0) + d | 0;
    d = d + 1 | 0;
    a = bb ^ bb >>> 9;
    bb = c + (c << 3) | 0;
    c = c << 21 | c >>> 11;
    c = c + t | 0;
    if (i < 0) continue;
    const k = lut[t >>> 16];
    if (k !== 255) w[i] = k;
    else {
      const u = t >>> 0;
      let j = 0;
      while (u >= T[j]) j++;
      w[i] = j;
    }
  }
}
function buildSets(specs) {
  const sets = specs.map(buildSet);
  alignResampleOrder(sets);
  return sets;
}
function buildSet(spec) {
  if (spec.kind === "binary") return new BinaryMetricSet(spec.y, spec.score, spec.threshold);
  if (spec.kind === "multiclass") return new MulticlassMetricSet(spec.y, spec.proba, spec.k);
  return new RegressionMetricSet(spec.y, spec.pred);
}
function runResamples(sets, seed, b0, b1, onResample) {
  const m = sets[0].names.length;
  const samples = sets.map(() => new Float64Array((b1 - b0) * m));
  const w = new Uint8Array(sets[0].n);
  const out = new Float64Array(m);
  for (let b = b0; b < b1; b++) {
    poissonWeights(w, seed, b);
    for (let s = 0; s < sets.length; s++) {
      const set = sets[s];
      if (set.computeResample) set.computeResample(w, out);
      else set.compute(w, out);
      samples[s].set(out, (b - b0) * m);
    }
    onResample?.(b - b0 + 1);
  }
  return samples;
}
function summarizeSamples(names, samples, B, confidence = 0.95) {
  const m = names.length;
  const alpha = (1 - confidence) / 2;
  const interval = (pick) => {
    const vals = [];
    for (let b = 0; b < B; b++) {
      const v = pick(b);
      if (Number.isFinite(v)) vals.push(v);
    }
    const sorted = Float64Array.from(vals).sort();
    return { lo: percentile(sorted, alpha * 100), hi: percentile(sorted, (1 - alpha) * 100) };
  };
  const intervals = samples.map(
    (arr) => Object.fromEntries(names.map((name, j) => [name, interval((b) => arr[b * m + j])]))
  );
  const deltas = {};
  if (samples.length === 2) {
    for (let j = 0; j < m; j++) deltas[names[j]] = interval((b) => samples[0][b * m + j] - samples[1][b * m + j]);
  }
  return { intervals, deltas };
}
function pairedBootstrap(sets, opts) {
  alignResampleOrder(sets);
  const samples = runResamples(sets, opts.seed, 0, opts.resamples, opts.onResample);
  return summarizeSamples(sets[0].names, samples, opts.resamples, opts.confidence);
}
async function pairedBootstrapParallel(specs, sets, opts) {
  const B = opts.resamples;
  const n = sets[0].n;
  const threads = Math.max(1, Math.min(opts.workers ?? availableParallelism2(), 8, B));
  if (threads === 1 || n * B < 2e7)
    return { ...pairedBootstrap(sets, opts), threads: { used: 1, fallbacks: [] } };
  const start = opts.startWorker ?? startWorker;
  const fallbacks = [];
  const m = sets[0].names.length;
  const ranges = Array.from({ length: threads }, (_, i) => [
    Math.floor(i * B / threads),
    Math.floor((i + 1) * B / threads)
  ]);
  const done = new Array(threads).fill(0);
  const report = () => opts.onResample?.(done.reduce((a, c) => a + c, 0));
  const pending = ranges.slice(1).map(
    ([b0, b1], j) => new Promise((resolve4) => {
      const i = j + 1;
      let settled = false;
      const fallback = (why) => {
        if (settled) return;
        settled = true;
        fallbacks[i - 1] = `resamples ${b0}-${b1 - 1}: ${why instanceof Error ? why.message : String(why)}`;
        resolve4(runResamples(sets, opts.seed, b0, b1));
      };
      let w;
      try {
        w = start({ modelgateBootstrap: { specs, seed: opts.seed, b0, b1 } });
      } catch (err) {
        fallback(err);
        return;
      }
      w.on("message", (msg) => {
        if (msg.samples) {
          settled = true;
          resolve4(msg.samples);
        } else if (msg.progress !== void 0) {
          done[i] = msg.progress;
          report();
        }
      });
      w.on("error", fallback);
      w.on("exit", (code) => fallback(`the worker exited (code ${code}) without its resamples`));
    })
  );
  const first = runResamples(sets, opts.seed, ranges[0][0], ranges[0][1], (d) => {
    done[0] = d;
    if (d % 10 === 0) report();
  });
  const parts = [first, ...await Promise.all(pending)];
  done.fill(0);
  done[0] = B;
  report();
  const samples = sets.map((_, s) => {
    const all = new Float64Array(B * m);
    ranges.forEach(([b0], i) => {
      all.set(parts[i][s], b0 * m);
    });
    return all;
  });
  const failed = fallbacks.filter((f) => f !== void 0);
  return {
    ...summarizeSamples(sets[0].names, samples, B, opts.confidence),
    threads: { used: threads - failed.length, fallbacks: failed }
  };
}
function startWorker(data) {
  return startModuleWorker(import.meta.url, data);
}
if (!isMainThread2 && workerData2?.modelgateBootstrap) {
  const { specs, seed, b0, b1 } = workerData2.modelgateBootstrap;
  const sets = buildSets(specs);
  const samples = runResamples(sets, seed, b0, b1, (d) => {
    if (d % 10 === 0) parentPort2?.postMessage({ progress: d });
  });
  parentPort2?.postMessage(
    { samples },
    samples.map((x) => x.buffer)
  );
}

// src/evaluate/classes.ts
function sortKeys(keys) {
  const numeric = keys.every((k) => k !== "" && Number.isFinite(Number(k)));
  return [...keys].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
}
var labelKey = (v) => keyOf(v) ?? String(v);
function listed(values, max = 6) {
  const shown = values.slice(0, max).map((v) => v !== "" && Number.isFinite(Number(v)) ? v : JSON.stringify(v));
  return `${shown.join(", ")}${values.length > max ? `, \u2026 (${values.length} in all)` : ""}`;
}
function counted(labels, counts) {
  return labels.slice(0, 5).map((k) => `"${k}" (${counts.get(k) ?? 0} rows)`).join(", ");
}
var yamlKey = (l) => /^[A-Za-z_][\w-]*$/.test(l) || l !== "" && Number.isFinite(Number(l)) ? l : JSON.stringify(l);
function mapping(spec) {
  const out = /* @__PURE__ */ new Map();
  const from = /* @__PURE__ */ new Map();
  for (const [label, cls] of Object.entries(spec.labels ?? {})) {
    const l = labelKey(label);
    const c = labelKey(cls);
    const other = from.get(c);
    if (other !== void 0 && other !== l) {
      throw new UserError(
        `spec.label.labels maps both ${JSON.stringify(other)} and ${JSON.stringify(l)} to the model's class ${JSON.stringify(c)}; map each class from one label`
      );
    }
    from.set(c, l);
    out.set(l, c);
  }
  return out;
}
function boolSpelling(label, cls) {
  const l = label.toLowerCase();
  return l === "true" && cls === "1" || l === "false" && cls === "0";
}
function columnClasses(source, width, graph, spec, counts, data) {
  const map = mapping(spec);
  const declared = spec.classes?.map(labelKey);
  const from = graph ? "graph" : declared ? "declared" : "index";
  const classes = graph ?? declared ?? Array.from({ length: width }, (_, j) => String(j));
  const whose = from === "graph" ? "the model's classes (named in its graph)" : from === "declared" ? "spec.label.classes" : `the model's columns 0 to ${width - 1} (its graph names no classes)`;
  if (classes.length !== width) {
    throw new CheckFailed(
      `${source}: ${width} probability column${width === 1 ? "" : "s"} for ${classes.length} classes [${listed(classes)}] (${whose}); declare spec.label.classes with one label per column, in the model's column order`
    );
  }
  const byClass = new Map([...map].map(([l, c]) => [c, l]));
  for (const [l, c] of map) {
    if (!classes.includes(c)) {
      throw new UserError(
        `spec.label.labels maps ${JSON.stringify(l)} to ${JSON.stringify(c)}, which is not one of ${whose}: [${listed(classes)}]`
      );
    }
  }
  const labels = classes.map((c) => byClass.get(c) ?? c);
  const observed = sortKeys([...counts.keys()]);
  const wanted = [.../* @__PURE__ */ new Set([...observed, ...from === "graph" && declared ? declared : []])];
  for (const w of wanted) {
    if (labels.includes(w) || map.has(w)) continue;
    const j = classes.findIndex((c, i) => !byClass.has(c) && labels[i] === c && boolSpelling(w, c));
    if (j >= 0) labels[j] = w;
  }
  const unknown = wanted.filter((w) => !labels.includes(w));
  if (unknown.length === 0) return { labels, classes, source: from };
  const column = `${data}: label "${spec.column}"`;
  if (from === "declared") {
    throw new CheckFailed(
      `${column} has values outside the classes [${classes.join(", ")}]: ${counted(unknown, counts)}; fix the data or spec.label.classes`
    );
  }
  const known = observed.filter((w) => labels.includes(w));
  if (known.length > 0 && unknown.every((w) => counts.has(w))) {
    throw new CheckFailed(
      `${column} has values outside ${whose}: [${listed(classes)}]: ${counted(unknown, counts)}; fix the data, or map them in spec.label.labels`
    );
  }
  if (from === "index") {
    const eg2 = wanted.slice(0, width);
    throw new UserError(
      `${source}: the model's graph names no classes for its ${width} probability column${width === 1 ? "" : "s"}, and label "${spec.column}" in ${data} has ${listed(observed)}, not the column numbers 0 to ${width - 1}: which column is which cannot be told. Set spec.label.classes to the labels in the order of the model's columns (e.g. classes: [${eg2.join(", ")}] if column 0 is the probability of ${JSON.stringify(eg2[0])}), or spec.label.labels to each label's column (e.g. labels: {${eg2.map((l, j) => `${yamlKey(l)}: ${j}`).join(", ")}})`
    );
  }
  const eg = wanted.slice(0, classes.length);
  throw new UserError(
    `${source}: the model's classes are [${listed(classes)}] (named in its graph), and ${listed(unknown)} ${unknown.length === 1 ? "is" : "are"} not among them. If they are the same classes under other names, say which is which in spec.label.labels (label: the model's class), e.g. labels: {${eg.map((l, j) => `${yamlKey(l)}: ${yamlKey(classes[j])}`).join(", ")}} if ${JSON.stringify(eg[0])} is the model's class ${listed([classes[0]])}`
  );
}
function conventionalPositive(classes) {
  const set = new Set(classes.map((c) => c.toLowerCase()));
  if ([...set].every((c) => c === "0" || c === "1")) return classes.find((c) => c === "1") ?? "1";
  if ([...set].every((c) => c === "false" || c === "true")) return classes.find((c) => c.toLowerCase() === "true");
  return void 0;
}
function declaredPositive(spec, classes, oneColumn) {
  if (spec.positive !== void 0) return labelKey(spec.positive);
  if (!oneColumn) return void 0;
  const p = conventionalPositive(classes);
  if (p !== void 0) return p;
  throw new UserError(
    `the model gives one score per row, the probability of one class, and label "${spec.column}" has ${listed(classes)}: which class the score is for cannot be told. Set spec.label.positive to that class`
  );
}

// src/evaluate/warnings.ts
var NEAR_CHANCE = 0.05;
var f4 = (x) => x.toFixed(4);
var q = (s) => JSON.stringify(s);
function readText(r, positive) {
  if (!r.of)
    return `the score is output ${q(r.output)} (one value per row), taken as the probability of ${q(positive)}`;
  const of = r.of;
  const mapped = r.classes?.some((c, j) => c !== of[j]);
  const pairs = () => of.map((l, j) => `${l}: ${r.classes[j]}`).join(", ");
  const why = r.source === "graph" ? `the model's graph names its columns' classes [${(r.classes ?? of).join(", ")}]${mapped ? ` and spec.label.labels maps them {${pairs()}}` : ""}` : r.source === "declared" ? `spec.label.classes lists [${of.join(", ")}] in the model's column order` : mapped ? `spec.label.labels maps the labels to the model's columns {${pairs()}}` : `the labels are the column numbers [${of.join(", ")}]`;
  return `the score is column ${r.column} of output ${q(r.output)}, taken as the probability of ${q(positive)} because ${why}`;
}
function chanceWarnings(models, ctx) {
  const out = [];
  for (const m of models) {
    if (typeof m.auc !== "number") continue;
    const iv = m.interval ? ` (95% interval [${f4(m.interval[0])}, ${f4(m.interval[1])}])` : "";
    const read = readText(m.read, ctx.positive);
    const labelColumn = `the label column (spec.label.column is ${q(ctx.label)})`;
    const featureOrder = ctx.features.length > 1 ? "the features in another order than the model was trained on (spec.inputs.features must list them in training order; a tensor input has no column names to check them by)" : void 0;
    const below = m.interval ? m.interval[1] < 0.5 : m.auc < 0.5 - NEAR_CHANCE;
    if (below) {
      out.push({
        code: "roc_auc_below_chance",
        role: m.role,
        message: `${m.role}: roc_auc ${f4(m.auc)}${iv} is below 0.5: the model scores ${q(ctx.positive)} rows lower than the others, the wrong way round. Are the classes swapped? ${capital(read)}; check spec.label.classes, spec.label.labels and spec.label.positive against the classes the model was trained on. Other causes: ${[labelColumn, featureOrder].filter(Boolean).join("; ")}.`
      });
      continue;
    }
    const near = m.auc < 0.5 || (m.interval ? m.interval[0] <= 0.5 : m.auc < 0.5 + NEAR_CHANCE);
    if (!near) continue;
    const causes = [featureOrder, `the class mapping (${read})`, labelColumn].filter(Boolean);
    out.push({
      code: "roc_auc_near_chance",
      role: m.role,
      message: `${m.role}: roc_auc ${f4(m.auc)}${iv} is ${m.interval ? "not told apart from" : "near"} chance (0.5) on these ${ctx.rows.toLocaleString("en-US")} rows: the scores hardly tell ${q(ctx.positive)} from the other class. Likely causes: ${causes.join("; ")}.`
    });
  }
  return out;
}
var capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// src/evaluate/finalize.ts
function labelValue(k) {
  return k !== "" && Number.isFinite(Number(k)) && String(Number(k)) === k ? Number(k) : k;
}
function clean(v) {
  return Number.isFinite(v) ? v : null;
}
function metricsOf(set, w) {
  const out = new Float64Array(set.names.length);
  set.compute(w, out);
  return Object.fromEntries(set.names.map((n, i) => [n, clean(out[i])]));
}
function prepare(c) {
  const s = c.settings;
  const display = c.dataset.path;
  const skipped = {};
  if (s.task === "regression") {
    const specs2 = c.models.map((m) => {
      if (m.output.width !== 1) {
        throw new CheckFailed(
          `${m.source}: output "${m.output.name}" has ${m.output.width} values per row; a regression model gives one`
        );
      }
      return { kind: "regression", y: c.target, pred: Float64Array.from(m.preds) };
    });
    let zeros = 0;
    for (let i = 0; i < c.target.length; i++) if (c.target[i] === 0) zeros++;
    if (zeros > 0) skipped.mape_zero_targets = zeros;
    return { specs: specs2, skipped };
  }
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < c.labelCodes.length; i++) {
    const k2 = c.labelKeys[c.labelCodes[i]];
    counts.set(k2, (counts.get(k2) ?? 0) + 1);
  }
  const observed = sortKeys([...counts.keys()]);
  const label = s.label;
  const declared = label.classes?.map(labelKey);
  if (declared) {
    const outside = observed.filter((k2) => !declared.includes(k2));
    if (outside.length > 0) {
      throw new CheckFailed(
        `${display}: label "${label.column}" has values outside the classes [${declared.join(", ")}]: ${outside.slice(0, 5).map((k2) => `"${k2}" (${counts.get(k2)} rows)`).join(", ")}; fix the data or spec.label.classes`
      );
    }
  }
  const classSet = declared ?? observed;
  if (s.task === "binary-classification" && classSet.length > 2) {
    throw new CheckFailed(
      `${display}: the task is binary-classification but label "${label.column}" has ${classSet.length} classes (${classSet.slice(0, 6).join(", ")}); use multiclass-classification or fix the labels`
    );
  }
  const mapped = c.models.map(
    (m) => m.output.width > 1 || s.task === "multiclass-classification" ? columnClasses(m.source, m.output.width, m.classLabels, label, counts, display) : void 0
  );
  const columns = mapped.map((x) => x?.labels);
  if (s.task === "binary-classification") {
    const twoColumns = columns.find((cols) => cols !== void 0);
    const classes2 = declared ?? twoColumns ?? observed;
    const pos = declaredPositive(label, classes2, twoColumns === void 0) ?? sortKeys(classes2)[classes2.length - 1] ?? "1";
    if (classes2.length === 2 && !classes2.includes(pos)) {
      throw new UserError(
        `the positive label "${pos}" (spec.label.positive) is not one of the classes [${classes2.join(", ")}]`
      );
    }
    const y2 = new Uint8Array(c.labelCodes.length);
    for (let i = 0; i < y2.length; i++) y2[i] = c.labelKeys[c.labelCodes[i]] === pos ? 1 : 0;
    const specs2 = c.models.map((m, i) => {
      const cols = columns[i];
      const col = cols ? cols.indexOf(pos) : 0;
      if (m.output.width > 2 || col < 0) {
        throw new CheckFailed(
          `${m.source}: cannot find the positive class "${pos}" among the model's ${m.output.width} probability columns (classes [${cols?.join(", ") ?? "unknown"}]); a binary classifier gives 1 or 2 columns, and spec.label.positive must be one of its classes`
        );
      }
      const w = m.output.width;
      const score = new Float64Array(y2.length);
      for (let r = 0; r < score.length; r++) score[r] = m.preds[r * w + col];
      return { kind: "binary", y: y2, score, threshold: s.threshold };
    });
    const reads = c.models.map((m, i) => {
      const cols = mapped[i];
      return cols ? {
        output: m.output.name,
        column: cols.labels.indexOf(pos),
        of: cols.labels,
        classes: cols.classes,
        source: cols.source
      } : { output: m.output.name, column: 0 };
    });
    return {
      specs: specs2,
      classes: sortKeys(classes2.length === 2 ? classes2 : [.../* @__PURE__ */ new Set([...classes2, pos])]),
      positive: pos,
      reads,
      skipped
    };
  }
  const classes = declared ?? columns[0];
  const k = classes.length;
  const index = new Map(classes.map((key, j) => [key, j]));
  const y = new Uint32Array(c.labelCodes.length);
  for (let i = 0; i < y.length; i++) y[i] = index.get(c.labelKeys[c.labelCodes[i]]);
  const specs = c.models.map((m, i) => {
    const order = columns[i];
    const colOf = classes.map((key) => order.indexOf(key));
    if (m.output.width !== order.length || colOf.some((j) => j < 0)) {
      throw new CheckFailed(
        `${m.source}: ${m.output.width} probability columns for classes [${classes.join(", ")}]${m.classLabels ? ` (the model's classes: ${m.classLabels.join(", ")})` : ""}; declare spec.label.classes in the model's order`
      );
    }
    const w = m.output.width;
    const proba = new Float64Array(y.length * k);
    for (let r = 0; r < y.length; r++) for (let j = 0; j < k; j++) proba[r * k + j] = m.preds[r * w + colOf[j]];
    return { kind: "multiclass", y, proba, k };
  });
  return { specs, classes, skipped };
}
var SLICE_RESAMPLES = 200;
function subSpec(spec, mask, count) {
  const pick = (src, stride = 1) => {
    const out = new src.constructor(count * stride);
    for (let i = 0, j = 0; i < mask.length; i++) {
      if (!mask[i]) continue;
      for (let k = 0; k < stride; k++) out[j * stride + k] = src[i * stride + k];
      j++;
    }
    return out;
  };
  if (spec.kind === "binary")
    return { kind: "binary", y: pick(spec.y), score: pick(spec.score), threshold: spec.threshold };
  if (spec.kind === "multiclass")
    return { kind: "multiclass", y: pick(spec.y), proba: pick(spec.proba, spec.k), k: spec.k };
  return { kind: "regression", y: pick(spec.y), pred: pick(spec.pred) };
}
var finite = (iv) => !!iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi);
var finiteInterval = (iv) => finite(iv) ? [iv.lo, iv.hi] : void 0;
async function finalize(c, opts = {}) {
  const t0 = performance.now();
  const s = c.settings;
  const { specs, classes, positive, reads, skipped } = prepare(c);
  const sets = buildSets(specs);
  const boot = s.bootstrap.resamples > 0 && c.rows > 0 ? await pairedBootstrapParallel(specs, sets, {
    resamples: s.bootstrap.resamples,
    seed: s.bootstrap.seed,
    onResample: opts.onResample,
    workers: opts.workers
  }) : void 0;
  for (const why of boot?.threads.fallbacks ?? [])
    opts.onWarning?.(
      `a bootstrap worker thread failed; its resamples ran in the main thread (same result, slower): ${why}`
    );
  const points = sets.map((set) => metricsOf(set, null));
  const sliceResamples = boot ? Math.min(s.bootstrap.resamples, SLICE_RESAMPLES) : 0;
  const slices = sliceResults(c, specs, sets, sliceResamples);
  const result = (i) => modelResult(c.models[i], sets[i], points[i], boot?.intervals[i], classes, positive);
  const warnings = reads ? chanceWarnings(
    c.models.map((m, i) => ({
      role: m.role,
      auc: points[i].roc_auc,
      interval: boot ? finiteInterval(boot.intervals[i].roc_auc) : void 0,
      read: reads[i]
    })),
    { positive, label: s.label.column, rows: c.rows, features: c.models[0].features }
  ) : [];
  for (const w of warnings) opts.onWarning?.(w.message);
  const cand = c.models[0];
  const candLatency = latencyOf(cand, s.batchSize);
  const baseLatency = c.models[1] ? latencyOf(c.models[1], s.batchSize) : void 0;
  const durationMs = c.durationMs + (performance.now() - t0);
  const record = {
    apiVersion: API_VERSION,
    kind: "EvaluationRecord",
    model: {
      name: s.name,
      ...s.version ? { version: s.version } : {},
      task: s.task,
      ...s.task === "binary-classification" ? { threshold: s.threshold, positiveLabel: labelValue(positive) } : {},
      ...classes ? { classes: classes.map(labelValue) } : {}
    },
    dataset: {
      ...s.data.name ? { name: s.data.name } : {},
      path: c.dataset.path,
      sha256: c.dataset.sha256,
      format: c.dataset.format,
      rows: c.rows,
      label: s.label.column,
      features: cand.features,
      skipped: { ...c.skipped, ...skipped }
    },
    bootstrap: {
      method: "paired-poisson",
      resamples: s.bootstrap.resamples,
      seed: s.bootstrap.seed,
      confidence: 0.95,
      ...c.slices.length > 0 && sliceResamples > 0 ? { sliceResamples } : {}
    },
    candidate: result(0),
    ...c.models[1] ? { baseline: result(1) } : {},
    deltas: deltasOf(sets.length === 2 ? sets[0].names : [], points, boot?.deltas),
    slices,
    fairness: fairnessGaps(s.task, s.fairnessMetrics ?? [], sets[0].names, c.slices, slices),
    ...warnings.length > 0 ? { warnings } : {},
    runtime: {
      onnxruntime: opts.onnxruntime ?? "unknown",
      node: process.versions.node,
      modelgate: VERSION,
      threads: { intraOp: cand.threads.intraOp, interOp: cand.threads.interOp }
    },
    timings: {
      durationMs: Math.round(durationMs),
      rowsPerSecond: Math.round(c.rows / Math.max(durationMs / 1e3, 1e-6)),
      ...boot ? { bootstrapThreads: boot.threads } : {},
      scoringWorkers: c.workers,
      ...candLatency ? { latency: { candidate: candLatency, ...baseLatency ? { baseline: baseLatency } : {} } } : {}
    }
  };
  return record;
}
function modelResult(m, set, points, intervalsOf, classes, positive) {
  const intervals = {};
  for (const [name, iv] of Object.entries(intervalsOf ?? {})) {
    if (Number.isFinite(iv.lo) && Number.isFinite(iv.hi)) intervals[name] = [iv.lo, iv.hi];
  }
  const r = {
    role: m.role,
    source: m.source,
    ...m.version ? { version: m.version } : {},
    sha256: m.sha256,
    output: m.output.name,
    metrics: points,
    intervals
  };
  if (set instanceof BinaryMetricSet || set instanceof MulticlassMetricSet) {
    r.confusion = {
      labels: (set instanceof BinaryMetricSet ? [sortKeys(classes).find((k) => k !== positive) ?? "negative", positive] : classes).map(labelValue),
      matrix: set.confusion()
    };
  }
  if (set instanceof BinaryMetricSet) {
    const curves = set.curves();
    if (curves.roc.length > 0) r.curves = curves;
  }
  if (m.notes.length > 0) r.notes = m.notes;
  return r;
}
function deltasOf(names, points, intervals) {
  const deltas = {};
  for (const name of names) {
    const a = points[0][name];
    const b = points[1][name];
    const iv = intervals?.[name];
    if (a === null || b === null) continue;
    const interval = iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi) ? [iv.lo, iv.hi] : [a - b, a - b];
    deltas[name] = { delta: a - b, interval, excludesZero: intervals ? interval[0] > 0 || interval[1] < 0 : false };
  }
  return deltas;
}
function sliceResults(c, specs, sets, sliceResamples) {
  const s = c.settings;
  const slices = [];
  for (const sl of c.slices) {
    const spec = s.slices.find((x) => x.column === sl.column);
    const order = spec?.buckets ? bucketOrder(sl.keys, spec.buckets) : sortKeys(sl.keys);
    for (const key of order) {
      const code = sl.keys.indexOf(key);
      const mask = new Uint8Array(c.rows);
      let count = 0;
      for (let i = 0; i < c.rows; i++) {
        if (sl.codes[i] === code) {
          mask[i] = 1;
          count++;
        }
      }
      const supported = count >= s.minSliceSupport;
      const candidate = metricsOf(sets[0], mask);
      const baseline = sets[1] ? metricsOf(sets[1], mask) : void 0;
      const slice = {
        column: sl.column,
        value: key,
        count,
        supported,
        candidate,
        ...baseline ? { baseline } : {}
      };
      if (supported && sliceResamples > 0) {
        const r = pairedBootstrap(buildSets(specs.map((sp) => subSpec(sp, mask, count))), {
          resamples: sliceResamples,
          seed: s.bootstrap.seed
        });
        const intervals = {};
        for (const [name, iv] of Object.entries(r.intervals[0])) if (finite(iv)) intervals[name] = [iv.lo, iv.hi];
        slice.intervals = intervals;
        if (baseline) {
          const deltas = {};
          for (const [name, iv] of Object.entries(r.deltas)) {
            const a = candidate[name];
            const b = baseline[name];
            if (a === null || b === null || !finite(iv)) continue;
            deltas[name] = { delta: a - b, interval: [iv.lo, iv.hi], excludesZero: iv.lo > 0 || iv.hi < 0 };
          }
          slice.deltas = deltas;
        }
      }
      slices.push(slice);
    }
  }
  return slices;
}
function fairnessGaps(task, gated, known, columns, slices) {
  const fairness = [];
  const base = task === "binary-classification" ? ["recall", "positive_rate"] : task === "multiclass-classification" ? ["recall_macro"] : [];
  const fairMetrics = [.../* @__PURE__ */ new Set([...base, ...gated])].filter((n) => known.includes(n));
  for (const sl of columns) {
    for (const metric of fairMetrics) {
      for (const role of ["candidate", "baseline"]) {
        const vals = slices.filter((x) => x.column === sl.column && x.supported).map((x) => ({ value: x.value, metric: (role === "candidate" ? x.candidate : x.baseline)?.[metric] })).filter((x) => typeof x.metric === "number");
        if (vals.length < 2) continue;
        let max = vals[0];
        let min = vals[0];
        for (const v of vals) {
          if (v.metric > max.metric) max = v;
          if (v.metric < min.metric) min = v;
        }
        fairness.push({ over: sl.column, metric, role, gap: max.metric - min.metric, max, min });
      }
    }
  }
  return fairness;
}
function latencyOf(m, batchSize) {
  return m.latency ? {
    p50_ms: m.latency.p50,
    p95_ms: m.latency.p95,
    p99_ms: m.latency.p99,
    batch_rows_per_s: m.inferMs > 0 ? m.inferRows / (m.inferMs / 1e3) : 0,
    batch_size: batchSize,
    runs: m.latency.runs,
    intraOpThreads: m.threads.intraOp,
    interOpThreads: m.threads.interOp
  } : void 0;
}
function bucketOrder(keys, edges) {
  const rank = (k) => {
    if (k === "(null)") return Number.POSITIVE_INFINITY;
    if (k.startsWith("(-inf")) return Number.NEGATIVE_INFINITY;
    return Number(k.slice(1, k.indexOf(",")));
  };
  void edges;
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

// src/evaluate/state.ts
var b64 = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
function fromB64(s, ctor) {
  const buf = Buffer.from(s, "base64");
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new ctor(copy);
}
function toShardState(c) {
  if (!c.shard) throw new Error("not a shard");
  return {
    apiVersion: API_VERSION,
    kind: "EvaluationShard",
    shard: c.shard,
    settings: c.settings,
    dataset: c.dataset,
    rows: c.rows,
    blocks: c.blocks,
    labelKeys: c.labelKeys,
    labelCodes: b64(c.labelCodes),
    target: b64(c.target),
    slices: c.slices.map((s) => ({ column: s.column, keys: s.keys, codes: b64(s.codes) })),
    models: c.models.map((m) => ({
      ...m,
      preds: b64(m.preds),
      dtype: m.preds instanceof Float64Array ? "float64" : "float32"
    })),
    skipped: c.skipped,
    durationMs: c.durationMs,
    workers: c.workers
  };
}
function fromShardState(s) {
  return {
    settings: s.settings,
    dataset: s.dataset,
    shard: s.shard,
    rows: s.rows,
    blocks: s.blocks,
    labelKeys: s.labelKeys,
    labelCodes: fromB64(s.labelCodes, Int32Array),
    target: fromB64(s.target, Float64Array),
    slices: s.slices.map((x) => ({ column: x.column, keys: x.keys, codes: fromB64(x.codes, Int32Array) })),
    models: s.models.map(({ dtype, ...m }) => ({
      ...m,
      preds: dtype === "float64" ? fromB64(m.preds, Float64Array) : fromB64(m.preds, Float32Array)
    })),
    skipped: s.skipped,
    durationMs: s.durationMs,
    workers: s.workers ?? 0
  };
}
var stable = (v) => JSON.stringify(v);
function checkShardSet(states, names) {
  if (states.length === 0) throw new UserError("evaluate merge needs at least one shard state file");
  states.forEach((s, i) => {
    if (s?.kind !== "EvaluationShard")
      throw new UserError(`${names[i]} is not a shard state written by \`modelgate evaluate --shard\``);
  });
  const first = states[0];
  const count = first.shard.count;
  const seen = /* @__PURE__ */ new Map();
  states.forEach((s, i) => {
    const same = stable(s.settings) === stable(first.settings) && s.dataset.sha256 === first.dataset.sha256 && stable(s.models.map((m) => [m.sha256, m.threads])) === stable(first.models.map((m) => [m.sha256, m.threads]));
    if (!same || s.shard.count !== count) {
      throw new UserError(
        `${names[i]} was evaluated with other settings, data or models than ${names[0]}; merge shards of one run only`
      );
    }
    if (seen.has(s.shard.index))
      throw new UserError(`${names[i]} and ${seen.get(s.shard.index)} are both shard ${s.shard.index}/${count}`);
    seen.set(s.shard.index, names[i]);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new UserError(
      `shards ${missing.map((i) => `${i}/${count}`).join(", ")} are missing; merge needs all ${count}`
    );
}
function mergeShardStates(states, names = states.map((_, i) => `state ${i + 1}`)) {
  checkShardSet(states, names);
  const first = states[0];
  const parts = states.map(fromShardState);
  const pieces = [];
  for (let p = 0; p < parts.length; p++) {
    let start = 0;
    for (const b of parts[p].blocks) {
      pieces.push({ part: p, start, offset: b.offset, rows: b.rows });
      start += b.rows;
    }
  }
  pieces.sort((a, b) => a.offset - b.offset);
  const rows = pieces.reduce((n, p) => n + p.rows, 0);
  const unite = (keysOf, codesOf) => {
    const keys = [];
    const index = /* @__PURE__ */ new Map();
    const maps = parts.map(
      (c) => keysOf(c).map((k) => {
        let j = index.get(k);
        if (j === void 0) {
          j = keys.length;
          index.set(k, j);
          keys.push(k);
        }
        return j;
      })
    );
    const codes = new Int32Array(rows);
    let at = 0;
    for (const pc of pieces) {
      const src = codesOf(parts[pc.part]);
      const map = maps[pc.part];
      for (let r = 0; r < pc.rows; r++) codes[at++] = map[src[pc.start + r]];
    }
    return { keys, codes };
  };
  const labels = unite(
    (c) => c.labelKeys,
    (c) => c.labelCodes
  );
  const target = new Float64Array(first.settings.task === "regression" ? rows : 0);
  if (target.length > 0) {
    let at = 0;
    for (const pc of pieces) {
      target.set(parts[pc.part].target.subarray(pc.start, pc.start + pc.rows), at);
      at += pc.rows;
    }
  }
  const slices = first.slices.map((s, j) => {
    const u = unite(
      (c) => c.slices[j].keys,
      (c) => c.slices[j].codes
    );
    return { column: s.column, keys: u.keys, codes: u.codes };
  });
  const models = parts[0].models.map((m0, mi) => {
    const w = m0.output.width;
    const preds = m0.preds instanceof Float64Array ? new Float64Array(rows * w) : new Float32Array(rows * w);
    let at = 0;
    for (const pc of pieces) {
      preds.set(parts[pc.part].models[mi].preds.subarray(pc.start * w, (pc.start + pc.rows) * w), at);
      at += pc.rows * w;
    }
    const sum = (f) => parts.reduce((n, c) => n + f(c.models[mi]), 0);
    const byIndex = [...parts].sort((a, b) => a.shard.index - b.shard.index);
    return {
      ...m0,
      preds,
      inferMs: sum((m) => m.inferMs),
      inferRows: sum((m) => m.inferRows),
      latency: byIndex[0].models[mi].latency
    };
  });
  const skipped = {};
  for (const c of parts) for (const [k, v] of Object.entries(c.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  return {
    settings: first.settings,
    dataset: first.dataset,
    rows,
    blocks: pieces.map((p) => ({ offset: p.offset, rows: p.rows })),
    labelKeys: labels.keys,
    labelCodes: labels.codes,
    target,
    slices,
    models,
    skipped,
    durationMs: Math.max(...parts.map((c) => c.durationMs)),
    workers: Math.max(...parts.map((c) => c.workers))
  };
}

// src/evaluate/engine.ts
async function onnxruntimeVersion() {
  const ort = await loadOrt();
  return ort.env?.versions?.node ?? ort.env?.versions?.common ?? "unknown";
}
function checkResamples(n) {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_RESAMPLES) {
    throw new UserError(
      `the bootstrap's resamples must be a whole number from 0 to ${MAX_RESAMPLES.toLocaleString("en-US")}, got ${n}`
    );
  }
}
function bootstrapProgress(io, resamples) {
  if (!io) return void 0;
  const onWarning = (message) => io.err(`warning: ${message}
`);
  if (resamples === 0) return { onWarning };
  const p = new Progress(io, "bootstrap", resamples, "resamples");
  let last = 0;
  return {
    onWarning,
    /** `done`: resamples finished so far (over every thread). */
    onResample: (done) => {
      if (done > last) p.add(done - last);
      last = Math.max(last, done);
      if (done === resamples) p.finish();
    }
  };
}
async function evaluateModel(spec, io) {
  if (spec.shard) throw new Error("evaluateModel evaluates every row; use evaluateShard for --shard");
  checkResamples(spec.bootstrap.resamples);
  const collected = await collect(spec, io);
  return await finalize(collected, {
    onnxruntime: await onnxruntimeVersion(),
    ...bootstrapProgress(io, spec.bootstrap.resamples)
  });
}
async function evaluateShard(spec, io) {
  if (!spec.shard) throw new Error("evaluateShard needs spec.shard");
  checkResamples(spec.bootstrap.resamples);
  return toShardState(await collect(spec, io));
}
async function mergeShards(states, io, names) {
  const merged = mergeShardStates(states, names);
  checkResamples(merged.settings.bootstrap.resamples);
  return await finalize(merged, {
    onnxruntime: await onnxruntimeVersion(),
    ...bootstrapProgress(io, merged.settings.bootstrap.resamples)
  });
}
function readShardState(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UserError(`shard state ${path} does not exist`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError(`${path} is not a shard state (not JSON)`);
  }
}
async function writeRecord(path, record) {
  evaluationRecordSchema.parse(record);
  await writeFileAtomic(path, toJson(record));
}

// src/evaluate/quick-look.ts
import { existsSync as existsSync2 } from "node:fs";
import { basename, dirname as dirname2, extname, isAbsolute, relative as relative2, resolve as resolve2 } from "node:path";

// src/evaluate/spec.ts
import { existsSync, readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { dirname, relative, resolve } from "node:path";

// src/evaluate/baseline.ts
import { posix } from "node:path";
async function modelAtRef(git, manifestFile, ref) {
  const file = posix.join(await worktreePrefix(git), manifestFile);
  let at;
  try {
    at = await readManifestAt(git, ref, file, "Model");
  } catch {
    return void 0;
  }
  if (!at.found) return void 0;
  if (!at.value) {
    throw new UserError(
      `the model manifest at ${ref} (${posix.basename(file)}) is not valid (${at.findings.map((f) => f.message).join("; ")}); choose another --baseline`
    );
  }
  const manifest = at.value;
  const artifact = posix.normalize(manifest.spec.artifact.path);
  const path = posix.join(posix.dirname(file), artifact);
  const bytes = await git.showBytes(ref, path);
  if (!bytes) {
    throw new UserError(
      `the model manifest at ${ref} names ${artifact}, but that file is not in ${ref}'s tree (is it stored with git LFS or produced by training?); pass --baseline FILE`
    );
  }
  return { ref, manifest, bytes: new Uint8Array(bytes), source: `git:${ref}:${path}` };
}
function defaultBaselineRefs(productionTags, env) {
  const tags = productionTags.filter((t) => /#production#\d+$/.test(t)).sort((a, b) => Number(b.split("#")[2]) - Number(a.split("#")[2]));
  const base = env.GITHUB_BASE_REF;
  return [...tags.length ? [tags[0]] : [], ...base ? [`origin/${base}`, base] : ["main", "origin/main"]];
}
async function findDefaultBaseline(git, manifestFile, name, candidate, env) {
  if (!await isGitRepository(git)) return { why: "not inside a git repository" };
  const tags = await git.refs(`refs/tags/${name}#production#*`, { tag: "%(refname:strip=2)" });
  const candidates = defaultBaselineRefs(
    tags.map((r) => r.tag),
    env
  );
  const tried = [];
  const mine = sha256Bytes(candidate);
  for (const ref of candidates) {
    if (await git.revParse(ref) === void 0) continue;
    tried.push(ref);
    const b = await modelAtRef(git, manifestFile, ref);
    if (!b) continue;
    if (sha256Bytes(b.bytes) === mine) return { why: `the model at ${ref} is the same file as the candidate` };
    return { baseline: b, why: `baseline: ${name} at ${ref}` };
  }
  return {
    why: tried.length ? `model ${name} does not exist at ${tried.join(" or ")}` : `none of ${candidates.join(", ")} exists in this repository`
  };
}

// src/evaluate/spec.ts
function readModelFile(path, what) {
  if (!existsSync(path) || !statSync2(path).isFile())
    throw new UserError(`${what} ${path} does not exist; check the path`);
  return new Uint8Array(readFileSync2(path));
}
async function specFromManifests(ws, opts) {
  const repo = ws.repo;
  const loaded = findModel(repo, opts.model);
  const m = loaded.value;
  const art = resolveInside(repo.root, loaded.dir, m.spec.artifact.path);
  if (art.error) throw new UserError(`${loaded.file}: spec.artifact.path ${art.error}`);
  if (!opts.candidate && !existsSync(art.abs)) {
    throw new UserError(
      `${loaded.file}: the artifact ${repoRelative(repo.root, art.abs)} does not exist; train the model first (\`modelgate train ${m.metadata.name}\`)`
    );
  }
  const bytes = opts.candidate?.bytes ?? new Uint8Array(readFileSync2(art.abs));
  const dsName = m.spec.evaluation.datasets[0];
  const ds = findDataset(repo, dsName);
  if (!ds)
    throw new UserError(
      `${loaded.file}: spec.evaluation.datasets names "${dsName}", but ${missingDataset(repo, dsName)}`
    );
  const data = resolveInside(repo.root, ds.dir, ds.value.spec.path);
  if (data.error) throw new UserError(`${ds.file}: spec.path ${data.error}`);
  const candidate = {
    bytes,
    // Bytes handed in (a fork's artifact) have no folder of their own: external data is not read for them.
    ...opts.candidate ? {} : { dir: dirname(art.abs) },
    source: opts.candidate?.source ?? repoRelative(repo.root, art.abs),
    version: opts.candidate ? opts.candidate.version ?? m.spec.version : m.spec.version,
    io: modelIoOf(m)
  };
  const chosen = await chooseBaseline(ws, loaded, bytes, opts.baseline);
  let note = chosen.note;
  if (!opts.candidate && sha256Bytes(bytes) !== m.spec.artifact.sha256 && m.spec.artifact.sha256) {
    note += `; note: ${candidate.source} differs from spec.artifact.sha256 (run \`modelgate lock\`)`;
  }
  const ev = m.spec.evaluation;
  const spec = {
    name: m.metadata.name,
    version: candidate.version,
    task: m.spec.task,
    data: { path: data.abs, display: repoRelative(repo.root, data.abs), format: ds.value.spec.format, name: dsName },
    label: { ...m.spec.label },
    threshold: m.spec.threshold,
    slices: ev.slices,
    minSliceSupport: ev.minSliceSupport,
    nanPolicy: ev.nanPolicy,
    bootstrap: { resamples: opts.resamples ?? ev.bootstrap.resamples, seed: opts.seed ?? ev.bootstrap.seed },
    fairnessMetrics: m.spec.gates.flatMap((g) => "sliceGap" in g ? [g.sliceGap] : []),
    candidate,
    baseline: chosen.baseline,
    shard: opts.shard,
    latency: opts.latency
  };
  if (ds.value.spec.csv) spec.data.delimiter = ds.value.spec.csv.delimiter;
  return { spec, root: repo.root, note };
}
async function chooseBaseline(ws, loaded, candidate, b) {
  const m = loaded.value;
  const cwd = ws.io.cwd;
  if (b === "none") return { note: "no baseline (--baseline none)" };
  if (b && (b.endsWith(".onnx") || existsSync(resolve(cwd, b)))) {
    const path = resolve(cwd, b);
    const source = relative(cwd, path) || path;
    return {
      baseline: { bytes: readModelFile(path, "baseline"), source, io: modelIoOf(m), dir: dirname(path) },
      note: `baseline: ${source}`
    };
  }
  if (b) {
    const g = await modelAtRef(ws.git, loaded.file, b);
    if (!g)
      throw new UserError(
        `--baseline ${b}: no such git ref, or no ${loaded.file} at it; give a ref (branch, tag, commit) or an ONNX file`
      );
    return { baseline: gitSource(g), note: `baseline: ${m.metadata.name} at ${b}` };
  }
  const found = await findDefaultBaseline(ws.git, loaded.file, m.metadata.name, candidate, ws.env);
  if (!found.baseline) return { note: `no baseline: ${found.why}` };
  return { baseline: gitSource(found.baseline), note: found.why };
}
function gitSource(g) {
  return { bytes: g.bytes, source: g.source, version: g.manifest.spec.version, io: modelIoOf(g.manifest) };
}
function modelIoOf(m) {
  return {
    mode: m.spec.inputs.mode,
    tensor: m.spec.inputs.tensor,
    features: m.spec.inputs.features,
    outputs: m.spec.outputs,
    signature: m.spec.signature
  };
}

// src/evaluate/quick-look.ts
async function quickLookSpec(opts, cwd) {
  const modelPath = resolve2(cwd, opts.model);
  const dataPath = resolve2(cwd, opts.data);
  const bytes = readModelFile(modelPath, "model");
  if (!existsSync2(dataPath)) throw new UserError(`data file ${opts.data} does not exist; check the path`);
  const slices = opts.slices ?? [];
  const all = await readColumns(dataPath, { displayName: opts.data });
  const has = `(it has: ${all.join(", ")})`;
  if (!all.includes(opts.label)) throw new UserError(`--label ${opts.label}: no such column in ${opts.data} ${has}`);
  for (const s of slices) {
    if (!all.includes(s.column)) throw new UserError(`--slice ${s.column}: no such column in ${opts.data} ${has}`);
  }
  const features = opts.features ?? all.filter((c) => c !== opts.label && !slices.some((s) => s.column === c));
  const missing = features.filter((f) => !all.includes(f));
  if (missing.length > 0) throw new UserError(`--features: ${missing.join(", ")} not in ${opts.data} ${has}`);
  const io = { mode: "tensor", features };
  const rel = (p) => isAbsolute(p) ? relative2(cwd, p) || p : p;
  const baseline = opts.baseline ? {
    bytes: readModelFile(resolve2(cwd, opts.baseline), "baseline"),
    dir: dirname2(resolve2(cwd, opts.baseline)),
    source: rel(resolve2(cwd, opts.baseline)),
    io
  } : void 0;
  return {
    name: opts.name ?? basename(modelPath, extname(modelPath)),
    task: opts.task,
    data: { path: dataPath, display: rel(dataPath) },
    label: { column: opts.label, positive: opts.positive },
    threshold: opts.threshold ?? 0.5,
    slices,
    minSliceSupport: opts.minSliceSupport ?? 30,
    nanPolicy: opts.nanPolicy ?? "fail",
    bootstrap: { resamples: opts.resamples ?? 1e3, seed: opts.seed ?? 42 },
    candidate: { bytes, source: rel(modelPath), io, dir: dirname2(modelPath) },
    baseline,
    shard: opts.shard,
    latency: opts.latency
  };
}

// src/evaluate/run.ts
async function evaluateRepositoryModel(ws, opts) {
  const { spec, root, note } = await specFromManifests(ws, opts);
  ws.io.err(`${note}
`);
  return writeEvaluation(spec, root, opts.out ? resolve3(ws.io.cwd, opts.out) : void 0, ws.io, note);
}
async function evaluateCandidate(ws, opts) {
  const { spec } = await specFromManifests(ws, { ...opts, shard: void 0 });
  return evaluateModel(spec);
}
async function evaluateQuickLook(opts, io) {
  const spec = await quickLookSpec(opts, io.cwd);
  const note = spec.baseline ? `baseline: ${spec.baseline.source}` : "no baseline (pass --baseline FILE to compare)";
  return writeEvaluation(spec, io.cwd, opts.out ? resolve3(io.cwd, opts.out) : void 0, io, note);
}
async function writeEvaluation(spec, root, out, io, baselineNote) {
  if (spec.shard) {
    const state = await evaluateShard(spec, io);
    const path2 = out ?? join(root, RECORDS_DIR, `${spec.name}.shard-${spec.shard.index}-of-${spec.shard.count}.json`);
    await writeFileAtomic(path2, JSON.stringify(state));
    return { path: path2, baselineNote };
  }
  const record = await evaluateModel(spec, io);
  const path = out ?? join(root, recordPath(spec.name));
  await writeRecord(path, record);
  return { record, path, baselineNote };
}
async function mergeShardFiles(files, io, out, root) {
  const states = files.map((f) => readShardState(resolve3(io.cwd, f)));
  const record = await mergeShards(states, io, files);
  const path = out ?? join(root, recordPath(record.model.name));
  await writeRecord(path, record);
  return { record, path };
}

export {
  evaluateRepositoryModel,
  evaluateCandidate,
  evaluateQuickLook,
  mergeShardFiles
};
