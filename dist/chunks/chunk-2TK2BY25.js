import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ioProblemsMessage,
  planModelIo
} from "./chunk-Y72I2OFL.js";
import {
  withoutZipMaps
} from "./chunk-7CYA4NHE.js";
import {
  graphFacts,
  readOnnxModel
} from "./chunk-AZ7PF7DE.js";
import {
  CheckFailed,
  UserError
} from "./chunk-H5EPG2ZH.js";

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
  /** Milliseconds spent in session.run over the whole pass (batch throughput). */
  inferMs = 0;
  inferRows = 0;
  static async open(bytes, file, task, io, threads = SCORING_THREADS) {
    const { model, signature } = readOnnxModel(bytes, file);
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
    r.ort = await loadOrt();
    try {
      r.session = await r.ort.InferenceSession.create(runnable, {
        intraOpNumThreads: threads.intraOp,
        interOpNumThreads: threads.interOp,
        graphOptimizationLevel: "all"
      });
    } catch (err) {
      throw new CheckFailed(`${file}: onnxruntime cannot load the model: ${err.message}`);
    }
    return r;
  }
  /** Columns this model reads. */
  get columns() {
    return this.io.features;
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
    await this.session?.release();
  }
};
async function loadOrt() {
  const m = await import("onnxruntime-node");
  return m.InferenceSession ? m : m.default;
}
var SCORING_THREADS = Object.freeze({ intraOp: 1, interOp: 1 });

export {
  ModelRunner,
  loadOrt,
  SCORING_THREADS
};
