import { UserError } from "../errors.ts";
import { API_VERSION } from "../manifest/schema.ts";
import type { Collected, CollectedModel } from "./collect.ts";

/**
 * The mergeable state of one shard (`evaluate --shard i/n`): the rows it evaluated, as the typed arrays one run would
 * hold (labels, slice keys, every model's predictions), with the file offset of each batch. `merge` puts the batches
 * of all shards back in file order, so the merged record is computed from exactly the arrays of a single run: every
 * metric, interval and slice is the same, AUC included (no histogram approximation is needed).
 */
export interface ShardState {
  apiVersion: typeof API_VERSION;
  kind: "EvaluationShard";
  shard: NonNullable<Collected["shard"]>;
  settings: Collected["settings"];
  dataset: Collected["dataset"];
  rows: number;
  blocks: Collected["blocks"];
  labelKeys: string[];
  labelCodes: string;
  target: string;
  slices: { column: string; keys: string[]; codes: string }[];
  models: (Omit<CollectedModel, "preds"> & { preds: string; dtype: "float32" | "float64" })[];
  skipped: Record<string, number>;
  durationMs: number;
  workers?: number;
}

const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
function fromB64<T>(s: string, ctor: { new (b: ArrayBuffer): T }): T {
  const buf = Buffer.from(s, "base64");
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new ctor(copy);
}

export function toShardState(c: Collected): ShardState {
  if (!c.shard) throw new Error("not a shard");
  return {
    apiVersion: API_VERSION,
    kind: "EvaluationShard",
    shard: c.shard,
    settings: c.settings,
    dataset: c.dataset,
    rows: c.rows,
    blocks: c.blocks,
    labelKeys: c.labelKeys,
    labelCodes: b64(c.labelCodes),
    target: b64(c.target),
    slices: c.slices.map((s) => ({ column: s.column, keys: s.keys, codes: b64(s.codes) })),
    models: c.models.map((m) => ({
      ...m,
      preds: b64(m.preds),
      dtype: m.preds instanceof Float64Array ? "float64" : "float32",
    })),
    skipped: c.skipped,
    durationMs: c.durationMs,
    workers: c.workers,
  };
}

function fromShardState(s: ShardState): Collected {
  return {
    settings: s.settings,
    dataset: s.dataset,
    shard: s.shard,
    rows: s.rows,
    blocks: s.blocks,
    labelKeys: s.labelKeys,
    labelCodes: fromB64(s.labelCodes, Int32Array),
    target: fromB64(s.target, Float64Array),
    slices: s.slices.map((x) => ({ column: x.column, keys: x.keys, codes: fromB64(x.codes, Int32Array) })),
    models: s.models.map(({ dtype, ...m }) => ({
      ...m,
      preds: dtype === "float64" ? fromB64(m.preds, Float64Array) : fromB64(m.preds, Float32Array),
    })),
    skipped: s.skipped,
    durationMs: s.durationMs,
    workers: s.workers ?? 0,
  };
}

const stable = (v: unknown) => JSON.stringify(v);

/**
 * The states are the shards of one run, each once and all of them: written by `evaluate --shard`, with the same
 * settings, data and models; a usage error naming the file otherwise.
 */
