import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  readOnnxSignature,
  require_onnx
} from "./chunk-BEVYNQTN.js";
import {
  CheckFailed,
  UserError
} from "./chunk-7SHYJVU3.js";
import {
  __toESM
} from "./chunk-ZGDBGMMU.js";

// src/evaluate/runner.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
import { availableParallelism } from "node:os";
var { onnx } = import_onnx_proto.default;
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
  inputType = "float32";
  inputName = "";
  columnTypes = /* @__PURE__ */ new Map();
  /** Milliseconds spent in session.run over the whole pass (batch throughput). */
  inferMs = 0;
  inferRows = 0;
  static async open(bytes, file, task, io, threads = defaultThreads()) {
    const signature = readOnnxSignature(bytes, file);
    const r = new _ModelRunner(file, task, io, signature, threads);
    if (io.signature) checkDeclared(signature, io.signature, file);
    const { bytes: runnable, classLabels, fetch, width, notes } = prepareGraph(bytes, signature, task, io, file);
    r.classLabels = classLabels;
    r.notes = notes;
    r.output = { name: fetch, width };
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
    r.bindInputs();
    return r;
  }
  bindInputs() {
    const inputs = this.signature.inputs;
    if (this.io.mode === "tensor") {
      const name = this.io.tensor ?? (inputs.length === 1 ? inputs[0].name : void 0);
      if (!name) {
        throw new UserError(
          `${this.file} has ${inputs.length} inputs (${inputs.map((i) => i.name).join(", ")}); name the one that takes the feature tensor (spec.inputs.tensor) or use spec.inputs.mode: columns`
        );
      }
      const spec = inputs.find((i) => i.name === name);
      if (!spec)
        throw new UserError(`${this.file} has no input "${name}" (it has: ${inputs.map((i) => i.name).join(", ")})`);
      if (spec.type !== "float32" && spec.type !== "float64") {
        throw new CheckFailed(
          `${this.file}: input "${name}" is ${spec.type}; tensor mode feeds float32 or float64 features`
        );
      }
      const width = spec.shape[1];
      if (spec.shape.length !== 2 || typeof width === "number" && width > 0 && width !== this.io.features.length) {
        throw new CheckFailed(
          `${this.file}: input "${name}" has shape [${spec.shape.join(", ")}] but ${this.io.features.length} features are mapped to it (${this.io.features.join(", ")})`
        );
      }
      this.inputName = name;
      this.inputType = spec.type;
    } else {
      for (const f of this.io.features) {
        const spec = inputs.find((i) => i.name === f);
        if (!spec) {
          throw new UserError(
            `${this.file} has no input named "${f}" for column "${f}" (inputs: ${inputs.map((i) => i.name).join(", ")}); in columns mode each feature column feeds the input of the same name`
          );
        }
        if (!["float32", "float64", "int64", "int32", "string", "bool"].includes(spec.type)) {
          throw new CheckFailed(
            `${this.file}: input "${f}" is ${spec.type}, which modelgate cannot feed from a column`
          );
        }
        this.columnTypes.set(f, spec.type);
      }
      const unfed = inputs.filter((i) => !this.io.features.includes(i.name));
      if (unfed.length > 0) {
        throw new UserError(
          `${this.file}: inputs ${unfed.map((i) => `"${i.name}"`).join(", ")} have no column; add them to spec.inputs.features`
        );
      }
    }
  }
  /** Columns this model reads. */
  get columns() {
    return this.io.features;
  }
  /** Which feature columns must be strings (columns mode, string inputs). */
  stringColumns() {
    return [...this.columnTypes].filter(([, t]) => t === "string").map(([c]) => c);
  }
  /** Runs one batch; returns row-major n × width predictions. */
  async run(batch) {
    const n = batch.length;
    const feeds = {};
    const T = this.ort.Tensor;
    if (this.io.mode === "tensor") {
      const f = this.io.features.length;
      const data2 = this.inputType === "float64" ? new Float64Array(n * f) : new Float32Array(n * f);
      for (let c = 0; c < f; c++) {
        const col = batch.numeric.get(this.io.features[c]);
        for (let r = 0; r < n; r++) data2[r * f + c] = col[r];
      }
      feeds[this.inputName] = new T(this.inputType, data2, [n, f]);
    } else {
      for (const [name, type] of this.columnTypes) {
        if (type === "string") {
          feeds[name] = new T("string", batch.strings.get(name), [n, 1]);
          continue;
        }
        const col = batch.numeric.get(name);
        if (type === "float32") feeds[name] = new T("float32", Float32Array.from(col), [n, 1]);
        else if (type === "float64") feeds[name] = new T("float64", Float64Array.from(col), [n, 1]);
        else if (type === "int32") feeds[name] = new T("int32", Int32Array.from(col), [n, 1]);
        else if (type === "bool")
          feeds[name] = new T(
            "bool",
            Uint8Array.from(col, (v) => v ? 1 : 0),
            [n, 1]
          );
        else
          feeds[name] = new T(
            "int64",
            BigInt64Array.from(col, (v) => BigInt(Math.trunc(v))),
            [n, 1]
          );
      }
    }
    const t0 = performance.now();
    let out;
    try {
      out = await this.session.run(feeds, [this.output.name]);
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
function defaultThreads() {
  return { intraOp: availableParallelism(), interOp: 1 };
}
function shapeText(s) {
  return s ? `[${s.map((d) => typeof d === "number" && d < 0 ? "N" : d).join(", ")}]` : "[?]";
}
function sameShape(declared, actual) {
  if (!declared) return true;
  if (declared.length !== actual.length) return false;
  return declared.every((d, i) => {
    const a = actual[i];
    const dynD = typeof d === "string" || d < 0;
    const dynA = typeof a === "string" || a < 0;
    return dynD ? dynA : !dynA && d === a;
  });
}
function checkDeclared(sig, declared, file) {
  const problems = [];
  const check = (kind, decl, actual) => {
    for (const d of decl) {
      const a = actual.find((x) => x.name === d.name);
      if (!a) {
        problems.push(
          `${kind} "${d.name}": declared, but the model has no such ${kind} (it has: ${actual.map((x) => x.name).join(", ")})`
        );
        continue;
      }
      if (d.type !== a.type || !sameShape(d.shape, a.shape)) {
        problems.push(
          `${kind} "${d.name}": the manifest says ${d.type} ${shapeText(d.shape)}, the model has ${a.type} ${shapeText(a.shape)}`
        );
      }
    }
    for (const a of actual) {
      if (!decl.some((d) => d.name === a.name))
        problems.push(`${kind} "${a.name}": in the model but not declared in spec.signature`);
    }
  };
  check("input", declared.inputs, sig.inputs);
  check("output", declared.outputs, sig.outputs);
  if (problems.length > 0) {
    throw new CheckFailed(
      `${file} does not match its declared signature:
  ${problems.join("\n  ")}
Update spec.signature or re-export the model.`
    );
  }
}
var dec = new TextDecoder();
function prepareGraph(bytes, sig, task, io, file) {
  const notes = [];
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph;
  let classLabels;
  for (const node of graph.node ?? []) {
    for (const a of node.attribute ?? []) {
      if (/^classlabels_(ints|int64s)$/.test(a.name) && a.ints?.length)
        classLabels = a.ints.map((v) => String(Number(v)));
      if (a.name === "classlabels_strings" && a.strings?.length)
        classLabels = a.strings.map((s) => dec.decode(s));
    }
  }
  const tensors = sig.outputs.filter((o) => o.kind === "tensor");
  const isFloat = (o) => o.type === "float32" || o.type === "float64";
  const describe = () => sig.outputs.map((o) => `${o.name} (${o.type})`).join(", ");
  let chosen;
  if (task === "regression") {
    chosen = io.outputs?.value ?? tensors.find(isFloat)?.name;
    if (!chosen)
      throw new CheckFailed(`${file} has no float tensor output for a regression value (outputs: ${describe()})`);
  } else {
    chosen = io.outputs?.probability ?? sig.outputs.find((o) => o.kind === "sequence" && /prob/i.test(o.name))?.name ?? tensors.find((o) => isFloat(o) && /prob|score/i.test(o.name))?.name ?? sig.outputs.find((o) => o.kind === "sequence")?.name ?? tensors.find(isFloat)?.name;
    if (!chosen) {
      throw new CheckFailed(
        `${file} has no probability output that onnxruntime-node can return (outputs: ${describe()}); export the probabilities as a tensor (skl2onnx: options={"zipmap": False}) or set spec.outputs.probability`
      );
    }
  }
  const spec = sig.outputs.find((o) => o.name === chosen);
  if (!spec) throw new UserError(`${file} has no output "${chosen}" (outputs: ${describe()})`);
  let fetch = chosen;
  let out = bytes;
  let shape = spec.shape;
  if (spec.kind !== "tensor") {
    const zipmap = (graph.node ?? []).find((n) => n.opType === "ZipMap" && n.output?.includes(chosen));
    if (!zipmap) {
      throw new CheckFailed(
        `${file}: output "${chosen}" is a ${spec.type}, which onnxruntime-node cannot return, and no ZipMap node produces it; export it as a tensor`
      );
    }
    fetch = zipmap.input[0];
    for (const a of zipmap.attribute ?? []) {
      if (a.name === "classlabels_int64s" && a.ints?.length)
        classLabels = a.ints.map((v) => String(Number(v)));
      if (a.name === "classlabels_strings" && a.strings?.length)
        classLabels = a.strings.map((s) => dec.decode(s));
    }
    graph.node = graph.node.filter((n) => n !== zipmap);
    graph.output = graph.output.filter((o) => o.name !== chosen);
    const k = classLabels?.length ?? -1;
    graph.output.push({
      name: fetch,
      type: {
        tensorType: { elemType: 1, shape: { dim: [{ dimParam: "N" }, k > 0 ? { dimValue: k } : { dimParam: "K" }] } }
      }
    });
    out = onnx.ModelProto.encode(model).finish();
    shape = ["N", k];
    notes.push(
      `${file}: "${chosen}" is a ZipMap (${spec.type}), which onnxruntime-node cannot return; read its input tensor "${fetch}" (the same probabilities) instead`
    );
  } else if (!isFloat(spec)) {
    throw new CheckFailed(`${file}: output "${chosen}" is ${spec.type}; predictions must be float32 or float64`);
  }
  let width;
  if (shape.length <= 1) width = 1;
  else if (shape.length === 2 && typeof shape[1] === "number" && shape[1] > 0) width = shape[1];
  else if (shape.length === 2 && classLabels) width = classLabels.length;
  else if (shape.length === 2 && task === "binary-classification") width = 2;
  else {
    throw new CheckFailed(
      `${file}: output "${chosen}" has shape ${shapeText(shape)}; modelgate needs [N], [N, 1] or [N, classes] with a fixed class count`
    );
  }
  return { bytes: out, classLabels, fetch, width, notes };
}

export {
  ModelRunner,
  loadOrt,
  defaultThreads
};
