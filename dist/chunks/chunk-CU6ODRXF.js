import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ModelRunner,
  SCORING_THREADS,
  loadOrt
} from "./chunk-LDAYPA3N.js";
import {
  startModuleWorker
} from "./chunk-CCZROEOA.js";
import {
  BinaryMetricSet,
  MulticlassMetricSet,
  RegressionMetricSet,
  alignResampleOrder,
  percentile
} from "./chunk-2BJAIYUF.js";
import {
  DataError,
  cellToNumber,
  cellToString,
  formatOf,
  readBatches,
  readColumns,
  rowPlace
} from "./chunk-GJCN4XM6.js";
import {
  Progress,
  RECORDS_DIR,
  evaluationRecordSchema,
  recordPath
} from "./chunk-4C7CTABB.js";
import {
  sha256Bytes,
  sha256File
} from "./chunk-AJFWQFH3.js";
import {
  VERSION
} from "./chunk-3BUM2VMV.js";
import {
  num,
  parseArgs,
  str,
  wholeNumber
} from "./chunk-NJ3H4BEK.js";
import {
  findDataset,
  findModel,
  loadRepository,
  missingDataset,
  parseManifest,
  repoRelative,
  resolveInside
} from "./chunk-ZY5OX6SA.js";
import {
  openGit
} from "./chunk-7Q46JTV7.js";
import {
  toJson,
  writeFileAtomic
} from "./chunk-RQB7ZENY.js";
import {
  API_VERSION,
  MAX_RESAMPLES
} from "./chunk-WARMS5WM.js";
import {
  CheckFailed,
  UserError
} from "./chunk-7SHYJVU3.js";

