import { type Cell, cellToNumber, cellToString } from "../data/read.ts";
import { typedValue } from "../data/typed-value.ts";
import { bucketKey, keyOf } from "../evaluate/collect.ts";
import type { Task } from "../evaluate/metrics.ts";
import type { FeatureBatch, ModelRunner } from "../evaluate/runner.ts";
import type { Column } from "../manifest/schema.ts";
import type { LogBatch } from "./logs.ts";
import type { WindowAccumulator, WindowRows } from "./window.ts";

/**
 * Feeds logged rows into a window: keeps the rows inside it that a version served (the version is the one whose
 * segment holds the row's time), joins the labels by id, scores with that version's model the rows whose prediction
 * the logs do not carry, turns each prediction into what the metrics read (a binary classifier's positive-class
 * score, a regressor's value, a multiclass classifier's probabilities in class order), and counts what it left out.
 */

export interface FeedVersion {
  runner: ModelRunner;
  /** A binary classifier's positive column in the model's output (0 for a single score). */
  positive: number;
}

export interface FeedSpec {
  since: number;
  until: number;
  /** Each version's time span, [from, until), in version order. */
  segments: { from: number; until: number }[];
  versions: FeedVersion[];
  task: Task;
  /** Values stored per row: 1, or the number of classes (multiclass). */
  width: number;
  /** The watched columns: numeric ones come from the batch's numbers, categorical ones as keys. */
  watched: { name: string; kind: "numeric" | "categorical"; column?: Column }[];
  slices: { column: string; buckets?: number[] }[];
  labelColumn: string;
  labels: Map<string, string>;
  /** Keep the labelled rows' cells of these columns (a retraining dataset). */
  capture?: string[];
  /** The Dataset's id column: filled from the row's id when the logs name it otherwise. */
  idColumn?: string;
  /**
   * The labels are held in another thread (this feeder runs in a worker, ./workers.ts): a row without a label of its
   * own carries its id (WindowRows.ids) instead of being looked up in `labels`.
   */
  labelIds?: boolean;
}

const inc = (o: Record<string, number>, k: string, n = 1) => {
  o[k] = (o[k] ?? 0) + n;
};

export class Feeder {
  readonly skipped: Record<string, number> = {};
  /** The labelled rows' time and cells of `capture`'s columns, as text (null: empty). */
  readonly captured: { time: number; cells: (string | null)[] }[] = [];

  constructor(
    private readonly spec: FeedSpec,
    private readonly acc: Pick<WindowAccumulator, "add">,
  ) {}

  private versionAt(t: number): number {
    const s = this.spec.segments;
    for (let i = s.length - 1; i >= 0; i--) if (t >= s[i].from && t < s[i].until) return i;
    return -1;
  }

  async add(b: LogBatch): Promise<void> {
    const spec = this.spec;
    const keep: number[] = [];
    const version: number[] = [];
    for (let r = 0; r < b.length; r++) {
      const t = b.time[r];
      if (!Number.isFinite(t)) inc(this.skipped, "without a time");
      else if (t < spec.since || t >= spec.until) inc(this.skipped, "outside the window");
      else {
        const v = this.versionAt(t);
        if (v < 0) inc(this.skipped, "at a time no version ran");
        else {
          keep.push(r);
          version.push(v);
        }
      }
    }
    if (keep.length === 0) return;
    const w = spec.width;
    const preds = new Float64Array(keep.length * w).fill(Number.NaN);
    const scored = new Uint8Array(keep.length);
    const toScore = new Map<number, number[]>();
    keep.forEach((r, i) => {
      const single = b.predicted?.[r];
      if (single !== undefined && Number.isFinite(single) && spec.width === 1) {
        // a table's prediction column: the score (as the model's float32 output) or the value itself
        preds[i] = spec.task === "regression" ? single : Math.fround(single);
        return;
      }
      const logged = single !== undefined ? undefined : b.prediction?.[r];
      if (logged && logged.length > 0 && logged.every(Number.isFinite))
        this.store(preds, i, logged, spec.versions[version[i]]);
      else {
        const list = toScore.get(version[i]) ?? [];
        list.push(i);
        toScore.set(version[i], list);
      }
    });
    const dropped = new Uint8Array(keep.length);
    for (const [v, rows] of toScore) await this.score(b, keep, rows, spec.versions[v], preds, scored, dropped);
    const kept = keep.map((_, i) => i).filter((i) => !dropped[i]);
    this.acc.add(this.rows(b, keep, kept, version, preds, scored));
  }

