import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import { sha256File } from "../data/hash.ts";
import { type DriftLevel, driftLevel } from "../data/drift.ts";
import { ProfileCounter, profileDrift } from "../data/profile.ts";
import { type Problem, type ScanResult, scanDataset } from "../data/scan.ts";
import { didYouMean, type Finding, sortFindings } from "../manifest/findings.ts";
import { at, type Loaded, loadRepository, type Repository, repoRelative, resolveInside } from "../manifest/repo.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import { planModelIo } from "../evaluate/plan.ts";
import { graphFacts, readOnnxModel } from "../onnx/signature.ts";
import { knownMetrics } from "./metrics.ts";

export interface ValidateOptions {
  /** Only manifests under these paths (files or folders), plus the datasets their models use. */
  paths?: string[];
  /** Skip reading data files (schema, references and digests only). */
  skipData?: boolean;
  onProgress?: (message: string) => void;
  /** The repository, when the caller has already loaded it (a Workspace's): used as is, not loaded again. */
  repo?: Repository;
}

export interface ValidateResult {
  root: string;
  findings: Finding[];
  models: string[];
  datasets: string[];
  /** Drift per model and evaluation dataset: PSI by feature. */
  drift: DriftResult[];
  /** Model and evaluation dataset pairs whose drift was not checked, and why (no training dataset, no profile, …). */
  driftNotChecked: { model?: string; dataset: string; reason: string }[];
  /** Leakage per model: rows shared between training and evaluation data. */
  leakage: { model: string; train: string; eval: string; shared: number; evalRows: number; fraction: number }[];
}

type Pos = { file: string; line: number; col: number };

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

/** A finding repeated for many columns of one file is shown this many times, then summed up ("and 49,990 more"). */
const MAX_REPEATED = 10;

