import { createRequire } from 'node:module';
import { f as fromWireRow, c as cutCsv } from './chunk-2N2GYVU3-BuZWoH5t.js';
import { w as withExternalData, M as ModelRunner, S as SCORING_THREADS } from './chunk-RUQEVCOP-DcryHeG5.js';
import { y as openData, z as isServed, e as formatOf, A as newCodes, r as readBatches, C as prepareBatch, D as verifiedRead, q as sha256Bytes } from './hot-validate-Cbhe7qur.js';
import { P as Progress } from './chunk-YK35P24K-BysRypHz.js';
import { U as UserError, C as CheckFailed } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { statSync } from 'node:fs';

const require$1 = createRequire(import.meta.url);

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

// src/evaluate/collect.ts
async function estimateRows(path, format) {
  if (format === "parquet") {
    try {
      return await (await import('./parquet-4URN4HY4-5ElG8zhr.js')).parquetRowCount(path);
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
  const { collected, closed } = await collectRows(spec, io);
  await closed;
  return collected;
}
async function collectRows(spec, io) {
  const started = performance.now();
  const display = spec.data.display ?? spec.data.path;
  const format = spec.data.format ?? formatOf(spec.data.path);
  const batchSize = spec.batchSize ?? 8192;
  let size = 0;
  try {
    size = statSync(spec.data.path).size;
  } catch {
    throw new UserError(`data file ${display} does not exist; check the path`);
  }
  const sources = [spec.candidate, ...spec.baseline ? [spec.baseline] : []];
  const runnable = sources.map((s) => withExternalData(s.bytes, s.source, s.dir));
  const runners = [];
  let pool;
  const poolModule = spec.workers !== 0 && size >= 1 << 20 ? import('./pool-7MWVEMCW-DXzZbyAb.js') : void 0;
  const est = await estimateRows(spec.data.path, format);
  let done = false;
  const starting = startScoringPool(spec, sources, runnable, est / batchSize / (spec.shard?.count ?? 1), poolModule);
  const settled = () => void 0;
  await Promise.race([starting.then(settled, settled), ...poolModule ? [poolModule.then(settled, settled)] : []]);
  try {
    for (const [i, s] of sources.entries()) {
      runners.push(ModelRunner.planned(runnable[i], s.source, spec.task, s.io, SCORING_THREADS));
    }
    const columns = passColumns(spec, runners);
    const progress = io ? new Progress(io, `evaluate ${spec.name}`, 0) : void 0;
    const byPart = spec.shard && format !== "jsonl";
    progress?.setTotal(byPart ? Math.round(est / spec.shard.count) : est);
    const up = await starting;
    pool = up.pool;
    if (!pool) for (const r of runners) await r.start();
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
    let onnxruntime;
    for (let m = 0; m < runners.length; m++) {
      const measured = pool?.measure(m, spec.latency !== false ? pass.firstRow : void 0);
      measured?.catch(() => void 0);
      onnxruntime ??= (await measured)?.onnxruntime;
      models.push(await collectedModel(spec, sources[m], runners[m], m, pass.preds[m], pass.firstRow, measured));
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
    const collected = {
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
      workers: pool?.size ?? 0,
      ...onnxruntime ? { onnxruntime } : {}
    };
    done = true;
    return { collected, closed: close() };
  } finally {
    spec.arriving?.abort();
    if (!done) await close();
  }
  async function close() {
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
async function startScoringPool(spec, sources, runnable, ownBatches, poolModule) {
  if (spec.workers === 0 || spec.workers === void 0 && ownBatches <= 4) return {};
  const { ScoringPool, defaultScoringWorkers } = await (poolModule ?? import('./pool-7MWVEMCW-DXzZbyAb.js'));
  const workers = spec.workers ?? defaultScoringWorkers();
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
  if (pool && p.format === "parquet" && !p.part && await parquetInWorkers({ ...p, pool }, pass)) return pass;
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
    addScoredBatch(pass, runners, b, workerCodes(pass, b.labelKeys, b.sliceKeys));
    if (!pass.firstRow && b.firstRow) {
      pass.firstRow = fromWireRow(b.firstRow);
    }
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
async function parquetInWorkers(p, pass) {
  const { spec, runners, pool, progress } = p;
  const { parquetLayout, readParquetUnits } = await import('./parquet-4URN4HY4-5ElG8zhr.js');
  const numeric = p.columns.features.filter((c) => !p.columns.strings.has(c));
  const layout = await parquetLayout(spec.data.path, {
    batchSize: p.batchSize,
    columns: p.columns.all,
    numeric,
    displayName: p.display
  });
  if (!layout) return false;
  pool.startParquet({
    layout,
    spec: { task: spec.task, label: spec.label, slices: spec.slices, nanPolicy: spec.nanPolicy },
    columns: { features: p.columns.features, strings: p.columns.strings },
    display: p.display
  });
  const inflight = [];
  const maxInflight = pool.size + 2;
  const spares = [];
  const alloc = (size) => {
    const i = spares.findIndex((a) => a.byteLength >= size);
    return new Uint8Array(i >= 0 ? spares.splice(i, 1)[0] : new SharedArrayBuffer(Math.ceil(size * 1.1)));
  };
  let unitFailed = false;
  const drain = async () => {
    const { job, unit } = inflight.shift();
    const s = await job.catch((err) => {
      unitFailed = true;
      throw err;
    });
    if (unit.last) for (const sp of unit.spans) spares.push(sp.bytes.buffer);
    progress?.add(s.read);
    pass.batches += s.batches.length;
    const codes = workerCodes(pass, s.labelKeys, s.sliceKeys);
    for (const b of s.batches) addScoredBatch(pass, runners, b, codes);
    if (!pass.firstRow && s.firstRow) {
      pass.firstRow = fromWireRow(s.firstRow);
    }
  };
  try {
    for await (const unit of verifiedRead(
      spec.data.path,
      p.display,
      p.verify,
      () => readParquetUnits(spec.data.path, layout, alloc)
    )) {
      const job = pool.runParquet(unit);
      job.catch(() => void 0);
      inflight.push({ job, unit });
      while (inflight.length >= maxInflight) await drain();
    }
  } catch (err) {
    if (!unitFailed) while (inflight.length > 0) await drain();
    throw err;
  }
  while (inflight.length > 0) await drain();
  return true;
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
async function collectedModel(spec, source, r, m, preds, firstRow, measured) {
  let latency;
  if (spec.latency !== false && firstRow) {
    const l = measured ? (await measured).latency : await r.latency(firstRow);
    latency = { ...l, runs: 200 };
  }
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
function workerCodes(pass, labelKeys, sliceKeys) {
  return {
    label: labelKeys?.map((k) => pass.codes.labels.code(k)),
    slices: sliceKeys.map((keys, j) => keys.map((k) => pass.codes.slices[j].code(k)))
  };
}
function addScoredBatch(pass, runners, b, codes) {
  pass.nanRows += b.skipped;
  pass.rows += b.kept;
  pass.blocks.push({ offset: b.offset, rows: b.kept });
  if (codes.label) {
    const code = codes.label;
    const labels = b.labels;
    for (let r = 0; r < labels.length; r++) labels[r] = code[labels[r]];
    pass.labelCodes.append(labels);
  } else pass.target.append(b.labels);
  b.slices.forEach((c, j) => {
    const code = codes.slices[j];
    for (let r = 0; r < c.length; r++) c[r] = code[c[r]];
    pass.sliceCodes[j].append(c);
  });
  b.outs?.forEach((o, m) => {
    pass.preds[m] ??= o instanceof Float64Array ? new Grow(Float64Array) : new Grow(Float32Array);
    pass.preds[m].append(o);
    runners[m].inferMs += b.ms[m];
    runners[m].inferRows += b.kept;
  });
}
function sliceRow(fb, r) {
  return {
    length: 1,
    numeric: new Map([...fb.numeric].map(([k, v]) => [k, v.slice(r, r + 1)])),
    strings: new Map([...fb.strings].map(([k, v]) => [k, v.slice(r, r + 1)]))
  };
}

export { collect as a, collectRows as c };
