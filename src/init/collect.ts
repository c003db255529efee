import { Reservoir } from "../data/profile.ts";
import { type Cell, readBatches } from "../data/read.ts";
import { type ColumnStats, DISTINCT_CAP, looksLikeId } from "./infer.ts";

/** A cell as init reads it: null, a boolean, a number (NaN for "nan"), or text. */
function classify(cell: Cell): null | boolean | number | string {
  if (cell === null) return null;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell;
  if (typeof cell === "bigint") return Number(cell);
  if (typeof cell === "string") {
    const t = cell.trim();
    if (t === "") return null;
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
    if (/^nan$/i.test(t)) return Number.NaN;
    const n = Number(t);
    return Number.isNaN(n) ? cell : n;
  }
  if (cell instanceof Date) return cell.toISOString();
  return JSON.stringify(cell);
}

/** How many values of a numeric column are kept (a deterministic reservoir) for its median. */
const MEDIAN_SAMPLE = 2048;

/** The median of a sample (the lower middle value of an even count). */
function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  return sorted[(sorted.length - 1) >> 1];
}

/** One pass over a data file (any format the readers know): per column, what init needs to write its manifest. */
export async function collectColumnStats(path: string, displayName: string): Promise<ColumnStats[]> {
  let stats: ColumnStats[] = [];
  let seen: (Set<string> | undefined)[] = [];
  let samples: Reservoir[] = [];
  for await (const batch of readBatches(path, { displayName })) {
    if (stats.length === 0) {
      stats = batch.columns.map((name) => ({
        name,
        rows: 0,
        nulls: 0,
        nans: 0,
        booleans: 0,
        numbers: 0,
        integers: 0,
        distinct: new Set<string>(),
        counts: new Map<string, number>(),
        distinctOverflow: false,
        unique: looksLikeId(name) ? true : undefined,
      }));
      seen = batch.columns.map((name) => (looksLikeId(name) ? new Set<string>() : undefined));
      samples = batch.columns.map(() => new Reservoir(MEDIAN_SAMPLE));
    }
    for (let c = 0; c < stats.length; c++) {
      const s = stats[c];
      const cells = batch.data[c];
      s.rows += batch.length;
      for (let r = 0; r < batch.length; r++) {
        const v = classify(cells[r]);
        if (v === null) {
          s.nulls++;
          continue;
        }
        let key: string;
        if (typeof v === "number" && Number.isNaN(v)) {
          s.nans++; // a null in a numeric column, a value in a text one
          key = String(cells[r]);
        } else if (typeof v === "boolean") {
          s.booleans++;
          key = String(v);
        } else if (typeof v === "number") {
          s.numbers++;
          if (Number.isInteger(v)) s.integers++;
          if (s.min === undefined || v < s.min) s.min = v;
          if (s.max === undefined || v > s.max) s.max = v;
          if (Number.isFinite(v)) samples[c].add(v);
          key = String(v);
        } else key = v;
        if (!s.distinctOverflow) {
          s.distinct.add(key);
          s.counts?.set(key, (s.counts.get(key) ?? 0) + 1);
          if (s.distinct.size > DISTINCT_CAP) s.distinctOverflow = true;
        }
        const u = seen[c];
        if (u) {
          if (u.has(key)) {
            s.unique = false;
            seen[c] = undefined;
          } else u.add(key);
        }
      }
    }
  }
  stats.forEach((s, c) => {
    s.median = median(samples[c].values);
  });
  return stats;
}
