import { createRequire } from 'node:module';
import { e as external_exports, h as driftTests } from './hot-plan-YWGJn6IT.js';
import { A as API_VERSION } from './hot-validate-plan-audit-verify-DglurztO.js';

const require$1 = createRequire(import.meta.url);

// src/records/monitoring.ts
var hex64 = external_exports.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");
var digest = external_exports.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex digits>");
var time = external_exports.string().describe("RFC 3339, UTC");
var interval = external_exports.tuple([external_exports.number(), external_exports.number()]).describe("95% bootstrap interval [low, high]");
var metrics = external_exports.record(external_exports.string(), external_exports.number().nullable());
var watchedVersionSchema = external_exports.strictObject({
  version: external_exports.string(),
  sha256: hex64.describe("The model that ran (the promotion record's artifact digest)."),
  promotion: digest.describe("The promotion record that put it in the environment."),
  sequence: external_exports.number().int().min(1).describe("That record's sequence in the model's ledger."),
  stageTag: external_exports.string(),
  from: time.describe("When it started running (the overlay commit), or the window's start if earlier."),
  until: time.describe("When it stopped running, or the window's end."),
  rows: external_exports.number().int().min(0).describe("Rows of the window it served."),
  scored: external_exports.number().int().min(0).describe("Of those, rows the logs had no prediction for: scored by monitor.")
});
var sourceSchema = external_exports.strictObject({
  path: external_exports.string().describe("As given on the command line, relative to the repository when inside it."),
  sha256: hex64,
  kind: external_exports.enum(["table", "cloudevents", "labels"]),
  rows: external_exports.number().int().min(0).describe("Rows (or, for CloudEvents, inference requests) the file holds.")
});
var driftColumnSchema = external_exports.strictObject({
  feature: external_exports.string().describe("The column, or `prediction` for the model's output."),
  kind: external_exports.enum(["numeric", "categorical"]),
  test: external_exports.enum(driftTests),
  statistic: external_exports.number().describe("The KS D, chi-square or z statistic, or the distance."),
  pValue: external_exports.number().optional().describe("The test's p-value (ks, chisquare, z)."),
  adjustedPValue: external_exports.number().optional().describe("The p-value after the multiple-testing correction."),
  threshold: external_exports.number().describe("The significance (p-value tests) or the distance that is drift."),
  drifted: external_exports.boolean(),
  rows: external_exports.strictObject({ reference: external_exports.number().int().min(0), current: external_exports.number().int().min(0) })
});
var sliceMetricsSchema = external_exports.strictObject({
  column: external_exports.string(),
  value: external_exports.string(),
  count: external_exports.number().int().min(0),
  supported: external_exports.boolean(),
  metrics,
  intervals: external_exports.record(external_exports.string(), interval).optional()
});
var alertSchema = external_exports.strictObject({
  kind: external_exports.enum(["drift", "performance", "latency", "errors"]),
  feature: external_exports.string().optional(),
  metric: external_exports.string().optional(),
  message: external_exports.string()
});
var gateResultSchema = external_exports.strictObject({
  gate: external_exports.string().describe("The gate as written, e.g. recall >= 0.6, roc_auc maxDrop 0.05."),
  status: external_exports.enum(["pass", "fail", "warn", "skip"]),
  basis: external_exports.enum(["realized", "estimated", "operations", "none"]),
  value: external_exports.number().optional(),
  detail: external_exports.string()
});
var monitoringRecordSchema = external_exports.strictObject({
  apiVersion: external_exports.literal(API_VERSION),
  kind: external_exports.literal("MonitoringRecord"),
  model: external_exports.strictObject({
    name: external_exports.string(),
    version: external_exports.string().describe("The version running at the window's end."),
    sha256: hex64,
    task: external_exports.enum(["binary-classification", "multiclass-classification", "regression"])
  }),
  environment: external_exports.string(),
  promotion: external_exports.strictObject({
    record: digest,
    sequence: external_exports.number().int().min(1),
    ledger: external_exports.string().describe("The ledger that holds it."),
    stageTag: external_exports.string()
  }).describe("The promotion record of the version running at the window's end."),
  versions: external_exports.array(watchedVersionSchema).describe("Every version that served rows of the window, oldest first."),
  window: external_exports.strictObject({
    since: time,
    until: time.describe("Exclusive."),
    rows: external_exports.number().int().min(0).describe("Logged rows inside the window that a version served."),
    labeled: external_exports.number().int().min(0).describe("Of those, rows with a label."),
    skipped: external_exports.record(external_exports.string(), external_exports.number().int().min(0)).describe("Rows not judged, by reason (outside the window, before any version ran, no response, \u2026).")
  }),
  sources: external_exports.array(sourceSchema),
  reference: external_exports.strictObject({
    dataset: external_exports.string(),
    sha256: hex64,
    rows: external_exports.number().int().min(0).optional(),
    evaluation: digest.describe("The evaluation record of the version running at the window's end.")
  }),
  minRows: external_exports.number().int().min(1),
  drift: external_exports.strictObject({
    status: external_exports.enum(["checked", "not-enough-rows"]),
    correction: external_exports.enum(["holm", "bonferroni", "benjamini-hochberg", "none"]),
    alpha: external_exports.number(),
    columns: external_exports.array(driftColumnSchema),
    drifted: external_exports.number().int().min(0),
    notes: external_exports.array(external_exports.string()).describe("Columns not judged, and why.")
  }),
  performance: external_exports.strictObject({
    realized: external_exports.strictObject({
      rows: external_exports.number().int().min(0),
      metrics,
      intervals: external_exports.record(external_exports.string(), interval),
      slices: external_exports.array(sliceMetricsSchema)
    }).optional().describe("On the labelled rows, by the evaluation's own code (same definitions)."),
    estimated: external_exports.strictObject({
      method: external_exports.literal("CBPE"),
      rows: external_exports.number().int().min(0),
      metrics
    }).optional().describe("Confidence-based performance estimation: an estimate from the scores, not a measurement."),
    comparison: external_exports.record(external_exports.string(), external_exports.strictObject({ estimated: external_exports.number(), realized: external_exports.number(), difference: external_exports.number() })).optional().describe("The estimate on the labelled rows against the realized value there."),
    operations: external_exports.strictObject({
      requests: external_exports.number().int().min(0),
      errors: external_exports.number().int().min(0),
      error_rate: external_exports.number().nullable(),
      latency: external_exports.strictObject({ p50_ms: external_exports.number(), p95_ms: external_exports.number(), p99_ms: external_exports.number(), rows: external_exports.number().int() }).optional()
    }).optional().describe("Latency and errors, when the logs carry them."),
    notes: external_exports.array(external_exports.string())
  }),
  gates: external_exports.array(gateResultSchema),
  alerts: external_exports.array(alertSchema),
  verdict: external_exports.enum(["ok", "alert", "not-enough-rows"]),
  runtime: external_exports.strictObject({ modelgate: external_exports.string(), onnxruntime: external_exports.string().optional() })
});
var monitoringRecordPath = (recordsDir, model, hex) => `${recordsDir}/${model}/monitoring/${hex}.json`;

export { monitoringRecordPath as a, alertSchema as b, sourceSchema as c, driftColumnSchema as d, gateResultSchema as g, monitoringRecordSchema as m, sliceMetricsSchema as s, watchedVersionSchema as w };
