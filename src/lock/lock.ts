import { existsSync, readFileSync, statSync } from "node:fs";
import { sha256File } from "../data/hash.ts";
import { ProfileCounter, quantileEdges } from "../data/profile.ts";
import { scanDataset } from "../data/scan.ts";
import { UserError } from "../errors.ts";
import { findModel, type Loaded, loadRepository, type Repository, repoRelative } from "../manifest/repo.ts";
import type { Dataset, Model, Profile } from "../manifest/schema.ts";
import type { Path } from "../manifest/yaml.ts";
import { blockDigests, DEFAULT_BLOCK_BYTES } from "../storage/blocks.ts";
import { currentFile, resolveSource, type StorageContext, storageContext } from "../storage/source.ts";
import { readOnnxSignature } from "../onnx/signature.ts";
import type { Workspace } from "../workspace/workspace.ts";
import { applyLock, type LockChange, type Measured, planLock } from "./edits.ts";

export { applyLock, type LockChange, type LockPlan, planLock } from "./edits.ts";

/**
 * `modelgate lock`: recomputes what nobody should type by hand — digests, sizes, row counts, profiles, a missing ONNX
 * signature — into the manifests. Three steps: measure the files (`measureForLock`, the only reads), plan the edits
 * from what was measured (`planLock`, pure: a manifest whose values did not change is left out; one that did keeps
 * its comments, layout, line endings and spacing, src/manifest/edit.ts), then write them (`applyLock`). Measuring
 * everything before writing anything means a missing file stops lock before any manifest changes. Idempotent.
 */
export async function lockRepository(
  at: Workspace | string,
  modelNames: string[] = [],
  onProgress?: (m: string) => void,
): Promise<LockChange[]> {
  const repo = typeof at === "string" ? loadRepository(at) : at.repo;
  const storage = typeof at === "string" ? { env: process.env } : storageContext(at);
  return applyLock(planLock(await measureForLock(repo, modelNames, onProgress, storage)));
}

/**
 * The manifests lock recomputes: the named models and the datasets they train or evaluate on, or every manifest.
 * Refuses a repository with broken manifests (lock writes into them).
 */
export function lockSelection(
  repo: Repository,
  modelNames: string[],
): { models: Loaded<Model>[]; datasets: Loaded<Dataset>[] } {
  const broken = repo.findings.filter((f) => f.severity === "error");
  if (broken.length) {
    const first = broken[0];
    throw new UserError(
      `${broken.length} manifest problem(s) must be fixed before lock can write (first: ${first.file}:${first.line}:${first.col}: ${first.message}); run \`modelgate validate\``,
    );
  }
  const models = modelNames.length ? modelNames.map((n) => findModel(repo, n)) : repo.models;
  const used = new Set(
    models.flatMap((m) => [...(m.value.spec.training?.datasets ?? []), ...m.value.spec.evaluation.datasets]),
  );
  const datasets = modelNames.length ? repo.datasets.filter((d) => used.has(d.value.metadata.name)) : repo.datasets;
  return { models, datasets };
}

/** Reads the files of the selected manifests and measures the values lock writes: datasets first, then models. */
export async function measureForLock(
  repo: Repository,
  modelNames: string[],
  onProgress?: (m: string) => void,
  storage: StorageContext = { env: process.env },
): Promise<Measured[]> {
  const { models, datasets } = lockSelection(repo, modelNames);
  const measured: Measured[] = [];
  for (const d of datasets) {
    onProgress?.(`locking ${d.file}`);
    measured.push({ manifest: d, values: await measureDataset(repo.root, d, storage) });
  }
  for (const m of models) measured.push({ manifest: m, values: await measureModel(repo.root, m, storage) });
  return measured;
}

