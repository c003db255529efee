import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);

// src/evaluate/metric-lists.ts
var BINARY_METRICS = [
  "accuracy",
  "precision",
  "recall",
  "f1",
  "specificity",
  "positive_rate",
  "roc_auc",
  "average_precision",
  "log_loss",
  "brier",
  "ece"
];
var MULTICLASS_METRICS = [
  "accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "log_loss",
  "top_k_accuracy"
];
var REGRESSION_METRICS = ["mae", "rmse", "r2", "mape", "median_ae", "max_error"];

export {
  BINARY_METRICS,
  MULTICLASS_METRICS,
  REGRESSION_METRICS
};
