/** What the report knows about metric names: direction, display names, formatting. */

const LOWER_IS_BETTER =
  /^(mae|mse|rmse|mape|msle|rmsle|log_loss|brier|brier_score|max_error|median_ae|median_absolute_error|latency_p\d+_ms|hamming_loss|fpr|fnr|false_positive_rate|false_negative_rate|expected_calibration_error|ece)$/;

/** True when a smaller value is better (errors, losses, latency). */
export function lowerIsBetter(metric: string): boolean {
  return LOWER_IS_BETTER.test(metric);
}

const NAMES: Record<string, string> = {
  roc_auc: "ROC AUC",
  average_precision: "Average precision",
  pr_auc: "PR AUC",
  accuracy: "Accuracy",
  balanced_accuracy: "Balanced accuracy",
  precision: "Precision",
  recall: "Recall",
  f1: "F1",
  log_loss: "Log loss",
  brier: "Brier score",
  brier_score: "Brier score",
  ece: "Expected calibration error",
  specificity: "Specificity",
  precision_macro: "Precision (macro)",
  recall_macro: "Recall (macro)",
  f1_macro: "F1 (macro)",
  precision_weighted: "Precision (weighted)",
  recall_weighted: "Recall (weighted)",
  f1_weighted: "F1 (weighted)",
  top_k_accuracy: "Top-k accuracy",
  median_ae: "Median absolute error",
  max_error: "Max error",
  mae: "MAE",
  mse: "MSE",
  rmse: "RMSE",
  mape: "MAPE",
  r2: "R²",
  positive_rate: "Positive rate",
  latency_p50_ms: "Latency p50 (ms)",
  latency_p95_ms: "Latency p95 (ms)",
  latency_p99_ms: "Latency p99 (ms)",
};

/** A readable name for a metric key (the key itself when unknown). Not escaped. */
export function metricName(metric: string): string {
  return NAMES[metric] ?? metric;
}

/** The minus sign the report writes (U+2212), never a hyphen. */
export const MINUS = "\u2212";

/**
 * A metric value as the report shows it, the same way everywhere: 4 decimals (1.0000 and 0.9744 alike; 1 decimal
 * from 1,000 up, for errors in large units), 2 for milliseconds, a real minus sign, "—" when absent.
 */
export function fmt(x: number | null | undefined, metric = ""): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const digits = /_ms$/.test(metric) ? 2 : Math.abs(x) >= 1000 ? 1 : 4;
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `${MINUS}${s}` : s;
}

/** A signed difference: "+0.0123", "−0.0040"; one that rounds to zero is "0.0000", with no sign. */
export function fmtDelta(x: number | null | undefined, metric = ""): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  const s = fmt(Math.abs(x), metric);
  if (Number(s) === 0) return s;
  return x > 0 ? `+${s}` : `${MINUS}${s}`;
}

/** A count: digits grouped by thousands ("4,141"). */
export function fmtCount(n: number): string {
  return n < 0 ? `${MINUS}${Math.abs(n).toLocaleString("en-US")}` : n.toLocaleString("en-US");
}

/** A limit as the manifest writes it (0.8 stays 0.8), with a real minus sign. */
export function fmtLimit(x: number): string {
  return x < 0 ? `${MINUS}${Math.abs(x)}` : String(x);
}

/** "[−0.0120, +0.0030]" */
export function fmtInterval(iv: readonly [number, number] | undefined, metric = ""): string {
  if (!iv) return "—";
  return `[${fmtDelta(iv[0], metric)}, ${fmtDelta(iv[1], metric)}]`;
}
