import { binOf, quantileEdges } from "../data/profile.ts";
import { keyOf } from "../evaluate/collect.ts";
import type { ModelRunner } from "../evaluate/runner.ts";
import { modelIoOf } from "../evaluate/spec.ts";
import type { Model } from "../manifest/schema.ts";
import { type Calibrator, fitIsotonic } from "./cbpe.ts";
import { type ColumnReference, type NumericReference, referenceOf } from "./drift.ts";
import type { ReferenceJob, ReferenceScores } from "./reference-worker.ts";
import type { MonitorSession } from "./session.ts";
import { positiveClass, type VersionFacts } from "./versions.ts";

/**
 * A window's references, beside what the logs are compared with: the watched columns' profile in the primary version's
 * evaluation Dataset (before the logs are read), and what each version's model gives over its evaluation data, scored
 * in a thread of its own while the logs are read (./reference-worker.ts): CBPE's calibration, the positive class, the
 * prediction's reference.
 */

/** What the reference's thread scores of a version: its model over its evaluation data, as evaluate collects it. */
export function referenceJob(v: VersionFacts): ReferenceJob {
  const m = v.manifest;
  const d = v.dataset;
  const source = `${m.metadata.name}@${m.spec.version}`;
  if (!d?.dataPath) return { model: { bytes: v.bytes, source, task: m.spec.task, io: modelIoOf(m) } };
  return {
    spec: {
      name: m.metadata.name,
      version: m.spec.version,
      task: m.spec.task,
      data: { path: d.dataPath, display: d.value.spec.path, format: d.value.spec.format, name: d.name },
      label: m.spec.label,
      threshold: m.spec.threshold,
      slices: [],
      minSliceSupport: 1,
      nanPolicy: "count",
      bootstrap: { resamples: 0, seed: 0 },
      candidate: { bytes: v.bytes, source, version: m.spec.version, io: modelIoOf(m) },
    },
  };
}

/** The watched columns' references: their profile in the primary version's evaluation Dataset. */
export function profileReferences(
  s: MonitorSession,
  versions: VersionFacts[],
): { columns: { feature: string; ref: ColumnReference }[]; notes: string[] } {
  const primary = versions[versions.length - 1];
  const pm = primary.manifest;
  const notes: string[] = [];
  const d = primary.dataset?.value;
  const watched = s.monitoring.drift.features ?? pm.spec.inputs.features;
  const columns: { feature: string; ref: ColumnReference }[] = [];
  for (const f of watched) {
    const p = d?.spec.profile?.[f];
    const ref = p ? referenceOf(p, d?.spec.rows) : undefined;
    if (ref) columns.push({ feature: f, ref });
    else
      notes.push(
        `${f}: no reference (the evaluation dataset ${primary.dataset?.name ?? ""} has no profile of it with a row count; run \`modelgate lock\`)`,
      );
  }
  return { columns, notes };
}

/** Binary classification: a version's positive class and the output column of its score. */
export type Positive = { column: number; label: string } | undefined;

/**
 * Each version's positive class before its reference is scored: from the manifest and the model's classes, as if the
 * reference named no label outside them (`scoredReferences` tells, once it is scored, whether it does). Undefined
 * where that cannot be told (the reference is then waited for).
 */
export function earlyPositives(versions: VersionFacts[], runners: ModelRunner[]): Positive[] | undefined {
  if (versions[versions.length - 1].manifest.spec.task !== "binary-classification")
    return versions.map(() => undefined);
  try {
    return versions.map((v, i) =>
      positiveClass(
        v.manifest,
        `${v.manifest.metadata.name}@${v.manifest.spec.version}`,
        runners[i].output.width,
        runners[i].classLabels,
        [],
      ),
    );
  } catch {
    return undefined;
  }
}

export interface ScoredReferenceFacts {
  /** The prediction's reference (the primary version's scores over its evaluation data). */
  prediction?: ColumnReference;
  /** Each version's calibration for CBPE. */
  calibrators: (Calibrator | undefined)[];
  positive: Positive[];
  /** Notes on the drift, and on the performance. */
  notes: string[];
  perfNotes: string[];
}

