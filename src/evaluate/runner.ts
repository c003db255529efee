import type ort from "onnxruntime-node";
import { CheckFailed, UserError } from "../errors.ts";
import { graphFacts, type OnnxSignature, readOnnxModel } from "../onnx/signature.ts";
import { refuseExternalData } from "../onnx/external.ts";
import { withoutZipMaps } from "../onnx/zipmap.ts";
import type { Task } from "./metrics.ts";
import { type IoPlan, ioProblemsMessage, type ModelIo, planModelIo } from "./model-io.ts";
import { disableOrtTelemetry } from "../util/source-worker.ts";

export type { DeclaredTensor, ModelIo } from "./model-io.ts";
type Ort = typeof ort;

export interface Threads {
  intraOp: number;
  interOp: number;
}

/** One input tensor's data, as a worker thread can receive it. */
export interface Feed {
  type: string;
  data: Float32Array | Float64Array | Int32Array | Uint8Array | BigInt64Array | string[];
  dims: number[];
}

/** A batch of feature columns: numbers as Float64Array (NaN for empty), and the raw cells for string inputs. */
export interface FeatureBatch {
  length: number;
  numeric: Map<string, Float64Array>;
  strings: Map<string, string[]>;
}

/**
 * One model in an onnxruntime-node session: checks its signature, maps dataset columns to its inputs, and returns the
 * prediction tensor it has: class probabilities (n × k), a score (n × 1) or a regression value (n × 1).
 * A ZipMap output (a sequence of maps, which onnxruntime-node cannot return) is cut off the graph and its input
 * tensor, the same probabilities, is fetched instead.
 */
export class ModelRunner {
  /** The model's class order for probability columns, when its graph names it (ZipMap or a *Classifier node). */
  classLabels?: string[];
  /** What was read: the output name and its width. */
  output!: { name: string; width: number };
  notes: string[] = [];
  private session!: ort.InferenceSession;
  private ort!: Ort;
  private plan!: IoPlan;
  /** The graph onnxruntime is given, until the session is open. */
  private runnable?: Uint8Array;
  private starting?: Promise<void>;
  /** Milliseconds spent in session.run over the whole pass (batch throughput). */
  inferMs = 0;
  inferRows = 0;

  private constructor(
    readonly file: string,
    readonly task: Task,
    readonly io: ModelIo,
    readonly signature: OnnxSignature,
    readonly threads: Threads,
  ) {}

  static async open(
    bytes: Uint8Array,
    file: string,
    task: Task,
    io: ModelIo,
    threads: Threads = SCORING_THREADS,
  ): Promise<ModelRunner> {
    const r = ModelRunner.planned(bytes, file, task, io, threads);
    await r.start();
    return r;
  }

  /**
   * The model's signature checked and its inputs and output planned, without onnxruntime: what `open` does before it
   * loads onnxruntime and the session, which `start` (or the first run) then does. Columns, output, class labels and
   * notes are known from here on.
   */
  static planned(
    bytes: Uint8Array,
    file: string,
    task: Task,
    io: ModelIo,
    threads: Threads = SCORING_THREADS,
  ): ModelRunner {
    const { model, signature } = readOnnxModel(bytes, file);
    // onnxruntime would read external data from the working folder: it is given only self-contained models.
    refuseExternalData(
      model,
      file,
      "it was not read from a model file's own folder (a model from an untrusted run, or a baseline read from git)",
    );
    const r = new ModelRunner(file, task, io, signature, threads);
    const { plan, problems } = planModelIo(signature, graphFacts(model), task, io);
    if (!plan) {
      const message = ioProblemsMessage(file, problems);
      throw problems.every((p) => p.kind === "usage") ? new UserError(message) : new CheckFailed(message);
    }
    r.plan = plan;
    r.classLabels = plan.classLabels;
    r.output = { name: plan.fetch, width: plan.width };
    // the served graph: a ZipMap output is replaced by the probability tensor behind it (what `package` ships)
    const runnable = plan.zipMap ? withoutZipMaps(model, bytes).bytes : bytes;
    if (plan.zipMap) {
      r.notes.push(
        `${file}: "${plan.zipMap.output}" is a ZipMap (${plan.zipMap.type}), which onnxruntime-node cannot return; read its input tensor "${plan.zipMap.tensor}" (the same probabilities) instead`,
      );
    }
    r.runnable = runnable;
    return r;
  }

