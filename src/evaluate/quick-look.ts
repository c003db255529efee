import { existsSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, relative, resolve } from "node:path";
import { readColumns } from "../data/read.ts";
import { UserError } from "../errors.ts";
import type { EvaluationSpec, Label, ModelSource } from "./collect.ts";
import type { Task } from "./metrics.ts";
import type { ModelIo } from "./runner.ts";
import { readModelFile } from "./spec.ts";

/** `modelgate evaluate --model FILE --data FILE …` without manifests: paths relative to the folder it runs in. */
export interface QuickLookOptions {
  /** The candidate ONNX file. */
  model: string;
  /** CSV, JSONL or Parquet (by extension). */
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

/**
 * The spec of a quick look: the model and baseline files read, the label, slice and feature columns checked against
 * the data file's header (the features defaulting to every other column, in file order), fed as one float tensor.
 */
export async function quickLookSpec(opts: QuickLookOptions, cwd: string): Promise<EvaluationSpec> {
  const modelPath = resolve(cwd, opts.model);
  const dataPath = resolve(cwd, opts.data);
  const bytes = readModelFile(modelPath, "model");
  if (!existsSync(dataPath)) throw new UserError(`data file ${opts.data} does not exist; check the path`);
  const slices = opts.slices ?? [];
  const all = await readColumns(dataPath, { displayName: opts.data });
  const has = `(it has: ${all.join(", ")})`;
  if (!all.includes(opts.label)) throw new UserError(`--label ${opts.label}: no such column in ${opts.data} ${has}`);
  for (const s of slices) {
    if (!all.includes(s.column)) throw new UserError(`--slice ${s.column}: no such column in ${opts.data} ${has}`);
  }
  const features = opts.features ?? all.filter((c) => c !== opts.label && !slices.some((s) => s.column === c));
  const missing = features.filter((f) => !all.includes(f));
  if (missing.length > 0) throw new UserError(`--features: ${missing.join(", ")} not in ${opts.data} ${has}`);
  const io: ModelIo = { mode: "tensor", features };
  const rel = (p: string) => (isAbsolute(p) ? relative(cwd, p) || p : p);
  const baseline: ModelSource | undefined = opts.baseline
    ? {
        bytes: readModelFile(resolve(cwd, opts.baseline), "baseline"),
        dir: dirname(resolve(cwd, opts.baseline)),
        source: rel(resolve(cwd, opts.baseline)),
        io,
      }
    : undefined;
  return {
    name: opts.name ?? basename(modelPath, extname(modelPath)),
    task: opts.task,
    data: { path: dataPath, display: rel(dataPath) },
    label: { column: opts.label, positive: opts.positive },
    threshold: opts.threshold ?? 0.5,
    slices,
    minSliceSupport: opts.minSliceSupport ?? 30,
    nanPolicy: opts.nanPolicy ?? "fail",
    bootstrap: { resamples: opts.resamples ?? 1000, seed: opts.seed ?? 42 },
    candidate: { bytes, source: rel(modelPath), io, dir: dirname(modelPath) },
    baseline,
    shard: opts.shard,
    latency: opts.latency,
  };
}
