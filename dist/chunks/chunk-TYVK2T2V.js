import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/report/metric-names.ts
var LOWER_IS_BETTER = /^(mae|mse|rmse|mape|msle|rmsle|log_loss|brier|brier_score|max_error|median_ae|median_absolute_error|latency_p\d+_ms|hamming_loss|fpr|fnr|false_positive_rate|false_negative_rate|expected_calibration_error|ece)$/;
function lowerIsBetter(metric) {
  return LOWER_IS_BETTER.test(metric);
}
var NAMES = {
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
  r2: "R\xB2",
  positive_rate: "Positive rate",
  latency_p50_ms: "Latency p50 (ms)",
  latency_p95_ms: "Latency p95 (ms)",
  latency_p99_ms: "Latency p99 (ms)"
};
function metricName(metric) {
  return NAMES[metric] ?? metric;
}
var MINUS = "\u2212";
function fmt(x, metric = "") {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "\u2014";
  const digits = /_ms$/.test(metric) ? 2 : Math.abs(x) >= 1e3 ? 1 : 4;
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `${MINUS}${s}` : s;
}
function fmtDelta(x, metric = "") {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "\u2014";
  const s = fmt(Math.abs(x), metric);
  if (Number(s) === 0) return s;
  return x > 0 ? `+${s}` : `${MINUS}${s}`;
}
function fmtCount(n) {
  return n < 0 ? `${MINUS}${Math.abs(n).toLocaleString("en-US")}` : n.toLocaleString("en-US");
}
function fmtLimit(x) {
  return x < 0 ? `${MINUS}${Math.abs(x)}` : String(x);
}
function fmtInterval(iv, metric = "") {
  if (!iv) return "\u2014";
  return `[${fmtDelta(iv[0], metric)}, ${fmtDelta(iv[1], metric)}]`;
}

export {
  lowerIsBetter,
  metricName,
  fmt,
  fmtDelta,
  fmtCount,
  fmtLimit,
  fmtInterval
};
