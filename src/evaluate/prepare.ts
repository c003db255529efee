/**
 * What an evaluation pass keeps of a batch of rows, pure over the batch and the codes so far: feature values checked
 * (a value that is not a finite number fails the run, or with nanPolicy count leaves its row out), labels and slice
 * values coded in order of first appearance. Runs in the thread that reads, or in a scoring worker thread on a batch
 * it parsed itself (with codes of its own, which the reading thread maps onto the pass's codes in batch order).
 */
import { type Batch, type Cell, cellToNumber, cellToString, DataError, rowPlace } from "../data/read.ts";
import type { Task } from "./metrics.ts";
import type { FeatureBatch } from "./runner.ts";

export type Label = string | number | boolean;

/** What preparing a batch takes of the evaluation's spec (collect.ts holds the whole spec). */
export interface PrepareSpec {
  task: Task;
  label: { column: string; classes?: Label[]; positive?: Label; labels?: Record<string, Label> };
  slices: { column: string; buckets?: number[] }[];
  nanPolicy: "fail" | "count";
}

/** A label or slice value as a key: numbers in one spelling ("1", "1.0" and 1 are the same class). */
export function keyOf(v: Cell | Label): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return String(v);
  if (typeof v === "bigint") return String(Number(v));
  const s = cellToString(v as Cell);
  if (s === null) return null;
  const t = s.trim();
  if (t !== "" && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return String(Number(t));
  return s;
}

/** The bucket of a slice value between increasing edges, as the record names it: "[25, 40)". */
export function bucketKey(v: number, edges: number[]): string {
  if (edges.length === 0 || v < edges[0]) return `(-inf, ${edges[0] ?? "inf"})`;
  for (let i = 1; i < edges.length; i++) if (v < edges[i]) return `[${edges[i - 1]}, ${edges[i]})`;
  return `[${edges[edges.length - 1]}, inf)`;
}

/** Codes for keys in order of first appearance: the label classes and slice values as they stream in. */
export class Dict {
  readonly keys: string[] = [];
  private readonly map = new Map<string, number>();
  code(k: string): number {
    let c = this.map.get(k);
    if (c === undefined) {
      c = this.keys.length;
      this.map.set(k, c);
      this.keys.push(k);
    }
    return c;
  }
}

/** The columns a pass reads: the models' features (some as text), the label and the slice columns. */
export interface PassColumns {
  features: string[];
  /** Features a model takes as strings (columns mode); the others are read as numbers. */
  strings: Set<string>;
  /** Every column read, in order: features, label, slices. */
  all: string[];
}

/** What a pass keeps of each batch: its kept rows' features, label codes or targets, and slice codes. */
export interface PreparedBatch {
  fb: FeatureBatch;
  labels: Int32Array | Float64Array;
  slices: Int32Array[];
  offset: number;
  /** Rows left out for a feature that is not a finite number (nanPolicy count). */
  skipped: number;
}

/** The codes given so far to label classes and slice values, over the batches of one pass. */
export interface Codes {
  labels: Dict;
  /** A text or number label's code by the cell itself: one keyOf per distinct spelling or number, not per row. */
  labelOf: Map<string | number, number>;
  slices: Dict[];
}

export function newCodes(spec: Pick<PrepareSpec, "slices">): Codes {
  return { labels: new Dict(), labelOf: new Map(), slices: spec.slices.map(() => new Dict()) };
}

/**
 * One batch as the pass keeps it: feature values checked (a value that is not a finite number fails the run, or with
 * nanPolicy count leaves its row out), labels coded (classification) or read as numbers (regression), slice values
 * coded; pure over the batch and the codes so far.
 */
export function prepareBatch(
  b: Batch,
  spec: PrepareSpec,
  columns: Pick<PassColumns, "features" | "strings">,
  codes: Codes,
  display: string,
  /** The reader found every number of the batch finite (csv.ts's CsvTensor): no value to check. */
  finite = false,
): PreparedBatch {
  const { numeric, strings, valid, bad } = featureValues(b, spec.nanPolicy, columns, display, finite);
  const labels = labelValues(b, spec, codes, display);
  const slices = sliceCodes(b, spec.slices, codes.slices);
  if (bad === 0) return { fb: { length: b.length, numeric, strings }, labels, slices, offset: b.offset, skipped: 0 };
  const idx: number[] = [];
  for (let r = 0; r < b.length; r++) if (valid[r]) idx.push(r);
  for (const [k, arr] of numeric)
    numeric.set(
      k,
      Float64Array.from(idx, (r) => arr[r]),
    );
  for (const [k, arr] of strings)
    strings.set(
      k,
      idx.map((r) => arr[r]),
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
    skipped: bad,
  };
}