  /**
   * A prediction vector as stored: the positive score, the value, or the probabilities. A classifier's scores are
   * its float32 outputs: a logged score printed with more digits is read back as that float32 (what the model gave),
   * so that the window's scores sort as evaluate's do, by one radix pass (src/evaluate/sort.ts).
   */
  private store(preds: Float64Array, i: number, out: ArrayLike<number>, v: FeedVersion): void {
    const w = this.spec.width;
    if (this.spec.task === "binary-classification") preds[i] = Math.fround(out.length === 1 ? out[0] : out[v.positive]);
    else if (this.spec.task === "regression") preds[i] = out[0];
    else for (let j = 0; j < w; j++) preds[i * w + j] = Math.fround(out[j] ?? Number.NaN);
  }

  private async score(
    b: LogBatch,
    keep: number[],
    rows: number[],
    v: FeedVersion,
    preds: Float64Array,
    scored: Uint8Array,
    dropped: Uint8Array,
  ): Promise<void> {
    const features = v.runner.columns;
    const strings = new Set(v.runner.stringColumns());
    // rows with every feature the model needs, column by column (no lookup per cell)
    const missing = new Uint8Array(rows.length);
    for (const f of features) {
      if (strings.has(f)) {
        const cells = b.cells.get(f);
        for (let k = 0; k < rows.length; k++) if (cells?.[keep[rows[k]]] == null) missing[k] = 1;
      } else {
        const col = b.numeric.get(f);
        if (!col) missing.fill(1);
        else
          for (let k = 0; k < rows.length; k++) {
            const x = col[keep[rows[k]]];
            if (x - x !== 0) missing[k] = 1; // NaN (null) or ±Infinity
          }
      }
    }
    const ok = rows.filter((_, k) => missing[k] === 0);
    const okSet = new Set(ok);
    for (const i of rows) if (!okSet.has(i)) dropped[i] = 1;
    if (rows.length > ok.length)
      inc(this.skipped, "without a prediction and a feature the model needs", rows.length - ok.length);
    if (ok.length === 0) return;
    const fb: FeatureBatch = { length: ok.length, numeric: new Map(), strings: new Map() };
    // every row of the batch scored by this version (the usual case): the batch's own columns, not copies
    const whole = ok.length === b.length && ok.every((i, k) => keep[i] === k);
    for (const f of features) {
      if (strings.has(f)) {
        const cells = b.cells.get(f)!;
        fb.strings.set(
          f,
          ok.map((i) => String(cellToString(cells[keep[i]]))),
        );
      } else {
        const col = b.numeric.get(f)!;
        if (whole) fb.numeric.set(f, col);
        else {
          const out = new Float64Array(ok.length);
          for (let k = 0; k < ok.length; k++) out[k] = col[keep[ok[k]]];
          fb.numeric.set(f, out);
        }
      }
    }
    const out = await v.runner.run(fb);
    const width = v.runner.output.width;
    ok.forEach((i, k) => {
      this.store(preds, i, out.subarray(k * width, (k + 1) * width), v);
      scored[i] = 1;
    });
  }

  /** Label keys by the cell's text: keyOf once per distinct spelling, not per row. */
  private readonly labelKeys = new Map<string, string | null>();

