import { z } from "zod";
import { API_VERSION } from "../manifest/schema.ts";

/**
 * The evaluation record `modelgate evaluate` writes and `report`, `publish` and `audit` read. zod is the source of its
 * JSON Schema (schemas/evaluation-record.schema.json). Field order is fixed by the writer, so the same inputs give
 * the same bytes; everything that depends on the clock or the machine's load lives under `timings`.
 */

const interval = z.tuple([z.number(), z.number()]).describe("95% bootstrap interval [low, high]");

export const metricsSchema = z
  .record(z.string(), z.number().nullable())
  .describe("Metrics keyed by scikit-learn names");

export const confusionSchema = z.strictObject({
  labels: z.array(z.union([z.string(), z.number(), z.boolean()])),
  /** matrix[actual][predicted] */
  matrix: z.array(z.array(z.number().int().min(0))),
});

export const curvePointsSchema = z.array(z.tuple([z.number(), z.number()])).describe("Downsampled (x, y) points");

export const modelResultSchema = z.strictObject({
  /** "candidate" or "baseline" */
  role: z.enum(["candidate", "baseline"]),
  /** Where the model came from: a path, or `git:<ref>:<path>` for a baseline read from git. */
  source: z.string(),
  version: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The output tensor the predictions were read from (for a ZipMap model: the ZipMap's input tensor). */
  output: z.string().optional(),
  metrics: metricsSchema,
  intervals: z.record(z.string(), interval),
  confusion: confusionSchema.optional(),
  curves: z
    .strictObject({ roc: curvePointsSchema.optional(), pr: curvePointsSchema.optional() })
    .optional()
    .describe("ROC (fpr, tpr) and precision-recall (recall, precision) curves"),
  /** What the reader should know about how the model was read (e.g. a ZipMap output replaced by its tensor). */
  notes: z.array(z.string()).optional(),
});
export type ModelResult = z.infer<typeof modelResultSchema>;

export const deltaSchema = z.strictObject({
  /** candidate minus baseline */
  delta: z.number(),
  interval,
  /** true when the interval does not contain zero */
  excludesZero: z.boolean(),
});

export const sliceResultSchema = z.strictObject({
  column: z.string(),
  /** The value, or the bucket as "[lo, hi)" for numeric slice columns. */
  value: z.string(),
  count: z.number().int().min(0),
  /** false when count < minSliceSupport: shown, but not used for gaps or gates. */
  supported: z.boolean(),
  candidate: metricsSchema,
  baseline: metricsSchema.optional(),
  /** The candidate's 95% intervals on this slice (supported slices, when the run bootstraps). */
  intervals: z.record(z.string(), interval).optional(),
  /** Candidate minus baseline on this slice, with the paired interval. */
  deltas: z.record(z.string(), deltaSchema).optional(),
});
export type SliceResult = z.infer<typeof sliceResultSchema>;

export const fairnessGapSchema = z.strictObject({
  over: z.string(),
  metric: z.string().describe("recall: equal opportunity difference; positive_rate: demographic parity difference"),
  role: z.enum(["candidate", "baseline"]),
  gap: z.number(),
  max: z.strictObject({ value: z.string(), metric: z.number() }),
  min: z.strictObject({ value: z.string(), metric: z.number() }),
});

export const evaluationWarningSchema = z.strictObject({
  /** What kind of warning: roc_auc_below_chance, roc_auc_near_chance. */
  code: z.string(),
  role: z.enum(["candidate", "baseline"]),
  /** What was measured, what it likely means and what to check; the report shows it. */
  message: z.string(),
});
export type EvaluationWarning = z.infer<typeof evaluationWarningSchema>;

export const latencySchema = z.strictObject({
  p50_ms: z.number(),
  p95_ms: z.number(),
  p99_ms: z.number(),
  batch_rows_per_s: z.number(),
  batch_size: z.number().int(),
  runs: z.number().int(),
  intraOpThreads: z.number().int(),
  interOpThreads: z.number().int(),
});

export const evaluationRecordSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.literal("EvaluationRecord"),
  model: z.strictObject({
    name: z.string(),
    version: z.string().optional(),
    task: z.enum(["binary-classification", "multiclass-classification", "regression"]),
    threshold: z.number().optional(),
    positiveLabel: z.union([z.string(), z.number(), z.boolean()]).optional(),
    classes: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  }),
  dataset: z.strictObject({
    name: z.string().optional(),
    path: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(["csv", "jsonl", "parquet"]),
    rows: z.number().int().min(0),
    label: z.string(),
    features: z.array(z.string()),
    /** Rows skipped or counted by the NaN policy, and rows skipped per metric (e.g. mape's zero targets). */
    skipped: z.record(z.string(), z.number().int().min(0)).default({}),
  }),
  shard: z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1) }).optional(),
  bootstrap: z.strictObject({
    method: z.literal("paired-poisson"),
    resamples: z.number().int().min(0),
    seed: z.number().int(),
    confidence: z.number(),
    /** Resamples behind each slice's intervals (at most 200: each slice is bootstrapped on its own rows). */
    sliceResamples: z.number().int().min(0).optional(),
  }),
  candidate: modelResultSchema,
  baseline: modelResultSchema.optional(),
  deltas: z.record(z.string(), deltaSchema).default({}),
  slices: z.array(sliceResultSchema).default([]),
  fairness: z.array(fairnessGapSchema).default([]),
  /** What the numbers suggest is wrong with the evaluation itself (e.g. a binary ROC AUC at or below chance). */
  warnings: z.array(evaluationWarningSchema).optional(),
  runtime: z.strictObject({
    onnxruntime: z.string(),
    node: z.string(),
    modelgate: z.string(),
    /**
     * The onnxruntime thread setting every session scored with. Fixed (one intra-op thread), so that the predictions,
     * and the record, do not depend on the CPU count of the machine; batches are scored in parallel instead.
     */
    threads: z.strictObject({ intraOp: z.number().int().min(1), interOp: z.number().int().min(1) }).optional(),
  }),
  /** Machine- and clock-dependent numbers: excluded from the record's stable digest. */
  timings: z
    .strictObject({
      createdAt: z.string().optional(),
      durationMs: z.number().optional(),
      rowsPerSecond: z.number().optional(),
      bootstrapThreads: z
        .strictObject({
          used: z.number().int().min(1).describe("threads that computed resamples, the main one included"),
          fallbacks: z
            .array(z.string())
            .describe("worker threads that failed, their resamples run in the main thread instead (same result)"),
        })
        .optional(),
      /** Worker threads that scored the batches (0: the main thread); changes the time, never the predictions. */
      scoringWorkers: z.number().int().min(0).optional(),
      latency: z.strictObject({ candidate: latencySchema, baseline: latencySchema.optional() }).optional(),
    })
    .default({}),
});
export type EvaluationRecord = z.infer<typeof evaluationRecordSchema>;

/** Where `evaluate` writes and `report`/`publish` read records by default, relative to the repository root. */
export const RECORDS_DIR = ".modelgate/evaluations";
export const recordPath = (model: string) => `${RECORDS_DIR}/${model}.json`;