/** The feature columns of a batch, and which rows hold a value a model cannot take (with nanPolicy count). */
function featureValues(
  b: Batch,
  nanPolicy: PrepareSpec["nanPolicy"],
  columns: Pick<PassColumns, "features" | "strings">,
  display: string,
  finite: boolean,
): { numeric: Map<string, Float64Array>; strings: Map<string, string[]>; valid: Uint8Array; bad: number } {
  const n = b.length;
  const numeric = new Map<string, Float64Array>();
  const strings = new Map<string, string[]>();
  const valid = new Uint8Array(n).fill(1);
  let bad = 0;
  for (const col of columns.features) {
    const ci = b.columns.indexOf(col);
    if (columns.strings.has(col)) {
      const cells = b.data[ci];
      const out = new Array<string>(n);
      for (let r = 0; r < n; r++) {
        const s = cellToString(cells[r]);
        if (s === null) {
          if (nanPolicy === "fail") failFeature(display, b, r, col, "empty");
          if (valid[r]) bad++;
          valid[r] = 0;
          out[r] = "";
        } else out[r] = s;
      }
      strings.set(col, out);
      continue;
    }
    const out = b.numeric?.[ci];
    if (!out) throw new Error(`column ${col} was not read as numbers`);
    for (let r = 0; !finite && r < n; r++) {
      // NaN (empty, null, "nan", not a number) and ±Infinity alike: no model output is meaningful for them
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

/** One message for every feature value a model cannot take: empty, null, NaN, not a number, ±Infinity. */
function failFeature(display: string, b: Batch, r: number, col: string, shown: string): never {
  throw new DataError(
    display,
    rowPlace(b, r),
    `feature "${col}" is not a finite number (${shown}); fix the data, or set spec.evaluation.nanPolicy: count to skip and count such rows`,
  );
}

/** Classification: each row's label code (every row needs a label); regression: each row's finite target. */
function labelValues(
  b: Batch,
  spec: Pick<PrepareSpec, "task" | "label">,
  codes: Codes,
  display: string,
): Int32Array | Float64Array {
  const n = b.length;
  const labelCells = b.data[b.columns.indexOf(spec.label.column)];
  if (spec.task !== "regression") {
    const labels = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      const c = labelCells[r];
      const known = typeof c === "string" || typeof c === "number" ? codes.labelOf.get(c) : undefined;
      if (known !== undefined) {
        labels[r] = known;
        continue;
      }
      const k = keyOf(c);
      if (k === null)
        throw new DataError(
          display,
          rowPlace(b, r),
          `no label in "${spec.label.column}"; every evaluated row needs one`,
        );
      labels[r] = codes.labels.code(k);
      if ((typeof c === "string" || typeof c === "number") && codes.labelOf.size < 10000)
        codes.labelOf.set(c, labels[r]);
    }
    return labels;
  }
  const labels = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const c = labelCells[r];
    const v = typeof c === "number" ? c : cellToNumber(c);
    if (v === null || !Number.isFinite(v)) {
      throw new DataError(
        display,
        rowPlace(b, r),
        `target "${spec.label.column}" is not a finite number (${c === null ? "empty" : JSON.stringify(String(c))}); every evaluated row needs one`,
      );
    }
    labels[r] = v;
  }
  return labels;
}

/** Each slice's code per row: the value's key, or its bucket between the slice's edges; "(null)" for none. */
function sliceCodes(b: Batch, slices: PrepareSpec["slices"], dicts: Dict[]): Int32Array[] {
  return slices.map((s, j) => {
    const at = b.columns.indexOf(s.column);
    const cells = b.data[at];
    const nums = b.numeric?.[at];
    const codes = new Int32Array(b.length);
    for (let r = 0; r < b.length; r++) {
      const c: Cell = nums ? (Number.isNaN(nums[r]) ? null : nums[r]) : cells[r];
      let key: string;
      if (s.buckets) {
        const v = cellToNumber(c);
        key = v === null || Number.isNaN(v) ? "(null)" : bucketKey(v, s.buckets);
      } else key = keyOf(c) ?? "(null)";
      codes[r] = dicts[j].code(key);
    }
    return codes;
  });
}

/** A numeric cell for a message: "empty", its text when it is not a number, or the value (NaN, Infinity). */
export function shownNumber(b: Batch, c: number, r: number, v: number): string {
  const bad = b.notNumbers?.[c];
  const at = bad ? bad.rows.indexOf(r) : -1;
  if (at >= 0) return JSON.stringify(bad!.texts[at]);
  return Number.isNaN(v) ? "empty or NaN" : String(v);
}
