import { sharedRowHashes } from "../data/row-hashes.ts";
import type { ScanResult } from "../data/scan.ts";
import { at, type Loaded } from "../manifest/loaded.ts";
import type { Model } from "../manifest/schema.ts";
import type { Report } from "./reporter.ts";

/** Rows an evaluation dataset shares with a model's training dataset (same features and label). */
export interface Leakage {
  model: string;
  train: string;
  eval: string;
  shared: number;
  evalRows: number;
  fraction: number;
}

/**
 * The columns whose values are hashed per row, by dataset: a model's features and label, for the datasets on both
 * sides of a model that trains (leakage compares their row hashes).
 */
export function rowHashColumns(models: Loaded<Model>[]): Map<string, string[]> {
  const hashCols = new Map<string, string[]>();
  for (const m of models) {
    const train = m.value.spec.training?.datasets ?? [];
    const cols = [...m.value.spec.inputs.features, m.value.spec.label.column];
    if (train.length === 0) continue;
    for (const n of [...train, ...m.value.spec.evaluation.datasets]) hashCols.set(n, cols);
  }
  return hashCols;
}

/**
 * Leakage between a model's (first) training dataset and one of its evaluation datasets, from their scans' row
 * hashes; an error at the evaluation dataset's line when any row is shared. Undefined when there is nothing to
 * compare (no training dataset, the same dataset, or data not read).
 */
export function checkLeakage(
  m: Loaded<Model>,
  evalName: string,
  scans: Map<string, Pick<ScanResult, "rowHashes" | "rows">>,
  error: Report,
): Leakage | undefined {
  const spec = m.value.spec;
  const trainName = spec.training?.datasets[0];
  const evalScan = scans.get(evalName);
  const trainScan = trainName ? scans.get(trainName) : undefined;
  if (!trainName || !trainScan?.rowHashes || !evalScan?.rowHashes || trainName === evalName) return undefined;
  const shared = sharedRowHashes(evalScan.rowHashes, trainScan.rowHashes);
  const fraction = evalScan.rows ? shared / evalScan.rows : 0;
  if (shared > 0) {
    error(
      at(m, ["spec", "evaluation", "datasets", spec.evaluation.datasets.indexOf(evalName)]),
      "leakage",
      `${shared} of ${evalScan.rows} evaluation rows of "${evalName}" (${(fraction * 100).toFixed(2)}%) also appear in training dataset "${trainName}" (same features and label); remove them from one side`,
    );
  }
  return { model: m.value.metadata.name, train: trainName, eval: evalName, shared, evalRows: evalScan.rows, fraction };
}
