import { resolve, sep } from "node:path";
import type { ScanResult } from "../data/scan.ts";
import { sha256File } from "../data/hash.ts";
import { type Finding, sortFindings } from "../manifest/findings.ts";
import { type Loaded, loadRepositoryLazily, type Repository } from "../manifest/loaded.ts";
import { YamlNotLoaded } from "../manifest/source.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import { checkData, checkLabel } from "./data.ts";
import {
  checkModelDrift,
  checkReferenceDrift,
  type DriftRead,
  type DriftResult,
  driftCounter,
  driftKey,
  plannedDrift,
} from "./drift-checks.ts";
import { openGit } from "../git/index.ts";
import type { StorageContext } from "../storage/source.ts";
import { type ArtifactFacts, checkArtifact, checkDataFile, type RemoteCheck } from "./files.ts";
import { checkLabelMapping } from "./label-mapping.ts";
import { checkLeakage, type Leakage, rowHashColumns } from "./leakage.ts";
import { checkDatasetReferences, checkGates, checkModelColumns } from "./references.ts";
import type { Reporter } from "./reporter.ts";
import { checkVersionBumps, type VersionBase } from "./versions.ts";

export type { DriftResult } from "./drift-checks.ts";
export type { RemoteCheck } from "./files.ts";

export interface ValidateOptions {
  /** Only manifests under these paths (files or folders), plus the datasets their models use. */
  paths?: string[];
  /** Skip reading data files (schema, references and digests only). */
  skipData?: boolean;
  onProgress?: (message: string) => void;
  /** A repository already loaded (the caller's workspace): used as is, not loaded again. */
  repo?: Repository;
  /**
   * Compare each model's version with the base branch's manifest (a pull request's check, src/validate/versions.ts):
   * the repository's git, and the environment that names the base (GITHUB_BASE_REF).
   */
  versions?: VersionBase;
  /** How remote files are read (default: `env`, git at the repository root). */
  storage?: StorageContext;
  /** The command's environment: credentials, endpoints and MODELGATE_CACHE (default: this process's). */
  env?: NodeJS.ProcessEnv;
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
  leakage: Leakage[];
  /** Remote files (store URLs, DVC outputs) and git-lfs pointers, and how each was checked (downloaded or not). */
  remote: RemoteCheck[];
}

/** A finding repeated for many columns of one file is shown this many times, then summed up ("and 49,990 more"). */
/**
 * Validates a model repository: schema, references, paths, digests, data checks, leakage and drift. Each check is a
 * named function (references.ts, files.ts, data.ts, leakage.ts, drift-checks.ts) reporting findings at manifest
 * lines; this function runs them in order over the selected manifests and collects what they found.
 */
export async function validateRepository(cwd: string, opts: ValidateOptions = {}): Promise<ValidateResult> {
  const repo = opts.repo ?? (await loadRepositoryLazily(cwd));
  const { findings, report, placed } = collector(repo.findings);
  const selected = selectManifests(repo, opts.paths ?? [], cwd);
  const datasetByName = new Map(repo.datasets.map((d) => [d.value.metadata.name, d]));
  const remote: RemoteCheck[] = [];
  let git: ReturnType<typeof openGit> | undefined;
  const storage: StorageContext = opts.storage ?? {
    env: opts.env ?? process.env,
    s3ForcePathStyle: repo.config.spec.storage?.s3?.forcePathStyle,
    get git() {
      git ??= openGit(repo.root, { env: opts.env });
      return git;
    },
  };

  // Models: references, columns, gates, artifact path/digest/signature.
  const usedDatasets = new Set(selected.datasets.map((d) => d.value.metadata.name));
  const artifacts: { m: Loaded<Model>; artifact: ArtifactFacts }[] = [];
  for (const m of selected.models) {
    for (const n of checkDatasetReferences(repo, m, datasetByName, report.error)) usedDatasets.add(n);
    checkModelColumns(m, datasetByName, report.error);
    checkGates(m, report.error);
    artifacts.push({ m, artifact: await checkArtifact(repo, m, report.error, report.warn, storage, remote) });
  }
  // The version check waits on git processes: they run while this thread reads the data. Its findings are sorted in
  // with the rest at the end, and its error, if any, is the one thrown (as when it ran first).
  const versions = opts.versions ? checkVersionBumps(artifacts, opts.versions, report) : undefined;
  versions?.catch(() => undefined);

  // Datasets: path, digest, size, data checks.
  const checkedDatasets = repo.datasets.filter((d) => usedDatasets.has(d.value.metadata.name));
  const files = new Map<string, DriftRead>();
  let scans: Map<string, ScanResult>;
  try {
    scans = await scanDatasets(repo, checkedDatasets, rowHashColumns(selected.models), opts, report, {
      storage,
      remote,
      files,
      labels: selected.models.map((m) => m.value.spec.label.column),
      drift: (d) => plannedDrift(d, selected.models, datasetByName),
    });
  } catch (err) {
    await versions;
    throw err;
  }
  await versions;

  // Label fits task; leakage; drift.
  const drift: ValidateResult["drift"] = [];
  const driftNotChecked: ValidateResult["driftNotChecked"] = [];
  const leakage: ValidateResult["leakage"] = [];
  for (const [i, m] of selected.models.entries()) {
    const spec = m.value.spec;
    const io = artifacts[i].artifact.io;
    for (const n of spec.evaluation.datasets) {
      const scan = scans.get(n);
      const d = datasetByName.get(n);
      if (scan && d) checkLabel(m, d, scan, report.error);
      if (scan && d && io) checkLabelMapping(m, d, scan, io, report.error);
    }
    for (const n of spec.evaluation.datasets) {
      const shared = checkLeakage(m, n, scans, report.error);
      if (shared) leakage.push(shared);
      const found = await checkModelDrift(repo, m, n, datasetByName, opts.skipData === true, report, files);
      if (found && "drift" in found) drift.push(found.drift);
      else if (found) driftNotChecked.push({ model: m.value.metadata.name, dataset: n, reason: found.notChecked });
    }
  }
  // Datasets compared with a reference of their own (spec.drift.reference), e.g. a new month against training data.
  for (const d of checkedDatasets) {
    const found = await checkReferenceDrift(repo, d, datasetByName, opts.skipData === true, report, files);
    if (found) drift.push(found);
  }

  await placed();
  return {
    root: repo.root,
    findings: sortFindings(findings),
    models: selected.models.map((m) => m.value.metadata.name),
    datasets: checkedDatasets.map((d) => d.value.metadata.name),
    drift,
    driftNotChecked,
    leakage,
    remote,
  };
}

