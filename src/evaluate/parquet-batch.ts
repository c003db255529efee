/**
 * A unit of a Parquet file (a row group, or a piece of a large one) in a scoring worker: its pages decoded from the
 * bytes the reading thread read (parquet.ts `parquetUnitBatches`: the same batches as reading in one thread), each
 * batch's input tensor filled from its number columns, prepared with codes of its own (prepare.ts) and scored by every
 * model; what the reading thread gets back, batch by batch.
 */
import { type ParquetLayout, type ParquetUnit, parquetUnitBatches, parquetUnitState } from "../data/parquet.ts";
import { newCodes, type PassColumns, type PrepareSpec, prepareBatch } from "./prepare.ts";
import type { ModelRunner } from "./runner.ts";
import { firstRowWire, type Prediction, scoreModels, tensorFits, type WireRow } from "./score-models.ts";

/** What a worker needs to read, prepare and score the Parquet units of a pass itself. */
export interface ParquetPassContext {
  layout: ParquetLayout;
  spec: PrepareSpec;
  columns: Pick<PassColumns, "features" | "strings">;
  display: string;
}

/** One batch of a unit, prepared with the unit's codes and scored. */
export interface ParquetScoredBatch {
  offset: number;
  /** Rows kept (not left out for a feature that is not a finite number). */
  kept: number;
  skipped: number;
  /** Classification: each kept row's code into the unit's labelKeys; regression: its target. */
  labels: Int32Array | Float64Array;
  slices: Int32Array[];
  /** Each model's predictions and how long its run took (none when no row was kept). */
  outs?: Prediction[];
  ms?: number[];
}

/** A unit as a worker read, prepared and scored it. */
export interface ParquetScored {
  /** Rows read. */
  read: number;
  batches: ParquetScoredBatch[];
  /** The codes of the unit's batches, in order of first appearance in the unit. */
  labelKeys?: string[];
  sliceKeys: string[][];
  /** The unit's first kept row's features, for the latency measurement. */
  firstRow?: WireRow;
}

/** How a batch's number columns fill the candidate's input tensor, and which models take that tensor as it is. */
interface TensorPlan {
  type: "float32" | "float64";
  /** The batch column of each feature, in the model's order. */
  cols: number[];
  fits: boolean[];
  data?: Float32Array | Float64Array;
}

let plans: WeakMap<ParquetPassContext, TensorPlan | null> | undefined;

function tensorPlan(runners: ModelRunner[], ctx: ParquetPassContext): TensorPlan | null {
  const first = runners[0];
  const input = first.tensorInput;
  const features = first.columns;
  const { names, numeric } = ctx.layout;
  if (!input || new Set(features).size !== features.length) return null;
  if (features.some((f) => ctx.columns.strings.has(f) || !numeric.includes(f))) return null;
  return {
    type: input.type,
    cols: features.map((f) => names.indexOf(f)),
    fits: tensorFits(runners, input.type, features),
  };
}

/**
 * Row-major n × cols.length values from the columns; whether each was finite. Four columns at a time (four values
 * written side by side per row: 1.6× the speed of one column at a time, measured on 131,072 × 30 values); small
 * functions of one array type each, which the compiler makes tight loops of, apart from the async function that calls
 * them.
 */
function fill32(cols: Float64Array[], n: number, out: Float32Array): boolean {
  const width = cols.length;
  let bad = 0;
  let k = 0;
  for (; k + 3 < width; k += 4) {
    const a = cols[k];
    const b = cols[k + 1];
    const c = cols[k + 2];
    const d = cols[k + 3];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = a[r];
      const y = b[r];
      const z = c[r];
      const w = d[r];
      out[at] = x;
      out[at + 1] = y;
      out[at + 2] = z;
      out[at + 3] = w;
      bad |= x - x + (y - y) + (z - z) + (w - w) === 0 ? 0 : 1; // NaN and ±Infinity
    }
  }
  for (; k < width; k++) {
    const col = cols[k];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = col[r];
      out[at] = x;
      bad |= x - x === 0 ? 0 : 1;
    }
  }
  return bad === 0;
}