  private labelOf(b: LogBatch, r: number): string | null {
    const own = b.cells.get(this.spec.labelColumn)?.[r] ?? b.numeric.get(this.spec.labelColumn)?.[r];
    let k: string | null;
    if (own === undefined || (typeof own === "number" && Number.isNaN(own))) k = null;
    else if (typeof own === "string") {
      const known = this.labelKeys.get(own);
      k = known !== undefined ? known : keyOf(own);
      if (known === undefined && this.labelKeys.size < 10_000) this.labelKeys.set(own, k);
    } else k = keyOf(own);
    if (k !== null) return k;
    if (this.spec.labels.size === 0) return null;
    const id = b.id(r);
    return id !== null ? (this.spec.labels.get(id) ?? null) : null;
  }

  private rows(
    b: LogBatch,
    keep: number[],
    kept: number[],
    version: number[],
    preds: Float64Array,
    scored: Uint8Array,
  ): WindowRows {
    const spec = this.spec;
    const w = spec.width;
    const n = kept.length;
    const src = kept.map((i) => keep[i]);
    // every row of the batch kept (the usual case): the batch's own columns, not copies
    const whole = n === b.length && src.every((r, i) => r === i);
    const pick = (col: Float64Array) => {
      if (whole) return col;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = col[src[i]];
      return out;
    };
    const numeric = new Map<string, Float64Array>();
    const text = new Map<string, (string | null)[]>();
    for (const c of spec.watched) {
      if (c.kind === "numeric") {
        const col = b.numeric.get(c.name);
        if (col) numeric.set(c.name, pick(col));
      } else {
        const cells = b.cells.get(c.name);
        if (cells)
          text.set(
            c.name,
            src.map((r) => categoryKey(cells[r], c.column)),
          );
      }
    }
    for (const s of spec.slices) {
      const cells = b.cells.get(s.column);
      const nums = b.numeric.get(s.column);
      if (!cells && !nums) continue;
      text.set(
        s.column,
        src.map((r) => {
          const cell: Cell = nums ? (Number.isNaN(nums[r]) ? null : nums[r]) : cells![r];
          if (s.buckets) {
            const x = cellToNumber(cell);
            return x === null || Number.isNaN(x) ? "(null)" : bucketKey(x, s.buckets);
          }
          return keyOf(cell) ?? "(null)";
        }),
      );
    }
    const label = src.map((r) => this.labelOf(b, r));
    const ids = spec.labelIds ? label.map((l, i) => (l === null ? b.id(src[i]) : null)) : undefined;
    if (spec.capture) {
      src.forEach((r, i) => {
        if (label[i] === null) return;
        this.captured.push({
          time: b.time[r],
          cells: spec.capture!.map((c) => (c === spec.labelColumn ? label[i] : cellText(b, c, r, spec.idColumn))),
        });
      });
    }
    return {
      length: n,
      version: Int32Array.from(kept, (i) => version[i]),
      numeric,
      text,
      preds: whole
        ? preds
        : Float64Array.from({ length: n * w }, (_, k) => preds[kept[Math.floor(k / w)] * w + (k % w)]),
      scored: whole ? scored : Uint8Array.from(kept, (i) => scored[i]),
      label,
      ...(b.latencyMs ? { latencyMs: pick(b.latencyMs) } : {}),
      ...(b.error ? { error: Int8Array.from(src, (r) => b.error![r]) } : {}),
      ...(ids ? { ids } : {}),
    };
  }
}

/** A categorical value as the profile keys it: the Dataset column's typed value as text, else the cell's key. */
function categoryKey(c: Cell, column: Column | undefined): string | null {
  if (c === null || c === undefined) return null;
  if (column) {
    const v = typedValue(column, c);
    return v === null || v === undefined ? null : String(v);
  }
  return keyOf(c);
}

function cellText(b: LogBatch, column: string, r: number, idColumn: string | undefined): string | null {
  const n = b.numeric.get(column);
  if (n) return Number.isNaN(n[r]) ? null : String(n[r]);
  const c = b.cells.get(column)?.[r];
  if ((c === undefined || c === null) && column === idColumn) return b.id(r);
  return c === undefined || c === null ? null : cellToString(c);
}