// src/commands/evaluate.ts
import { existsSync, readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
import { basename, extname, isAbsolute, join, relative, resolve } from "node:path";

// src/evaluate/baseline.ts
import { dirname, posix } from "node:path";
async function modelAtRef(manifestDir, manifestName, ref, git = openGit(manifestDir)) {
  const top = await git.tryRun(["rev-parse", "--show-prefix"]) ?? "";
  const text = await git.showBytes(ref, posix.join(top, manifestName));
  if (!text) return void 0;
  const parsed = parseManifest(`${ref}:${manifestName}`, text.toString("utf8"), "Model");
  if (!parsed.manifest?.value) {
    throw new UserError(
      `the model manifest at ${ref} (${manifestName}) is not valid (${parsed.findings.map((f) => f.message).join("; ")}); choose another --baseline`
    );
  }
  const manifest = parsed.manifest.value;
  const artifact = posix.normalize(manifest.spec.artifact.path);
  const bytes = await git.showBytes(ref, posix.join(top, artifact));
  if (!bytes) {
    throw new UserError(
      `the model manifest at ${ref} names ${artifact}, but that file is not in ${ref}'s tree (is it stored with git LFS or produced by training?); pass --baseline FILE`
    );
  }
  return { ref, manifest, bytes: new Uint8Array(bytes), source: `git:${ref}:${posix.join(top, artifact)}` };
}
async function findDefaultBaseline(manifestPath, name, candidate, env) {
  const dir = dirname(manifestPath);
  const file = manifestPath.slice(dir.length + 1);
  const git = openGit(dir);
  if (!await git.tryRun(["rev-parse", "--git-dir"])) return { why: "not inside a git repository" };
  const tried = [];
  const tags = (await git.refs(`refs/tags/${name}#production#*`, { tag: "%(refname:strip=2)" })).map((r) => r.tag).filter((t) => /#production#\d+$/.test(t)).sort((a, b) => Number(b.split("#")[2]) - Number(a.split("#")[2]));
  const base = env.GITHUB_BASE_REF;
  const candidates = [
    ...tags.length ? [tags[0]] : [],
    ...base ? [`origin/${base}`, base] : ["main", "origin/main"]
  ];
  const mine = sha256Bytes(candidate);
  for (const ref of candidates) {
    if (await git.revParse(ref) === void 0) continue;
    tried.push(ref);
    const b = await modelAtRef(dir, file, ref, git);
    if (!b) continue;
    if (sha256Bytes(b.bytes) === mine) return { why: `the model at ${ref} is the same file as the candidate` };
    return { baseline: b, why: `baseline: ${name} at ${ref}` };
  }
  return {
    why: tried.length ? `model ${name} does not exist at ${tried.join(" or ")}` : `none of ${candidates.join(", ")} exists in this repository`
  };
}

// src/evaluate/index.ts
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
          new Promise((resolve2, reject) => {
            worker.once(
              "message",
              (m) => m.ready ? resolve2() : reject(new Error(m.error))
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
    return new Promise((resolve2, reject) => {
      slot.jobs.set(id, { resolve: resolve2, reject });
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
      const { asyncBufferFromFile, parquetMetadataAsync } = await import("./node-VFOEIKV4.js");
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
async function collect(spec, io) {
  const started = performance.now();
  const display = spec.data.display ?? spec.data.path;
  const format = spec.data.format ?? formatOf(spec.data.path);
  const batchSize = spec.batchSize ?? 8192;
  const threads = SCORING_THREADS;
  try {
    statSync(spec.data.path);
  } catch {
    throw new UserError(`data file ${display} does not exist; check the path`);
  }
  const sources = [spec.candidate, ...spec.baseline ? [spec.baseline] : []];
  const runners = [];
  let pool;
  try {
    for (const s of sources) runners.push(await ModelRunner.open(s.bytes, s.source, spec.task, s.io, threads));
    const stringCols = new Set(runners.flatMap((r) => r.stringColumns()));
    const featureCols = [...new Set(runners.flatMap((r) => r.columns))];
    if (featureCols.includes(spec.label.column)) {
      throw new UserError(
        `the label column "${spec.label.column}" is also listed as a feature; remove it from the features`
      );
    }
    const sliceCols = spec.slices.map((s) => s.column);
    const columns = [.../* @__PURE__ */ new Set([...featureCols, spec.label.column, ...sliceCols])];
    const labelDict = new Dict();
    const labelCodeOf = /* @__PURE__ */ new Map();
    const labelCodes = new Grow(Int32Array);
    const target = new Grow(Float64Array);
    const sliceDicts = spec.slices.map(() => new Dict());
    const sliceCodes = spec.slices.map(() => new Grow(Int32Array));
    const preds = runners.map(() => void 0);
    const blocks = [];
    const skipped = {};
    let nanRows = 0;
    let firstRow;
    const classification = spec.task !== "regression";
    const progress = io ? new Progress(io, `evaluate ${spec.name}`, 0) : void 0;
    const est = await estimateRows(spec.data.path, format);
    progress?.setTotal(est);
    const ownBatches = est / batchSize / (spec.shard?.count ?? 1);
    const workers = spec.workers ?? (ownBatches > 4 ? defaultScoringWorkers() : 0);
    if (workers > 0) {
      const started2 = await ScoringPool.start(
        sources.map((s) => ({ bytes: s.bytes, file: s.source, io: s.io })),
        spec.task,
        workers
      );
      pool = started2.pool;
      if (started2.error) {
        io?.err(
          `warning: scoring worker threads could not start; batches are scored in the main thread (same predictions, slower): ${started2.error}
`
        );
      }
    }
    const hashing = sha256File(spec.data.path);
    hashing.catch(() => {
    });
    const inflight = [];
    const maxInflight = pool ? pool.size * 2 : 1;
    const drain = async () => {
      const s = await inflight.shift();
      s.outs.forEach((o, m) => {
        preds[m] ??= o instanceof Float64Array ? new Grow(Float64Array) : new Grow(Float32Array);
        preds[m].append(o);
        if (s.ms) {
          runners[m].inferMs += s.ms[m];
          runners[m].inferRows += s.rows;
        }
      });
      progress?.add(s.read);
    };
    let batchIndex = 0;
    let rows = 0;
    const prepare2 = (b) => {
      const n = b.length;
      const numeric = /* @__PURE__ */ new Map();
      const strings = /* @__PURE__ */ new Map();
      const valid = new Uint8Array(n).fill(1);
      let bad = 0;
      for (const col of featureCols) {
        const ci = b.columns.indexOf(col);
        const cells = b.data[ci];
        if (stringCols.has(col)) {
          const out2 = new Array(n);
          for (let r = 0; r < n; r++) {
            const s = cellToString(cells[r]);
            if (s === null) {
              if (spec.nanPolicy === "fail") failFeature(b, r, col, "empty");
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
            if (spec.nanPolicy === "fail") failFeature(b, r, col, shownNumber(b, ci, r, out[r]));
            if (valid[r]) bad++;
            valid[r] = 0;
          }
        }
        numeric.set(col, out);
      }
      const labelCells = b.data[b.columns.indexOf(spec.label.column)];
      const labels = classification ? new Int32Array(n) : new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const c = labelCells[r];
        if (classification) {
          const known = typeof c === "string" ? labelCodeOf.get(c) : void 0;
          if (known !== void 0) {
            labels[r] = known;
            continue;
          }
          const k = keyOf(c);
          if (k === null)
            throw new DataError(
              display,
              rowPlace(b, r),
              `no label in "${spec.label.column}"; every evaluated row needs one`
            );
          labels[r] = labelDict.code(k);
          if (typeof c === "string" && labelCodeOf.size < 1e4) labelCodeOf.set(c, labels[r]);
        } else {
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
      }
      const sliceBatch = spec.slices.map((s, j) => {
        const at = b.columns.indexOf(s.column);
        const cells = b.data[at];
        const nums = b.numeric?.[at];
        const codes = new Int32Array(n);
        for (let r = 0; r < n; r++) {
          const c = nums ? Number.isNaN(nums[r]) ? null : nums[r] : cells[r];
          let key;
          if (s.buckets) {
            const v = cellToNumber(c);
            key = v === null || Number.isNaN(v) ? "(null)" : bucketKey(v, s.buckets);
          } else key = keyOf(c) ?? "(null)";
          codes[r] = sliceDicts[j].code(key);
        }
        return codes;
      });
      let keep = n;
      if (bad > 0) {
        nanRows += bad;
        keep = n - bad;
        const idx = [];
        for (let r = 0; r < n; r++) if (valid[r]) idx.push(r);
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
        const l2 = classification ? new Int32Array(keep) : new Float64Array(keep);
        idx.forEach((r, i) => {
          l2[i] = labels[r];
        });
        return {
          fb: { length: keep, numeric, strings },
          labels: l2,
          slices: sliceBatch.map((c) => Int32Array.from(idx, (r) => c[r])),
          offset: b.offset
        };
      }
      return { fb: { length: n, numeric, strings }, labels, slices: sliceBatch, offset: b.offset };
    };
    const failFeature = (b, r, col, shown) => {
      throw new DataError(
        display,
        rowPlace(b, r),
        `feature "${col}" is not a finite number (${shown}); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows`
      );
    };
    const numericCols = featureCols.filter((c) => !stringCols.has(c));
    for await (const b of readBatches(spec.data.path, {
      format,
      batchSize,
      columns,
      numeric: numericCols,
      displayName: display
    })) {
      const g = batchIndex++;
      if (spec.shard && g % spec.shard.count !== spec.shard.index - 1) {
        progress?.add(b.length);
        continue;
      }
      const p = prepare2(b);
      if (!firstRow && p.fb.length > 0) firstRow = sliceRow(p.fb, 0);
      while (inflight.length >= maxInflight) await drain();
      rows += p.fb.length;
      blocks.push({ offset: p.offset, rows: p.fb.length });
      if (classification) labelCodes.append(p.labels);
      else target.append(p.labels);
      p.slices.forEach((c, j) => {
        sliceCodes[j].append(c);
      });
      if (p.fb.length === 0) {
        progress?.add(b.length);
        continue;
      }
      const n = p.fb.length;
      const job = pool ? pool.run(
        runners.map((r) => r.feeds(p.fb)),
        n
      ).then((r) => ({ ...r, rows: n, read: b.length })) : Promise.all(runners.map((r) => r.run(p.fb))).then((outs) => ({ outs, rows: n, read: b.length }));
      job.catch(() => void 0);
      inflight.push(job);
    }
    while (inflight.length > 0) await drain();
    progress?.finish();
    if (nanRows > 0) skipped.nan_features = nanRows;
    if (batchIndex === 0 && rows === 0 && !spec.shard) throw new CheckFailed(`${display} has no data rows to evaluate`);
    const models = [];
    for (let m = 0; m < runners.length; m++) {
      const r = runners[m];
      let latency;
      if (spec.latency !== false && firstRow) {
        const l = await r.latency(firstRow);
        latency = { ...l, runs: 200 };
      }
      models.push({
        role: m === 0 ? "candidate" : "baseline",
        source: sources[m].source,
        version: sources[m].version,
        sha256: sha256Bytes(sources[m].bytes),
        output: r.output,
        classLabels: r.classLabels,
        notes: r.notes,
        preds: preds[m]?.view() ?? new Float32Array(0),
        latency,
        inferMs: r.inferMs,
        inferRows: r.inferRows,
        threads: r.threads,
        features: r.columns
      });
    }
    const { candidate: _c, baseline: _b, workers: _w, latency: _l, batchSize: _bs, shard: _s, ...settings } = spec;
    return {
      settings: { ...settings, data: { ...spec.data, display }, batchSize },
      dataset: { path: display, sha256: await hashing, format },
      shard: spec.shard,
      rows,
      blocks,
      labelKeys: labelDict.keys,
      labelCodes: labelCodes.view(),
      target: target.view(),
      slices: spec.slices.map((s, j) => ({ column: s.column, keys: sliceDicts[j].keys, codes: sliceCodes[j].view() })),
      models,
      skipped,
      durationMs: performance.now() - started,
      workers: pool?.size ?? 0
    };
  } finally {
    await pool?.close();
    for (const r of runners) await r.close();
  }
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
    ([b0, b1], j) => new Promise((resolve2) => {
      const i = j + 1;
      let settled = false;
      const fallback = (why) => {
        if (settled) return;
        settled = true;
        fallbacks[i - 1] = `resamples ${b0}-${b1 - 1}: ${why instanceof Error ? why.message : String(why)}`;
        resolve2(runResamples(sets, opts.seed, b0, b1));
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
          resolve2(msg.samples);
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

// src/evaluate/finalize.ts
function sortKeys(keys) {
  const numeric = keys.every((k) => k !== "" && Number.isFinite(Number(k)));
  return [...keys].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => a < b ? -1 : a > b ? 1 : 0);
}
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
  const observed = [...counts.keys()];
  const declared = s.label.classes?.map((v) => keyOf(v) ?? String(v));
  const classes = declared ?? c.models[0].classLabels ?? sortKeys(observed);
  const outside = observed.filter((k2) => !classes.includes(k2));
  if (outside.length > 0) {
    throw new CheckFailed(
      `${display}: label "${s.label.column}" has values outside the classes [${classes.join(", ")}]: ${outside.slice(0, 5).map((k2) => `"${k2}" (${counts.get(k2)} rows)`).join(", ")}${declared ? "; fix the data or spec.label.classes" : ""}`
    );
  }
  if (s.task === "binary-classification") {
    if (classes.length > 2) {
      throw new CheckFailed(
        `${display}: the task is binary-classification but label "${s.label.column}" has ${classes.length} classes (${classes.slice(0, 6).join(", ")}); use multiclass-classification or fix the labels`
      );
    }
    const positive = s.label.positive !== void 0 ? keyOf(s.label.positive) ?? String(s.label.positive) : sortKeys(classes)[classes.length - 1];
    if (positive === void 0 || classes.length === 2 && !classes.includes(positive)) {
      throw new CheckFailed(`the positive label "${positive}" is not one of the classes [${classes.join(", ")}]`);
    }
    const pos = positive;
    const y2 = new Uint8Array(c.labelCodes.length);
    for (let i = 0; i < y2.length; i++) y2[i] = c.labelKeys[c.labelCodes[i]] === pos ? 1 : 0;
    const specs2 = c.models.map((m) => {
      let col = 0;
      if (m.output.width > 1) {
        const order = m.classLabels ?? (classes.length === 2 ? sortKeys(classes) : void 0);
        col = order ? order.indexOf(pos) : -1;
        if (m.output.width !== 2 || col < 0) {
          throw new CheckFailed(
            `${m.source}: cannot find the positive class "${pos}" among the model's ${m.output.width} probability columns (classes ${order ? `[${order.join(", ")}]` : "unknown"}); declare spec.label.classes in the model's order`
          );
        }
      }
      const w = m.output.width;
      const score = new Float64Array(y2.length);
      for (let i = 0; i < score.length; i++) score[i] = m.preds[i * w + col];
      return { kind: "binary", y: y2, score, threshold: s.threshold };
    });
    return {
      specs: specs2,
      classes: sortKeys(classes.length === 2 ? classes : [.../* @__PURE__ */ new Set([...classes, pos])]),
      positive: pos,
      skipped
    };
  }
  const k = classes.length;
  const index = new Map(classes.map((key, j) => [key, j]));
  const y = new Uint32Array(c.labelCodes.length);
  for (let i = 0; i < y.length; i++) y[i] = index.get(c.labelKeys[c.labelCodes[i]]);
  const specs = c.models.map((m) => {
    const order = m.classLabels ?? classes;
    const colOf = classes.map((key) => order.indexOf(key));
    if (m.output.width !== order.length || colOf.some((j) => j < 0)) {
      throw new CheckFailed(
        `${m.source}: ${m.output.width} probability columns for classes [${classes.join(", ")}]${m.classLabels ? ` (the model's classes: ${m.classLabels.join(", ")})` : ""}; declare spec.label.classes in the model's order`
      );
    }
    const w = m.output.width;
    const proba = new Float64Array(y.length * k);
    for (let i = 0; i < y.length; i++) for (let j = 0; j < k; j++) proba[i * k + j] = m.preds[i * w + colOf[j]];
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
async function finalize(c, opts = {}) {
  const t0 = performance.now();
  const s = c.settings;
  const { specs, classes, positive, skipped } = prepare(c);
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
  const result = (m, i) => {
    const set = sets[i];
    const intervals = {};
    if (boot) {
      for (const [name, iv] of Object.entries(boot.intervals[i])) {
        if (Number.isFinite(iv.lo) && Number.isFinite(iv.hi)) intervals[name] = [iv.lo, iv.hi];
      }
    }
    const r = {
      role: m.role,
      source: m.source,
      ...m.version ? { version: m.version } : {},
      sha256: m.sha256,
      output: m.output.name,
      metrics: points[i],
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
  };
  const deltas = {};
  if (sets.length === 2) {
    for (const name of sets[0].names) {
      const a = points[0][name];
      const b = points[1][name];
      const iv = boot?.deltas[name];
      if (a === null || b === null) continue;
      const interval = iv && Number.isFinite(iv.lo) && Number.isFinite(iv.hi) ? [iv.lo, iv.hi] : [a - b, a - b];
      deltas[name] = { delta: a - b, interval, excludesZero: boot ? interval[0] > 0 || interval[1] < 0 : false };
    }
  }
  const slices = [];
  const sliceResamples = boot ? Math.min(s.bootstrap.resamples, SLICE_RESAMPLES) : 0;
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
          const deltas2 = {};
          for (const [name, iv] of Object.entries(r.deltas)) {
            const a = candidate[name];
            const b = baseline[name];
            if (a === null || b === null || !finite(iv)) continue;
            deltas2[name] = { delta: a - b, interval: [iv.lo, iv.hi], excludesZero: iv.lo > 0 || iv.hi < 0 };
          }
          slice.deltas = deltas2;
        }
      }
      slices.push(slice);
    }
  }
  const fairness = [];
  const base = s.task === "binary-classification" ? ["recall", "positive_rate"] : s.task === "multiclass-classification" ? ["recall_macro"] : [];
  const fairMetrics = [.../* @__PURE__ */ new Set([...base, ...s.fairnessMetrics ?? []])].filter((n) => sets[0].names.includes(n));
  for (const sl of c.slices) {
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
  const cand = c.models[0];
  const latency = (m) => m.latency ? {
    p50_ms: m.latency.p50,
    p95_ms: m.latency.p95,
    p99_ms: m.latency.p99,
    batch_rows_per_s: m.inferMs > 0 ? m.inferRows / (m.inferMs / 1e3) : 0,
    batch_size: s.batchSize,
    runs: m.latency.runs,
    intraOpThreads: m.threads.intraOp,
    interOpThreads: m.threads.interOp
  } : void 0;
  const candLatency = latency(cand);
  const baseLatency = c.models[1] ? latency(c.models[1]) : void 0;
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
    candidate: result(cand, 0),
    ...c.models[1] ? { baseline: result(c.models[1], 1) } : {},
    deltas,
    slices,
    fairness,
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
function mergeShardStates(states, names = states.map((_, i) => `state ${i + 1}`)) {
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

// src/evaluate/index.ts
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
  if (!io || resamples === 0) return void 0;
  const p = new Progress(io, "bootstrap", resamples, "resamples");
  let last = 0;
  return {
    onWarning: (message) => io.err(`warning: ${message}
`),
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

// src/commands/evaluate.ts
var usage = `Usage:
  modelgate evaluate MODEL [--baseline REF|FILE|none] [--out FILE] [--json] [--shard I/N]
  modelgate evaluate --model FILE --data FILE --task TASK --label COLUMN [options]
  modelgate evaluate merge STATE... [--out FILE] [--json]

Evaluates a candidate model, and its baseline on the same rows in the same run, through onnxruntime:
metrics by task (named as scikit-learn names them), a paired Poisson bootstrap (95% intervals for every
metric and every candidate-minus-baseline delta), slices, fairness gaps and single-row latency.

With manifests (inside a model repository), MODEL is a model name. The baseline is, unless --baseline says:
the version in production (the highest tag MODEL#production#N), else the base branch (GITHUB_BASE_REF,
else main or origin/main) when the model exists there and differs. --baseline REF reads the model manifest
and artifact from that git ref; --baseline FILE takes an ONNX file; --baseline none evaluates alone.

Without manifests, for a quick look:
  --model FILE            the candidate ONNX model
  --data FILE             CSV, JSONL or Parquet (by extension)
  --task TASK             binary-classification | multiclass-classification | regression
  --label COLUMN          the label (target) column
  --features A,B,...      feature columns in the model's order (default: every column but the label and
                          the slice columns, in file order), fed as one float tensor to the model's input
  --baseline FILE         an ONNX model to compare with, fed the same way
  --threshold X           a score at or above X is positive (default 0.5)
  --positive-label V      the positive class (default: the larger label)
  --slice COL[:E1,E2,..]  report metrics per value of COL, or per bucket between the edges (repeatable)
  --min-slice-support N   slices with fewer rows are shown but not used for gaps (default 30)
  --nan-policy P          fail (default) | count: skip rows with an empty, non-numeric or infinite feature
  --name NAME             the record's model name (default: the model file's name)

Both modes:
  --resamples N           bootstrap resamples (default 1000, or the manifest's; 0 to skip; at most 100,000)
  --seed N                bootstrap seed (default 42, or the manifest's)
  --shard I/N             evaluate every N-th batch starting at the I-th and write a mergeable state;
                          \`modelgate evaluate merge\` of all N states gives the record of one run
  --no-latency            skip the single-row latency measurement
  --out FILE              where to write (default: ${RECORDS_DIR}/<model>.json under the repository
                          root, or under the current folder in quick-look mode)
  --json                  print the record as JSON instead of a summary

Data files (CSV, JSONL, Parquet; the same reader for validate, lock and evaluate):
  CSV             RFC 4180 with a header row; a field starting with " is quoted (may hold commas, ""
                  and line breaks); a " inside an unquoted field is an ordinary character; blank lines
                  are skipped. A record (a line, with the breaks inside its quoted fields) or a JSONL
                  line longer than 16 MiB is refused, naming the line where it starts.
  JSONL           one object per line; the first line's keys are the columns; a key missing later is
                  null, a key the first line lacks is refused (a misspelt key).
  numbers         12, -0.5, 1e-7, .5 (spaces around allowed); inf, -infinity: infinite; nan or empty:
                  missing. A feature that is missing, not a number or infinite fails the run (or, with
                  nanPolicy count, skips and counts the row).
  A fault in a data file is bad data: its message names file:line (and row), exit 1.

Exit codes: 0 evaluated, 1 a problem in what is evaluated (bad data, bad model), 2 usage error,
70 internal error (a bug in modelgate; please report it).
`;
var options = {
  baseline: { type: "string" },
  out: { type: "string" },
  shard: { type: "string" },
  model: { type: "string" },
  data: { type: "string" },
  task: { type: "string" },
  label: { type: "string" },
  features: { type: "string" },
  threshold: { type: "string" },
  "positive-label": { type: "string" },
  slice: { type: "string", multiple: true },
  "min-slice-support": { type: "string" },
  "nan-policy": { type: "string" },
  name: { type: "string" },
  resamples: { type: "string" },
  seed: { type: "string" },
  "no-latency": { type: "boolean" }
};
var TASKS = ["binary-classification", "multiclass-classification", "regression"];
function parseShard(v) {
  if (v === void 0) return void 0;
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard expects I/N with 1 <= I <= N (e.g. 2/4), got "${v}"`);
  }
  return { index, count };
}
function readModelFile(path, what) {
  if (!existsSync(path) || !statSync2(path).isFile())
    throw new UserError(`${what} ${path} does not exist; check the path`);
  return new Uint8Array(readFileSync2(path));
}
function resamplesArg(label, v) {
  return wholeNumber(label, v, 0, MAX_RESAMPLES);
}
function labelArg(v) {
  return v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : v;
}
function parseSlice(v) {
  const i = v.indexOf(":");
  if (i < 0) return { column: v };
  const edges = v.slice(i + 1).split(",").map((e) => Number(e));
  if (edges.length === 0 || edges.some((e) => !Number.isFinite(e)) || edges.some((e, j) => j > 0 && e <= edges[j - 1])) {
    throw new UserError(`--slice ${v}: bucket edges must be increasing numbers, e.g. --slice age:25,40,65`);
  }
  return { column: v.slice(0, i), buckets: edges };
}
async function specFromManifests(opts) {
  const repo = loadRepository(opts.cwd);
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
  const io = ioOf(m);
  const candidate = {
    bytes,
    source: opts.candidate?.source ?? repoRelative(repo.root, art.abs),
    version: opts.candidate ? opts.candidate.version ?? m.spec.version : m.spec.version,
    io
  };
  let baseline;
  let note;
  const b = opts.baseline;
  if (b === "none") note = "no baseline (--baseline none)";
  else if (b && (b.endsWith(".onnx") || existsSync(resolve(opts.cwd, b)))) {
    const path = resolve(opts.cwd, b);
    baseline = { bytes: readModelFile(path, "baseline"), source: relative(opts.cwd, path) || path, io };
    note = `baseline: ${baseline.source}`;
  } else if (b) {
    const g = await modelAtRef(loaded.dir, basename(loaded.abs), b);
    if (!g)
      throw new UserError(
        `--baseline ${b}: no such git ref, or no ${loaded.file} at it; give a ref (branch, tag, commit) or an ONNX file`
      );
    baseline = { bytes: g.bytes, source: g.source, version: g.manifest.spec.version, io: ioOf(g.manifest) };
    note = `baseline: ${m.metadata.name} at ${b}`;
  } else {
    const found = await findDefaultBaseline(loaded.abs, m.metadata.name, bytes, opts.env);
    note = found.baseline ? found.why : `no baseline: ${found.why}`;
    if (found.baseline) {
      baseline = {
        bytes: found.baseline.bytes,
        source: found.baseline.source,
        version: found.baseline.manifest.spec.version,
        io: ioOf(found.baseline.manifest)
      };
    }
  }
  if (!opts.candidate && sha256Bytes(bytes) !== m.spec.artifact.sha256 && m.spec.artifact.sha256) {
    note += `; note: ${candidate.source} differs from spec.artifact.sha256 (run \`modelgate lock\`)`;
  }
  const ev = m.spec.evaluation;
  const spec = {
    name: m.metadata.name,
    version: candidate.version,
    task: m.spec.task,
    data: { path: data.abs, display: repoRelative(repo.root, data.abs), format: ds.value.spec.format, name: dsName },
    label: { column: m.spec.label.column, classes: m.spec.label.classes, positive: m.spec.label.positive },
    threshold: m.spec.threshold,
    slices: ev.slices,
    minSliceSupport: ev.minSliceSupport,
    nanPolicy: ev.nanPolicy,
    bootstrap: { resamples: opts.resamples ?? ev.bootstrap.resamples, seed: opts.seed ?? ev.bootstrap.seed },
    fairnessMetrics: m.spec.gates.flatMap((g) => "sliceGap" in g ? [g.sliceGap] : []),
    candidate,
    baseline,
    shard: opts.shard,
    latency: opts.latency
  };
  return { spec, root: repo.root, note };
}
function ioOf(m) {
  return {
    mode: m.spec.inputs.mode,
    tensor: m.spec.inputs.tensor,
    features: m.spec.inputs.features,
    outputs: m.spec.outputs,
    signature: m.spec.signature
  };
}
async function evaluateCandidate(opts, io) {
  const { spec } = await specFromManifests({ ...opts, shard: void 0 });
  return evaluateModel(spec, io);
}
async function evaluateRepositoryModel(opts, io) {
  const { spec, root, note } = await specFromManifests(opts);
  io?.err(`${note}
`);
  return write(spec, root, opts.out ? resolve(opts.cwd, opts.out) : void 0, io, note);
}
async function write(spec, root, out, io, baselineNote) {
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
async function quickLook(values, io) {
  const need = ["model", "data", "task", "label"].filter((k) => typeof values[k] !== "string");
  if (need.length > 0) {
    throw new UserError(
      `give a model name (inside a model repository), or ${need.map((k) => `--${k}`).join(", ")} for a quick look; run \`modelgate evaluate --help\``
    );
  }
  const task = values.task;
  if (!TASKS.includes(task)) throw new UserError(`--task must be one of ${TASKS.join(", ")}, got "${task}"`);
  const modelPath = resolve(io.cwd, values.model);
  const dataPath = resolve(io.cwd, values.data);
  const label = values.label;
  const bytes = readModelFile(modelPath, "model");
  if (!existsSync(dataPath)) throw new UserError(`data file ${values.data} does not exist; check the path`);
  const slices = (values.slice ?? []).map(parseSlice);
  const all = await readColumns(dataPath, { displayName: values.data });
  if (!all.includes(label))
    throw new UserError(`--label ${label}: no such column in ${values.data} (it has: ${all.join(", ")})`);
  for (const s of slices) {
    if (!all.includes(s.column))
      throw new UserError(`--slice ${s.column}: no such column in ${values.data} (it has: ${all.join(", ")})`);
  }
  const features = str(values.features) ? values.features.split(",").map((s) => s.trim()).filter(Boolean) : all.filter((c) => c !== label && !slices.some((s) => s.column === c));
  const missing = features.filter((f) => !all.includes(f));
  if (missing.length > 0)
    throw new UserError(`--features: ${missing.join(", ")} not in ${values.data} (it has: ${all.join(", ")})`);
  const threshold = num("threshold", values.threshold) ?? 0.5;
  if (threshold < 0 || threshold > 1) throw new UserError(`--threshold must be between 0 and 1, got ${threshold}`);
  const nan = str(values["nan-policy"]) ?? "fail";
  if (nan !== "fail" && nan !== "count") throw new UserError(`--nan-policy must be fail or count, got "${nan}"`);
  const mio = { mode: "tensor", features };
  const rel = (p) => isAbsolute(p) ? relative(io.cwd, p) || p : p;
  const baselinePath = str(values.baseline);
  const baseline = baselinePath ? {
    bytes: readModelFile(resolve(io.cwd, baselinePath), "baseline"),
    source: rel(resolve(io.cwd, baselinePath)),
    io: mio
  } : void 0;
  const name = str(values.name) ?? basename(modelPath, extname(modelPath));
  const resamples = resamplesArg("--resamples", values.resamples) ?? 1e3;
  const spec = {
    name,
    task,
    data: { path: dataPath, display: rel(dataPath) },
    label: {
      column: label,
      positive: str(values["positive-label"]) ? labelArg(values["positive-label"]) : void 0
    },
    threshold,
    slices,
    minSliceSupport: num("min-slice-support", values["min-slice-support"]) ?? 30,
    nanPolicy: nan,
    bootstrap: { resamples, seed: num("seed", values.seed) ?? 42 },
    candidate: { bytes, source: rel(modelPath), io: mio },
    baseline,
    shard: parseShard(str(values.shard)),
    latency: values["no-latency"] ? false : void 0
  };
  const note = baseline ? `baseline: ${baseline.source}` : "no baseline (pass --baseline FILE to compare)";
  return write(spec, io.cwd, str(values.out) ? resolve(io.cwd, values.out) : void 0, io, note);
}
function summarize(record, path) {
  const f = (x) => x === null || x === void 0 ? "\u2014" : Math.abs(x) >= 1e3 ? x.toFixed(1) : x.toFixed(4);
  const iv = (i) => i ? `[${f(i[0])}, ${f(i[1])}]` : "";
  const c = record.candidate;
  const b = record.baseline;
  const rows = [["metric", "candidate", "95% CI", ...b ? ["baseline", "delta", "delta 95% CI", ""] : []]];
  for (const [name, v] of Object.entries(c.metrics)) {
    const d = record.deltas[name];
    rows.push([
      name,
      f(v),
      iv(c.intervals[name]),
      ...b ? [
        f(b.metrics[name]),
        d ? (d.delta >= 0 ? "+" : "") + f(d.delta) : "\u2014",
        iv(d?.interval),
        d?.excludesZero ? "*" : ""
      ] : []
    ]);
  }
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const lines = rows.map(
    (r) => r.map((cell, j) => j === 0 ? cell.padEnd(widths[j]) : cell.padStart(widths[j])).join("  ").trimEnd()
  );
  const skipped = Object.entries(record.dataset.skipped).map(([k, v]) => `${k}: ${v}`);
  const lat = record.timings.latency?.candidate;
  return [
    `${record.model.name} (${record.model.task}) on ${record.dataset.path}: ${record.dataset.rows.toLocaleString("en-US")} rows${skipped.length ? ` (skipped ${skipped.join(", ")})` : ""}`,
    ...record.bootstrap.resamples > 0 ? [
      `paired Poisson bootstrap, ${record.bootstrap.resamples} resamples, seed ${record.bootstrap.seed}${b ? "; * = the delta's interval excludes zero" : ""}`
    ] : [],
    ...lines,
    ...lat ? [
      `latency (one row): p50 ${lat.p50_ms.toFixed(3)} ms, p95 ${lat.p95_ms.toFixed(3)} ms, p99 ${lat.p99_ms.toFixed(3)} ms; batch ${Math.round(lat.batch_rows_per_s).toLocaleString("en-US")} rows/s`
    ] : [],
    ...[...c.notes ?? [], ...b?.notes ?? []].map((n) => `note: ${n}`),
    `record: ${path}`,
    ""
  ].join("\n");
}
var command = {
  name: "evaluate",
  summary: "Evaluate a candidate and its baseline through onnxruntime: metrics, paired bootstrap CIs, slices, latency",
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs("evaluate", args, options);
    const json = values.json === true;
    if (positionals[0] === "merge") {
      const files = positionals.slice(1);
      if (files.length === 0)
        throw new UserError("evaluate merge needs the shard state files: modelgate evaluate merge STATE...");
      const states = files.map((f) => readShardState(resolve(io.cwd, f)));
      const record = await mergeShards(states, io, files);
      const out = str(values.out) ? resolve(io.cwd, values.out) : void 0;
      let path = out;
      if (!path) {
        let root = io.cwd;
        try {
          root = loadRepository(io.cwd).root;
        } catch {
        }
        path = join(root, recordPath(record.model.name));
      }
      await writeRecord(path, record);
      io.out(json ? toJson(record) : summarize(record, relative(io.cwd, path) || path));
      return 0;
    }
    let result;
    if (positionals.length > 1) throw new UserError(`evaluate takes one model name, got ${positionals.join(" ")}`);
    if (positionals.length === 1) {
      for (const flag of ["model", "data", "task", "label", "features"]) {
        if (values[flag] !== void 0)
          throw new UserError(
            `--${flag} is for the quick look without manifests; with a model name the manifest says it`
          );
      }
      result = await evaluateRepositoryModel(
        {
          cwd: io.cwd,
          env: io.env,
          model: positionals[0],
          baseline: str(values.baseline),
          out: str(values.out),
          resamples: resamplesArg("--resamples", values.resamples),
          seed: num("seed", values.seed),
          shard: parseShard(str(values.shard)),
          latency: values["no-latency"] ? false : void 0
        },
        io
      );
    } else {
      result = await quickLook(values, io);
      io.err(`${result.baselineNote}
`);
    }
    const rel = relative(io.cwd, result.path);
    const shown = rel && !rel.startsWith("..") ? rel : result.path;
    if (!result.record) {
      io.out(
        json ? toJson({ state: shown }) : `shard state: ${shown}
merge all shards with: modelgate evaluate merge STATE...
`
      );
      return 0;
    }
    io.out(json ? toJson(result.record) : summarize(result.record, shown));
    return 0;
  }
};

export {
  mergeShards,
  readShardState,
  writeRecord,
  resamplesArg,
  specFromManifests,
  evaluateCandidate,
  evaluateRepositoryModel,
  summarize,
  command
};
