import { createRequire } from 'node:module';
import { d as isGitRepository, g as isShallowRepository, a8 as findDefaultBranch } from './hot-validate-BotGmJiZ.js';
import { D as DEFAULT_SHARD_ROWS, g as MAX_SHARDS } from './chunk-LYRQXBMV-BXHYPiyi.js';
import { r as require_dist } from './chunk-YZUBQ7DK-DHQLuxFL.js';
import { y as isObjectUrl, p as parseLocation, C as CONFIG_FILE } from './hot-validate-audit-verify-C-_o6MJ0.js';
import { _ as __toESM, U as UserError } from './hot-help-validate-audit-verify-aYLtKKnG.js';
import { posix } from 'node:path';

const require$1 = createRequire(import.meta.url);

// src/plan/run.ts
var import_yaml = __toESM(require_dist(), 1);

// src/plan/changes.ts
function planShards(models, index) {
  const byName = new Map(index.models.map((m) => [m.name, m]));
  const rows = new Map(index.datasets.flatMap((d) => d.rows !== void 0 ? [[d.name, d.rows]] : []));
  const shards = {};
  const autoShards = {};
  for (const name of models) {
    const m = byName.get(name);
    if (!m) continue;
    if (m.shards !== void 0) {
      if (m.shards > 1) shards[name] = m.shards;
      continue;
    }
    const n = m.evaluationDataset !== void 0 ? rows.get(m.evaluationDataset) : void 0;
    const shardRows = m.shardRows ?? DEFAULT_SHARD_ROWS;
    if (n === void 0 || n <= shardRows) continue;
    shards[name] = Math.min(MAX_SHARDS, Math.ceil(n / shardRows));
    autoShards[name] = { dataset: m.evaluationDataset, rows: n, shardRows };
  }
  return { shards, ...Object.keys(autoShards).length > 0 ? { autoShards } : {} };
}
function shardJobs(shards) {
  return Object.entries(shards).sort(([a], [b]) => a.localeCompare(b)).flatMap(
    ([model, count]) => Array.from({ length: count }, (_, i) => ({ model, shard: `${i + 1}/${count}`, index: i + 1, count }))
  );
}
function modelOfPath(path, modelDirs) {
  for (const dir of modelDirs) {
    const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash > 0) return rest.slice(0, slash);
  }
  return void 0;
}
function manifestOf(path, modelDirs) {
  const name = modelOfPath(path, modelDirs);
  if (!name) return void 0;
  return modelDirs.some((dir) => {
    const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
    return path === `${prefix}${name}/model.yaml` || path === `${prefix}${name}/model.yml`;
  }) ? name : void 0;
}
function inside(path, folder) {
  return folder === "" || path === folder || path.startsWith(`${folder}/`);
}
function planChanges(changes, index) {
  const reasons = /* @__PURE__ */ new Map();
  const touch = (model, path) => {
    let s = reasons.get(model);
    if (!s) reasons.set(model, s = /* @__PURE__ */ new Set());
    s.add(path);
  };
  const byName = new Map(index.models.map((m) => [m.name, m]));
  const usersOf = (dataset) => index.models.filter((m) => m.datasets.includes(dataset));
  const datasetOfPath = /* @__PURE__ */ new Map();
  for (const d of [...index.datasets, ...index.baseDatasets]) {
    for (const p of [d.manifest, d.data]) {
      if (!p) continue;
      let s = datasetOfPath.get(p);
      if (!s) datasetOfPath.set(p, s = /* @__PURE__ */ new Set());
      s.add(d.name);
    }
  }
  const removed = /* @__PURE__ */ new Set();
  const added = /* @__PURE__ */ new Set();
  const moves = /* @__PURE__ */ new Map();
  for (const c of changes) {
    const paths = c.from !== void 0 ? [c.from, c.path] : [c.path];
    const gone2 = c.status === "D" ? c.path : c.status === "R" ? c.from : void 0;
    const came = c.status === "A" || c.status === "R" || c.status === "C" ? c.path : void 0;
    const left = gone2 !== void 0 ? manifestOf(gone2, index.modelDirs) : void 0;
    const arrived = came !== void 0 ? manifestOf(came, index.modelDirs) : void 0;
    if (left) removed.add(left);
    if (arrived) added.add(arrived);
    if (c.status === "R" && c.from !== void 0) {
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
        if (p === m.artifact || p === m.output || m.workdir !== void 0 && inside(p, m.workdir)) touch(m.name, p);
      }
      for (const d of datasetOfPath.get(p) ?? []) for (const m of usersOf(d)) touch(m.name, p);
    }
  }
  const gone = [...removed].filter((name) => !byName.has(name)).sort();
  const renamed = [];
  const taken = /* @__PURE__ */ new Set();
  for (const from of gone) {
    const targets = [...moves].map(([k, n]) => ({ pair: k.split("\0"), n })).filter(({ pair }) => pair[0] === from && added.has(pair[1]) && byName.has(pair[1]) && !taken.has(pair[1])).sort((x, y) => y.n - x.n || x.pair[1].localeCompare(y.pair[1]));
    if (targets.length === 0) continue;
    renamed.push({ from, to: targets[0].pair[1] });
    taken.add(targets[0].pair[1]);
  }
  const deleted = gone.filter((name) => !renamed.some((r) => r.from === name));
  const models = [...reasons.keys()].sort();
  return {
    models,
    reasons: Object.fromEntries(models.map((m) => [m, [...reasons.get(m)].sort()])),
    deleted,
    renamed,
    ...planShards(models, index)
  };
}

