import { posix } from "node:path";
import { parse } from "yaml";
import { UserError } from "../errors.ts";
import type { DiffEntry, Git } from "../git/index.ts";
import { findDefaultBranch } from "../git/default-branch.ts";
import { isGitRepository, isShallowRepository } from "../git/worktree.ts";
import { CONFIG_FILE } from "../manifest/repo.ts";
import { MAX_SHARDS } from "../manifest/schema.ts";
import { isObjectUrl, parseLocation } from "../storage/location.ts";
import type { Workspace } from "../workspace/workspace.ts";
import {
  type DatasetFiles,
  type ModelFiles,
  type PlanIndex,
  type PlanResult,
  planChanges,
  planShards,
} from "./changes.ts";

export { type ShardJob, shardJobs } from "./changes.ts";
export type { PlanResult } from "./changes.ts";

export interface PlanOptions {
  /** The base ref; default: the default branch (GITHUB_BASE_REF in a pull request, else origin's HEAD, main, master). */
  base?: string;
  /** The head ref; default HEAD. */
  head?: string;
}

export interface Plan extends PlanResult {
  /** The commit compared from: the merge base of the base ref and the head, as GitHub compares a pull request. */
  base: string;
  /** The ref the base came from (as given, or as found). */
  baseRef: string;
  head: string;
  /** How many paths changed between the two. */
  changed: number;
  /** The model repository's root (absolute). */
  root: string;
  /** The folder of each planned model, relative to the root (what `validate PATH…` takes). */
  folders: string[];
}

/**
 * Reads what changed between the merge base of `base` and `head` (`git diff --name-status -M`) and the manifests of
 * the head commit (from git, not the working tree), and maps the changes to models (planChanges, pure). Git is asked
 * a fixed number of times whatever the size of the repository: rev-parse, merge-base, one diff, one ls-tree, two
 * cat-file batches. The default base comes from the workspace's environment (GITHUB_BASE_REF).
 */
export async function planRepository(ws: Workspace, opts: PlanOptions = {}): Promise<Plan> {
  const root = ws.root;
  const git = ws.git;
  const headRef = opts.head ?? "HEAD";
  const head = await git.revParse(headRef);
  if (!head) {
    if (!(await isGitRepository(git)))
      throw new UserError(`${root} is not in a git repository; plan compares commits, so run it in a git checkout`);
    throw new UserError(`--head ${headRef}: no such commit in ${root}`);
  }
  const baseRef = opts.base ?? (await defaultBranch(git, ws.env));
  const baseCommit = await git.revParse(baseRef);
  if (!baseCommit) {
    throw new UserError(
      `--base ${baseRef}: no such commit in ${root}${(await isShallowRepository(git)) ? " (this clone is shallow: fetch the history, e.g. actions/checkout with fetch-depth: 0)" : ""}`,
    );
  }
  const base = await git.mergeBase(baseCommit, head);
  if (!base) {
    throw new UserError(
      `${baseRef} and ${headRef} have no common ancestor${(await isShallowRepository(git)) ? " in this shallow clone; fetch the history (actions/checkout with fetch-depth: 0)" : ""}; pass --base REF`,
    );
  }
  const changes = await git.diffNames(base, head);
  const { index, shardFacts } = await readIndex(git, base, head, changes);
  // which models: from the manifests that can matter; how many jobs each: from every planned model's manifest
  const mapped = planChanges(changes, index);
  const result = { ...mapped, ...planShards(mapped.models, shardFacts(mapped.models)) };
  const dirOf = new Map(index.models.map((m) => [m.name, m.dir]));
  return {
    base,
    baseRef,
    head,
    changed: changes.length,
    root,
    folders: result.models.map((m) => dirOf.get(m)!),
    ...result,
  };
}

/** The default branch: the pull request's base in Actions, else origin's HEAD, else main or master. */
export async function defaultBranch(git: Git, env: NodeJS.ProcessEnv): Promise<string> {
  const { found, tried } = await findDefaultBranch(git, env.GITHUB_BASE_REF);
  if (found) return found.ref;
  throw await noDefaultBranch(git, tried);
}