  /** Loads onnxruntime and opens the session (once; `open` and the first run call it). */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.ort = await loadOrt();
      try {
        this.session = await this.ort.InferenceSession.create(this.runnable!, {
          intraOpNumThreads: this.threads.intraOp,
          interOpNumThreads: this.threads.interOp,
          graphOptimizationLevel: "all",
        });
      } catch (err) {
        throw new CheckFailed(`${this.file}: onnxruntime cannot load the model: ${(err as Error).message}`);
      }
      this.runnable = undefined;
    })();
    return this.starting;
  }

  /** Columns this model reads. */
  get columns(): string[] {
    return this.io.features;
  }

  /** Tensor mode: the input fed with the row-major feature tensor, and its element type. */
  get tensorInput(): { name: string; type: "float32" | "float64" } | undefined {
    return this.plan.tensor;
  }

  /** Which feature columns must be strings (columns mode, string inputs). */
  stringColumns(): string[] {
    return [...this.plan.columnTypes].filter(([, t]) => t === "string").map(([c]) => c);
  }

  /** Runs one batch; returns row-major n × width predictions. */
  async run(batch: FeatureBatch): Promise<Float32Array | Float64Array> {
    return this.runFeeds(this.feeds(batch), batch.length);
  }

  /**
   * The model's input tensors for a batch, as plain arrays in fresh buffers (so they can be transferred to a worker
   * thread without copying): the row-major feature tensor in tensor mode, one [n, 1] tensor per column otherwise.
   */
  feeds(batch: FeatureBatch): Record<string, Feed> {
    const n = batch.length;
    const feeds: Record<string, Feed> = {};
    const tensor = this.plan.tensor;
    if (tensor) {
      const f = this.io.features.length;
      const data = tensor.type === "float64" ? new Float64Array(n * f) : new Float32Array(n * f);
      for (let c = 0; c < f; c++) {
        const col = batch.numeric.get(this.io.features[c])!;
        for (let r = 0; r < n; r++) data[r * f + c] = col[r];
      }
      feeds[tensor.name] = { type: tensor.type, data, dims: [n, f] };
      return feeds;
    }
    for (const [name, type] of this.plan.columnTypes) {
      if (type === "string") {
        feeds[name] = { type, data: batch.strings.get(name)!, dims: [n, 1] };
        continue;
      }
      const col = batch.numeric.get(name)!;
      const data =
        type === "float32"
          ? Float32Array.from(col)
          : type === "float64"
            ? Float64Array.from(col)
            : type === "int32"
              ? Int32Array.from(col)
              : type === "bool"
                ? Uint8Array.from(col, (v) => (v ? 1 : 0))
                : BigInt64Array.from(col, (v) => BigInt(Math.trunc(v)));
      feeds[name] = { type, data, dims: [n, 1] };
    }
    return feeds;
  }

  /** Scores prepared feeds of `n` rows; returns row-major n × width predictions. */
  async runFeeds(feeds: Record<string, Feed>, n: number): Promise<Float32Array | Float64Array> {
    if (!this.session) await this.start();
    const T = this.ort.Tensor;
    const tensors: Record<string, ort.Tensor> = {};
    for (const [name, f] of Object.entries(feeds))
      tensors[name] = new T(f.type as "float32", f.data as Float32Array, f.dims);
    const t0 = performance.now();
    let out: ort.InferenceSession.ReturnType;
    try {
      out = await this.session.run(tensors, [this.output.name]);
    } catch (err) {
      throw new CheckFailed(`${this.file}: inference failed: ${(err as Error).message}`);
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
        `${this.file}: output "${this.output.name}" gives ${data.length / n} values per row (${data.length} for ${n} rows), expected ${this.output.width}${this.task === "binary-classification" ? " (a binary classifier's probability output has 1 or 2 columns)" : ""}; check spec.outputs, spec.task and spec.label.classes against the model`,
      );
    }
    return data;
  }

  /** Single-row latency after warm-up (p50/p95/p99 in ms) on a given row. */
  async latency(row: FeatureBatch, runs = 200, warmup = 20): Promise<{ p50: number; p95: number; p99: number }> {
    const times: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const t0 = performance.now();
      await this.run(row);
      if (i >= warmup) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
    return { p50: q(50), p95: q(95), p99: q(99) };
  }

  async close(): Promise<void> {
    await this.starting?.catch(() => undefined); // a session still opening is released once open
    await this.session?.release();
  }
}

/** onnxruntime-node's version, as the record states it. */
export function ortVersion(ort: Ort): string {
  return ort.env?.versions?.node ?? ort.env?.versions?.common ?? "unknown";
}

/**
 * onnxruntime-node, loaded on first use (a native addon: `validate` and `--help` never pay for it), its telemetry off
 * (../util/source-worker.ts disableOrtTelemetry).
 */
export async function loadOrt(): Promise<Ort> {
  disableOrtTelemetry();
  const m = (await import("onnxruntime-node")) as unknown as { default?: Ort } & Ort;
  return m.InferenceSession ? m : (m.default as Ort);
}

/**
 * The one thread setting every session scores with: one intra-op thread, so that an operator's sums (a TreeEnsemble's
 * trees, a MatMul's blocks) run in the same order on every machine and the same inputs give the same bytes. Speed
 * comes from scoring several batches at once (pool.ts).
 */
export const SCORING_THREADS: Readonly<Threads> = Object.freeze({ intraOp: 1, interOp: 1 });
