import { existsSync } from "node:fs";
import { type DriftLevel, driftLevel } from "../data/drift.ts";
import { ProfileCounter, profileDrift } from "../data/profile.ts";
import { scanDataset } from "../data/scan.ts";
import { didYouMean } from "../manifest/findings.ts";
import { at, type Loaded, type Repository, repoRelative, resolveInside } from "../manifest/loaded.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import type { Report, Reporter } from "./reporter.ts";

/** Drift of one dataset against its reference, per feature (see src/data/drift.ts for the rule). */
export interface DriftResult {
  model?: string;
  dataset: string;
  reference: string;
  /** PSI per feature, over the profile's bins merged to hold enough rows. */
  psi: Record<string, number>;
  /** p-value of the chi-square test per feature (a PSI counts only when p < DRIFT_ALPHA / features compared). */
  p: Record<string, number>;
  /** What was found per feature, with the thresholds in force: ok, warn or fail. */
  level: Record<string, DriftLevel>;
  /** Features with too few rows to judge (fewer than two bins holding enough rows). */
  unjudged: string[];
}

/**
 * The counts drift needs, made by the data checks' own read of the target (validate.ts): by driftKey, with the
 * file's header. A drift check finds its counts here rather than reading the file again.
 */
export interface Counted {
  header: string[];
  counters: Map<string, ProfileCounter>;
}

/** Where a drift check reads its target: the file, and the counts already made from it. */
export interface DriftRead {
  file: string;
  display: string;
  counted?: Counted;
}

/** Which counts a drift check asks for: against which reference's profile, over which columns (all: undefined). */
export const driftKey = (reference: Loaded<Dataset>, columns: string[] | undefined) =>
  JSON.stringify([reference.value.metadata.name, columns ?? null]);

/** A counter of the target's values in the reference profile's bins: its declared columns that the profile has. */
export function driftCounter(
  reference: Loaded<Dataset>,
  target: Loaded<Dataset>,
  columns: string[] | undefined,
): ProfileCounter {
  const counter = new ProfileCounter();
  const declared = new Set(target.value.spec.columns.map((c) => c.name));
  for (const [col, p] of Object.entries(reference.value.spec.profile ?? {})) {
    if ((columns && !columns.includes(col)) || !declared.has(col)) continue;
    // its values are only binned (profileDrift reads `binned`): no distinct values, sums or range counted
    if (p.kind === "numeric") counter.addNumericColumn(col, p.edges, true);
    else counter.addCategoricalColumn(col);
  }
  return counter;
}

/**
 * The drift checks validate will run on a dataset (./validate.ts counts them in its one read of the file): against
 * the first training dataset of each model that evaluates on it, over the model's features, and against its own
 * spec.drift.reference, each reference with a profile.
 */
export function plannedDrift(
  target: Loaded<Dataset>,
  models: Loaded<Model>[],
  datasetByName: Map<string, Loaded<Dataset>>,
): { reference: Loaded<Dataset>; columns: string[] | undefined }[] {
  const name = target.value.metadata.name;
  const out: { reference: Loaded<Dataset>; columns: string[] | undefined }[] = [];
  for (const m of models) {
    const trainName = m.value.spec.training?.datasets[0];
    const train = trainName ? datasetByName.get(trainName) : undefined;
    if (!train?.value.spec.profile || trainName === name || !m.value.spec.evaluation.datasets.includes(name)) continue;
    out.push({ reference: train, columns: m.value.spec.inputs.features });
  }
  const ref = target.value.spec.drift?.reference;
  const refD = ref ? datasetByName.get(ref) : undefined;
  if (refD?.value.spec.profile) out.push({ reference: refD, columns: undefined });
  return out;
}

/**
 * Drift per column between a reference dataset's profile and another dataset's data (binned with the reference's
 * edges and values, sparse bins merged), with findings at the target's column lines where a threshold in force is
 * reached and the difference is significant (src/data/drift.ts states the rule).
 */