/** Validates a model repository: schema, references, paths, digests, data checks, leakage and drift. */
export async function validateRepository(cwd: string, opts: ValidateOptions = {}): Promise<ValidateResult> {
  const repo = opts.repo ?? loadRepository(cwd);
  const findings: Finding[] = [...repo.findings];
  const error = (pos: Pos, check: string, message: string, column?: string) =>
    findings.push({ severity: "error", check, ...pos, message, ...(column ? { column } : {}) });
  const warn = (pos: Pos, check: string, message: string, column?: string) =>
    findings.push({ severity: "warning", check, ...pos, message, ...(column ? { column } : {}) });

  const selected = selectManifests(repo, opts.paths ?? [], cwd);
  const datasetByName = new Map(repo.datasets.map((d) => [d.value.metadata.name, d]));

  // Models: references, artifact path/digest/signature, gates.
  const usedDatasets = new Set(selected.datasets.map((d) => d.value.metadata.name));
  for (const m of selected.models) {
    const spec = m.value.spec;
    const refs = [
      ...(spec.training?.datasets ?? []).map((n, i) => ({ n, path: ["spec", "training", "datasets", i] })),
      ...spec.evaluation.datasets.map((n, i) => ({ n, path: ["spec", "evaluation", "datasets", i] })),
    ];
    for (const { n, path } of refs) {
      if (datasetByName.has(n)) usedDatasets.add(n);
      else if (repo.invalid.some((x) => x.kind === "Dataset" && x.name === n)) {
        // its manifest is invalid, and its own errors say what is wrong, where: said once, not again as "missing"
      } else {
        const near = didYouMean(n, datasetByName.keys());
        error(
          at(m, path),
          "reference",
          `dataset "${n}" does not exist${near ? `; did you mean "${near}"?` : `; add ${repo.config.spec.paths.data}/${n}.yaml`}`,
        );
      }
    }
    // Columns the model needs, in each evaluation dataset.
    for (const n of spec.evaluation.datasets) {
      const d = datasetByName.get(n);
      if (!d) continue;
      const cols = new Set(d.value.spec.columns.map((c) => c.name));
      const need: { name: string; path: (string | number)[] }[] = [
        ...spec.inputs.features.map((f, i) => ({ name: f, path: ["spec", "inputs", "features", i] })),
        { name: spec.label.column, path: ["spec", "label", "column"] },
        ...spec.evaluation.slices.map((s, i) => ({
          name: s.column,
          path: ["spec", "evaluation", "slices", i, "column"],
        })),
      ];
      for (const { name, path } of need) {
        if (!cols.has(name)) {
          const near = didYouMean(name, cols);
          error(
            at(m, path),
            "reference",
            `column "${name}" is not declared in dataset "${n}" (${d.file})${near ? `; did you mean "${near}"?` : ""}`,
          );
        }
      }
      const label = d.value.spec.columns.find((c) => c.name === spec.label.column);
      if (label && spec.task === "regression" && label.type !== "float" && label.type !== "integer") {
        error(
          at(m, ["spec", "task"]),
          "reference",
          `a regression label must be numeric, but "${label.name}" is ${label.type} in ${d.file}`,
        );
      }
    }
    for (const [i, g] of spec.gates.entries()) {
      if ("metric" in g) {
        const known = knownMetrics(spec.task);
        if (!known.includes(g.metric)) {
          const near = didYouMean(g.metric, known);
          error(
            at(m, ["spec", "gates", i, "metric"]),
            "reference",
            `"${g.metric}" is not a ${spec.task} metric${near ? `; did you mean "${near}"?` : `; known: ${known.join(", ")}`}`,
          );
        }
        if (g.min === undefined && g.max === undefined && g.maxDrop === undefined && g.maxRise === undefined) {
          error(
            at(m, ["spec", "gates", i]),
            "reference",
            `gate on "${g.metric}" has no bound; add min, max, maxDrop or maxRise`,
          );
        }
      } else if (!spec.evaluation.slices.some((s) => s.column === g.over)) {
        error(
          at(m, ["spec", "gates", i, "over"]),
          "reference",
          `sliceGap over "${g.over}" needs a slice on that column in spec.evaluation.slices`,
        );
      }
    }
    await checkArtifact(repo, m, error, warn);
  }

  // Datasets: path, digest, size, data checks.
  const scans = new Map<string, ScanResult>();
  const checkedDatasets = repo.datasets.filter((d) => usedDatasets.has(d.value.metadata.name));
  // Row hashes are needed for datasets that are on both sides of some model.
  const hashCols = new Map<string, string[]>();
  for (const m of selected.models) {
    const train = m.value.spec.training?.datasets ?? [];
    const cols = [...m.value.spec.inputs.features, m.value.spec.label.column];
    if (train.length === 0) continue;
    for (const n of [...train, ...m.value.spec.evaluation.datasets]) hashCols.set(n, cols);
  }
  for (const d of checkedDatasets) {
    const file = await checkDataFile(repo, d, error, warn);
    if (!file || opts.skipData) continue;
    opts.onProgress?.(`checking data ${repoRelative(repo.root, file)}`);
    const scan = await checkData(repo, d, file, hashCols.get(d.value.metadata.name), error, warn);
    if (scan) scans.set(d.value.metadata.name, scan);
  }

  // Label fits task; leakage; drift.
  const drift: ValidateResult["drift"] = [];
  const driftNotChecked: ValidateResult["driftNotChecked"] = [];
  const leakage: ValidateResult["leakage"] = [];
  for (const m of selected.models) {
    const spec = m.value.spec;
    for (const n of spec.evaluation.datasets) {
      const scan = scans.get(n);
      const d = datasetByName.get(n);
      if (!scan || !d) continue;
      checkLabel(m, d, scan, error);
    }
    const trainName = spec.training?.datasets[0];
    const train = trainName ? datasetByName.get(trainName) : undefined;
    for (const n of spec.evaluation.datasets) {
      const evalScan = scans.get(n);
      const trainScan = trainName ? scans.get(trainName) : undefined;
      if (trainName && trainScan?.rowHashes && evalScan?.rowHashes && trainName !== n) {
        let shared = 0;
        for (const h of evalScan.rowHashes) if (trainScan.rowHashes.has(h)) shared++;
        const fraction = evalScan.rows ? shared / evalScan.rows : 0;
        leakage.push({
          model: m.value.metadata.name,
          train: trainName,
          eval: n,
          shared,
          evalRows: evalScan.rows,
          fraction,
        });
        if (shared > 0) {
          error(
            at(m, ["spec", "evaluation", "datasets", spec.evaluation.datasets.indexOf(n)]),
            "leakage",
            `${shared} of ${evalScan.rows} evaluation rows of "${n}" (${(fraction * 100).toFixed(2)}%) also appear in training dataset "${trainName}" (same features and label); remove them from one side`,
          );
        }
      }
      const evalD = datasetByName.get(n);
      const reference = train?.value.spec.profile;
      const notChecked = (reason: string) => driftNotChecked.push({ model: m.value.metadata.name, dataset: n, reason });
      if (!trainName) {
        notChecked(
          `the model declares no training dataset (spec.training.datasets), so "${n}" has nothing to be compared with`,
        );
      } else if (trainName === n) {
        notChecked(`"${n}" is the training dataset itself`);
      } else if (!train) {
        notChecked(`the training dataset "${trainName}" does not exist`);
      } else if (!reference) {
        notChecked(`the training dataset "${trainName}" has no profile; run \`modelgate lock\``);
        warn(
          at(train, ["spec"]),
          "drift",
          `dataset "${trainName}" has no profile, so drift against "${n}" is not checked; run \`modelgate lock\``,
        );
      } else if (opts.skipData) {
        notChecked("the data files were not read (--skip-data)");
      } else if (evalD) {
        const d = await driftAgainst(repo, train, evalD, spec.inputs.features, error, warn);
        if (d) drift.push({ model: m.value.metadata.name, dataset: n, reference: trainName, ...d });
        else notChecked(`the data of "${n}" could not be read (see the data checks)`);
      }
    }
  }

  // Datasets compared with a reference of their own (spec.drift.reference), e.g. a new month against training data.
  for (const d of checkedDatasets) {
    const refName = d.value.spec.drift?.reference;
    if (!refName) continue;
    const ref = datasetByName.get(refName);
    const pos = at(d, ["spec", "drift", "reference"]);
    if (!ref) {
      const near = didYouMean(refName, datasetByName.keys());
      error(
        pos,
        "reference",
        `reference dataset "${refName}" does not exist${near ? `; did you mean "${near}"?` : ""}`,
      );
      continue;
    }
    if (!ref.value.spec.profile) {
      warn(pos, "drift", `dataset "${refName}" has no profile, so drift is not checked; run \`modelgate lock\``);
      continue;
    }
    if (opts.skipData) continue;
    const found = await driftAgainst(repo, ref, d, undefined, error, warn);
    if (found) drift.push({ dataset: d.value.metadata.name, reference: refName, ...found });
  }

  return {
    root: repo.root,
    findings: sortFindings(findings),
    models: selected.models.map((m) => m.value.metadata.name),
    datasets: checkedDatasets.map((d) => d.value.metadata.name),
    drift,
    driftNotChecked,
    leakage,
  };
}