// src/plan/run.ts
async function planRepository(ws, opts = {}) {
  const root = ws.root;
  const git = ws.git;
  const headRef = opts.head ?? "HEAD";
  const head = await git.revParse(headRef);
  if (!head) {
    if (!await isGitRepository(git))
      throw new UserError(`${root} is not in a git repository; plan compares commits, so run it in a git checkout`);
    throw new UserError(`--head ${headRef}: no such commit in ${root}`);
  }
  const baseRef = opts.base ?? await defaultBranch(git, ws.env);
  const baseCommit = await git.revParse(baseRef);
  if (!baseCommit) {
    throw new UserError(
      `--base ${baseRef}: no such commit in ${root}${await isShallowRepository(git) ? " (this clone is shallow: fetch the history, e.g. actions/checkout with fetch-depth: 0)" : ""}`
    );
  }
  const base = await git.mergeBase(baseCommit, head);
  if (!base) {
    throw new UserError(
      `${baseRef} and ${headRef} have no common ancestor${await isShallowRepository(git) ? " in this shallow clone; fetch the history (actions/checkout with fetch-depth: 0)" : ""}; pass --base REF`
    );
  }
  const changes = await git.diffNames(base, head);
  const { index, shardFacts } = await readIndex(git, base, head, changes);
  const mapped = planChanges(changes, index);
  const result = { ...mapped, ...planShards(mapped.models, shardFacts(mapped.models)) };
  const dirOf = new Map(index.models.map((m) => [m.name, m.dir]));
  return {
    base,
    baseRef,
    head,
    changed: changes.length,
    root,
    folders: result.models.map((m) => dirOf.get(m)),
    ...result
  };
}
async function defaultBranch(git, env) {
  const { found, tried } = await findDefaultBranch(git, env.GITHUB_BASE_REF);
  if (found) return found.ref;
  throw await noDefaultBranch(git, tried);
}
async function noDefaultBranch(git, tried) {
  return new UserError(
    `no default branch found (tried ${[...new Set(tried)].join(", ")})${await isShallowRepository(git) ? " in this shallow clone; fetch the history (actions/checkout with fetch-depth: 0) or" : ";"} pass --base REF`
  );
}
function yamlValue(text) {
  try {
    return (0, import_yaml.parse)(text, { uniqueKeys: false });
  } catch {
    return void 0;
  }
}
var str = (v) => typeof v === "string" && v.length > 0 ? v : void 0;
function resolveFrom(dir, p) {
  let s = str(p);
  if (!s || s.startsWith("/") || isObjectUrl(s)) return void 0;
  if (parseLocation(s).kind === "dvc") s = s.replace(/#.*$/, "");
  const r = posix.normalize(posix.join(dir, s)).replace(/\/$/, "");
  if (r === ".." || r.startsWith("../")) return void 0;
  return r === "." ? "" : r;
}
function pathsOf(config) {
  const paths = config?.spec?.paths ?? {};
  const clean = (p, fallback) => posix.normalize(str(p) ?? fallback).replace(/\/$/, "");
  return { models: clean(paths.models, "models"), data: clean(paths.data, "data") };
}
async function readIndex(git, base, head, changes) {
  const configChanged = changes.some((c) => c.path === CONFIG_FILE || c.from === CONFIG_FILE);
  const [headConfig, baseConfig] = await git.catFileBatch([
    `${head}:./${CONFIG_FILE}`,
    ...configChanged ? [`${base}:./${CONFIG_FILE}`] : []
  ]);
  const headPaths = pathsOf(headConfig ? yamlValue(headConfig.content.toString("utf8")) : void 0);
  const basePaths = configChanged ? pathsOf(baseConfig ? yamlValue(baseConfig.content.toString("utf8")) : void 0) : headPaths;
  const files = await git.listFiles(head, [headPaths.models, headPaths.data]);
  const modelPrefix = `${headPaths.models}/`;
  const dataPrefix = `${headPaths.data}/`;
  const manifests = /* @__PURE__ */ new Map();
  const datasetFiles = [];
  for (const f of files) {
    if (f.startsWith(modelPrefix)) {
      const m = /^([^/]+)\/model\.(ya?ml)$/.exec(f.slice(modelPrefix.length));
      if (m && (m[2] === "yaml" || !manifests.has(m[1]))) manifests.set(m[1], f);
    }
    if (f.startsWith(dataPrefix) && /\.ya?ml$/.test(f)) datasetFiles.push(f);
  }
  const changed = [...new Set(changes.flatMap((c) => c.from !== void 0 ? [c.from, c.path] : [c.path]))].filter(
    (p) => p !== CONFIG_FILE
  );
  const changedSet = new Set(changed);
  const changedNames = [...new Set(changed.map((p) => posix.basename(p)))];
  const baseDatasetFiles = changes.filter((c) => c.status !== "A").map((c) => c.from ?? c.path).filter((p) => p.startsWith(`${basePaths.data}/`) && /\.ya?ml$/.test(p));
  const modelEntries = [...manifests];
  const blobs = await git.catFileBatch([
    ...datasetFiles.map((f) => `${head}:./${f}`),
    ...baseDatasetFiles.map((f) => `${base}:./${f}`),
    ...changed.length ? modelEntries.map(([, f]) => `${head}:./${f}`) : []
  ]);
  const text = (i) => blobs[i]?.content.toString("utf8") ?? "";
  const dataset = (file, t, force) => {
    if (!force && !t.includes("\\") && !changedNames.some((n) => t.includes(n))) return void 0;
    const value = yamlValue(t);
    const name = str(value?.metadata?.name);
    if (!name || value?.kind !== "Dataset") return void 0;
    const rows = value?.spec?.rows;
    return {
      name,
      manifest: file,
      data: resolveFrom(posix.dirname(file), value?.spec?.path),
      ...Number.isSafeInteger(rows) && rows >= 0 ? { rows } : {}
    };
  };
  const datasets = datasetFiles.flatMap((f, i) => dataset(f, text(i), changedSet.has(f)) ?? []);
  const baseDatasets = baseDatasetFiles.flatMap((f, i) => dataset(f, text(datasetFiles.length + i), true) ?? []);
  const touched = [...datasets, ...baseDatasets].filter((d) => changedSet.has(d.manifest) || d.data !== void 0 && changedSet.has(d.data)).map((d) => d.name);
  const offset = datasetFiles.length + baseDatasetFiles.length;
  const modelText = (i) => changed.length ? text(offset + i) : "";
  const models = modelEntries.map(([name, file], i) => {
    const t = modelText(i);
    const sharded = /\bshards\s*:/.test(t);
    if (!t.includes("..") && !t.includes("\\") && !touched.some((d) => t.includes(d)) && !sharded)
      return { name, dir: posix.dirname(file), datasets: [] };
    return modelFiles(name, file, t);
  });
  const index = {
    config: CONFIG_FILE,
    modelDirs: [.../* @__PURE__ */ new Set([headPaths.models, basePaths.models])],
    models,
    datasets,
    baseDatasets
  };
  const shardFacts = (planned) => {
    const want = new Set(planned);
    const full = modelEntries.map(
      ([name, file], i) => want.has(name) ? modelFiles(name, file, modelText(i)) : models[i]
    );
    const needed = new Set(full.flatMap((m) => want.has(m.name) && m.evaluationDataset ? [m.evaluationDataset] : []));
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
function modelFiles(name, file, t) {
  const dir = posix.dirname(file);
  const spec = yamlValue(t)?.spec ?? {};
  const n = spec.evaluation?.shards;
  const rows = spec.evaluation?.shardRows;
  const training = spec.training && typeof spec.training === "object" ? spec.training : void 0;
  const list = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
  const evaluationDataset = list(spec.evaluation?.datasets)[0];
  return {
    name,
    dir,
    artifact: resolveFrom(dir, spec.artifact?.path),
    output: training ? resolveFrom(dir, training.output) : void 0,
    workdir: training ? resolveFrom(dir, training.workdir ?? ".") : void 0,
    datasets: [...list(training?.datasets), ...list(spec.evaluation?.datasets)],
    ...Number.isInteger(n) && n >= 1 && n <= MAX_SHARDS ? { shards: n } : {},
    ...Number.isInteger(rows) && rows >= 1 ? { shardRows: rows } : {},
    ...evaluationDataset ? { evaluationDataset } : {}
  };
}

export { defaultBranch as d, noDefaultBranch as n, planRepository as p, shardJobs as s };
