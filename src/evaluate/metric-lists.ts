// The metric names evaluate computes, by task, as scikit-learn spells them (metrics.ts computes them and re-exports
// these): a module of its own so that validate checks gate names without loading the metrics.

export const BINARY_METRICS = [
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
  "ece",
] as const;

export const MULTICLASS_METRICS = [
  "accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "log_loss",
  "top_k_accuracy",
] as const;

export const REGRESSION_METRICS = ["mae", "rmse", "r2", "mape", "median_ae", "max_error"] as const;