export async function driftAgainst(
  repo: Repository,
  reference: Loaded<Dataset>,
  target: Loaded<Dataset>,
  columns: string[] | undefined,
  error: Report,
  warn: Report,
  read?: DriftRead,
): Promise<Omit<DriftResult, "model" | "dataset" | "reference"> | undefined> {
  const profile = reference.value.spec.profile!;
  let file: { abs: string; display: string };
  if (read) file = { abs: read.file, display: read.display };
  else {
    const r = resolveInside(repo.root, target.dir, target.value.spec.path);
    if (r.error || !existsSync(r.abs)) return undefined;
    file = { abs: r.abs, display: repoRelative(repo.root, r.abs) };
  }
  let counter = read?.counted?.counters.get(driftKey(reference, columns));
  let header: Set<string>;
  if (counter && read?.counted) header = new Set(read.counted.header);
  else {
    counter = driftCounter(reference, target, columns);
    try {
      const scan = await scanDataset(file.abs, target.value, { counter, countOnly: true, displayName: file.display });
      header = new Set(scan.header);
    } catch {
      return undefined; // the data checks already reported why the file cannot be read
    }
  }
  // a column missing from the file is reported once, as missing — not again as drift of an all-null column
  const found = Object.fromEntries(
    Object.entries(profileDrift(profile, reference.value.spec.rows, counter)).filter(([col]) => header.has(col)),
  );
  const limits = {
    ...repo.config.spec.drift,
    ...stripUndefined(reference.value.spec.drift),
    ...stripUndefined(target.value.spec.drift),
  };
  const refName = reference.value.metadata.name;
  const name = target.value.metadata.name;
  const out: Omit<DriftResult, "model" | "dataset" | "reference"> = { psi: {}, p: {}, level: {}, unjudged: [] };
  const judged = Object.values(found).filter(Boolean).length;
  for (const [col, d] of Object.entries(found)) {
    if (!d) {
      out.unjudged.push(col);
      continue;
    }
    const level = driftLevel(d, limits, judged);
    out.psi[col] = d.psi;
    out.p[col] = d.p;
    out.level[col] = level;
    if (level === "ok") continue;
    const rows = `${d.rows.actual} rows${d.rows.reference !== undefined ? ` vs ${d.rows.reference}` : ""}, ${d.bins} bins`;
    const msg = `drift in "${col}" of "${name}" against "${refName}": PSI ${d.psi.toFixed(3)}`;
    const sig = `chi-square p = ${d.p.toExponential(1)} (${rows})`;
    const pos = at(target, ["spec", "columns", target.value.spec.columns.findIndex((c) => c.name === col)]);
    if (level === "fail")
      error(
        pos,
        "drift",
        `${msg} ≥ ${limits.psiFail} (fail threshold), ${sig}; retrain on recent data or raise spec.drift.psiFail`,
        col,
      );
    else warn(pos, "drift", `${msg} ≥ ${limits.psiWarn} (warn threshold), ${sig}`, col);
  }
  return out;
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Drift of one of a model's evaluation datasets against the profile of its (first) training dataset, or why it was
 * not checked (no training dataset, the same one, no profile — also a warning —, data not read).
 */
export async function checkModelDrift(
  repo: Repository,
  m: Loaded<Model>,
  evalName: string,
  datasetByName: Map<string, Loaded<Dataset>>,
  skipData: boolean,
  { error, warn }: Reporter,
  files?: Map<string, DriftRead>,
): Promise<{ drift: DriftResult } | { notChecked: string } | undefined> {
  const spec = m.value.spec;
  const trainName = spec.training?.datasets[0];
  const train = trainName ? datasetByName.get(trainName) : undefined;
  const evalD = datasetByName.get(evalName);
  const n = evalName;
  if (!trainName) {
    return {
      notChecked: `the model declares no training dataset (spec.training.datasets), so "${n}" has nothing to be compared with`,
    };
  }
  if (trainName === n) return { notChecked: `"${n}" is the training dataset itself` };
  if (!train) return { notChecked: `the training dataset "${trainName}" does not exist` };
  if (!train.value.spec.profile) {
    warn(
      at(train, ["spec"]),
      "drift",
      `dataset "${trainName}" has no profile, so drift against "${n}" is not checked; run \`modelgate lock\``,
    );
    return { notChecked: `the training dataset "${trainName}" has no profile; run \`modelgate lock\`` };
  }
  if (skipData) return { notChecked: "the data files were not read (--skip-data)" };
  if (!evalD) return undefined;
  const d = await driftAgainst(repo, train, evalD, spec.inputs.features, error, warn, files?.get(n));
  if (!d) return { notChecked: `the data of "${n}" could not be read (see the data checks)` };
  return { drift: { model: m.value.metadata.name, dataset: n, reference: trainName, ...d } };
}

/** Drift of a dataset against the reference it names itself (spec.drift.reference), e.g. a new month. */
export async function checkReferenceDrift(
  repo: Repository,
  d: Loaded<Dataset>,
  datasetByName: Map<string, Loaded<Dataset>>,
  skipData: boolean,
  { error, warn }: Reporter,
  files?: Map<string, DriftRead>,
): Promise<DriftResult | undefined> {
  const refName = d.value.spec.drift?.reference;
  if (!refName) return undefined;
  const ref = datasetByName.get(refName);
  const pos = at(d, ["spec", "drift", "reference"]);
  if (!ref) {
    const near = didYouMean(refName, datasetByName.keys());
    error(pos, "reference", `reference dataset "${refName}" does not exist${near ? `; did you mean "${near}"?` : ""}`);
    return undefined;
  }
  if (!ref.value.spec.profile) {
    warn(pos, "drift", `dataset "${refName}" has no profile, so drift is not checked; run \`modelgate lock\``);
    return undefined;
  }
  if (skipData) return undefined;
  const found = await driftAgainst(repo, ref, d, undefined, error, warn, files?.get(d.value.metadata.name));
  return found ? { dataset: d.value.metadata.name, reference: refName, ...found } : undefined;
}