async function measureDataset(root: string, d: Loaded<Dataset>, storage: StorageContext): Promise<[Path, unknown][]> {
  const spec = d.value.spec;
  const src = resolveSource(root, d.dir, spec.path);
  if (src.kind === "file" && src.error) throw new UserError(src.error, { file: d.file });
  if (src.kind === "file" && !existsSync(src.abs))
    throw new UserError(`data file ${spec.path} does not exist`, { file: d.file });
  // a remote file is read through the cache (and a git-lfs pointer fetched): lock measures the bytes it names
  const got = await currentFile(storage, src, { sha256: spec.sha256, size: spec.sizeBytes });
  const displayName = src.kind === "file" ? repoRelative(root, src.abs) : spec.path;
  const v = await datasetLockValues(got.file, d.value, displayName);
  const values: [Path, unknown][] = [
    [["spec", "sha256"], v.sha256],
    [["spec", "sizeBytes"], v.sizeBytes],
    [["spec", "rows"], v.rows],
  ];
  if (v.profile) values.push([["spec", "profile"], v.profile]);
  // per-block digests: a shard job of a remote file fetches and checks only the blocks of its part (storage/blocks.ts)
  const blockSize = spec.blocks?.size ?? (v.sizeBytes > DEFAULT_BLOCK_BYTES ? DEFAULT_BLOCK_BYTES : undefined);
  if (blockSize !== undefined)
    values.push([["spec", "blocks"], { size: blockSize, sha256: await blockDigests(got.file, blockSize) }]);
  return values;
}

/**
 * What lock writes into a Dataset manifest for a data file: its digest, size, rows and profile (decile bins of the
 * numeric features and slices, the most frequent values of the others). Also used for a data file that is not in the
 * work tree (a retraining pull request's new window of data, src/monitor/retrain.ts).
 */
export async function datasetLockValues(
  abs: string,
  dataset: Dataset,
  displayName: string,
): Promise<{ sha256: string; sizeBytes: number; rows: number; profile?: Profile }> {
  const spec = dataset.spec;
  const sizeBytes = statSync(abs).size;
  const profiled = spec.columns.filter((c) => c.role === "feature" || c.role === "slice");
  const numeric = profiled.filter((c) => c.type === "float" || c.type === "integer").map((c) => c.name);
  // one pass for the digest (taken as the bytes are read), the row count and a sample of each numeric column (its
  // bin edges), a second to count the bins
  let digest: string | undefined;
  const verify = { onDigest: (d: string) => (digest = d) };
  const first = await scanDataset(abs, dataset, { sampleColumns: numeric, displayName, verify });
  const sha256 = digest ?? (await sha256File(abs));
  if (!profiled.length) return { sha256, sizeBytes, rows: first.rows };
  const counter = new ProfileCounter();
  for (const c of profiled) {
    if (numeric.includes(c.name))
      counter.addNumericColumn(c.name, quantileEdges(first.samples?.get(c.name)?.values ?? []));
    else counter.addCategoricalColumn(c.name);
  }
  await scanDataset(abs, dataset, { counter, displayName });
  return { sha256, sizeBytes, rows: first.rows, profile: counter.result() };
}

async function measureModel(root: string, m: Loaded<Model>, storage: StorageContext): Promise<[Path, unknown][]> {
  const spec = m.value.spec;
  const src = resolveSource(root, m.dir, spec.artifact.path);
  if (src.kind === "file" && src.error) throw new UserError(src.error, { file: m.file });
  if (src.kind === "file" && !existsSync(src.abs)) return [];
  const got = await currentFile(storage, src, { sha256: spec.artifact.sha256, size: spec.artifact.sizeBytes });
  const values: [Path, unknown][] = [[["spec", "artifact", "sha256"], got.sha256 ?? (await sha256File(got.file))]];
  // a remote artifact is pinned by its size too (a local one is in front of every reader)
  if (src.kind === "remote") values.push([["spec", "artifact", "sizeBytes"], statSync(got.file).size]);
  if (!spec.signature) {
    const sig = readOnnxSignature(readFileSync(got.file), spec.artifact.path);
    const strip = (t: { name: string; type: string; shape: (number | string)[]; kind: string }) =>
      t.kind === "tensor" ? { name: t.name, type: t.type, shape: t.shape } : { name: t.name, type: t.type };
    values.push([["spec", "signature"], { inputs: sig.inputs.map(strip), outputs: sig.outputs.map(strip) }]);
  }
  return values;
}
