import type { DiffEntry } from "../git/index.ts";
import { DEFAULT_SHARD_ROWS, MAX_SHARDS } from "../manifest/schema.ts";

/**
 * Which models a change touches: pure logic over the changed paths and what the manifests at the head commit say.
 * Paths are relative to the model repository's root (the folder of modelgate.yaml), with forward slashes.
 */

/** What plan needs of a Model manifest: the files that make up the model. */
export interface ModelFiles {
  name: string;
  /** The model's folder, e.g. models/churn (manifest, card and, usually, artifact and training code). */
  dir: string;
  /** spec.artifact.path resolved from the folder. */
  artifact?: string;
  /** spec.training.output resolved from the folder. */
  output?: string;
  /** spec.training.workdir resolved from the folder (a folder; "" for the repository root). */
  workdir?: string;
  /** spec.training.datasets and spec.evaluation.datasets. */
  datasets: string[];
  /** spec.evaluation.shards: the jobs its evaluation is split into (absent: by shardRows). */
  shards?: number;
  /** spec.evaluation.shardRows: split automatically above this many rows (absent: DEFAULT_SHARD_ROWS). */
  shardRows?: number;
  /** spec.evaluation.datasets[0]: the dataset evaluate reads, whose row count decides automatic sharding. */
  evaluationDataset?: string;
}

/** What plan needs of a Dataset manifest. */
export interface DatasetFiles {
  name: string;
  manifest: string;
  /** spec.path resolved from the manifest's folder. */
  data?: string;
  /** spec.rows: the row count `lock` wrote. */
  rows?: number;
}

/** The repository as the head commit has it (and the few manifests of the base commit a change removed). */
export interface PlanIndex {
  config: string;
  /** spec.paths.models at head and at base (the same unless modelgate.yaml moved them). */
  modelDirs: string[];
  models: ModelFiles[];
  datasets: DatasetFiles[];
  /** Dataset manifests as the base commit had them, for changed manifests (a dataset renamed or removed). */
  baseDatasets: DatasetFiles[];
}

export interface PlanResult {
  /** The models to validate, train and evaluate, sorted. */
  models: string[];
  /** For each of them, the changed paths that put it in the plan, sorted. */
  reasons: Record<string, string[]>;
  /** Models whose manifest the change removes (and that were not renamed). */
  deleted: string[];
  /** Models whose folder the change moved: `to` is also in `models`. */
  renamed: { from: string; to: string }[];
  /** Planned models evaluated in more than one job (spec.evaluation.shards, or automatically), and how many. */
  shards: Record<string, number>;
  /** Of those, the models split automatically: the dataset's locked rows above the threshold (shardRows). */
  autoShards?: Record<string, AutoShards>;
}

/** Why a model's evaluation was split without spec.evaluation.shards: its dataset's rows above shardRows. */
export interface AutoShards {
  dataset: string;
  rows: number;
  shardRows: number;
}

/**
 * The shard jobs of each planned model (pure): spec.evaluation.shards when the manifest sets it (1 keeps one job);
 * else, when the evaluation dataset's locked row count exceeds shardRows (default DEFAULT_SHARD_ROWS),
 * ceil(rows / shardRows) jobs, at most MAX_SHARDS. A dataset without a locked row count is not split.
 */
export function planShards(
  models: string[],
  index: Pick<PlanIndex, "models" | "datasets">,
): Pick<PlanResult, "shards" | "autoShards"> {
  const byName = new Map(index.models.map((m) => [m.name, m]));
  const rows = new Map(index.datasets.flatMap((d) => (d.rows !== undefined ? [[d.name, d.rows] as const] : [])));
  const shards: Record<string, number> = {};
  const autoShards: Record<string, AutoShards> = {};
  for (const name of models) {
    const m = byName.get(name);
    if (!m) continue;
    if (m.shards !== undefined) {
      if (m.shards > 1) shards[name] = m.shards;
      continue;
    }
    const n = m.evaluationDataset !== undefined ? rows.get(m.evaluationDataset) : undefined;
    const shardRows = m.shardRows ?? DEFAULT_SHARD_ROWS;
    if (n === undefined || n <= shardRows) continue;
    shards[name] = Math.min(MAX_SHARDS, Math.ceil(n / shardRows));
    autoShards[name] = { dataset: m.evaluationDataset!, rows: n, shardRows };
  }
  return { shards, ...(Object.keys(autoShards).length > 0 ? { autoShards } : {}) };
}

/** One job of a sharded evaluation, as a matrix entry: the model, `I/N` for `evaluate --shard`, I and N. */
export interface ShardJob {
  model: string;
  shard: string;
  index: number;
  count: number;
}

