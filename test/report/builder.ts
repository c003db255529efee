/** Builds valid EvaluationRecords and Model manifests for report tests, without running `evaluate`. */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Model, modelSchema } from "../../src/manifest/schema.ts";
import { type EvaluationRecord, evaluationRecordSchema } from "../../src/records/evaluation.ts";

const HEX = (c: string) => c.repeat(64);

export interface RecordOptions {
  name?: string;
  version?: string;
  baselineVersion?: string;
  /** candidate metrics */
  metrics?: Record<string, number | null>;
  baseline?: Record<string, number | null> | null;
  /** metric → [delta, lo, hi]; default: candidate − baseline with ±0.01 */
  deltas?: Record<string, [number, number, number]>;
  resamples?: number;
  regions?: Record<string, number>;
  latencyP95?: number;
  baselineLatencyP95?: number;
  curves?: boolean;
}

export function curve(n: number, bend: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const x = i / (n - 1);
    return [x, 1 - (1 - x) ** bend] as [number, number];
  });
}

export function makeRecord(o: RecordOptions = {}): EvaluationRecord {
  const metrics = o.metrics ?? { roc_auc: 0.91, accuracy: 0.87, precision: 0.8, recall: 0.75, f1: 0.77 };
  const base =
    o.baseline === null
      ? undefined
      : (o.baseline ?? { roc_auc: 0.9, accuracy: 0.86, precision: 0.79, recall: 0.74, f1: 0.76 });
  const deltas: EvaluationRecord["deltas"] = {};
  if (base) {
    for (const [k, v] of Object.entries(metrics)) {
      const b = base[k];
      if (typeof v !== "number" || typeof b !== "number") continue;
      const given = o.deltas?.[k];
      const d = given ? given[0] : v - b;
      const iv: [number, number] = given ? [given[1], given[2]] : [d - 0.01, d + 0.01];
      deltas[k] = { delta: d, interval: iv, excludesZero: iv[0] > 0 || iv[1] < 0 };
    }
  }
  const intervals = Object.fromEntries(
    Object.entries(metrics)
      .filter(([, v]) => typeof v === "number")
      .map(([k, v]) => [k, [(v as number) - 0.02, (v as number) + 0.02]]),
  );
  const regions = o.regions ?? { north: 0.78, south: 0.74, east: 0.7 };
  const latency = (p95: number) => ({
    p50_ms: p95 / 2,
    p95_ms: p95,
    p99_ms: p95 * 1.5,
    batch_rows_per_s: 100000,
    batch_size: 256,
    runs: 200,
    intraOpThreads: 1,
    interOpThreads: 1,
  });
  const raw = {
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "EvaluationRecord",
    model: {
      name: o.name ?? "churn",
      version: o.version ?? "1.1.0",
      task: "binary-classification",
      threshold: 0.5,
      positiveLabel: 1,
      classes: [0, 1],
    },
    dataset: {
      name: "churn-eval",
      path: "data/churn-eval.csv",
      sha256: HEX("a"),
      format: "csv",
      rows: 3000,
      label: "churned",
      features: ["tenure", "spend"],
      skipped: {},
    },
    bootstrap: { method: "paired-poisson", resamples: o.resamples ?? 1000, seed: 42, confidence: 0.95 },
    candidate: {
      role: "candidate",
      source: "models/churn/model.onnx",
      version: o.version ?? "1.1.0",
      sha256: HEX("b"),
      metrics,
      intervals,
      confusion: {
        labels: [0, 1],
        matrix: [
          [1800, 200],
          [250, 750],
        ],
      },
      ...(o.curves === false
        ? {}
        : { curves: { roc: curve(60, 3), pr: curve(60, 0.5).map(([x, y]) => [x, 1 - 0.5 * y] as [number, number]) } }),
    },
    ...(base
      ? {
          baseline: {
            role: "baseline",
            source: "git:main:models/churn/model.onnx",
            version: o.baselineVersion ?? "1.0.0",
            sha256: HEX("c"),
            metrics: base,
            intervals: {},
            confusion: {
              labels: [0, 1],
              matrix: [
                [1790, 210],
                [260, 740],
              ],
            },
            ...(o.curves === false
              ? {}
              : {
                  curves: {
                    roc: curve(60, 2.5),
                    pr: curve(60, 0.6).map(([x, y]) => [x, 1 - 0.5 * y] as [number, number]),
                  },
                }),
          },
        }
      : {}),
    deltas,
    slices: Object.entries(regions).map(([value, recall]) => ({
      column: "region",
      value,
      count: 1000,
      supported: true,
      candidate: { recall, precision: 0.8, roc_auc: 0.9 },
      ...(base ? { baseline: { recall: recall - 0.01, precision: 0.79, roc_auc: 0.89 } } : {}),
    })),
    fairness: [],
    runtime: { onnxruntime: "1.30.0", node: "v20.19.0", modelgate: "0.1.0" },
    timings: {
      createdAt: "2026-01-05T10:00:00Z",
      latency: {
        candidate: latency(o.latencyP95 ?? 2),
        ...(base ? { baseline: latency(o.baselineLatencyP95 ?? 1.8) } : {}),
      },
    },
  };
  return evaluationRecordSchema.parse(raw);
}

export function makeModel(name = "churn", over: Partial<Model["spec"]> = {}): Model {
  return modelSchema.parse({
    apiVersion: "modelgate.dev/v1alpha1",
    kind: "Model",
    metadata: { name },
    spec: {
      version: "1.1.0",
      owners: ["alice"],
      task: "binary-classification",
      artifact: { path: "model.onnx" },
      inputs: { features: ["tenure", "spend"] },
      label: { column: "churned", positive: 1 },
      evaluation: { datasets: ["churn-eval"], slices: [{ column: "region" }] },
      gates: [
        { metric: "roc_auc", min: 0.85 },
        { metric: "roc_auc", maxDrop: 0.02 },
        { sliceGap: "recall", over: "region", max: 0.1 },
      ],
      ...over,
    },
  });
}

/**
 * Binds a built record to a fixture repository as `evaluate` would have: the model's version in model.yaml becomes
 * the record's, and the record cites the digests of the model file and the evaluation data in front of it.
 */
export function bindToFixture(root: string, record: EvaluationRecord, model = record.model.name): EvaluationRecord {
  const sha = (p: string) =>
    createHash("sha256")
      .update(readFileSync(join(root, p)))
      .digest("hex");
  const yamlPath = join(root, "models", model, "model.yaml");
  const version = record.model.version ?? "1.0.0";
  writeFileSync(yamlPath, readFileSync(yamlPath, "utf8").replace(/^ {2}version: .*$/m, `  version: ${version}`));
  record.candidate.version = version;
  record.candidate.sha256 = sha(`models/${model}/model.onnx`);
  record.dataset.name = "churn-eval";
  record.dataset.sha256 = sha("data/churn-eval.csv");
  return record;
}