/** The error when no candidate of the default branch names a commit: what was tried, and what to do. */
export async function noDefaultBranch(git: Git, tried: string[]): Promise<UserError> {
  return new UserError(
    `no default branch found (tried ${[...new Set(tried)].join(", ")})${(await isShallowRepository(git)) ? " in this shallow clone; fetch the history (actions/checkout with fetch-depth: 0) or" : ";"} pass --base REF`,
  );
}

/** A YAML file's plain value, or undefined when it does not parse (plan still maps a broken manifest by its folder). */
function yamlValue(text: string): any {
  try {
    return parse(text, { uniqueKeys: false });
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/**
 * A path written in a manifest, resolved from its folder; undefined when it leaves the repository or is a store URL.
 * `dvc.lock#OUT` is dvc.lock itself: the file a change to that output changes.
 */
function resolveFrom(dir: string, p: unknown): string | undefined {
  let s = str(p);
  if (!s || s.startsWith("/") || isObjectUrl(s)) return undefined;
  if (parseLocation(s).kind === "dvc") s = s.replace(/#.*$/, "");
  const r = posix.normalize(posix.join(dir, s)).replace(/\/$/, "");
  if (r === ".." || r.startsWith("../")) return undefined;
  return r === "." ? "" : r;
}

function pathsOf(config: any): { models: string; data: string } {
  const paths = config?.spec?.paths ?? {};
  const clean = (p: unknown, fallback: string) => posix.normalize(str(p) ?? fallback).replace(/\/$/, "");
  return { models: clean(paths.models, "models"), data: clean(paths.data, "data") };
}

/**
 * What plan needs of the head commit. Only the manifests that can matter are parsed (YAML parsing is most of plan's
 * time in a large monorepo). A change inside a model's folder needs no manifest to map it to that model; a changed
 * path reaches any other model only through a path written in its manifest that leaves its folder — which must
 * contain ".." — or through a dataset it names. So a Model manifest is parsed when its text holds "..", a backslash
 * (a YAML escape could spell anything), or the name of a touched dataset; a Dataset manifest when it changed, holds
 * a backslash, or holds the file name of a changed path.
 */
async function readIndex(
  git: Git,
  base: string,
  head: string,
  changes: DiffEntry[],
): Promise<{ index: PlanIndex; shardFacts: (planned: string[]) => Pick<PlanIndex, "models" | "datasets"> }> {
  const configChanged = changes.some((c) => c.path === CONFIG_FILE || c.from === CONFIG_FILE);
  const [headConfig, baseConfig] = await git.catFileBatch([
    `${head}:./${CONFIG_FILE}`,
    ...(configChanged ? [`${base}:./${CONFIG_FILE}`] : []),
  ]);
  const headPaths = pathsOf(headConfig ? yamlValue(headConfig.content.toString("utf8")) : undefined);
  const basePaths = configChanged
    ? pathsOf(baseConfig ? yamlValue(baseConfig.content.toString("utf8")) : undefined)
    : headPaths;

  const files = await git.listFiles(head, [headPaths.models, headPaths.data]);
  const modelPrefix = `${headPaths.models}/`;
  const dataPrefix = `${headPaths.data}/`;
  const manifests = new Map<string, string>(); // model name → manifest path (model.yaml before model.yml)
  const datasetFiles: string[] = [];
  for (const f of files) {
    if (f.startsWith(modelPrefix)) {
      const m = /^([^/]+)\/model\.(ya?ml)$/.exec(f.slice(modelPrefix.length));
      if (m && (m[2] === "yaml" || !manifests.has(m[1]))) manifests.set(m[1], f);
    }
    if (f.startsWith(dataPrefix) && /\.ya?ml$/.test(f)) datasetFiles.push(f);
  }
  const changed = [...new Set(changes.flatMap((c) => (c.from !== undefined ? [c.from, c.path] : [c.path])))].filter(
    (p) => p !== CONFIG_FILE,
  );
  const changedSet = new Set(changed);
  const changedNames = [...new Set(changed.map((p) => posix.basename(p)))];
  const baseDatasetFiles = changes
    .filter((c) => c.status !== "A")
    .map((c) => c.from ?? c.path)
    .filter((p) => p.startsWith(`${basePaths.data}/`) && /\.ya?ml$/.test(p));

  const modelEntries = [...manifests];
  const blobs = await git.catFileBatch([
    ...datasetFiles.map((f) => `${head}:./${f}`),
    ...baseDatasetFiles.map((f) => `${base}:./${f}`),
    ...(changed.length ? modelEntries.map(([, f]) => `${head}:./${f}`) : []),
  ]);
  const text = (i: number) => blobs[i]?.content.toString("utf8") ?? "";

  const dataset = (file: string, t: string, force: boolean): DatasetFiles | undefined => {
    if (!force && !t.includes("\\") && !changedNames.some((n) => t.includes(n))) return undefined;
    const value = yamlValue(t);
    const name = str(value?.metadata?.name);
    if (!name || value?.kind !== "Dataset") return undefined;
    const rows = value?.spec?.rows;
    return {
      name,
      manifest: file,
      data: resolveFrom(posix.dirname(file), value?.spec?.path),
      ...(Number.isSafeInteger(rows) && rows >= 0 ? { rows: rows as number } : {}),
    };
  };
  const datasets = datasetFiles.flatMap((f, i) => dataset(f, text(i), changedSet.has(f)) ?? []);
  const baseDatasets = baseDatasetFiles.flatMap((f, i) => dataset(f, text(datasetFiles.length + i), true) ?? []);
  // The datasets the change touches; a model manifest is parsed only when it names one or may leave its folder.
  const touched = [...datasets, ...baseDatasets]
    .filter((d) => changedSet.has(d.manifest) || (d.data !== undefined && changedSet.has(d.data)))
    .map((d) => d.name);
  const offset = datasetFiles.length + baseDatasetFiles.length;
  const modelText = (i: number) => (changed.length ? text(offset + i) : "");
  const models: ModelFiles[] = modelEntries.map(([name, file], i) => {
    const t = modelText(i);
    const sharded = /\bshards\s*:/.test(t);
    if (!t.includes("..") && !t.includes("\\") && !touched.some((d) => t.includes(d)) && !sharded)
      return { name, dir: posix.dirname(file), datasets: [] };
    return modelFiles(name, file, t);
  });
  const index: PlanIndex = {
    config: CONFIG_FILE,
    modelDirs: [...new Set([headPaths.models, basePaths.models])],
    models,
    datasets,
    baseDatasets,
  };
  // The facts that split an evaluation, for the planned models only: each one's manifest, and the locked row count
  // of the dataset it evaluates on (a Dataset manifest is parsed only when its text holds that dataset's name).
  const shardFacts = (planned: string[]) => {
    const want = new Set(planned);
    const full = modelEntries.map(([name, file], i) =>
      want.has(name) ? modelFiles(name, file, modelText(i)) : models[i],
    );
    const needed = new Set(full.flatMap((m) => (want.has(m.name) && m.evaluationDataset ? [m.evaluationDataset] : [])));
    const known = new Map(datasets.map((d) => [d.name, d]));
    const found = datasetFiles.flatMap((f, i) => {
      const t = text(i);
      if (![...needed].some((n) => !known.has(n) && t.includes(n))) return [];
      const d = dataset(f, t, true);
      return d && needed.has(d.name) && !known.has(d.name) ? [d] : [];
    });
    return { models: full, datasets: [...datasets, ...found] };
  };
  return { index, shardFacts };
}

/** What plan needs of a Model manifest's text (parsed). */
function modelFiles(name: string, file: string, t: string): ModelFiles {
  const dir = posix.dirname(file);
  const spec = yamlValue(t)?.spec ?? {};
  const n = spec.evaluation?.shards;
  const rows = spec.evaluation?.shardRows;
  const training = spec.training && typeof spec.training === "object" ? spec.training : undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const evaluationDataset = list(spec.evaluation?.datasets)[0];
  return {
    name,
    dir,
    artifact: resolveFrom(dir, spec.artifact?.path),
    output: training ? resolveFrom(dir, training.output) : undefined,
    workdir: training ? resolveFrom(dir, training.workdir ?? ".") : undefined,
    datasets: [...list(training?.datasets), ...list(spec.evaluation?.datasets)],
    ...(Number.isInteger(n) && n >= 1 && n <= MAX_SHARDS ? { shards: n as number } : {}),
    ...(Number.isInteger(rows) && rows >= 1 ? { shardRows: rows as number } : {}),
    ...(evaluationDataset ? { evaluationDataset } : {}),
  };
}
