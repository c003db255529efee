import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  formatOf,
  readBatches,
  verifiedRead
} from "./chunk-AQ6NVH64.js";
import {
  ModelRunner,
  SCORING_THREADS,
  withExternalData
} from "./chunk-QENHBKCN.js";
import {
  csvLayout,
  parseCsvBatch,
  readHeader
} from "./chunk-KV26U3IJ.js";
import {
  Source,
  tooLong
} from "./chunk-M57FEL6J.js";
import {
  endWorkers,
  isEndMessage,
  startModuleWorker
} from "./chunk-UAMELZZ6.js";
import {
  DataError,
  batchRows,
  cellToNumber,
  cellToString,
  rowPlace
} from "./chunk-IVKPBSHK.js";
import {
  Progress,
  sha256Bytes
} from "./chunk-GPOTO2DD.js";
import {
  isServed,
  openData
} from "./chunk-MMEZHR7H.js";
import {
  CheckFailed,
  UserError
} from "./chunk-VPZGVLTG.js";

// src/evaluate/prepare.ts
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
function newCodes(spec) {
  return { labels: new Dict(), labelOf: /* @__PURE__ */ new Map(), slices: spec.slices.map(() => new Dict()) };
}
function prepareBatch(b, spec, columns, codes, display, finite = false) {
  const { numeric, strings, valid, bad } = featureValues(b, spec.nanPolicy, columns, display, finite);
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
function featureValues(b, nanPolicy, columns, display, finite) {
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
    for (let r = 0; !finite && r < n; r++) {
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
function shownNumber(b, c, r, v) {
  const bad = b.notNumbers?.[c];
  const at = bad ? bad.rows.indexOf(r) : -1;
  if (at >= 0) return JSON.stringify(bad.texts[at]);
  return Number.isNaN(v) ? "empty or NaN" : String(v);
}

// src/evaluate/collect.ts
import { statSync } from "node:fs";

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

// src/data/csv-cut.ts
var LF = 10;
var CR = 13;
var QUOTE = 34;
function scanSlow(b, pos, end, eof, sep, out) {
  out.blank = false;
  out.extra = 0;
  out.next = -1;
  const first = b[pos];
  if (first === LF || first === CR) {
    out.blank = true;
    if (first === CR) {
      if (pos + 1 >= end && !eof) return;
      out.next = pos + 1 < end && b[pos + 1] === LF ? pos + 2 : pos + 1;
    } else out.next = pos + 1;
    return;
  }
  let i = pos;
  let fieldStart = true;
  while (i < end) {
    const c = b[i];
    if (fieldStart && c === QUOTE) {
      let j = i + 1;
      for (; ; ) {
        const q = b.indexOf(QUOTE, j);
        if (q < 0 || q >= end) {
          if (!eof) return;
          for (let k = i + 1; k < end; k++) if (b[k] === LF) out.extra++;
          out.next = end;
          return;
        }
        if (q + 1 >= end && !eof) return;
        if (q + 1 < end && b[q + 1] === QUOTE) {
          j = q + 2;
          continue;
        }
        for (let k = i + 1; k < q; k++) if (b[k] === LF) out.extra++;
        i = q + 1;
        break;
      }
      fieldStart = false;
      continue;
    }
    if (c === sep) fieldStart = true;
    else if (c === LF) {
      out.next = i + 1;
      return;
    } else if (c === CR) {
      if (i + 1 >= end && !eof) return;
      out.next = i + 1 < end && b[i + 1] === LF ? i + 2 : i + 1;
      return;
    } else fieldStart = false;
    i++;
  }
  if (eof) out.next = end;
}
async function* cutCsv(path, o, alloc = (size) => new Uint8Array(size)) {
  const fh = await openData(path);
  try {
    const src = new Source(fh);
    const file = o.displayName;
    const header = await readHeader(src, file, (o.delimiter ?? ",").charCodeAt(0));
    const layout = csvLayout(header.names, header.line, o);
    const sep = layout.sep;
    const bs = batchRows(o.batchSize, layout.names.length);
    let pos = header.pos;
    let line = header.nextLine;
    let offset = 0;
    let pieces = [];
    let start = pos;
    let rows = 0;
    let firstLine = line;
    const scan = { next: -1, blank: false, extra: 0 };
    const take = (b, upTo) => {
      const tail = b.subarray(start, upTo);
      const size = pieces.reduce((a, p) => a + p.length, tail.length);
      const bytes = alloc(size).subarray(0, size);
      let at = 0;
      for (const p of pieces) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(tail, at);
      const raw = { bytes, rows, offset, firstLine };
      offset += rows;
      pieces = [];
      start = upTo;
      rows = 0;
      firstLine = line;
      return raw;
    };
    for (; ; ) {
      const b = src.buf;
      const end = src.end;
      const eof = src.eof;
      let quote = -1;
      let cr = -1;
      for (; ; ) {
        if (rows === bs) yield { layout, raw: take(b, pos) };
        if (pos >= end) break;
        if (quote < pos) {
          quote = b.indexOf(QUOTE, pos);
          if (quote < 0 || quote >= end) quote = end;
        }
        if (cr < pos) {
          cr = b.indexOf(CR, pos);
          if (cr < 0 || cr >= end) cr = end;
        }
        let lf = b.indexOf(LF, pos);
        if (lf >= end) lf = -1;
        if (lf >= 0 && lf < quote && (lf < cr || cr === lf - 1)) {
          scan.next = lf + 1;
          scan.blank = lf === pos || cr === pos;
          scan.extra = 0;
        } else if (lf < 0 && quote === end && cr === end) {
          scan.next = eof ? end : -1;
          scan.blank = false;
          scan.extra = 0;
        } else scanSlow(b, pos, end, eof, sep, scan);
        if (scan.next < 0) break;
        if (!scan.blank) rows++;
        line += 1 + scan.extra;
        pos = scan.next;
      }
      if (eof) {
        if (rows > 0) yield { layout, raw: take(b, pos) };
        return;
      }
      if (pos > start) pieces.push(new Uint8Array(b.subarray(start, pos)));
      if (!await src.refill(pos)) throw tooLong(file, line);
      pos = 0;
      start = 0;
    }
  } finally {
    await fh.close();
  }
}

// src/evaluate/pool.ts
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, workerData } from "node:worker_threads";

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
  const fits = runners.map(
    (r) => r.tensorInput?.type === input.type && r.columns.length === features.length && r.columns.every((c, k) => c === features[k])
  );
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
    outs = [];
    ms = [];
    for (const [m, r] of runners.entries()) {
      const before = r.inferMs;
      const feeds = finite && plan.fits[m] ? {
        [r.tensorInput.name]: {
          type: plan.type,
          data: into.data.subarray(0, n * plan.width),
          dims: [n, plan.width]
        }
      } : r.feeds(prep.fb);
      outs.push(await r.runFeeds(feeds, n));
      ms.push(r.inferMs - before);
    }
    for (const o of outs) transfer.push(o.buffer);
  }
  const firstRow = n > 0 ? {
    numeric: [...prep.fb.numeric].map(([k, v]) => [k, v.slice(0, 1)]),
    strings: [...prep.fb.strings].map(([k, v]) => [k, v.slice(0, 1)])
  } : void 0;
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

// src/evaluate/pool.ts
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
          new Promise((resolve, reject) => {
            worker.once(
              "message",
              (m) => m.ready ? resolve() : reject(new Error(m.error))
            );
            worker.once("error", reject);
          })
        );
      }
      await Promise.all(ready);
    } catch (err) {
      await endWorkers(slots.map((s) => s.worker));
      return { error: err instanceof Error ? err.message : String(err) };
    }
    for (const slot of slots) {
      const fail = (err) => {
        for (const job of slot.jobs.values()) job.reject(err);
        slot.jobs.clear();
      };
      slot.worker.on(
        "message",
        (m) => {
          const job = slot.jobs.get(m.id);
          if (!job) return;
          slot.jobs.delete(m.id);
          slot.busy--;
          if (m.error) job.reject(revive(m.error));
          else job.resolve(m.csv ?? { outs: m.outs, ms: m.ms });
        }
      );
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
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    const id = this.next++;
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, csv: raw, other }, [raw.bytes.buffer]);
    });
  }
  /**
   * Ends the workers once the jobs sent have settled: a worker terminated inside onnxruntime's run aborts the whole
   * process (onnxruntime-node throws from its native callback), which a failing run would otherwise risk.
   */
  async close() {
    while (this.slots.some((s) => s.jobs.size > 0)) await new Promise((r) => setTimeout(r, 5));
    await endWorkers(this.slots.map((s) => s.worker));
  }
};
function revive(e) {
  if (e.data) return new DataError(e.data.file, { line: e.data.line, row: e.data.row }, e.data.detail);
  if (e.name === "UserError") return new UserError(e.message);
  if (e.name === "CheckFailed") return new CheckFailed(e.message);
  return new Error(e.message);
}
if (!isMainThread && workerData?.modelgateScoring) {
  const { models, task } = workerData.modelgateScoring;
  const port = parentPort;
  const serialize = (err) => ({
    name: err?.name ?? "Error",
    message: err?.message ?? String(err),
    ...err instanceof DataError ? { data: { file: err.file, line: err.line, row: err.row, detail: err.detail } } : {}
  });
  let csvPass;
  let csvChain = Promise.resolve();
  Promise.all(models.map((m) => ModelRunner.open(m.bytes, m.file, task, m.io, SCORING_THREADS))).then(
    (runners) => {
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
        if (csv) {
          csvChain = csvChain.then(async () => {
            try {
              const { result, transfer } = await csvBatch(runners, csvPass, csv, other === true);
              port.postMessage({ id, csv: result }, transfer);
            } catch (err) {
              port.postMessage({ id, error: serialize(err) });
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
          port.postMessage({ id, error: serialize(err) });
        }
      });
      port.postMessage({ ready: true });
    },
    (err) => port.postMessage({ error: serialize(err).message })
  );
}

// src/evaluate/collect.ts
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
  let fh;
  try {
    fh = await openData(path);
    const size = (await fh.stat()).size;
    const buf = Buffer.alloc(Math.min(size, isServed(path) ? 16 << 10 : 1 << 20));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let lines = 0;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
    return lines > 1 ? Math.round(size / bytesRead * lines) - (format === "csv" ? 1 : 0) : 0;
  } catch {
    return 0;
  } finally {
    await fh?.close();
  }
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
  const est = await estimateRows(spec.data.path, format);
  const starting = startScoringPool(spec, sources, runnable, est / batchSize / (spec.shard?.count ?? 1));
  try {
    for (const [i, s] of sources.entries()) {
      runners.push(await ModelRunner.open(runnable[i], s.source, spec.task, s.io, SCORING_THREADS));
    }
    const columns = passColumns(spec, runners);
    const progress = io ? new Progress(io, `evaluate ${spec.name}`, 0) : void 0;
    const byPart = spec.shard && format !== "jsonl";
    progress?.setTotal(byPart ? Math.round(est / spec.shard.count) : est);
    const up = await starting;
    pool = up.pool;
    if (up.error) {
      io?.err(
        `warning: scoring worker threads could not start; batches are scored in the main thread (same predictions, slower): ${up.error}
`
      );
    }
    let sha256 = "";
    const verify = { ...spec.arriving, onDigest: (d) => sha256 = d };
    let part;
    const readPart = byPart ? { ...spec.shard, onPart: (p) => part = p } : void 0;
    const pass = await scorePass({
      spec,
      display,
      format,
      batchSize,
      columns,
      runners,
      pool,
      progress,
      verify,
      part: readPart
    });
    progress?.finish();
    if (pass.batches === 0 && pass.rows === 0 && !spec.shard)
      throw new CheckFailed(`${display} has no data rows to evaluate`);
    const models = [];
    for (let m = 0; m < runners.length; m++) {
      models.push(await collectedModel(spec, sources[m], runners[m], m, pass.preds[m], pass.firstRow));
    }
    const {
      candidate: _c,
      baseline: _b,
      workers: _w,
      latency: _l,
      batchSize: _bs,
      shard: _s,
      arriving: _a,
      ...settings
    } = spec;
    return {
      // the data as the run names it, not where this machine keeps it (a checkout's path, a cache entry): shards
      // evaluated on different runners must agree on their settings
      settings: { ...settings, data: { ...spec.data, path: display, display }, batchSize },
      dataset: { path: display, sha256, format },
      shard: spec.shard && (format === "csv" ? { ...spec.shard, bytes: part } : spec.shard),
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
    spec.arriving?.abort();
    pool ??= (await starting).pool;
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
async function startScoringPool(spec, sources, runnable, ownBatches) {
  const workers = spec.workers ?? (ownBatches > 4 ? defaultScoringWorkers() : 0);
  if (workers === 0) return {};
  return ScoringPool.start(
    sources.map((s, i) => ({ bytes: runnable[i], file: s.source, io: s.io })),
    spec.task,
    workers
  );
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
  if (pool && p.format === "csv" && !p.part) {
    await csvInWorkers({ ...p, pool }, pass);
    return pass;
  }
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
  const read = {
    format: p.format,
    batchSize: p.batchSize,
    columns: p.columns.all,
    numeric: p.columns.features.filter((c) => !p.columns.strings.has(c)),
    displayName: p.display,
    delimiter: spec.data.delimiter,
    verify: p.verify,
    part: p.part
  };
  for await (const b of readBatches(spec.data.path, read)) {
    const g = batchIndex++;
    if (spec.shard && !p.part && g % spec.shard.count !== spec.shard.index - 1) {
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
async function csvInWorkers(p, pass) {
  const { spec, runners, pool, progress } = p;
  const inflight = [];
  const maxInflight = pool.size * 3;
  const spares = [];
  const alloc = (size) => {
    const i = spares.findIndex((a) => a.byteLength >= size);
    return i >= 0 ? new Uint8Array(spares.splice(i, 1)[0]) : new Uint8Array(Math.ceil(size * 1.25));
  };
  let batchFailed = false;
  const drain = async () => {
    const s = await inflight.shift().catch((err) => {
      batchFailed = true;
      throw err;
    });
    spares.push(s.spare);
    progress?.add(s.read);
    if (!s.prepared) return;
    const b = s.prepared;
    pass.nanRows += b.skipped;
    pass.rows += b.kept;
    pass.blocks.push({ offset: b.offset, rows: b.kept });
    if (b.labelKeys) {
      const code = b.labelKeys.map((k) => pass.codes.labels.code(k));
      const labels = b.labels;
      for (let r = 0; r < labels.length; r++) labels[r] = code[labels[r]];
      pass.labelCodes.append(labels);
    } else pass.target.append(b.labels);
    b.slices.forEach((c, j) => {
      const code = b.sliceKeys[j].map((k) => pass.codes.slices[j].code(k));
      for (let r = 0; r < c.length; r++) c[r] = code[c[r]];
      pass.sliceCodes[j].append(c);
    });
    if (!pass.firstRow && b.firstRow) {
      pass.firstRow = { length: 1, numeric: new Map(b.firstRow.numeric), strings: new Map(b.firstRow.strings) };
    }
    b.outs?.forEach((o, m) => {
      pass.preds[m] ??= o instanceof Float64Array ? new Grow(Float64Array) : new Grow(Float32Array);
      pass.preds[m].append(o);
      runners[m].inferMs += b.ms[m];
      runners[m].inferRows += b.kept;
    });
  };
  let batchIndex = 0;
  let started = false;
  try {
    await cutInto();
  } catch (err) {
    if (!batchFailed) while (inflight.length > 0) await drain();
    throw err;
  }
  while (inflight.length > 0) await drain();
  pass.batches = batchIndex;
  async function cutInto() {
    for await (const { layout, raw } of verifiedRead(
      spec.data.path,
      p.display,
      p.verify,
      () => cutCsv(
        spec.data.path,
        {
          batchSize: p.batchSize,
          columns: p.columns.all,
          numeric: p.columns.features.filter((c) => !p.columns.strings.has(c)),
          displayName: p.display,
          delimiter: spec.data.delimiter
        },
        alloc
      )
    )) {
      if (!started) {
        pool.startCsv({
          layout,
          spec: { task: spec.task, label: spec.label, slices: spec.slices, nanPolicy: spec.nanPolicy },
          columns: { features: p.columns.features, strings: p.columns.strings },
          display: p.display
        });
        started = true;
      }
      const g = batchIndex++;
      const other = spec.shard !== void 0 && g % spec.shard.count !== spec.shard.index - 1;
      while (inflight.length >= maxInflight) await drain();
      const job = pool.runCsv(raw, other);
      job.catch(() => void 0);
      inflight.push(job);
    }
  }
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
function sliceRow(fb, r) {
  return {
    length: 1,
    numeric: new Map([...fb.numeric].map(([k, v]) => [k, v.slice(r, r + 1)])),
    strings: new Map([...fb.strings].map(([k, v]) => [k, v.slice(r, r + 1)]))
  };
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

// src/evaluate/sort.ts
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function argsortAscending(values) {
  const n = values.length;
  let exactF32 = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Math.fround(v) !== v && !Number.isNaN(v)) {
      exactF32 = false;
      break;
    }
  }
  if (exactF32) return radixArgsortF32(values);
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const sorted = Array.from(idx).sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    if (va < vb) return -1;
    if (va > vb) return 1;
    if (Number.isNaN(va) !== Number.isNaN(vb)) return Number.isNaN(va) ? 1 : -1;
    return a - b;
  });
  return Uint32Array.from(sorted);
}
function radixArgsortF32(values) {
  const n = values.length;
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    f32[0] = values[i];
    const b = u32[0];
    keys[i] = b & 2147483648 ? ~b >>> 0 : (b | 2147483648) >>> 0;
  }
  let idx = new Uint32Array(n);
  let tmp = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[keys[i] >>> shift & 2047]++;
    let sum = 0;
    for (let d = 0; d < 2048; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = idx[i];
      tmp[counts[keys[j] >>> shift & 2047]++] = j;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  return idx;
}

// src/evaluate/metrics.ts
function alignResampleOrder(sets) {
  const first = sets[0];
  if (!(first instanceof BinaryMetricSet)) return;
  const rank = first.rank();
  first.resampleIndex = null;
  for (const s of sets.slice(1)) {
    if (s instanceof BinaryMetricSet) s.resampleIndex = s.mapOrder(rank);
  }
}
var BINARY_METRICS = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "specificity",
  "positive_rate",
  "roc_auc",
  "average_precision",
  "log_loss",
  "brier",
  "ece"
];
var MULTICLASS_METRICS = [
  "accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "log_loss",
  "top_k_accuracy"
];
var REGRESSION_METRICS = ["mae", "rmse", "r2", "mape", "median_ae", "max_error"];
var EPS = 2220446049250313e-31;
var ECE_BINS = 10;
var ECE_EDGES = Array.from({ length: ECE_BINS - 1 }, (_, i) => (i + 1) * (1 / ECE_BINS));
function eceBin(p) {
  let b = 0;
  while (b < ECE_EDGES.length && ECE_EDGES[b] < p) b++;
  return b;
}
function f1of(p, r) {
  const d = p + r;
  return d === 0 ? 0 : 2 * p * r / d;
}
var BinaryMetricSet = class {
  /** `y`: 1 for the positive class, 0 otherwise; `score`: the positive class's probability or score. */
  constructor(y, score, threshold) {
    this.threshold = threshold;
    const n = y.length;
    this.n = n;
    this.order = argsortAscending(score);
    this.yS = new Uint8Array(n);
    this.sS = new Float64Array(n);
    this.llS = new Float64Array(n);
    this.dS = new Float64Array(n);
    this.binS = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      const i = this.order[k];
      const yi = y[i];
      const p = score[i];
      this.yS[k] = yi;
      this.sS[k] = p;
      const pc = p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
      const q = 1 - pc;
      const s = q + pc;
      this.llS[k] = -Math.log((yi ? pc : q) / s);
      this.dS[k] = yi - p;
      this.binS[k] = eceBin(p);
    }
    this.flags = new Uint8Array(n);
    let kThr = n;
    for (let k = 0; k < n; k++) {
      const groupEnd = k === 0 || this.sS[k - 1] !== this.sS[k];
      this.flags[k] = this.yS[k] | (groupEnd ? 2 : 0);
      if (kThr === n && this.sS[k] >= threshold) kThr = k;
    }
    this.kThr = kThr;
  }
  threshold;
  names = BINARY_METRICS;
  n;
  order;
  // per-row terms, permuted into ascending score order
  yS;
  sS;
  /** bit 0: the row is positive; bit 1: the row ends a tie group when walking down from the highest score. */
  flags;
  /** The first sorted position predicted positive (score >= threshold); n when none. */
  kThr;
  llS;
  dS;
  binS;
  binAcc = new Float64Array(ECE_BINS);
  /** Where each sorted position's bootstrap weight is in the resampling order; null: the position itself. */
  weightIndex = null;
  weightIndexSet = false;
  /** rank[row] = the row's position in ascending score order. */
  rank() {
    const r = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) r[this.order[k]] = k;
    return r;
  }
  /** For each of this set's sorted positions, the position of its row in another order (given as row → position). */
  mapOrder(rowToPos) {
    const m = new Uint32Array(this.n);
    for (let k = 0; k < this.n; k++) m[k] = rowToPos[this.order[k]];
    return m;
  }
  compute(w, out) {
    this.run(w, this.order, out);
  }
  computeResample(w, out) {
    this.run(w, this.weightIndexSet || this.weightIndex !== null ? this.weightIndex : this.order, out);
  }
  set resampleIndex(v) {
    this.weightIndex = v;
    this.weightIndexSet = true;
  }
  run(w, widx, out) {
    const { flags, llS, dS, binS, kThr } = this;
    const bins = this.binAcc;
    bins.fill(0);
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let auc = 0;
    let ap = 0;
    let tpAt = 0;
    let fpAt = 0;
    let ll = 0;
    let sq = 0;
    for (let k = this.n - 1; k >= 0; k--) {
      const wi = w === null ? 1 : widx === null ? w[k] : w[widx[k]];
      const f = flags[k];
      const wy = wi * (f & 1);
      tp += wy;
      fp += wi - wy;
      const d = dS[k];
      ll += wi * llS[k];
      sq += wi * d * d;
      bins[binS[k]] += wi * d;
      if (f & 2) {
        auc += (fp - prevFp) * (tp + prevTp);
        if (tp !== prevTp) ap += (tp - prevTp) * (tp / (tp + fp));
        prevTp = tp;
        prevFp = fp;
        if (k === kThr) {
          tpAt = tp;
          fpAt = fp;
        }
      }
    }
    auc /= 2;
    const pos = tp;
    const neg = fp;
    const total = pos + neg;
    const fnAt = pos - tpAt;
    const tnAt = neg - fpAt;
    const precision = tpAt + fpAt === 0 ? 0 : tpAt / (tpAt + fpAt);
    const recall = pos === 0 ? 0 : tpAt / pos;
    let ece = 0;
    for (let b = 0; b < ECE_BINS; b++) ece += Math.abs(bins[b]);
    out[0] = total === 0 ? Number.NaN : (tpAt + tnAt) / total;
    out[1] = precision;
    out[2] = recall;
    out[3] = f1of(precision, recall);
    out[4] = neg === 0 ? 0 : tnAt / neg;
    out[5] = total === 0 ? Number.NaN : (tpAt + fpAt) / total;
    out[6] = pos === 0 || neg === 0 ? Number.NaN : auc / (pos * neg);
    out[7] = pos === 0 ? Number.NaN : ap / pos;
    out[8] = total === 0 ? Number.NaN : ll / total;
    out[9] = total === 0 ? Number.NaN : sq / total;
    out[10] = total === 0 ? Number.NaN : ece / total;
    void fnAt;
  }
  /** [[TN, FP], [FN, TP]] at the threshold: rows actual (negative, positive), columns predicted. */
  confusion(w = null) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    for (let k = 0; k < this.n; k++) {
      const wi = w === null ? 1 : w[this.order[k]];
      const predPos = this.sS[k] >= this.threshold;
      if (this.yS[k]) predPos ? tp += wi : fn += wi;
      else predPos ? fp += wi : tn += wi;
    }
    return [
      [tn, fp],
      [fn, tp]
    ];
  }
  /**
   * ROC (fpr, tpr) and PR (recall, precision) points at distinct scores, thinned to those where the false-positive
   * rate or the true-positive rate has moved on by 1/(max − 1) since the last point kept (the first and last always
   * kept): at most 2·max points, spread along the curve rather than over the rows, so that where positives are rare
   * the steep low-FPR part keeps its points. Memory stays O(max) for any row count.
   */
  curves(max = 101) {
    let pos = 0;
    for (let k = 0; k < this.n; k++) pos += this.flags[k] & 1;
    const neg = this.n - pos;
    if (pos === 0 || neg === 0) return { roc: [], pr: [] };
    const r6 = (x) => Math.round(x * 1e6) / 1e6;
    const roc = [[0, 0]];
    const pr = [];
    const steps = max - 1;
    let tp = 0;
    let fp = 0;
    let lastTp = -1;
    let lastFp = -1;
    let first = true;
    for (let k = this.n - 1; k >= 0; k--) {
      const f = this.flags[k];
      if (f & 1) tp++;
      else fp++;
      if (f & 2) {
        const bt = Math.floor(tp * steps / pos);
        const bf = Math.floor(fp * steps / neg);
        if (first || bt !== lastTp || bf !== lastFp || k === 0) {
          roc.push([r6(fp / neg), r6(tp / pos)]);
          pr.push([r6(tp / pos), r6(tp / (tp + fp))]);
          lastTp = bt;
          lastFp = bf;
          first = false;
        }
      }
    }
    return { roc, pr };
  }
};
var MulticlassMetricSet = class {
  /**
   * `y`: class index per row (0..k-1); `proba`: row-major n × k probabilities, column j for class j.
   * The predicted class is the first argmax (numpy's). top_k_accuracy uses k = topK (scikit-learn's default 2).
   */
  constructor(y, proba, k, topK = 2) {
    this.y = y;
    this.k = k;
    this.topK = topK;
    const n = y.length;
    this.n = n;
    this.pred = new Uint32Array(n);
    this.ll = new Float64Array(n);
    this.hit = new Uint8Array(n);
    this.cm = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let best = 0;
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const p = proba[row + j];
        if (p > proba[row + best]) best = j;
        sum += p < EPS ? EPS : p > 1 - EPS ? 1 - EPS : p;
      }
      this.pred[i] = best;
      const yi = y[i];
      const pyRaw = proba[row + yi];
      const py = pyRaw < EPS ? EPS : pyRaw > 1 - EPS ? 1 - EPS : pyRaw;
      this.ll[i] = -Math.log(py / sum);
      let ahead = 0;
      for (let j = 0; j < k; j++) {
        const p = proba[row + j];
        if (p > pyRaw || p === pyRaw && j > yi) ahead++;
      }
      this.hit[i] = ahead < topK ? 1 : 0;
    }
  }
  y;
  k;
  topK;
  names = MULTICLASS_METRICS;
  n;
  pred;
  ll;
  hit;
  cm;
  compute(w, out) {
    const { k, cm, y, pred, ll, hit } = this;
    cm.fill(0);
    let total = 0;
    let llSum = 0;
    let hits = 0;
    for (let i = 0; i < this.n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      cm[y[i] * k + pred[i]] += wi;
      total += wi;
      llSum += wi * ll[i];
      hits += wi * hit[i];
    }
    let correct = 0;
    let labels = 0;
    let pSum = 0;
    let rSum = 0;
    let fSum = 0;
    let pW = 0;
    let rW = 0;
    let fW = 0;
    let support = 0;
    for (let c = 0; c < k; c++) {
      const tp = cm[c * k + c];
      correct += tp;
      let trueC = 0;
      let predC = 0;
      for (let j = 0; j < k; j++) {
        trueC += cm[c * k + j];
        predC += cm[j * k + c];
      }
      if (trueC === 0 && predC === 0) continue;
      labels++;
      const p = predC === 0 ? 0 : tp / predC;
      const r = trueC === 0 ? 0 : tp / trueC;
      const f = f1of(p, r);
      pSum += p;
      rSum += r;
      fSum += f;
      pW += trueC * p;
      rW += trueC * r;
      fW += trueC * f;
      support += trueC;
    }
    out[0] = total === 0 ? Number.NaN : correct / total;
    out[1] = labels === 0 ? Number.NaN : pSum / labels;
    out[2] = labels === 0 ? Number.NaN : rSum / labels;
    out[3] = labels === 0 ? Number.NaN : fSum / labels;
    out[4] = support === 0 ? 0 : pW / support;
    out[5] = support === 0 ? 0 : rW / support;
    out[6] = support === 0 ? 0 : fW / support;
    out[7] = total === 0 ? Number.NaN : llSum / total;
    out[8] = total === 0 ? Number.NaN : hits / total;
  }
  confusion(w = null) {
    const { k } = this;
    const m = Array.from({ length: k }, () => new Array(k).fill(0));
    for (let i = 0; i < this.n; i++) m[this.y[i]][this.pred[i]] += w === null ? 1 : w[i];
    return m;
  }
};
var RegressionMetricSet = class {
  constructor(y, pred) {
    this.y = y;
    this.pred = pred;
    const n = y.length;
    this.n = n;
    this.ae = new Float64Array(n);
    let zeros = 0;
    for (let i = 0; i < n; i++) {
      this.ae[i] = Math.abs(y[i] - pred[i]);
      if (y[i] === 0) zeros++;
    }
    this.zeroTargets = zeros;
    this.aeOrder = argsortAscending(this.ae);
    this.aeSorted = new Float64Array(n);
    for (let k = 0; k < n; k++) this.aeSorted[k] = this.ae[this.aeOrder[k]];
  }
  y;
  pred;
  names = REGRESSION_METRICS;
  n;
  ae;
  aeOrder;
  aeSorted;
  /** Rows whose target is 0: skipped by mape (and counted in the record). */
  zeroTargets;
  compute(w, out) {
    const { y, pred, ae, n } = this;
    let total = 0;
    let sumAe = 0;
    let sumSe = 0;
    let sumY = 0;
    let maxErr = Number.NEGATIVE_INFINITY;
    let apeSum = 0;
    let apeW = 0;
    for (let i = 0; i < n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      const e = ae[i];
      total += wi;
      sumAe += wi * e;
      const d = y[i] - pred[i];
      sumSe += wi * d * d;
      sumY += wi * y[i];
      if (e > maxErr) maxErr = e;
      if (y[i] !== 0) {
        apeSum += wi * e / Math.abs(y[i]);
        apeW += wi;
      }
    }
    if (total === 0) {
      out.fill(Number.NaN);
      return;
    }
    const mean = sumY / total;
    let sst = 0;
    for (let i = 0; i < n; i++) {
      const wi = w === null ? 1 : w[i];
      if (wi === 0) continue;
      const d = y[i] - mean;
      sst += wi * d * d;
    }
    out[0] = sumAe / total;
    out[1] = Math.sqrt(sumSe / total);
    out[2] = sst === 0 ? sumSe === 0 ? 1 : 0 : 1 - sumSe / sst;
    out[3] = apeW === 0 ? Number.NaN : apeSum / apeW;
    out[4] = this.weightedMedian(w, total);
    out[5] = maxErr;
  }
  /** The median of the absolute errors of the rows repeated by their weights (np.median of the repeated rows). */
  weightedMedian(w, total) {
    const { aeOrder, aeSorted, n } = this;
    const lo = Math.floor((total - 1) / 2);
    const hi = Math.floor(total / 2);
    let cum = 0;
    let loVal = Number.NaN;
    for (let k = 0; k < n; k++) {
      const wi = w === null ? 1 : w[aeOrder[k]];
      if (wi === 0) continue;
      const next = cum + wi;
      if (Number.isNaN(loVal) && lo < next) loVal = aeSorted[k];
      if (hi < next) return (loVal + aeSorted[k]) / 2;
      cum = next;
    }
    return loVal;
  }
};
function percentile(sorted, q) {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = q / 100 * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export {
  keyOf,
  bucketKey,
  collect,
  sortKeys,
  labelKey,
  listed,
  columnClasses,
  declaredPositive,
  argsortAscending,
  alignResampleOrder,
  BINARY_METRICS,
  MULTICLASS_METRICS,
  REGRESSION_METRICS,
  BinaryMetricSet,
  MulticlassMetricSet,
  RegressionMetricSet,
  percentile
};
