/**
 * A CSV batch in a scoring worker: parsed (csv.ts's parser, into the candidate's input tensor as the numbers are
 * read), prepared with codes of its own (prepare.ts) and scored by every model; what the reading thread gets back.
 */
import { type CsvLayout, type CsvScratch, type CsvTensor, parseCsvBatch, type RawCsvBatch } from "../data/csv-cut.ts";
import { newCodes, type PassColumns, type PrepareSpec, prepareBatch } from "./prepare.ts";
import type { ModelRunner } from "./runner.ts";
import { firstRowWire, type Prediction, scoreModels, tensorFits, type WireRow } from "./score-models.ts";

/** What a worker needs to parse, prepare and score the CSV batches of a pass itself. */
export interface CsvPassContext {
  layout: CsvLayout;
  spec: PrepareSpec;
  columns: Pick<PassColumns, "features" | "strings">;
  display: string;
}

/** A CSV batch as a worker parsed it; unless it was another shard's, prepared (with codes of its own) and scored. */
export interface CsvScored {
  /** Rows read. */
  read: number;
  /** The batch's bytes, given back to be reused. */
  spare: ArrayBuffer;
  prepared?: {
    offset: number;
    /** Rows kept (not left out for a feature that is not a finite number). */
    kept: number;
    skipped: number;
    /** Classification: each kept row's code into labelKeys; regression: its target. */
    labels: Int32Array | Float64Array;
    labelKeys?: string[];
    slices: Int32Array[];
    sliceKeys: string[][];
    /** Each model's predictions and how long its run took (none when no row was kept). */
    outs?: Prediction[];
    ms?: number[];
    /** The first kept row's features, for the latency measurement. */
    firstRow?: WireRow;
  };
}

/** This worker's memory for a batch's numbers: the batch is done with before the next one is parsed. */
const scratch: CsvScratch = {};
let tensorPlans: Map<CsvPassContext, TensorPlan | undefined> | undefined;

/** How a CSV batch fills the candidate's input tensor as it is parsed, and which models take that tensor as it is. */
interface TensorPlan {
  type: "float32" | "float64";
  width: number;
  /** Per model: its input is this tensor (tensor mode, the same features in the same order, the same type). */
  fits: boolean[];
  /** The tensor for a batch of `rows` rows, in memory reused from batch to batch. */
  into(rows: number): CsvTensor;
}

function tensorPlan(runners: ModelRunner[], ctx: CsvPassContext): TensorPlan | undefined {
  const first = runners[0];
  const input = first.tensorInput;
  const features = first.columns;
  const { layout } = ctx;
  if (!input || new Set(features).size !== features.length) return undefined;
  if (features.some((f) => ctx.columns.strings.has(f) || !layout.isNum[layout.names.indexOf(f)])) return undefined;
  const tpos = new Int32Array(layout.width).fill(-1);
  for (let h = 0; h < layout.width; h++) {
    const c = layout.slot[h];
    if (c >= 0 && layout.isNum[c]) tpos[h] = features.indexOf(layout.names[c]);
  }
  // every feature has its header column (a feature asked for twice is refused above)
  if (features.some((_, k) => !tpos.includes(k))) return undefined;
  const fits = tensorFits(runners, input.type, features);
  const width = features.length;
  let data: Float32Array | Float64Array | undefined;
  return {
    type: input.type,
    width,
    fits,
    into(rows) {
      if (!data || data.length < rows * width)
        data = input.type === "float64" ? new Float64Array(rows * width) : new Float32Array(rows * width);
      return { tpos, width, data };
    },
  };
}

/** In a worker: a cut CSV batch parsed, and (unless another shard's) prepared and scored by every model. */
export async function csvBatch(
  runners: ModelRunner[],
  ctx: CsvPassContext,
  raw: RawCsvBatch,
  other: boolean,
): Promise<{ result: CsvScored; transfer: ArrayBuffer[] }> {
  const plan = (tensorPlans ??= new Map()).get(ctx) ?? tensorPlan(runners, ctx);
  tensorPlans.set(ctx, plan);
  const into = plan && !other ? plan.into(Math.max(1, raw.rows)) : undefined;
  const b = parseCsvBatch(ctx.layout, raw, scratch, into);
  const spare = raw.bytes.buffer as ArrayBuffer;
  if (other) return { result: { read: b.length, spare }, transfer: [spare] };
  const codes = newCodes(ctx.spec);
  const finite = into !== undefined && !into.nonFinite;
  const prep = prepareBatch(b, ctx.spec, ctx.columns, codes, ctx.display, finite);
  const n = prep.fb.length;
  const transfer: ArrayBuffer[] = [
    spare,
    prep.labels.buffer as ArrayBuffer,
    ...prep.slices.map((c) => c.buffer as ArrayBuffer),
  ];
  let outs: Prediction[] | undefined;
  let ms: number[] | undefined;
  if (n > 0) {
    // the tensor filled as the batch was parsed (every row kept, every value finite), else built from the columns
    const tensor = finite
      ? { type: plan!.type, data: into!.data.subarray(0, n * plan!.width), width: plan!.width, fits: plan!.fits }
      : undefined;
    ({ outs, ms } = await scoreModels(runners, prep.fb, n, tensor));
    for (const o of outs) transfer.push(o.buffer as ArrayBuffer);
  }
  const firstRow = n > 0 ? firstRowWire(prep.fb) : undefined;
  return {
    result: {
      read: b.length,
      spare,
      prepared: {
        offset: prep.offset,
        kept: n,
        skipped: prep.skipped,
        labels: prep.labels,
        labelKeys: ctx.spec.task === "regression" ? undefined : codes.labels.keys,
        slices: prep.slices,
        sliceKeys: codes.slices.map((d) => d.keys),
        outs,
        ms,
        firstRow,
      },
    },
    transfer: [...new Set(transfer)],
  };
}