/**
 * What the window takes of each version's model over its evaluation data: its calibration for CBPE, its positive
 * class (by the reference's labels), and the primary's predictions there (the prediction's reference).
 */
export function scoredReferences(
  s: MonitorSession,
  versions: VersionFacts[],
  runners: ModelRunner[],
  scores: (ReferenceScores | undefined)[],
): ScoredReferenceFacts {
  const primary = versions[versions.length - 1];
  const pm = primary.manifest;
  const notes: string[] = [];
  const perfNotes: string[] = [];
  const calibrators: (Calibrator | undefined)[] = [];
  const positive: Positive[] = [];
  let prediction: ColumnReference | undefined;
  const binary = pm.spec.task === "binary-classification";
  for (const [i, v] of versions.entries()) {
    const c = scores[i];
    const source = `${v.manifest.metadata.name}@${v.manifest.spec.version}`;
    const out = runners[i].output;
    const pos = binary ? positiveClass(v.manifest, source, out.width, runners[i].classLabels, c?.labelKeys) : undefined;
    positive.push(pos);
    if (!c) {
      calibrators.push(undefined);
      continue;
    }
    const w = c.width;
    const preds = c.preds;
    const col = pos?.column ?? 0;
    const scoresOf = Float64Array.from({ length: c.rows }, (_, k) => preds[k * w + col]);
    if (binary && pos) {
      const y = Uint8Array.from(c.labelCodes, (code) => (c.labelKeys[code] === pos.label ? 1 : 0));
      calibrators.push(fitIsotonic(scoresOf, y));
    } else calibrators.push(undefined);
    if (v === primary && s.monitoring.drift.prediction) prediction = predictionReference(pm, c, scoresOf);
  }
  if (binary && calibrators.every((x) => !x))
    perfNotes.push("no CBPE estimate: no version's evaluation data could be scored");
  if (s.monitoring.drift.prediction && !prediction)
    notes.push(`prediction: no reference (the evaluation data of ${pm.spec.version} could not be scored)`);
  return { ...(prediction ? { prediction } : {}), calibrators, positive, notes, perfNotes };
}

/** The prediction's reference: the scores' (or values') deciles, or a multiclass model's predicted classes. */
export function predictionReference(m: Model, c: ReferenceScores, scores: Float64Array): ColumnReference {
  if (m.spec.task !== "multiclass-classification") return numericReference(scores);
  const w = c.width;
  const preds = c.preds;
  const classes = c.classLabels ?? m.spec.label.classes?.map((x) => keyOf(x) ?? String(x)) ?? [];
  const counts: Record<string, number> = {};
  for (let k = 0; k < c.rows; k++) {
    let best = 0;
    for (let j = 1; j < w; j++) if (preds[k * w + j] > preds[k * w + best]) best = j;
    const key = classes[best] ?? String(best);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  const fractions = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n / c.rows]));
  return { kind: "categorical", fractions, rows: c.rows };
}

/** A numeric reference from values: decile bins, their shares, the spread (as a profile would hold them). */
export function numericReference(values: Float64Array): NumericReference {
  const finite = Array.from(values).filter(Number.isFinite);
  const edges = quantileEdges(finite);
  const counts = new Array(edges.length + 1).fill(0);
  let sum = 0;
  let sq = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of finite) {
    counts[binOf(edges, v)]++;
    sum += v;
    sq += v * v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const n = finite.length;
  const mean = n ? sum / n : 0;
  return {
    kind: "numeric",
    edges,
    fractions: counts.map((c) => (n ? c / n : 0)),
    rows: n,
    distinct: new Set(finite.slice(0, 10_000)).size,
    std: Math.sqrt(Math.max(sq / Math.max(n, 1) - mean * mean, 0)),
    ...(n ? { min, max } : {}),
  };
}
