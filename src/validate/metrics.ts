import type { Model } from "../manifest/schema.ts";

/** Metric names (as scikit-learn spells them) a gate may name, by task. */
export const METRICS: Record<Model["spec"]["task"], string[]> = {
  "binary-classification": [
    "accuracy",
    "precision",
    "recall",
    "f1",
    "specificity",
    "roc_auc",
    "average_precision",
    "log_loss",
    "brier",
    "ece",
    "positive_rate",
  ],
  "multiclass-classification": [
    "accuracy",
    "precision_macro",
    "recall_macro",
    "f1_macro",
    "precision_weighted",
    "recall_weighted",
    "f1_weighted",
    "log_loss",
    "top_k_accuracy",
  ],
  regression: ["mae", "rmse", "r2", "mape", "median_ae", "max_error"],
};

export const LATENCY_METRICS = ["latency_p50_ms", "latency_p95_ms", "latency_p99_ms"];

export function knownMetrics(task: Model["spec"]["task"]): string[] {
  return [...METRICS[task], ...LATENCY_METRICS];
}
