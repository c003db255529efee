/**
 * Gathers what the report needs — manifests, evaluation records, validation findings, ONNX signatures — and judges
 * each model. I/O lives here; rendering (markdown.ts, card.ts) and judging (gates.ts) stay pure.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { UserError } from "../errors.ts";
import type { Finding } from "../manifest/findings.ts";
import {
  findModel,
  type Loaded,
  loadRepository,
  type Repository,
  repoRelative,
  resolveInside,
} from "../manifest/repo.ts";
import type { Model } from "../manifest/schema.ts";
import { graphFacts, type OnnxSignature, readOnnxModel, type ZipMapNode } from "../onnx/signature.ts";
import { checkRecordBinding, staleRecordMessage } from "../records/bind.ts";
import { cachedCopy, isRemote } from "../storage/source.ts";
import { type EvaluationRecord, RECORDS_DIR } from "../records/evaluation.ts";
import { type ValidateResult, validateRepository } from "../validate/validate.ts";
import {
  CARD_FILE,
  type CardApproval,
  type CardDataset,
  type CardInput,
  renderCardSummary,
  trainingRecordOf,
} from "./card.ts";
import { type GateResult, judge, modelFindings, worst } from "./gates.ts";
import type { ModelReport } from "./markdown.ts";
import {
  type LoadedRecord,
  loadArtifact,
  loadRecordsDir,
  modelsWithRecords,
  type RecordSet,
  type Refused,
} from "./read-records.ts";
import { compareRecords } from "./recompute.ts";

export interface BuildOptions {
  /** Where to start looking for the repository (modelgate.yaml); relative --records and --from-artifact start here. */
  cwd: string;
  /** The repository, when the caller has already loaded it (a Workspace's): loaded once, validated from it. */
  repo?: Repository;
  /** Models to report on; default: every model with a record. */
  models?: string[];
  /** Folder of records as `evaluate` writes them (default .modelgate/evaluations under the root). */
  recordsDir?: string;
  /** An artifact folder of untrusted records (fork-safe workflows). Excludes recordsDir. */
  fromArtifact?: string;
  /** Validation: run it (default), skip it (false), or use a result the caller already has. */
  validation?: boolean | ValidateResult;
  /** Validate manifests and digests only, without reading data files. */
  skipData?: boolean;
  /** For the model card's details, when known. */
  pr?: { number: number; url?: string };
  approvals?: CardApproval[];
  /**
   * For records an untrusted run made (a fork's): recompute each one, and judge and show the recomputation instead.
   * Where the record differs from it, or it cannot be made, the model fails.
   */
  recompute?: (model: Loaded<Model>, claimed: LoadedRecord) => Promise<Recomputation>;
}

/** A record recomputed by this run, or why it could not be. */
export interface Recomputation {
  record?: EvaluationRecord;
  error?: string;
  /** What was evaluated, e.g. the ONNX file's path in the artifact. */
  source?: string;
}

/** The result every recomputed model gets: whether its own record agreed with the recomputation. */
function trustResult(name: string, claimed: LoadedRecord, rc: Recomputation): GateResult {
  const base = { index: -1, label: "recomputed by this run", path: ["metadata", "name"] };
  if (!rc.record) {
    return {
      ...base,
      status: "fail",
      reason: `the record ${claimed.file} came from an untrusted run and could not be recomputed: ${rc.error}`,
    };
  }
  const diff = compareRecords(claimed.record, rc.record);
  if (diff.length === 0) {
    return {
      ...base,
      status: "pass",
      reason: `the record ${claimed.file} matches the numbers recomputed from ${rc.source ?? "its candidate"} on this branch's manifests and data; those are shown`,
    };
  }
  return {
    ...base,
    status: "fail",
    reason: `the record ${claimed.file} does not match the numbers recomputed from ${rc.source ?? "its candidate"} on this branch's manifests and data (${diff.length} difference${diff.length === 1 ? "" : "s"}: ${diff.slice(0, 3).join("; ")}${diff.length > 3 ? "; …" : ""}); the recomputed numbers are shown, and ${name} fails`,
  };
}

export interface BuiltReport {
  root: string;
  repo: Repository;
  models: ModelReport[];
  /** The card input of each model, for writeModelCard. */
  cards: Map<string, CardInput>;
  /** The loaded manifest of each model (for annotations: `at(manifest, path)`). */
  manifests: Map<string, Loaded<Model>>;
  refused: Refused[];
}

function signatureOf(repo: Repository, m: Loaded<Model>): { signature?: OnnxSignature; zipMaps?: ZipMapNode[] } {
  const art = m.value.spec.artifact;
  const copy = isRemote(art.path) ? cachedCopy(process.env, { sha256: art.sha256, size: art.sizeBytes }) : undefined;
  const r = copy ? { abs: copy } : resolveInside(repo.root, m.dir, art.path);
  if ("error" in r && r.error) return {};
  try {
    const { model, signature } = readOnnxModel(readFileSync(r.abs), m.value.spec.artifact.path);
    return { signature, zipMaps: graphFacts(model).zipMaps };
  } catch {
    return {}; // not there yet (trained later) or not ONNX: validation says so
  }
}

/** The card input for a model, from the repository and its record. */
export function cardInputFor(
  repo: Repository,
  m: Loaded<Model>,
  record: ModelReport["record"],
  extra: Pick<BuildOptions, "pr" | "approvals"> = {},
): CardInput {
  const spec = m.value.spec;
  const uses = new Map<string, CardDataset["uses"]>();
  for (const n of spec.training?.datasets ?? []) uses.set(n, [...(uses.get(n) ?? []), "training"]);
  for (const n of spec.evaluation.datasets) uses.set(n, [...(uses.get(n) ?? []), "evaluation"]);
  const datasets: CardDataset[] = [...uses].map(([name, u]) => {
    const d = repo.datasets.find((x) => x.value.metadata.name === name);
    return { name, file: d?.file, value: d?.value, uses: u };
  });
  return {
    model: m.value,
    record: record && record.model.name === m.value.metadata.name ? record : undefined,
    datasets,
    ...signatureOf(repo, m),
    training: trainingRecordOf(repo.root, m.value.metadata.name),
    pr: extra.pr,
    approvals: extra.approvals,
  };
}

