import { join, resolve } from "node:path";
import { type EvaluationRecord, RECORDS_DIR, recordPath } from "../records/evaluation.ts";
import { writeFileAtomic } from "../util/fs.ts";
import { findModel } from "../manifest/repo.ts";
import { inGitHubActions, type Io } from "../util/io.ts";
import { uncommittedModelNote } from "../workspace/uncommitted.ts";
import type { Workspace } from "../workspace/workspace.ts";
import type { EvaluationSpec } from "./collect.ts";
import { evaluateModel, evaluateShard, mergeShards, readShardState, writeRecord } from "./engine.ts";
import { type QuickLookOptions, quickLookSpec, quickLookStorage } from "./quick-look.ts";
import { type EvaluateOptions, specFromManifests } from "./spec.ts";

export type { EvaluateOptions } from "./spec.ts";

/**
 * The evaluate service: a model of the workspace by name (its manifests say what and how), any ONNX file on any data
 * file (the quick look), or the merge of shard states. Each writes one file — the record, or a shard's state — and
 * returns where.
 */

export interface EvaluateResult {
  record?: EvaluationRecord;
  /** Where the record (or the shard state) was written. */
  path: string;
  /** What was chosen as the baseline, or why there is none. */
  baselineNote: string;
  /** The model's files git has not committed, and the commands that come next (src/workspace/uncommitted.ts). */
  uncommitted?: string;
}

/**
 * `modelgate evaluate MODEL`: evaluates the model (and its baseline) as its manifests say and writes the record under
 * the repository root (or `opts.out`, relative to ws.io.cwd); with `opts.shard`, one shard's state. The baseline note
 * and the progress go to ws.io.err.
 */
export async function evaluateRepositoryModel(ws: Workspace, opts: EvaluateOptions): Promise<EvaluateResult> {
  const { spec, root, note } = await specFromManifests(ws, opts);
  ws.io.err(`${note}\n`);
  const result = await writeEvaluation(spec, root, opts.out ? resolve(ws.io.cwd, opts.out) : undefined, ws.io, note);
  // for a person at a terminal: files the pull request's run would not see (a CI checkout holds what was pushed)
  if (!inGitHubActions(ws.env)) {
    const uncommitted = await uncommittedModelNote(ws, findModel(ws.repo, opts.model), "the evaluation record");
    if (uncommitted) {
      ws.io.err(`note: ${uncommitted}\n`);
      result.uncommitted = uncommitted;
    }
  }
  return result;
}

/**
 * The record `evaluate MODEL` would make for other bytes as the candidate (`opts.candidate`), under this workspace's
 * manifests, data and baseline; nothing is written and nothing printed. The report job recomputes a fork's numbers
 * with it.
 */
export async function evaluateCandidate(
  ws: Workspace,
  opts: EvaluateOptions & { candidate: NonNullable<EvaluateOptions["candidate"]> },
): Promise<EvaluationRecord> {
  const { spec } = await specFromManifests(ws, { ...opts, shard: undefined });
  return evaluateModel(spec);
}

/**
 * `modelgate evaluate --model FILE --data FILE …`: no manifests; the record goes under io.cwd unless `out` says. The
 * files may be store URLs or DVC outputs, read through the storage layer (quick-look.ts).
 */
export async function evaluateQuickLook(opts: QuickLookOptions, io: Io): Promise<EvaluateResult> {
  const spec = await quickLookSpec(opts, io.cwd, quickLookStorage(io));
  const note = spec.baseline ? `baseline: ${spec.baseline.source}` : "no baseline (pass --baseline FILE to compare)";
  return writeEvaluation(spec, io.cwd, opts.out ? resolve(io.cwd, opts.out) : undefined, io, note);
}

/**
 * Evaluates a spec and writes what it gives: the record (schema-checked) at `out`, else at the record path under
 * `root`; with spec.shard, the shard's state at `out`, else next to where the record would go.
 */
export async function writeEvaluation(
  spec: EvaluationSpec,
  root: string,
  out: string | undefined,
  io: Io | undefined,
  baselineNote: string,
): Promise<EvaluateResult> {
  if (spec.shard) {
    const state = await evaluateShard(spec, io);
    const path = out ?? join(root, RECORDS_DIR, `${spec.name}.shard-${spec.shard.index}-of-${spec.shard.count}.json`);
    await writeFileAtomic(path, JSON.stringify(state));
    return { path, baselineNote };
  }
  const record = await evaluateModel(spec, io);
  const path = out ?? join(root, recordPath(spec.name));
  await writeRecord(path, record);
  return { record, path, baselineNote };
}

/**
 * `modelgate evaluate merge STATE…`: the record of one run from the states of all its shards (paths relative to
 * io.cwd), written at `out`, else at the record path under `root`.
 */
export async function mergeShardFiles(
  files: string[],
  io: Io,
  out: string | undefined,
  root: string,
): Promise<{ record: EvaluationRecord; path: string }> {
  const states = files.map((f) => readShardState(resolve(io.cwd, f)));
  const record = await mergeShards(states, io, files);
  const path = out ?? join(root, recordPath(record.model.name));
  await writeRecord(path, record);
  return { record, path };
}
