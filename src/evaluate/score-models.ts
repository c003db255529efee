/**
 * What a scoring worker does with a prepared batch, whichever format it was read from (csv-batch.ts,
 * parquet-batch.ts): every model run on it — on the candidate's input tensor when the batch filled it, else on feeds
 * built from the batch's columns — and the batch's first row, sent back for the latency measurement.
 */
import type { FeatureBatch, ModelRunner } from "./runner.ts";

export type Prediction = Float32Array | Float64Array;

/** A row of features as a worker sends it back (plain arrays, for postMessage). */
export interface WireRow {
  numeric: [string, Float64Array][];
  strings: [string, string[]][];
}

/** Per model: whether its input is the candidate's tensor as it is (tensor mode, the same features in the same order, the same type). */
export function tensorFits(runners: ModelRunner[], type: "float32" | "float64", features: string[]): boolean[] {
  return runners.map(
    (r) =>
      r.tensorInput?.type === type &&
      r.columns.length === features.length &&
      r.columns.every((c, k) => c === features[k]),
  );
}

/** A tensor of the batch's n kept rows (n × width, every value finite), and which models take it as it is. */
export interface FilledTensor {
  type: "float32" | "float64";
  data: Float32Array | Float64Array;
  width: number;
  fits: boolean[];
}

/** Every model run on the n kept rows of `fb`: each model's predictions and how long its run took. */
export async function scoreModels(
  runners: ModelRunner[],
  fb: FeatureBatch,
  n: number,
  tensor: FilledTensor | undefined,
): Promise<{ outs: Prediction[]; ms: number[] }> {
  const outs: Prediction[] = [];
  const ms: number[] = [];
  for (const [m, r] of runners.entries()) {
    const before = r.inferMs;
    const feeds = tensor?.fits[m]
      ? { [r.tensorInput!.name]: { type: tensor.type, data: tensor.data, dims: [n, tensor.width] } }
      : r.feeds(fb);
    outs.push(await r.runFeeds(feeds, n));
    ms.push(r.inferMs - before);
  }
  return { outs, ms };
}

/** The first row of a batch's features, to send back. */
export function firstRowWire(fb: FeatureBatch): WireRow {
  return {
    numeric: [...fb.numeric].map(([k, v]): [string, Float64Array] => [k, v.slice(0, 1)]),
    strings: [...fb.strings].map(([k, v]): [string, string[]] => [k, v.slice(0, 1)]),
  };
}

/** A row sent back by a worker, as a batch of one row again. */
export function fromWireRow(row: WireRow): FeatureBatch {
  return { length: 1, numeric: new Map(row.numeric), strings: new Map(row.strings) };
}