/**
 * Drift per column between a reference dataset's profile and another dataset's data (binned with the reference's
 * edges and values, sparse bins merged), with findings at the target's column lines where a threshold in force is
 * reached and the difference is significant (src/data/drift.ts states the rule).
 */
async function driftAgainst(
  repo: Repository,
  reference: Loaded<Dataset>,
  target: Loaded<Dataset>,
  columns: string[] | undefined,
  error: Report,
  warn: Report,
): Promise<Omit<DriftResult, "model" | "dataset" | "reference"> | undefined> {
  const profile = reference.value.spec.profile!;
  const file = resolveInside(repo.root, target.dir, target.value.spec.path);
  if (file.error || !existsSync(file.abs)) return undefined;
  const counter = new ProfileCounter();
  const declared = new Set(target.value.spec.columns.map((c) => c.name));
  for (const [col, p] of Object.entries(profile)) {
    if ((columns && !columns.includes(col)) || !declared.has(col)) continue;
    if (p.kind === "numeric") counter.addNumericColumn(col, p.edges);
    else counter.addCategoricalColumn(col);
  }
  let header: Set<string>;
  try {
    const scan = await scanDataset(file.abs, target.value, { counter, displayName: repoRelative(repo.root, file.abs) });
    header = new Set(scan.header);
  } catch {
    return undefined; // the data checks already reported why the file cannot be read
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

function selectManifests(
  repo: Repository,
  paths: string[],
  cwd: string,
): { models: Loaded<Model>[]; datasets: Loaded<Dataset>[] } {
  if (paths.length === 0) return { models: repo.models, datasets: repo.datasets };
  const abs = paths.map((p) => resolve(cwd, p));
  const under = (file: string) => abs.some((p) => file === p || file.startsWith(p + sep) || p.startsWith(file + sep));
  const models = repo.models.filter((m) => under(m.abs) || abs.some((p) => p === m.dir || p.startsWith(m.dir + sep)));
  const datasets = repo.datasets.filter((d) => under(d.abs) || abs.includes(resolve(d.dir, d.value.spec.path)));
  return { models, datasets };
}

type Report = (pos: Pos, check: string, message: string, column?: string) => void;

async function checkArtifact(repo: Repository, m: Loaded<Model>, error: Report, warn: Report): Promise<void> {
  const spec = m.value.spec;
  const r = resolveInside(repo.root, m.dir, spec.artifact.path);
  const pos = at(m, ["spec", "artifact", "path"]);
  if (r.error) return error(pos, "path", r.error);
  if (!existsSync(r.abs)) {
    if (spec.training)
      return warn(
        pos,
        "path",
        `artifact ${spec.artifact.path} does not exist yet; run \`modelgate train ${m.value.metadata.name}\``,
      );
    return error(
      pos,
      "path",
      `artifact ${spec.artifact.path} does not exist (looked for ${repoRelative(repo.root, r.abs)})`,
    );
  }
  const digest = await sha256File(r.abs);
  if (!spec.artifact.sha256) {
    warn(
      at(m, ["spec", "artifact"]),
      "digest",
      `artifact has no sha256; run \`modelgate lock ${m.value.metadata.name}\``,
    );
  } else if (spec.artifact.sha256 !== digest) {
    error(
      at(m, ["spec", "artifact", "sha256"]),
      "digest",
      `sha256 of ${spec.artifact.path} is ${digest}, not the ${spec.artifact.sha256} the manifest records; if the new file is intended, run \`modelgate lock ${m.value.metadata.name}\``,
    );
  }
  let onnxModel: ReturnType<typeof readOnnxModel>;
  try {
    onnxModel = readOnnxModel(readFileSync(r.abs), spec.artifact.path);
  } catch (err) {
    return error(pos, "artifact", (err as Error).message);
  }
  // what evaluate refuses before reading data, reported here at the manifest lines (one shared check)
  const { problems } = planModelIo(onnxModel.signature, graphFacts(onnxModel.model), spec.task, {
    mode: spec.inputs.mode,
    tensor: spec.inputs.tensor,
    features: spec.inputs.features,
    outputs: spec.outputs,
    signature: spec.signature,
  });
  for (const p of problems) error(at(m, p.path), "signature", p.message);
}

/** Path, existence, digest and size of a dataset's file; returns its absolute path when it can be read. */
async function checkDataFile(
  repo: Repository,
  d: Loaded<Dataset>,
  error: Report,
  warn: Report,
): Promise<string | undefined> {
  const spec = d.value.spec;
  const r = resolveInside(repo.root, d.dir, spec.path);
  const pos = at(d, ["spec", "path"]);
  if (r.error) {
    error(pos, "path", r.error);
    return undefined;
  }
  if (!existsSync(r.abs)) {
    error(pos, "path", `data file ${spec.path} does not exist (looked for ${repoRelative(repo.root, r.abs)})`);
    return undefined;
  }
  const size = statSync(r.abs).size;
  if (spec.sizeBytes !== undefined && spec.sizeBytes !== size) {
    error(
      at(d, ["spec", "sizeBytes"]),
      "digest",
      `${spec.path} is ${size} bytes, not the ${spec.sizeBytes} the manifest records; run \`modelgate lock\` if the change is intended`,
    );
  }
  const digest = await sha256File(r.abs);
  if (!spec.sha256) warn(at(d, ["spec"]), "digest", `dataset has no sha256; run \`modelgate lock\``);
  else if (spec.sha256 !== digest) {
    error(
      at(d, ["spec", "sha256"]),
      "digest",
      `sha256 of ${spec.path} is ${digest}, not the ${spec.sha256} the manifest records; if the new data is intended, run \`modelgate lock\``,
    );
  }
  return r.abs;
}

async function checkData(
  repo: Repository,
  d: Loaded<Dataset>,
  file: string,
  hashColumns: string[] | undefined,
  error: Report,
  warn: Report,
): Promise<ScanResult | undefined> {
  const spec = d.value.spec;
  const name = repoRelative(repo.root, file);
  let scan: ScanResult;
  try {
    scan = await scanDataset(file, d.value, { displayName: name, hashColumns });
  } catch (err) {
    error(at(d, ["spec", "path"]), "data", (err as Error).message);
    return undefined;
  }
  const header = new Set(scan.header);
  for (const [i, c] of spec.columns.entries()) {
    const pos = at(d, ["spec", "columns", i]);
    if (!header.has(c.name)) {
      const near = didYouMean(c.name, header);
      error(
        pos,
        "data",
        `${name} has no column "${c.name}"${near ? `; did you mean "${near}"?` : `; it has: ${scan.header.join(", ")}`}`,
        c.name,
      );
      continue;
    }
    const s = scan.stats.get(c.name)!;
    const ex = (p: Problem) =>
      `${p.count} row${p.count === 1 ? "" : "s"} (first: row ${p.firstRow}${p.firstLine ? `, line ${p.firstLine}` : ""}; e.g. ${p.examples.map((e) => JSON.stringify(e)).join(", ")})`;
    if (s.typeErrors) error(pos, "data", `${name}: ${ex(s.typeErrors)} not of type ${c.type}`, c.name);
    if (s.nulls > 0 && !c.nullable)
      error(
        pos,
        "data",
        `${name}: ${s.nulls} null value${s.nulls === 1 ? "" : "s"} in a column declared nullable: false`,
        c.name,
      );
    const frac = scan.rows ? s.nulls / scan.rows : 0;
    if (c.maxNullFraction !== undefined && frac > c.maxNullFraction) {
      error(
        pos,
        "data",
        `${name}: null fraction ${frac.toFixed(4)} exceeds maxNullFraction ${c.maxNullFraction}`,
        c.name,
      );
    }
    if (s.belowMin) error(pos, "data", `${name}: ${ex(s.belowMin)} below min ${c.min}`, c.name);
    if (s.aboveMax) error(pos, "data", `${name}: ${ex(s.aboveMax)} above max ${c.max}`, c.name);
    if (s.notAllowed)
      error(pos, "data", `${name}: ${ex(s.notAllowed)} not among the allowed values [${c.values?.join(", ")}]`, c.name);
    if (s.duplicates) error(pos, "data", `${name}: ${ex(s.duplicates)} duplicate values in a unique column`, c.name);
  }
  const declared = new Set(spec.columns.map((c) => c.name));
  const undeclared = scan.header.filter((col) => !declared.has(col));
  for (const col of undeclared.slice(0, MAX_REPEATED)) {
    warn(at(d, ["spec", "columns"]), "data", `${name} has a column "${col}" that the manifest does not declare`, col);
  }
  if (undeclared.length > MAX_REPEATED) {
    const more = undeclared.length - MAX_REPEATED;
    warn(
      at(d, ["spec", "columns"]),
      "data",
      `${name} has ${undeclared.length.toLocaleString("en-US")} columns that the manifest does not declare (the first ${MAX_REPEATED} above), and ${more.toLocaleString("en-US")} more: ${undeclared
        .slice(MAX_REPEATED, MAX_REPEATED + 5)
        .map((c) => `"${c}"`)
        .join(", ")}${more > 5 ? ", …" : ""}; declare the ones the models use`,
    );
  }
  if (scan.uniqueByDuplicates) {
    error(
      at(d, ["spec", "checks", "uniqueBy"]),
      "data",
      `${name}: ${scan.uniqueByDuplicates.count} duplicate rows over [${spec.checks?.uniqueBy?.join(", ")}] (first: row ${scan.uniqueByDuplicates.firstRow}${scan.uniqueByDuplicates.firstLine ? `, line ${scan.uniqueByDuplicates.firstLine}` : ""})`,
    );
  }
  if (spec.rows !== undefined && spec.rows !== scan.rows) {
    error(
      at(d, ["spec", "rows"]),
      "data",
      `${name} has ${scan.rows} rows, not the ${spec.rows} the manifest records; run \`modelgate lock\` if the change is intended`,
    );
  }
  if (spec.checks?.minRows !== undefined && scan.rows < spec.checks.minRows) {
    error(
      at(d, ["spec", "checks", "minRows"]),
      "data",
      `${name} has ${scan.rows} rows, fewer than minRows ${spec.checks.minRows}`,
    );
  }
  if (spec.checks?.maxRows !== undefined && scan.rows > spec.checks.maxRows) {
    error(
      at(d, ["spec", "checks", "maxRows"]),
      "data",
      `${name} has ${scan.rows} rows, more than maxRows ${spec.checks.maxRows}`,
    );
  }
  return scan;
}

function checkLabel(m: Loaded<Model>, d: Loaded<Dataset>, scan: ScanResult, error: Report): void {
  const spec = m.value.spec;
  const s = scan.stats.get(spec.label.column);
  if (!s || !scan.header.includes(spec.label.column)) return;
  const pos = at(m, ["spec", "label", "column"]);
  const seen = [...s.distinct].sort();
  if (spec.task === "binary-classification" && (s.distinctOverflow || seen.length > 2)) {
    error(
      pos,
      "data",
      `binary-classification needs at most 2 label values, but "${spec.label.column}" in ${d.file} has ${s.distinctOverflow ? "more than 1000" : seen.length} (${seen.slice(0, 5).join(", ")}…)`,
      spec.label.column,
    );
  }
  if (spec.task === "multiclass-classification" && s.distinctOverflow) {
    error(
      pos,
      "data",
      `"${spec.label.column}" in ${d.file} has more than 1000 distinct values; is the task regression?`,
      spec.label.column,
    );
  }
  if (spec.label.classes && spec.task !== "regression") {
    const classes = new Set(spec.label.classes.map(String));
    const outside = seen.filter((v) => !classes.has(v));
    if (outside.length) {
      error(
        at(m, ["spec", "label", "classes"]),
        "data",
        `label values ${outside
          .slice(0, 5)
          .map((v) => JSON.stringify(v))
          .join(", ")} in ${d.file} are not among the declared classes [${spec.label.classes.join(", ")}]`,
        spec.label.column,
      );
    }
  }
  if (
    spec.task === "binary-classification" &&
    spec.label.positive !== undefined &&
    spec.label.classes &&
    !spec.label.classes.map(String).includes(String(spec.label.positive))
  ) {
    error(
      at(m, ["spec", "label", "positive"]),
      "reference",
      `positive class ${JSON.stringify(spec.label.positive)} is not among the classes [${spec.label.classes.join(", ")}]`,
    );
  }
}
