import { BINARY_METRICS, MULTICLASS_METRICS, REGRESSION_METRICS } from "../evaluate/metric-lists.ts";
import type { Model } from "../manifest/schema.ts";

/** Metric names (as scikit-learn spells them) a gate may name, by task: those `evaluate` computes. */
export const METRICS: Record<Model["spec"]["task"], readonly string[]> = {
  "binary-classification": BINARY_METRICS,
  "multiclass-classification": MULTICLASS_METRICS,
  regression: REGRESSION_METRICS,
};

export const LATENCY_METRICS = ["latency_p50_ms", "latency_p95_ms", "latency_p99_ms"];

export function knownMetrics(task: Model["spec"]["task"]): string[] {
  return [...METRICS[task], ...LATENCY_METRICS];
}