/**
 * A list of findings, starting with `initial` (copied), the two ways checks add to it, and `placed()`, to await
 * before reading the list: a finding whose line only yaml's document can give (./manifest/source.ts: the manifests
 * were read without yaml) keeps its place in the list and is made once yaml is loaded.
 */
export function collector(initial: Finding[] = []): {
  findings: Finding[];
  report: Reporter;
  placed: () => Promise<void>;
} {
  const findings: Finding[] = [...initial];
  const later: { at: number; make: () => Finding }[] = [];
  const add = (make: () => Finding) => {
    try {
      findings.push(make());
    } catch (err) {
      if (!(err instanceof YamlNotLoaded)) throw err;
      later.push({ at: findings.length, make });
      findings.push(undefined as unknown as Finding);
    }
  };
  return {
    findings,
    report: {
      error: (pos, check, message, column) =>
        add(() => ({ severity: "error", check, ...pos, message, ...(column ? { column } : {}) })),
      warn: (pos, check, message, column) =>
        add(() => ({ severity: "warning", check, ...pos, message, ...(column ? { column } : {}) })),
    },
    placed: async () => {
      if (later.length === 0) return;
      await import("../manifest/yaml.ts");
      for (const { at, make } of later.splice(0)) findings[at] = make();
    },
  };
}

/** Each dataset's file checked (path, size, digest) and, unless skipData, read once and checked against its columns. */
async function scanDatasets(
  repo: Repository,
  datasets: Loaded<Dataset>[],
  hashCols: Map<string, string[]>,
  opts: ValidateOptions,
  { error, warn }: Reporter,
  out: {
    storage: StorageContext;
    remote: RemoteCheck[];
    files: Map<string, DriftRead>;
    /** The models' label columns: the only columns whose distinct values the checks read (checkLabel). */
    labels: string[];
    /** The drift checks that will read the dataset: counted in the same read. */
    drift: (d: Loaded<Dataset>) => ReturnType<typeof plannedDrift>;
  },
): Promise<Map<string, ScanResult>> {
  const scans = new Map<string, ScanResult>();
  for (const d of datasets) {
    const skip = opts.skipData === true;
    const found = await checkDataFile(repo, d, error, warn, out.storage, out.remote, skip);
    if (!found || skip) continue;
    const read: DriftRead = { file: found.file, display: found.display };
    out.files.set(d.value.metadata.name, read);
    opts.onProgress?.(`checking data ${found.display}`);
    let digest: string | undefined;
    const verify = found.checkDigest ? { onDigest: (sha: string) => (digest = sha) } : undefined;
    const hashColumns = hashCols.get(d.value.metadata.name);
    const counters = new Map(
      out.drift(d).map((p) => [driftKey(p.reference, p.columns), driftCounter(p.reference, d, p.columns)]),
    );
    const scan = await checkData(repo, d, found.file, error, warn, {
      display: found.display,
      hashColumns,
      verify,
      counters: [...counters.values()],
      distinct: out.labels,
    });
    if (scan) scans.set(d.value.metadata.name, scan);
    if (scan && counters.size > 0) read.counted = { header: scan.header, counters };
    // a file the checks could not read through is hashed on its own
    found.checkDigest?.(digest ?? (await sha256File(found.file)));
  }
  return scans;
}

/** The manifests under `paths` (files or folders; every manifest when none), with the datasets their paths name. */
export function selectManifests(
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
