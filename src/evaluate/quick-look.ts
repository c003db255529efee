import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, relative, resolve } from "node:path";
import { formatOf, readColumns } from "../data/read.ts";
import { UserError } from "../errors.ts";
import { openGit } from "../git/index.ts";
import { contentName, parseLocation } from "../storage/location.ts";
import { localFile, type Source, type StorageContext } from "../storage/source.ts";
import type { Io } from "../util/io.ts";
import type { EvaluationSpec, Label, ModelSource } from "./collect.ts";
import type { Task } from "./metrics.ts";
import type { ModelIo } from "./runner.ts";
import { readModelFile } from "./spec.ts";

/** `modelgate evaluate --model FILE --data FILE …` without manifests: paths relative to the folder it runs in. */
export interface QuickLookOptions {
  /** The candidate ONNX file: a path, or a store URL (s3://, gs://, https://) or DVC output read as `data` is. */
  model: string;
  /**
   * CSV, JSONL or Parquet (by extension): a path (a git-lfs pointer is fetched with git lfs), a store URL (s3://,
   * gs://, https://) or a DVC output (FILE.dvc, dvc.lock#OUT), read through the storage layer and its cache. Nothing
   * pins it: the record carries the sha256 of the bytes that were read.
   */
  data: string;
  task: Task;
  label: string;
  /** Feature columns in the model's order; default every column but the label and the slice columns. */
  features?: string[];
  /** An ONNX file to compare with, fed the same way. */
  baseline?: string;
  /** Default 0.5. */
  threshold?: number;
  positive?: Label;
  slices?: { column: string; buckets?: number[] }[];
  /** Default 30. */
  minSliceSupport?: number;
  /** Default "fail". */
  nanPolicy?: "fail" | "count";
  /** The record's model name; default the model file's name. */
  name?: string;
  /** Default 1000. */
  resamples?: number;
  /** Default 42. */
  seed?: number;
  shard?: { index: number; count: number };
  latency?: boolean;
  out?: string;
}

/** What a quick look reads files through: the command's environment (store credentials), io, git at the folder. */
export function quickLookStorage(io: Io): StorageContext {
  let git: ReturnType<typeof openGit> | undefined;
  return {
    env: io.env,
    io,
    get git() {
      git ??= openGit(io.cwd, { env: io.env });
      return git;
    },
  };
}

/**
 * A file the quick look names, as a local file: a path as before (a git-lfs pointer fetched first), or a store
 * object or DVC output brought into the cache unpinned. `shown` is what the record calls it.
 */
async function quickLookFile(
  storage: StorageContext,
  cwd: string,
  p: string,
): Promise<{ file: string; shown: string; remote: boolean }> {
  const location = parseLocation(p);
  if (location.kind === "file") {
    // a file that does not exist is the caller's to report, as before
    const abs = resolve(cwd, p);
    if (existsSync(abs)) await localFile(storage, { kind: "file", path: p, abs }, {});
    return { file: abs, shown: relative(cwd, abs) || abs, remote: false };
  }
  const src: Source = { kind: "remote", path: p, location, dir: cwd, root: cwd };
  const got = await localFile(storage, src, {}, { unpinned: true });
  return { file: got.file, shown: p, remote: true };
}

/**
 * The spec of a quick look: the model and baseline files read, the label, slice and feature columns checked against
 * the data file's header (the features defaulting to every other column, in file order), fed as one float tensor.
 * Any of the files may be remote (`quickLookFile`); a remote model's folder is not read for external data.
 */
export async function quickLookSpec(
  opts: QuickLookOptions,
  cwd: string,
  storage: StorageContext = { env: process.env },
): Promise<EvaluationSpec> {
  const candidateFile = await quickLookFile(storage, cwd, opts.model);
  const modelPath = candidateFile.file;
  const bytes = candidateFile.remote ? new Uint8Array(readFileSync(modelPath)) : readModelFile(modelPath, "model");
  const dataFile = await quickLookFile(storage, cwd, opts.data);
  const dataPath = dataFile.file;
  if (!existsSync(dataPath)) throw new UserError(`data file ${opts.data} does not exist; check the path`);
  const slices = opts.slices ?? [];
  // a cache entry is named by its digest: the format comes from the name the quick look was given
  const format = formatOf(contentName(opts.data));
  const all = await readColumns(dataPath, { displayName: opts.data, format });
  const has = `(it has: ${all.join(", ")})`;
  if (!all.includes(opts.label)) throw new UserError(`--label ${opts.label}: no such column in ${opts.data} ${has}`);
  for (const s of slices) {
    if (!all.includes(s.column)) throw new UserError(`--slice ${s.column}: no such column in ${opts.data} ${has}`);
  }
  const features = opts.features ?? all.filter((c) => c !== opts.label && !slices.some((s) => s.column === c));
  const missing = features.filter((f) => !all.includes(f));
  if (missing.length > 0) throw new UserError(`--features: ${missing.join(", ")} not in ${opts.data} ${has}`);
  const io: ModelIo = { mode: "tensor", features };
  const base = opts.baseline ? await quickLookFile(storage, cwd, opts.baseline) : undefined;
  const baseline: ModelSource | undefined = base
    ? {
        bytes: base.remote ? new Uint8Array(readFileSync(base.file)) : readModelFile(base.file, "baseline"),
        ...(base.remote ? {} : { dir: dirname(base.file) }),
        source: base.shown,
        io,
      }
    : undefined;
  return {
    name: opts.name ?? basename(contentName(opts.model), extname(contentName(opts.model))),
    task: opts.task,
    data: { path: dataPath, display: dataFile.shown, format },
    label: { column: opts.label, positive: opts.positive },
    threshold: opts.threshold ?? 0.5,
    slices,
    minSliceSupport: opts.minSliceSupport ?? 30,
    nanPolicy: opts.nanPolicy ?? "fail",
    bootstrap: { resamples: opts.resamples ?? 1000, seed: opts.seed ?? 42 },
    candidate: {
      bytes,
      source: candidateFile.shown,
      io,
      ...(candidateFile.remote ? {} : { dir: dirname(modelPath) }),
    },
    baseline,
    shard: opts.shard,
    latency: opts.latency,
  };
}
