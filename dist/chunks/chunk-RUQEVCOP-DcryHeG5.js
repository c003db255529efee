import { createRequire } from 'node:module';
import { H as planModelIo, g as graphFacts, I as ioProblemsMessage } from './hot-validate-Cbhe7qur.js';
import { h as disableOrtTelemetry } from './hot-validate-verify-COnm42W2.js';
import { w as withoutZipMaps } from './chunk-UBMSCOQN-DvpQ3ehE.js';
import { a as require_onnx, r as readOnnxModel } from './chunk-2ZLDIS45-ZCAU1cz0.js';
import { c as __toESM, C as CheckFailed, U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { realpathSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/onnx/external.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
var { onnx } = import_onnx_proto.default;
var EXTERNAL = 1;
function* tensorsOf(graph) {
  if (!graph) return;
  for (const t of graph.initializer ?? []) yield t;
  for (const s of graph.sparseInitializer ?? []) {
    if (s.values) yield s.values;
    if (s.indices) yield s.indices;
  }
  for (const node of graph.node ?? []) {
    for (const a of node.attribute ?? []) {
      if (a.t) yield a.t;
      for (const t of a.tensors ?? []) yield t;
      if (a.sparseTensor?.values) yield a.sparseTensor.values;
      if (a.sparseTensor?.indices) yield a.sparseTensor.indices;
      if (a.g) yield* tensorsOf(a.g);
      for (const g of a.graphs ?? []) yield* tensorsOf(g);
    }
  }
}
function refOf(t) {
  const kv = new Map((t.externalData ?? []).map((e) => [String(e.key), String(e.value ?? "")]));
  const length = kv.get("length");
  return {
    tensor: String(t.name ?? "(unnamed)"),
    location: kv.get("location") ?? "",
    offset: Number(kv.get("offset") ?? 0),
    ...length !== void 0 ? { length: Number(length) } : {}
  };
}
function externalDataRefs(model) {
  const out = [];
  for (const t of tensorsOf(model.graph)) if (t.dataLocation === EXTERNAL) out.push(refOf(t));
  return out;
}
function listRefs(refs) {
  const shown = refs.slice(0, 3).map((r) => `${r.tensor} in "${r.location}"`);
  return `${shown.join(", ")}${refs.length > 3 ? ` and ${refs.length - 3} more` : ""}`;
}
function refuseExternalData(model, file, why) {
  const refs = externalDataRefs(model);
  if (refs.length === 0) return;
  throw new CheckFailed(
    `${file}: the model keeps ${refs.length === 1 ? "a tensor" : `${refs.length} tensors`} in external data files (${listRefs(refs)}); ${why}, so its external data is not read: export it with its weights inside the ONNX file`
  );
}
function safeLocation(location) {
  if (!location || location.includes("\0") || isAbsolute(location) || /^[A-Za-z]:/.test(location)) return false;
  if (location.startsWith("/") || location.startsWith("\\")) return false;
  return !location.split(/[\\/]+/).some((part) => part === "..");
}
function withExternalData(bytes, file, dir) {
  const { model } = readOnnxModel(bytes, file);
  const tensors = [...tensorsOf(model.graph)].filter((t) => t.dataLocation === EXTERNAL);
  if (tensors.length === 0) return bytes;
  if (dir === void 0) {
    refuseExternalData(model, file, "the file comes from an untrusted run or has no folder of its own");
  }
  const root = realpathSync(dir);
  for (const t of tensors) {
    const ref = refOf(t);
    const where = `${file}: tensor ${ref.tensor}'s external data "${ref.location}"`;
    if (!safeLocation(ref.location)) {
      throw new CheckFailed(
        `${where} is not a file inside the model's folder; external data is read only from the model's own folder (a relative path without "..")`
      );
    }
    const abs = join(root, posix.normalize(ref.location.replace(/\\/g, "/")));
    let real;
    try {
      real = realpathSync(abs);
    } catch {
      throw new CheckFailed(`${where} does not exist next to the model; keep the data file beside it`);
    }
    const rel = relative(root, real);
    if (rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
      throw new CheckFailed(
        `${where} leads outside the model's folder (to ${real}); external data is read only from there`
      );
    }
    const size = statSync(real).size;
    const length = ref.length ?? size - ref.offset;
    if (!Number.isSafeInteger(ref.offset) || !Number.isSafeInteger(length) || ref.offset < 0 || length < 0) {
      throw new CheckFailed(`${where}: offset ${ref.offset} and length ${ref.length} are not a byte range`);
    }
    if (ref.offset + length > size) {
      throw new CheckFailed(`${where}: bytes ${ref.offset}..${ref.offset + length} are beyond its end (${size} bytes)`);
    }
    const data = Buffer.alloc(length);
    const fd = openSync(real, "r");
    try {
      let read = 0;
      while (read < length) {
        const n = readSync(fd, data, read, length - read, ref.offset + read);
        if (n === 0) break;
        read += n;
      }
    } finally {
      closeSync(fd);
    }
    t.rawData = data;
    t.dataLocation = 0;
    t.externalData = [];
  }
  return onnx.ModelProto.encode(model).finish();
}

// src/evaluate/runner.ts
var ModelRunner = class _ModelRunner {
  constructor(file, task, io, signature, threads) {
    this.file = file;
    this.task = task;
    this.io = io;
    this.signature = signature;
    this.threads = threads;
  }
  file;
  task;
  io;
  signature;
  threads;
  /** The model's class order for probability columns, when its graph names it (ZipMap or a *Classifier node). */
  classLabels;
  /** What was read: the output name and its width. */
  output;
  notes = [];
  session;
  ort;
  plan;
  /** The graph onnxruntime is given, until the session is open. */
  runnable;
  starting;
  /** Milliseconds spent in session.run over the whole pass (batch throughput). */
  inferMs = 0;
  inferRows = 0;
  static async open(bytes, file, task, io, threads = SCORING_THREADS) {
    const r = _ModelRunner.planned(bytes, file, task, io, threads);
    await r.start();
    return r;
  }
  /**
   * The model's signature checked and its inputs and output planned, without onnxruntime: what `open` does before it
   * loads onnxruntime and the session, which `start` (or the first run) then does. Columns, output, class labels and
   * notes are known from here on.
   */
  static planned(bytes, file, task, io, threads = SCORING_THREADS) {
    const { model, signature } = readOnnxModel(bytes, file);
    refuseExternalData(
      model,
      file,
      "it was not read from a model file's own folder (a model from an untrusted run, or a baseline read from git)"
    );
    const r = new _ModelRunner(file, task, io, signature, threads);
    const { plan, problems } = planModelIo(signature, graphFacts(model), task, io);
    if (!plan) {
      const message = ioProblemsMessage(file, problems);
      throw problems.every((p) => p.kind === "usage") ? new UserError(message) : new CheckFailed(message);
    }
    r.plan = plan;
    r.classLabels = plan.classLabels;
    r.output = { name: plan.fetch, width: plan.width };
    const runnable = plan.zipMap ? withoutZipMaps(model, bytes).bytes : bytes;
    if (plan.zipMap) {
      r.notes.push(
        `${file}: "${plan.zipMap.output}" is a ZipMap (${plan.zipMap.type}), which onnxruntime-node cannot return; read its input tensor "${plan.zipMap.tensor}" (the same probabilities) instead`
      );
    }
    r.runnable = runnable;
    return r;
  }
  /** Loads onnxruntime and opens the session (once; `open` and the first run call it). */
  start() {
    this.starting ??= (async () => {
      this.ort = await loadOrt();
      try {
        this.session = await this.ort.InferenceSession.create(this.runnable, {
          intraOpNumThreads: this.threads.intraOp,
          interOpNumThreads: this.threads.interOp,
          graphOptimizationLevel: "all"
        });
      } catch (err) {
        throw new CheckFailed(`${this.file}: onnxruntime cannot load the model: ${err.message}`);
      }
      this.runnable = void 0;
    })();
    return this.starting;
  }
  /** Columns this model reads. */
  get columns() {
    return this.io.features;
  }
  /** Tensor mode: the input fed with the row-major feature tensor, and its element type. */
  get tensorInput() {
    return this.plan.tensor;
  }
  /** Which feature columns must be strings (columns mode, string inputs). */
  stringColumns() {
    return [...this.plan.columnTypes].filter(([, t]) => t === "string").map(([c]) => c);
  }
  /** Runs one batch; returns row-major n × width predictions. */
  async run(batch) {
    return this.runFeeds(this.feeds(batch), batch.length);
  }
  /**
   * The model's input tensors for a batch, as plain arrays in fresh buffers (so they can be transferred to a worker
   * thread without copying): the row-major feature tensor in tensor mode, one [n, 1] tensor per column otherwise.
   */
  feeds(batch) {
    const n = batch.length;
    const feeds = {};
    const tensor = this.plan.tensor;
    if (tensor) {
      const f = this.io.features.length;
      const data = tensor.type === "float64" ? new Float64Array(n * f) : new Float32Array(n * f);
      for (let c = 0; c < f; c++) {
        const col = batch.numeric.get(this.io.features[c]);
        for (let r = 0; r < n; r++) data[r * f + c] = col[r];
      }
      feeds[tensor.name] = { type: tensor.type, data, dims: [n, f] };
      return feeds;
    }
    for (const [name, type] of this.plan.columnTypes) {
      if (type === "string") {
        feeds[name] = { type, data: batch.strings.get(name), dims: [n, 1] };
        continue;
      }
      const col = batch.numeric.get(name);
      const data = type === "float32" ? Float32Array.from(col) : type === "float64" ? Float64Array.from(col) : type === "int32" ? Int32Array.from(col) : type === "bool" ? Uint8Array.from(col, (v) => v ? 1 : 0) : BigInt64Array.from(col, (v) => BigInt(Math.trunc(v)));
      feeds[name] = { type, data, dims: [n, 1] };
    }
    return feeds;
  }
  /** Scores prepared feeds of `n` rows; returns row-major n × width predictions. */
  async runFeeds(feeds, n) {
    if (!this.session) await this.start();
    const T = this.ort.Tensor;
    const tensors = {};
    for (const [name, f] of Object.entries(feeds))
      tensors[name] = new T(f.type, f.data, f.dims);
    const t0 = performance.now();
    let out;
    try {
      out = await this.session.run(tensors, [this.output.name]);
    } catch (err) {
      throw new CheckFailed(`${this.file}: inference failed: ${err.message}`);
    }
    this.inferMs += performance.now() - t0;
    this.inferRows += n;
    const t = out[this.output.name];
    const data = t.data;
    if (!(data instanceof Float32Array || data instanceof Float64Array)) {
      throw new CheckFailed(`${this.file}: output "${this.output.name}" is ${t.type}; expected float32 or float64`);
    }
    if (data.length !== n * this.output.width) {
      throw new CheckFailed(
        `${this.file}: output "${this.output.name}" gives ${data.length / n} values per row (${data.length} for ${n} rows), expected ${this.output.width}${this.task === "binary-classification" ? " (a binary classifier's probability output has 1 or 2 columns)" : ""}; check spec.outputs, spec.task and spec.label.classes against the model`
      );
    }
    return data;
  }
  /** Single-row latency after warm-up (p50/p95/p99 in ms) on a given row. */
  async latency(row, runs = 200, warmup = 20) {
    const times = [];
    for (let i = 0; i < warmup + runs; i++) {
      const t0 = performance.now();
      await this.run(row);
      if (i >= warmup) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.ceil(p / 100 * times.length) - 1)];
    return { p50: q(50), p95: q(95), p99: q(99) };
  }
  async close() {
    await this.starting?.catch(() => void 0);
    await this.session?.release();
  }
};
function ortVersion(ort) {
  return ort.env?.versions?.node ?? ort.env?.versions?.common ?? "unknown";
}
async function loadOrt() {
  disableOrtTelemetry();
  const m = await import('onnxruntime-node');
  return m.InferenceSession ? m : m.default;
}
var SCORING_THREADS = Object.freeze({ intraOp: 1, interOp: 1 });

export { ModelRunner as M, SCORING_THREADS as S, loadOrt as l, ortVersion as o, withExternalData as w };