/** Loads, validates and judges: one ModelReport per model, ready for renderReport. */
export async function buildReport(opts: BuildOptions): Promise<BuiltReport> {
  const repo = opts.repo ?? loadRepository(opts.cwd);
  const root = repo.root;
  let records: RecordSet;
  let names = opts.models && opts.models.length > 0 ? [...new Set(opts.models)] : undefined;
  let where: (name: string) => string;
  if (opts.fromArtifact) {
    if (opts.recordsDir) throw new UserError("--records and --from-artifact exclude each other; pass one");
    const dir = resolve(opts.cwd, opts.fromArtifact);
    records = loadArtifact(dir);
    for (const [name, r] of records.byModel) {
      if (!repo.models.some((m) => m.value.metadata.name === name)) {
        records.refused.push({ file: r.file, reason: `names model ${name}, which this repository does not have` });
        records.byModel.delete(name);
      }
    }
    names ??= [...records.byModel.keys()].sort();
    where = () => `in the artifact ${opts.fromArtifact}`;
  } else {
    const dir = opts.recordsDir
      ? isAbsolute(opts.recordsDir)
        ? opts.recordsDir
        : resolve(opts.cwd, opts.recordsDir)
      : join(root, RECORDS_DIR);
    names ??= modelsWithRecords(dir).filter((n) => repo.models.some((m) => m.value.metadata.name === n));
    records = loadRecordsDir(dir, names);
    const shown = repoRelative(root, dir);
    where = (name) => `${shown.startsWith("..") ? dir : shown}/${name}.json`;
  }
  if (names.length === 0) {
    throw new UserError(
      opts.fromArtifact
        ? `no evaluation records in the artifact ${opts.fromArtifact}${records.refused.length ? ` (refused: ${records.refused.map((r) => `${r.file}: ${r.reason}`).join("; ")})` : ""}; check the upload step of the evaluate job`
        : `no evaluation records found; run \`modelgate evaluate\` first, or name the models to report on`,
    );
  }
  const manifests = new Map(names.map((n) => [n, findModel(repo, n)]));
  // A record from this checkout's evaluation must describe the bytes in front of us: the candidate file, the version
  // and the data. (An artifact's records come from another checkout — the pull request's — and are not bound here.)
  const stale = new Map<string, string>();
  if (!opts.fromArtifact) {
    for (const [name, loaded] of records.byModel) {
      const m = manifests.get(name);
      if (!m) continue;
      const mismatches = await checkRecordBinding(loaded.record, m, repo);
      if (mismatches.length > 0) stale.set(name, staleRecordMessage(name, mismatches));
    }
  }

  let validation: ValidateResult | undefined;
  if (opts.validation === undefined || opts.validation === true) {
    validation = await validateRepository(root, {
      paths: [...manifests.values()].map((m) => m.dir),
      skipData: opts.skipData,
      repo,
    });
  } else if (opts.validation !== false) {
    validation = opts.validation;
  }
  const findings: Finding[] | undefined = validation?.findings;
  const datasetFiles = new Map(repo.datasets.map((d) => [d.value.metadata.name, d.file]));

  const models: ModelReport[] = [];
  const cards = new Map<string, CardInput>();
  for (const name of names) {
    const m = manifests.get(name)!;
    let loaded = stale.has(name) ? undefined : records.byModel.get(name);
    let trust: GateResult | undefined;
    if (loaded && opts.recompute) {
      const rc = await opts.recompute(m, loaded);
      trust = trustResult(name, loaded, rc);
      loaded = rc.record ? { record: rc.record, file: loaded.file } : undefined;
    }
    const judgeInput = {
      model: m.value,
      record: loaded?.record,
      recordPath: where(name),
      recordRefused: stale.get(name),
      findings,
      modelFile: m.file,
      datasetFiles,
    };
    const card = cardInputFor(repo, m, loaded?.record, opts);
    cards.set(name, card);
    const trainSet = m.value.spec.training?.datasets[0];
    const train = trainSet ? repo.datasets.find((d) => d.value.metadata.name === trainSet) : undefined;
    const verdict = judge(judgeInput);
    if (trust) {
      // A record that could not be recomputed is not missing: the trust result says what happened to it.
      verdict.results = [trust, ...verdict.results.filter((r) => !(r.index === -1 && r.label === "evaluation record"))];
      verdict.status = worst(verdict.results.map((r) => r.status));
    }
    models.push({
      model: m.value,
      modelFile: m.file,
      record: loaded?.record,
      recordFile: loaded?.file,
      verdict,
      findings: findings ? modelFindings(judgeInput) : undefined,
      card: renderCardSummary(card),
      cardFile: `${m.file.replace(/[^/]*$/, "")}${CARD_FILE}`,
      drift: validation?.drift
        .filter((d) => d.model === name)
        .map(({ dataset, psi, p, level, unjudged }) => ({ dataset, psi, p, level, unjudged })),
      driftNotChecked: validation?.driftNotChecked.filter((d) => d.model === name).map((d) => d.reason),
      driftLimits: { ...repo.config.spec.drift, ...(train?.value.spec.drift ?? {}) },
    });
  }
  return { root, repo, models, cards, manifests, refused: records.refused };
}
