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
    // the rows kept (their place in the batch) and the version that served each
    const keep = new Int32Array(b.length);
    const version = new Int32Array(b.length);
    let k = 0;
    const { since, until } = spec;
    // one version over the whole window (the usual case): its segment checked once per row, no search
    const segs = spec.segments;
    const one = segs.length === 1 ? segs[0] : undefined;
    const time = b.time;
    for (let r = 0; r < b.length; r++) {
      const t = time[r];
      if (!Number.isFinite(t)) inc(this.skipped, "without a time");
      else if (t < since || t >= until) inc(this.skipped, "outside the window");
      else {
        const v = one ? (t >= one.from && t < one.until ? 0 : -1) : this.versionAt(t);
        if (v < 0) inc(this.skipped, "at a time no version ran");
        else {
          keep[k] = r;
          version[k++] = v;
        }
      }
    }
    if (k === 0) return;
    const w = spec.width;
    const preds = new Float64Array(k * w).fill(Number.NaN);
    const scored = new Uint8Array(k);
    const toScore = new Map<number, number[]>();
    const predicted = b.predicted;
    const regression = spec.task === "regression";
    for (let i = 0; i < k; i++) {
      const r = keep[i];
      const single = predicted?.[r];
      if (single !== undefined && Number.isFinite(single) && w === 1) {
        // a table's prediction column: the score (as the model's float32 output) or the value itself
        preds[i] = regression ? single : Math.fround(single);
        continue;
      }
      const logged = single !== undefined ? undefined : b.prediction?.[r];
      if (logged && logged.length > 0 && logged.every(Number.isFinite))
        this.store(preds, i, logged, spec.versions[version[i]]);
      else {
        const list = toScore.get(version[i]) ?? [];
        list.push(i);
        toScore.set(version[i], list);
      }
    }
    const dropped = new Uint8Array(k);
    let drops = 0;
    for (const [v, rows] of toScore) drops += await this.score(b, keep, rows, spec.versions[v], preds, scored, dropped);
    // the kept rows' indices into keep (undefined: all of them, the usual case)
    let kept: Int32Array | undefined;
    if (drops > 0) {
      kept = new Int32Array(k - drops);
      let n = 0;
      for (let i = 0; i < k; i++) if (!dropped[i]) kept[n++] = i;
    }
    this.acc.add(this.rows(b, keep.subarray(0, k), kept, version.subarray(0, k), preds, scored));
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

  /** Scores `rows` (indices into keep) with the version's model; returns how many it dropped (a feature missing). */
  private async score(
    b: LogBatch,
    keep: Int32Array,
    rows: number[],
    v: FeedVersion,
    preds: Float64Array,
    scored: Uint8Array,
    dropped: Uint8Array,
  ): Promise<number> {
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
    if (ok.length === 0) return rows.length;
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
    return rows.length - ok.length;
  }

  /** Label keys by the cell's text: keyOf once per distinct spelling, not per row. */
  private readonly labelKeys = new Map<string, string | null>();
  private lastText?: string;
  private lastKey: string | null = null;
  /** The key of each one-character ASCII label (undefined: not met yet). */
  private readonly charKeys: (string | null | undefined)[] = new Array(128).fill(undefined);
  /** The spelling before the last one (a label column of two values alternates between them). */
  private prevText?: string;
  private prevKey: string | null = null;

  private labelOf(
    b: LogBatch,
    r: number,
    cells = b.cells.get(this.spec.labelColumn),
    nums = b.numeric.get(this.spec.labelColumn),
  ): string | null {
    const own = cells?.[r] ?? nums?.[r];
    let k: string | null;
    if (own === undefined || (typeof own === "number" && Number.isNaN(own))) k = null;
    else if (typeof own === "string" && own.length === 1 && own.charCodeAt(0) < 128) {
      // a one-character label ("0", "1"): its key by its character, with no comparison that rows in a random order
      // of labels would mispredict
      const c = own.charCodeAt(0);
      let known = this.charKeys[c];
      if (known === undefined) this.charKeys[c] = known = keyOf(own);
      k = known;
    } else if (own === this.lastText) k = this.lastKey;
    else if (own === this.prevText) {
      k = this.prevKey;
      this.prevText = this.lastText;
      this.prevKey = this.lastKey;
      this.lastText = own;
      this.lastKey = k;
    } else if (typeof own === "string") {
      const known = this.labelKeys.get(own);
      k = known !== undefined ? known : keyOf(own);
      if (known === undefined && this.labelKeys.size < 10_000) this.labelKeys.set(own, k);
      // the same text as one of the two rows' before (a label column of few values): no lookup
      this.prevText = this.lastText;
      this.prevKey = this.lastKey;
      this.lastText = own;
      this.lastKey = k;
    } else k = keyOf(own);
    if (k !== null) return k;
    if (this.spec.labels.size === 0) return null;
    const id = b.id(r);
    return id !== null ? (this.spec.labels.get(id) ?? null) : null;
  }

  /**
   * The kept rows as the window takes them: `keep` holds each row's place in the batch, `kept` the indices into keep
   * of the rows left after scoring (undefined: all).
   */
  private rows(
    b: LogBatch,
    keep: Int32Array,
    kept: Int32Array | undefined,
    version: Int32Array,
    preds: Float64Array,
    scored: Uint8Array,
  ): WindowRows {
    const spec = this.spec;
    const w = spec.width;
    const src = kept ? Int32Array.from(kept, (i) => keep[i]) : keep;
    const n = src.length;
    // every row of the batch kept (the usual case): the batch's own columns, not copies
    let whole = n === b.length;
    for (let i = 0; whole && i < n; i++) whole = src[i] === i;
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
            Array.from(src, (r) => categoryKey(cells[r], c.column)),
          );
      }
    }
    for (const s of spec.slices) {
      const cells = b.cells.get(s.column);
      const nums = b.numeric.get(s.column);
      if (!cells && !nums) continue;
      text.set(
        s.column,
        Array.from(src, (r) => {
          const cell: Cell = nums ? (Number.isNaN(nums[r]) ? null : nums[r]) : cells![r];
          if (s.buckets) {
            const x = cellToNumber(cell);
            return x === null || Number.isNaN(x) ? "(null)" : bucketKey(x, s.buckets);
          }
          return keyOf(cell) ?? "(null)";
        }),
      );
    }
    const ownCells = b.cells.get(spec.labelColumn);
    const ownNums = b.numeric.get(spec.labelColumn);
    const label = new Array<string | null>(n);
    for (let i = 0; i < n; i++) label[i] = this.labelOf(b, src[i], ownCells, ownNums);
    const ids = spec.labelIds ? label.map((l, i) => (l === null ? b.id(src[i]) : null)) : undefined;
    if (spec.capture) {
      for (let i = 0; i < n; i++) {
        if (label[i] === null) continue;
        const r = src[i];
        this.captured.push({
          time: b.time[r],
          cells: spec.capture.map((c) => (c === spec.labelColumn ? label[i] : cellText(b, c, r, spec.idColumn))),
        });
      }
    }
    return {
      length: n,
      version: kept
        ? Int32Array.from(kept, (i) => version[i])
        : version.length === b.length
          ? version
          : version.slice(),
      numeric,
      text,
      preds: kept
        ? Float64Array.from({ length: n * w }, (_, k) => preds[kept[Math.floor(k / w)] * w + (k % w)])
        : preds,
      scored: kept ? Uint8Array.from(kept, (i) => scored[i]) : scored,
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
