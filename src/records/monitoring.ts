import { z } from "zod";
import { API_VERSION, driftTests } from "../manifest/schema.ts";

/**
 * The monitoring record: one per `modelgate monitor` run, kept content-addressed under
 * `<records>/<model>/monitoring/<sha256>.json` and committed by the GitOps writer with trailers. It says what
 * production received in a window and how it compared with what the running version was evaluated on: the drift
 * table, realized and estimated metrics, the gates of the manifest's `monitoring:` section and their alerts; and it is
 * bound to the version, the environment and the promotion record it watched (EU AI Act art. 72, post-market
 * monitoring). zod is the source of its JSON Schema (schemas/monitoring-record.schema.json). It holds no clock time
 * of its own: the same logs, labels and history give the same bytes, so a re-run of a window writes nothing new.
 */

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex digits>");
const time = z.string().describe("RFC 3339, UTC");
const interval = z.tuple([z.number(), z.number()]).describe("95% bootstrap interval [low, high]");
const metrics = z.record(z.string(), z.number().nullable());

export const watchedVersionSchema = z.strictObject({
  version: z.string(),
  sha256: hex64.describe("The model that ran (the promotion record's artifact digest)."),
  promotion: digest.describe("The promotion record that put it in the environment."),
  sequence: z.number().int().min(1).describe("That record's sequence in the model's ledger."),
  stageTag: z.string(),
  from: time.describe("When it started running (the overlay commit), or the window's start if earlier."),
  until: time.describe("When it stopped running, or the window's end."),
  rows: z.number().int().min(0).describe("Rows of the window it served."),
  scored: z.number().int().min(0).describe("Of those, rows the logs had no prediction for: scored by monitor."),
});

export const sourceSchema = z.strictObject({
  path: z.string().describe("As given on the command line, relative to the repository when inside it."),
  sha256: hex64,
  kind: z.enum(["table", "cloudevents", "labels"]),
  rows: z.number().int().min(0).describe("Rows (or, for CloudEvents, inference requests) the file holds."),
});

export const driftColumnSchema = z.strictObject({
  feature: z.string().describe("The column, or `prediction` for the model's output."),
  kind: z.enum(["numeric", "categorical"]),
  test: z.enum(driftTests),
  statistic: z.number().describe("The KS D, chi-square or z statistic, or the distance."),
  pValue: z.number().optional().describe("The test's p-value (ks, chisquare, z)."),
  adjustedPValue: z.number().optional().describe("The p-value after the multiple-testing correction."),
  threshold: z.number().describe("The significance (p-value tests) or the distance that is drift."),
  drifted: z.boolean(),
  rows: z.strictObject({ reference: z.number().int().min(0), current: z.number().int().min(0) }),
});
export type DriftColumn = z.infer<typeof driftColumnSchema>;

export const sliceMetricsSchema = z.strictObject({
  column: z.string(),
  value: z.string(),
  count: z.number().int().min(0),
  supported: z.boolean(),
  metrics,
  intervals: z.record(z.string(), interval).optional(),
});

/** An alert: a drifted column, or a failed gate of severity `fail` (a `warn` gate is a warning in `gates`). */
export const alertSchema = z.strictObject({
  kind: z.enum(["drift", "performance", "latency", "errors"]),
  feature: z.string().optional(),
  metric: z.string().optional(),
  message: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

export const gateResultSchema = z.strictObject({
  gate: z.string().describe("The gate as written, e.g. recall >= 0.6, roc_auc maxDrop 0.05."),
  status: z.enum(["pass", "fail", "warn", "skip"]),
  basis: z.enum(["realized", "estimated", "operations", "none"]),
  value: z.number().optional(),
  detail: z.string(),
});

export const monitoringRecordSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  kind: z.literal("MonitoringRecord"),
  model: z.strictObject({
    name: z.string(),
    version: z.string().describe("The version running at the window's end."),
    sha256: hex64,
    task: z.enum(["binary-classification", "multiclass-classification", "regression"]),
  }),
  environment: z.string(),
  promotion: z
    .strictObject({
      record: digest,
      sequence: z.number().int().min(1),
      ledger: z.string().describe("The ledger that holds it."),
      stageTag: z.string(),
    })
    .describe("The promotion record of the version running at the window's end."),
  versions: z.array(watchedVersionSchema).describe("Every version that served rows of the window, oldest first."),
  window: z.strictObject({
    since: time,
    until: time.describe("Exclusive."),
    rows: z.number().int().min(0).describe("Logged rows inside the window that a version served."),
    labeled: z.number().int().min(0).describe("Of those, rows with a label."),
    skipped: z
      .record(z.string(), z.number().int().min(0))
      .describe("Rows not judged, by reason (outside the window, before any version ran, no response, …)."),
  }),
  sources: z.array(sourceSchema),
  reference: z.strictObject({
    dataset: z.string(),
    sha256: hex64,
    rows: z.number().int().min(0).optional(),
    evaluation: digest.describe("The evaluation record of the version running at the window's end."),
  }),
  minRows: z.number().int().min(1),
  drift: z.strictObject({
    status: z.enum(["checked", "not-enough-rows"]),
    correction: z.enum(["holm", "bonferroni", "benjamini-hochberg", "none"]),
    alpha: z.number(),
    columns: z.array(driftColumnSchema),
    drifted: z.number().int().min(0),
    notes: z.array(z.string()).describe("Columns not judged, and why."),
  }),
  performance: z.strictObject({
    realized: z
      .strictObject({
        rows: z.number().int().min(0),
        metrics,
        intervals: z.record(z.string(), interval),
        slices: z.array(sliceMetricsSchema),
      })
      .optional()
      .describe("On the labelled rows, by the evaluation's own code (same definitions)."),
    estimated: z
      .strictObject({
        method: z.literal("CBPE"),
        rows: z.number().int().min(0),
        metrics,
      })
      .optional()
      .describe("Confidence-based performance estimation: an estimate from the scores, not a measurement."),
    comparison: z
      .record(z.string(), z.strictObject({ estimated: z.number(), realized: z.number(), difference: z.number() }))
      .optional()
      .describe("The estimate on the labelled rows against the realized value there."),
    operations: z
      .strictObject({
        requests: z.number().int().min(0),
        errors: z.number().int().min(0),
        error_rate: z.number().nullable(),
        latency: z
          .strictObject({ p50_ms: z.number(), p95_ms: z.number(), p99_ms: z.number(), rows: z.number().int() })
          .optional(),
      })
      .optional()
      .describe("Latency and errors, when the logs carry them."),
    notes: z.array(z.string()),
  }),
  gates: z.array(gateResultSchema),
  alerts: z.array(alertSchema),
  verdict: z.enum(["ok", "alert", "not-enough-rows"]),
  runtime: z.strictObject({ modelgate: z.string(), onnxruntime: z.string().optional() }),
});
export type MonitoringRecord = z.infer<typeof monitoringRecordSchema>;

/** Where monitoring records are kept: content-addressed, the file name is the sha256 of its bytes. */
export const monitoringRecordPath = (recordsDir: string, model: string, hex: string) =>
  `${recordsDir}/${model}/monitoring/${hex}.json`;