export function checkShardSet(states: ShardState[], names: string[]): void {
  if (states.length === 0) throw new UserError("evaluate merge needs at least one shard state file");
  states.forEach((s, i) => {
    if (s?.kind !== "EvaluationShard")
      throw new UserError(`${names[i]} is not a shard state written by \`modelgate evaluate --shard\``);
  });
  const first = states[0];
  const count = first.shard.count;
  const seen = new Map<number, string>();
  states.forEach((s, i) => {
    const same =
      stable(s.settings) === stable(first.settings) &&
      s.dataset.sha256 === first.dataset.sha256 &&
      stable(s.models.map((m) => [m.sha256, m.threads])) === stable(first.models.map((m) => [m.sha256, m.threads]));
    if (!same || s.shard.count !== count) {
      throw new UserError(
        `${names[i]} was evaluated with other settings, data or models than ${names[0]}; merge shards of one run only`,
      );
    }
    if (seen.has(s.shard.index))
      throw new UserError(`${names[i]} and ${seen.get(s.shard.index)} are both shard ${s.shard.index}/${count}`);
    seen.set(s.shard.index, names[i]);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new UserError(
      `shards ${missing.map((i) => `${i}/${count}`).join(", ")} are missing; merge needs all ${count}`,
    );
}

/**
 * Shards that read byte ranges of a CSV file (in shard order) each found their first record after the first line
 * break of their range: right unless that break was inside a quoted field. Each part ends where the record after its
 * last one starts, found by reading from a record start; so the parts are those of one pass exactly when each starts
 * where the one before it ended (by induction from the first, which starts at the data's start).
 */
function checkPartsMeet(parts: { shard: NonNullable<Collected["shard"]>; name: string }[]): void {
  for (let k = 1; k < parts.length; k++) {
    const before = parts[k - 1].shard.bytes!;
    const here = parts[k].shard.bytes!;
    if (before.end !== here.start)
      throw new UserError(
        `${parts[k].name} starts its rows at byte ${here.start}, but ${parts[k - 1].name} read to byte ${before.end}: the file has a line break inside a quoted field near there, so its byte ranges cannot be split at line breaks; evaluate it in one job (or with spec.format jsonl/parquet)`,
      );
  }
}

/** Merges shard states (any order) into the rows of one run. Refuses states of different inputs or a missing shard. */
export function mergeShardStates(
  states: ShardState[],
  names: string[] = states.map((_, i) => `state ${i + 1}`),
): Collected {
  checkShardSet(states, names);
  const first = states[0];

  const parts = states.map(fromShardState);
  // every batch of every shard, in file order: by offset, or — shards that read byte ranges of a CSV file, whose
  // offsets count from their part's start — by part, then offset
  const order = parts.map((_, p) => p);
  const byPart = parts.every((c) => c.shard?.bytes);
  if (byPart) {
    order.sort((a, b) => parts[a].shard!.index - parts[b].shard!.index);
    checkPartsMeet(order.map((p) => ({ shard: parts[p].shard!, name: names[p] })));
  }
  const pieces: { part: number; start: number; offset: number; rows: number; rank: number }[] = [];
  order.forEach((p, k) => {
    let start = 0;
    for (const b of parts[p].blocks) {
      pieces.push({ part: p, start, offset: b.offset, rows: b.rows, rank: byPart ? k : 0 });
      start += b.rows;
    }
  });
  pieces.sort((a, b) => a.rank - b.rank || a.offset - b.offset);
  const rows = pieces.reduce((n, p) => n + p.rows, 0);

  // label and slice dictionaries: union, first seen in file order
  const unite = (keysOf: (c: Collected) => string[], codesOf: (c: Collected) => Int32Array) => {
    const keys: string[] = [];
    const index = new Map<string, number>();
    const maps = parts.map((c) =>
      keysOf(c).map((k) => {
        let j = index.get(k);
        if (j === undefined) {
          j = keys.length;
          index.set(k, j);
          keys.push(k);
        }
        return j;
      }),
    );
    const codes = new Int32Array(rows);
    let at = 0;
    for (const pc of pieces) {
      const src = codesOf(parts[pc.part]);
      const map = maps[pc.part];
      for (let r = 0; r < pc.rows; r++) codes[at++] = map[src[pc.start + r]];
    }
    return { keys, codes };
  };
  const labels = unite(
    (c) => c.labelKeys,
    (c) => c.labelCodes,
  );
  const target = new Float64Array(first.settings.task === "regression" ? rows : 0);
  if (target.length > 0) {
    let at = 0;
    for (const pc of pieces) {
      target.set(parts[pc.part].target.subarray(pc.start, pc.start + pc.rows), at);
      at += pc.rows;
    }
  }
  const slices = first.slices.map((s, j) => {
    const u = unite(
      (c) => c.slices[j].keys,
      (c) => c.slices[j].codes,
    );
    return { column: s.column, keys: u.keys, codes: u.codes };
  });
  const models: CollectedModel[] = parts[0].models.map((m0, mi) => {
    const w = m0.output.width;
    const preds = m0.preds instanceof Float64Array ? new Float64Array(rows * w) : new Float32Array(rows * w);
    let at = 0;
    for (const pc of pieces) {
      preds.set(parts[pc.part].models[mi].preds.subarray(pc.start * w, (pc.start + pc.rows) * w), at);
      at += pc.rows * w;
    }
    const sum = (f: (m: CollectedModel) => number) => parts.reduce((n, c) => n + f(c.models[mi]), 0);
    const byIndex = [...parts].sort((a, b) => a.shard!.index - b.shard!.index);
    return {
      ...m0,
      preds,
      inferMs: sum((m) => m.inferMs),
      inferRows: sum((m) => m.inferRows),
      latency: byIndex[0].models[mi].latency,
    };
  });
  const skipped: Record<string, number> = {};
  for (const c of parts) for (const [k, v] of Object.entries(c.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  return {
    settings: first.settings,
    dataset: first.dataset,
    rows,
    blocks: pieces.map((p) => ({ offset: p.offset, rows: p.rows })),
    labelKeys: labels.keys,
    labelCodes: labels.codes,
    target,
    slices,
    models,
    skipped,
    durationMs: Math.max(...parts.map((c) => c.durationMs)),
    workers: Math.max(...parts.map((c) => c.workers)),
  };
}
