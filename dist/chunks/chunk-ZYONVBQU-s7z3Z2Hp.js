import { createRequire } from 'node:module';
import { e as external_exports } from './hot-plan-YWGJn6IT.js';
import { A as API_VERSION } from './hot-validate-plan-audit-verify-DglurztO.js';

const require$1 = createRequire(import.meta.url);

// src/records/evaluation.ts
var interval = external_exports.tuple([external_exports.number(), external_exports.number()]).describe("95% bootstrap interval [low, high]");
var metricsSchema = external_exports.record(external_exports.string(), external_exports.number().nullable()).describe("Metrics keyed by scikit-learn names");
var confusionSchema = external_exports.strictObject({
  labels: external_exports.array(external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])),
  /** matrix[actual][predicted] */
  matrix: external_exports.array(external_exports.array(external_exports.number().int().min(0)))
});
var curvePointsSchema = external_exports.array(external_exports.tuple([external_exports.number(), external_exports.number()])).describe("Downsampled (x, y) points");
var modelResultSchema = external_exports.strictObject({
  /** "candidate" or "baseline" */
  role: external_exports.enum(["candidate", "baseline"]),
  /** Where the model came from: a path, or `git:<ref>:<path>` for a baseline read from git. */
  source: external_exports.string(),
  version: external_exports.string().optional(),
  sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
  /** The output tensor the predictions were read from (for a ZipMap model: the ZipMap's input tensor). */
  output: external_exports.string().optional(),
  metrics: metricsSchema,
  intervals: external_exports.record(external_exports.string(), interval),
  confusion: confusionSchema.optional(),
  curves: external_exports.strictObject({ roc: curvePointsSchema.optional(), pr: curvePointsSchema.optional() }).optional().describe("ROC (fpr, tpr) and precision-recall (recall, precision) curves"),
  /** What the reader should know about how the model was read (e.g. a ZipMap output replaced by its tensor). */
  notes: external_exports.array(external_exports.string()).optional()
});
var deltaSchema = external_exports.strictObject({
  /** candidate minus baseline */
  delta: external_exports.number(),
  interval,
  /** true when the interval does not contain zero */
  excludesZero: external_exports.boolean()
});
var sliceResultSchema = external_exports.strictObject({
  column: external_exports.string(),
  /** The value, or the bucket as "[lo, hi)" for numeric slice columns. */
  value: external_exports.string(),
  count: external_exports.number().int().min(0),
  /** false when count < minSliceSupport: shown, but not used for gaps or gates. */
  supported: external_exports.boolean(),
  candidate: metricsSchema,
  baseline: metricsSchema.optional(),
  /** The candidate's 95% intervals on this slice (supported slices, when the run bootstraps). */
  intervals: external_exports.record(external_exports.string(), interval).optional(),
  /** Candidate minus baseline on this slice, with the paired interval. */
  deltas: external_exports.record(external_exports.string(), deltaSchema).optional()
});
var fairnessGapSchema = external_exports.strictObject({
  over: external_exports.string(),
  metric: external_exports.string().describe("recall: equal opportunity difference; positive_rate: demographic parity difference"),
  role: external_exports.enum(["candidate", "baseline"]),
  gap: external_exports.number(),
  max: external_exports.strictObject({ value: external_exports.string(), metric: external_exports.number() }),
  min: external_exports.strictObject({ value: external_exports.string(), metric: external_exports.number() })
});
var evaluationWarningSchema = external_exports.strictObject({
  /** What kind of warning: roc_auc_below_chance, roc_auc_near_chance. */
  code: external_exports.string(),
  role: external_exports.enum(["candidate", "baseline"]),
  /** What was measured, what it likely means and what to check; the report shows it. */
  message: external_exports.string()
});
var latencySchema = external_exports.strictObject({
  p50_ms: external_exports.number(),
  p95_ms: external_exports.number(),
  p99_ms: external_exports.number(),
  batch_rows_per_s: external_exports.number(),
  batch_size: external_exports.number().int(),
  runs: external_exports.number().int(),
  intraOpThreads: external_exports.number().int(),
  interOpThreads: external_exports.number().int()
});
var evaluationRecordSchema = external_exports.strictObject({
  apiVersion: external_exports.literal(API_VERSION),
  kind: external_exports.literal("EvaluationRecord"),
  model: external_exports.strictObject({
    name: external_exports.string(),
    version: external_exports.string().optional(),
    task: external_exports.enum(["binary-classification", "multiclass-classification", "regression"]),
    threshold: external_exports.number().optional(),
    positiveLabel: external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()]).optional(),
    classes: external_exports.array(external_exports.union([external_exports.string(), external_exports.number(), external_exports.boolean()])).optional()
  }),
  dataset: external_exports.strictObject({
    name: external_exports.string().optional(),
    path: external_exports.string(),
    sha256: external_exports.string().regex(/^[0-9a-f]{64}$/),
    format: external_exports.enum(["csv", "jsonl", "parquet"]),
    rows: external_exports.number().int().min(0),
    label: external_exports.string(),
    features: external_exports.array(external_exports.string()),
    /** Rows skipped or counted by the NaN policy, and rows skipped per metric (e.g. mape's zero targets). */
    skipped: external_exports.record(external_exports.string(), external_exports.number().int().min(0)).default({})
  }),
  shard: external_exports.strictObject({ index: external_exports.number().int().min(1), count: external_exports.number().int().min(1) }).optional(),
  bootstrap: external_exports.strictObject({
    method: external_exports.literal("paired-poisson"),
    resamples: external_exports.number().int().min(0),
    seed: external_exports.number().int(),
    confidence: external_exports.number(),
    /** Resamples behind each slice's intervals (at most 200: each slice is bootstrapped on its own rows). */
    sliceResamples: external_exports.number().int().min(0).optional()
  }),
  candidate: modelResultSchema,
  baseline: modelResultSchema.optional(),
  deltas: external_exports.record(external_exports.string(), deltaSchema).default({}),
  slices: external_exports.array(sliceResultSchema).default([]),
  fairness: external_exports.array(fairnessGapSchema).default([]),
  /** What the numbers suggest is wrong with the evaluation itself (e.g. a binary ROC AUC at or below chance). */
  warnings: external_exports.array(evaluationWarningSchema).optional(),
  runtime: external_exports.strictObject({
    onnxruntime: external_exports.string(),
    node: external_exports.string(),
    modelgate: external_exports.string(),
    /**
     * The onnxruntime thread setting every session scored with. Fixed (one intra-op thread), so that the predictions,
     * and the record, do not depend on the CPU count of the machine; batches are scored in parallel instead.
     */
    threads: external_exports.strictObject({ intraOp: external_exports.number().int().min(1), interOp: external_exports.number().int().min(1) }).optional()
  }),
  /** Machine- and clock-dependent numbers: excluded from the record's stable digest. */
  timings: external_exports.strictObject({
    createdAt: external_exports.string().optional(),
    durationMs: external_exports.number().optional(),
    rowsPerSecond: external_exports.number().optional(),
    bootstrapThreads: external_exports.strictObject({
      used: external_exports.number().int().min(1).describe("threads that computed resamples, the main one included"),
      fallbacks: external_exports.array(external_exports.string()).describe("worker threads that failed, their resamples run in the main thread instead (same result)")
    }).optional(),
    /** Worker threads that scored the batches (0: the main thread); changes the time, never the predictions. */
    scoringWorkers: external_exports.number().int().min(0).optional(),
    latency: external_exports.strictObject({ candidate: latencySchema, baseline: latencySchema.optional() }).optional()
  }).default({})
});
var RECORDS_DIR = ".modelgate/evaluations";
var recordPath = (model) => `${RECORDS_DIR}/${model}.json`;

export { RECORDS_DIR as R, evaluationRecordSchema as e, recordPath as r };