function fill64(cols: Float64Array[], n: number, out: Float64Array): boolean {
  const width = cols.length;
  let bad = 0;
  let k = 0;
  for (; k + 3 < width; k += 4) {
    const a = cols[k];
    const b = cols[k + 1];
    const c = cols[k + 2];
    const d = cols[k + 3];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = a[r];
      const y = b[r];
      const z = c[r];
      const w = d[r];
      out[at] = x;
      out[at + 1] = y;
      out[at + 2] = z;
      out[at + 3] = w;
      bad |= x - x + (y - y) + (z - z) + (w - w) === 0 ? 0 : 1;
    }
  }
  for (; k < width; k++) {
    const col = cols[k];
    for (let r = 0, at = k; r < n; r++, at += width) {
      const x = col[r];
      out[at] = x;
      bad |= x - x === 0 ? 0 : 1;
    }
  }
  return bad === 0;
}

/**
 * In a worker, when the pass is announced: what its first unit would otherwise make first (the tensor plan, the
 * layout's state), made while the reading thread reads that unit.
 */
export function startParquetPass(runners: ModelRunner[], ctx: ParquetPassContext): void {
  plans ??= new WeakMap();
  if (!plans.has(ctx)) plans.set(ctx, tensorPlan(runners, ctx));
  parquetUnitState(ctx.layout);
}

/** In a worker: a unit's batches decoded, prepared (with the unit's codes) and scored by every model. */
export async function parquetUnit(
  runners: ModelRunner[],
  ctx: ParquetPassContext,
  unit: ParquetUnit,
): Promise<{ result: ParquetScored; transfer: ArrayBuffer[] }> {
  plans ??= new WeakMap();
  let plan = plans.get(ctx);
  if (plan === undefined) {
    plan = tensorPlan(runners, ctx);
    plans.set(ctx, plan);
  }
  const codes = newCodes(ctx.spec);
  const batches: ParquetScoredBatch[] = [];
  const transfer: ArrayBuffer[] = [];
  let read = 0;
  let firstRow: ParquetScored["firstRow"];
  for await (const b of parquetUnitBatches(ctx.layout, unit)) {
    read += b.length;
    // the candidate's input tensor, filled from the number columns, and whether each value was finite
    let finite = false;
    let tensor: Float32Array | Float64Array | undefined;
    if (plan) {
      const width = plan.cols.length;
      const size = b.length * width;
      if (!plan.data || plan.data.length < size)
        plan.data = plan.type === "float64" ? new Float64Array(size) : new Float32Array(size);
      tensor = plan.data.subarray(0, size);
      const cols = plan.cols.map((c) => b.numeric![c]!);
      finite = tensor instanceof Float32Array ? fill32(cols, b.length, tensor) : fill64(cols, b.length, tensor);
    }
    const prep = prepareBatch(b, ctx.spec, ctx.columns, codes, ctx.display, finite);
    const n = prep.fb.length;
    let outs: Prediction[] | undefined;
    let ms: number[] | undefined;
    if (n > 0) {
      const filled = finite
        ? { type: plan!.type, data: tensor!, width: plan!.cols.length, fits: plan!.fits }
        : undefined;
      ({ outs, ms } = await scoreModels(runners, prep.fb, n, filled));
      for (const o of outs) transfer.push(o.buffer as ArrayBuffer);
      firstRow ??= firstRowWire(prep.fb);
    }
    transfer.push(prep.labels.buffer as ArrayBuffer, ...prep.slices.map((c) => c.buffer as ArrayBuffer));
    batches.push({
      offset: prep.offset,
      kept: n,
      skipped: prep.skipped,
      labels: prep.labels,
      slices: prep.slices,
      outs,
      ms,
    });
  }
  return {
    result: {
      read,
      batches,
      labelKeys: ctx.spec.task === "regression" ? undefined : codes.labels.keys,
      sliceKeys: codes.slices.map((d) => d.keys),
      firstRow,
    },
    transfer: [...new Set(transfer)],
  };
}