/** Every shard job of the plan, model by model: what the pull request workflow's shard matrix runs. */
export function shardJobs(shards: Record<string, number>): ShardJob[] {
  return Object.entries(shards)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([model, count]) =>
      Array.from({ length: count }, (_, i) => ({ model, shard: `${i + 1}/${count}`, index: i + 1, count })),
    );
}

/** The model folder a path is in (`models/<name>/…` → name), for any of the models folders. */
function modelOfPath(path: string, modelDirs: string[]): string | undefined {
  for (const dir of modelDirs) {
    const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash > 0) return rest.slice(0, slash);
  }
  return undefined;
}

/** The model whose manifest this is (`<models>/<name>/model.yaml`), or undefined. */
function manifestOf(path: string, modelDirs: string[]): string | undefined {
  const name = modelOfPath(path, modelDirs);
  if (!name) return undefined;
  return modelDirs.some((dir) => {
    const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
    return path === `${prefix}${name}/model.yaml` || path === `${prefix}${name}/model.yml`;
  })
    ? name
    : undefined;
}

/** True when `path` is `folder` or inside it ("" is the whole repository). */
function inside(path: string, folder: string): boolean {
  return folder === "" || path === folder || path.startsWith(`${folder}/`);
}

/** Maps every changed path to the models it affects. */
export function planChanges(changes: DiffEntry[], index: PlanIndex): PlanResult {
  const reasons = new Map<string, Set<string>>();
  const touch = (model: string, path: string) => {
    let s = reasons.get(model);
    if (!s) reasons.set(model, (s = new Set()));
    s.add(path);
  };
  const byName = new Map(index.models.map((m) => [m.name, m]));
  const usersOf = (dataset: string) => index.models.filter((m) => m.datasets.includes(dataset));

  // Paths of each dataset (manifest and data file), at head and, for changed manifests, at base.
  const datasetOfPath = new Map<string, Set<string>>();
  for (const d of [...index.datasets, ...index.baseDatasets]) {
    for (const p of [d.manifest, d.data]) {
      if (!p) continue;
      let s = datasetOfPath.get(p);
      if (!s) datasetOfPath.set(p, (s = new Set()));
      s.add(d.name);
    }
  }

  const removed = new Set<string>(); // models whose manifest left their folder
  const added = new Set<string>(); // models whose manifest arrived in their folder
  const moves = new Map<string, number>(); // "from\0to": files moved from one model folder to another
  for (const c of changes) {
    const paths = c.from !== undefined ? [c.from, c.path] : [c.path];
    const gone = c.status === "D" ? c.path : c.status === "R" ? c.from : undefined;
    const came = c.status === "A" || c.status === "R" || c.status === "C" ? c.path : undefined;
    const left = gone !== undefined ? manifestOf(gone, index.modelDirs) : undefined;
    const arrived = came !== undefined ? manifestOf(came, index.modelDirs) : undefined;
    if (left) removed.add(left);
    if (arrived) added.add(arrived);
    if (c.status === "R" && c.from !== undefined) {
      const a = modelOfPath(c.from, index.modelDirs);
      const b = modelOfPath(c.path, index.modelDirs);
      if (a && b && a !== b) moves.set(`${a}\0${b}`, (moves.get(`${a}\0${b}`) ?? 0) + 1);
    }
    for (const p of paths) {
      if (p === index.config) {
        for (const m of index.models) touch(m.name, p);
        continue;
      }
      const folder = modelOfPath(p, index.modelDirs);
      if (folder && byName.has(folder)) touch(folder, p);
      for (const m of index.models) {
        if (p === m.artifact || p === m.output || (m.workdir !== undefined && inside(p, m.workdir))) touch(m.name, p);
      }
      for (const d of datasetOfPath.get(p) ?? []) for (const m of usersOf(d)) touch(m.name, p);
    }
  }

  // A model is renamed when its manifest left its folder, the model is gone at head, and files moved from its
  // folder into the folder of a model that the change adds (the most files, when several).
  const gone = [...removed].filter((name) => !byName.has(name)).sort();
  const renamed: PlanResult["renamed"] = [];
  const taken = new Set<string>();
  for (const from of gone) {
    const targets = [...moves]
      .map(([k, n]) => ({ pair: k.split("\0"), n }))
      .filter(({ pair }) => pair[0] === from && added.has(pair[1]) && byName.has(pair[1]) && !taken.has(pair[1]))
      .sort((x, y) => y.n - x.n || x.pair[1].localeCompare(y.pair[1]));
    if (targets.length === 0) continue;
    renamed.push({ from, to: targets[0].pair[1] });
    taken.add(targets[0].pair[1]);
  }
  const deleted = gone.filter((name) => !renamed.some((r) => r.from === name));
  const models = [...reasons.keys()].sort();
  return {
    models,
    reasons: Object.fromEntries(models.map((m) => [m, [...reasons.get(m)!].sort()])),
    deleted,
    renamed,
    ...planShards(models, index),
  };
}
