import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, posix } from "node:path";
import { sha256Bytes, sha256File } from "../data/hash.ts";
import { CheckFailed } from "../errors.ts";
import { columnClasses, declaredPositive, labelKey, sortKeys } from "../evaluate/classes.ts";
import { blobText } from "../git/blob-text.ts";
import type { Git } from "../git/index.ts";
import { sha256Of } from "../ledger/canonical.ts";
import type { LedgerEntry } from "../ledger/ledger.ts";
import { readManifestsAt } from "../manifest/at-commit.ts";
import type { Repository } from "../manifest/repo.ts";
import type { Dataset, Model } from "../manifest/schema.ts";
import { type EvaluationRecord, evaluationRecordSchema } from "../records/evaluation.ts";
import { modelManifestPaths } from "../records/model-manifest-paths.ts";
import type { Segment } from "./history.ts";

/**
 * A version that served rows of the window, as the GitOps history holds it: the promotion record that put it there,
 * the model bytes and manifest at the commit that was published (checked against the record's digest), its
 * evaluation record (checked against the digest the promotion record cites), and the Dataset it was evaluated on
 * (manifest and data file at that commit, checked against the dataset digest). Nothing is taken from the work tree
 * unless its bytes are the ones the records name.
 */
export interface VersionFacts {
  index: number;
  segment: Segment;
  entry: LedgerEntry;
  manifest: Model;
  bytes: Uint8Array;
  evaluation: EvaluationRecord;
  /** The evaluation Dataset (the first of spec.evaluation.datasets) at the published commit. */
  dataset?: { name: string; file: string; value: Dataset; dataPath?: string };
  notes: string[];
}

/** Loads a version; `scratch` is a folder for data files read from git (the caller removes it). */
export async function loadVersion(
  git: Git,
  tip: string,
  repo: Repository,
  index: number,
  segment: Segment,
  entry: LedgerEntry,
  scratch: string,
): Promise<VersionFacts> {
  const r = entry.record;
  const what = `${r.model.name} ${r.model.version} (promotion record #${r.sequence})`;
  const bytes = await git.showBytes(r.source, r.model.path);
  if (!bytes) {
    throw new CheckFailed(
      `${what}: ${r.model.path} is not in the published commit ${r.source.slice(0, 12)} (stored with git LFS, or not committed?); monitor scores with the exact model that ran`,
    );
  }
  if (sha256Bytes(bytes) !== r.model.sha256) {
    throw new CheckFailed(
      `${what}: ${r.model.path} at ${r.source.slice(0, 12)} has sha256 ${sha256Bytes(bytes)}, not ${r.model.sha256} as the record says`,
    );
  }
  const paths = modelManifestPaths(repo.config.spec.paths.models, r.model);
  const manifests = await readManifestsAt(git, r.source, paths, "Model");
  const found = manifests.find((m) => m.value);
  if (!found?.value) {
    throw new CheckFailed(
      `${what}: no valid model manifest at ${r.source.slice(0, 12)} (looked at ${paths.join(", ")})`,
    );
  }
  const evalText = await blobText(git, tip, r.evaluation.path);
  if (evalText === undefined)
    throw new CheckFailed(`${what}: its evaluation record ${r.evaluation.path} is not on the GitOps branch`);
  if (sha256Of(evalText) !== r.evaluation.record) {
    throw new CheckFailed(
      `${what}: ${r.evaluation.path} has digest ${sha256Of(evalText)}, not ${r.evaluation.record} as the promotion record cites; the record is stale or was edited (\`modelgate audit verify\`)`,
    );
  }
  const evaluation = evaluationRecordSchema.parse(JSON.parse(evalText));
  const v: VersionFacts = {
    index,
    segment,
    entry,
    manifest: found.value,
    bytes: new Uint8Array(bytes),
    evaluation,
    notes: [],
  };
  v.dataset = await evaluationDataset(git, repo, v, scratch);
  return v;
}

/** The version's evaluation Dataset at the published commit, and a readable copy of its data file. */
async function evaluationDataset(
  git: Git,
  repo: Repository,
  v: VersionFacts,
  scratch: string,
): Promise<VersionFacts["dataset"]> {
  const r = v.entry.record;
  const name = v.manifest.spec.evaluation.datasets[0];
  const data = repo.config.spec.paths.data.replace(/\/+$/, "");
  const here = repo.datasets.find((d) => d.value.metadata.name === name)?.file;
  const candidates = [...new Set([...(here ? [here] : []), `${data}/${name}.yaml`])];
  const at = await readManifestsAt(git, r.source, candidates, "Dataset");
  const found = at.find((d) => d.value);
  if (!found?.value) {
    v.notes.push(
      `the evaluation dataset "${name}" has no valid manifest at ${r.source.slice(0, 12)}; drift has no reference`,
    );
    return undefined;
  }
  const value = found.value;
  const cited = r.data.find((d) => d.name === name)?.sha256;
  const dir = posix.dirname(found.file);
  const rel = posix.normalize(posix.join(dir === "." ? "" : dir, value.spec.path));
  let dataPath: string | undefined;
  const want = cited ?? value.spec.sha256;
  const local = join(repo.root, rel);
  if (existsSync(local) && statSync(local).isFile() && want && (await sha256File(local)) === want) dataPath = local;
  else {
    const bytes = await git.showBytes(r.source, rel);
    if (bytes && (!want || sha256Bytes(bytes) === want)) {
      dataPath = join(scratch, `${v.index}-${basename(rel)}`);
      await writeFile(dataPath, bytes);
    } else
      v.notes.push(
        `${rel} (the evaluation data of ${r.model.version}) is not in git at ${r.source.slice(0, 12)} with the digest its records cite; the prediction's drift and the CBPE estimate need it scored`,
      );
  }
  return { name, file: found.file, value, ...(dataPath ? { dataPath } : {}) };
}

export async function scratchFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "modelgate-monitor-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A binary classifier's positive class and the column of its output that holds its score, as evaluation reads them
 * (src/evaluate/classes.ts: the model's own classes, else spec.label.classes; spec.label.positive, else the larger
 * class). `observed`: labels seen in data, when there are any.
 */
export function positiveClass(
  m: Model,
  source: string,
  width: number,
  classLabels: string[] | undefined,
  observed: string[] = [],
): { column: number; label: string } {
  const label = m.spec.label;
  const counts = new Map(observed.map((k) => [k, 1]));
  const cols = width > 1 ? columnClasses(source, width, classLabels, label, counts, "the reference").labels : undefined;
  const classes = label.classes?.map(labelKey) ?? cols ?? sortKeys(observed);
  const pos = declaredPositive(label, classes, cols === undefined) ?? sortKeys(classes)[classes.length - 1] ?? "1";
  const column = cols ? cols.indexOf(pos) : 0;
  if (width > 2 || column < 0) {
    throw new CheckFailed(
      `${source}: cannot find the positive class "${pos}" among the model's ${width} probability columns (classes [${cols?.join(", ") ?? "unknown"}]); spec.label.positive must be one of its classes`,
    );
  }
  return { column, label: pos };
}
