/**
 * The evaluation engine: a spec (the manifest's evaluation section, or the quick-look flags) in, the record out —
 * one pass over the data through every model (collect.ts), then metrics, the paired bootstrap, slices and latency
 * (finalize.ts); a shard's state instead for `--shard`, merged by `mergeShards`. Nothing here reads a manifest.
 */
import { readFileSync } from "node:fs";
import { UserError } from "../errors.ts";
import { MAX_RESAMPLES } from "../manifest/schema.ts";
import { type EvaluationRecord, evaluationRecordSchema } from "../records/evaluation.ts";
import { toJson, writeFileAtomic } from "../util/fs.ts";
import type { Io } from "../util/io.ts";
import { Progress } from "../util/progress.ts";
import { collect, collectRows, type EvaluationSpec } from "./collect.ts";
import { finalize } from "./finalize.ts";
import { loadOrt, ortVersion } from "./runner.ts";
import { mergeShardStates, type ShardState, toShardState } from "./state.ts";

export type { EvaluationSpec, Label, ModelSource } from "./collect.ts";
export type { ShardState } from "./state.ts";

/** onnxruntime-node's version, for the record. */
export async function onnxruntimeVersion(): Promise<string> {
  return ortVersion(await loadOrt());
}

/** The number of resamples, whoever asked for it (a library caller, a shard state file): 0 to MAX_RESAMPLES. */
function checkResamples(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_RESAMPLES) {
    throw new UserError(
      `the bootstrap's resamples must be a whole number from 0 to ${MAX_RESAMPLES.toLocaleString("en-US")}, got ${n}`,
    );
  }
}

function bootstrapProgress(io: Io | undefined, resamples: number) {
  if (!io) return undefined;
  const onWarning = (message: string) => io.err(`warning: ${message}\n`);
  if (resamples === 0) return { onWarning };
  const p = new Progress(io, "bootstrap", resamples, "resamples");
  let last = 0;
  return {
    onWarning,
    /** `done`: resamples finished so far (over every thread). */
    onResample: (done: number) => {
      if (done > last) p.add(done - last);
      last = Math.max(last, done);
      if (done === resamples) p.finish();
    },
  };
}

/**
 * Evaluates the candidate (and the baseline, on the same rows in the same pass): metrics, paired bootstrap
 * intervals and deltas, slices, fairness gaps, latency. The record is schema-valid; write it with `writeRecord`.
 */
export async function evaluateModel(spec: EvaluationSpec, io?: Io): Promise<EvaluationRecord> {
  if (spec.shard) throw new Error("evaluateModel evaluates every row; use evaluateShard for --shard");
  checkResamples(spec.bootstrap.resamples);
  // the metrics are computed while the scoring workers end
  const { collected, closed } = await collectRows(spec, io);
  try {
    return await finalize(collected, {
      // as the scoring workers' onnxruntime told it (this thread loaded none), else this thread's
      onnxruntime: collected.onnxruntime ?? (await onnxruntimeVersion()),
      ...bootstrapProgress(io, spec.bootstrap.resamples),
    });
  } finally {
    await closed;
  }
}

/** Evaluates one shard's rows; the state is merged with `mergeShards` into the record of a single run. */
export async function evaluateShard(spec: EvaluationSpec, io?: Io): Promise<ShardState> {
  if (!spec.shard) throw new Error("evaluateShard needs spec.shard");
  checkResamples(spec.bootstrap.resamples);
  return toShardState(await collect(spec, io));
}

/** The record of a single run from the states of all its shards. */
export async function mergeShards(states: ShardState[], io?: Io, names?: string[]): Promise<EvaluationRecord> {
  const merged = mergeShardStates(states, names);
  checkResamples(merged.settings.bootstrap.resamples);
  return await finalize(merged, {
    onnxruntime: await onnxruntimeVersion(),
    ...bootstrapProgress(io, merged.settings.bootstrap.resamples),
  });
}

/** Reads shard state files written by `evaluate --shard`. */
export function readShardState(path: string): ShardState {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UserError(`shard state ${path} does not exist`);
  }
  try {
    return JSON.parse(text) as ShardState;
  } catch {
    throw new UserError(`${path} is not a shard state (not JSON)`);
  }
}

/** Validates the record against its schema and writes it atomically (stable field order, 2-space JSON). */
export async function writeRecord(path: string, record: EvaluationRecord): Promise<void> {
  evaluationRecordSchema.parse(record);
  await writeFileAtomic(path, toJson(record));
}

/** The record without its machine- and clock-dependent section: what must be byte-identical for the same inputs. */
export function stablePart(record: EvaluationRecord): Omit<EvaluationRecord, "timings"> {
  const { timings: _t, ...rest } = record;
  return rest;
}
