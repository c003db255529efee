import { createRequire } from 'node:module';
import { c as compareNames, b as positionOf, e as checkConfig, p as plainManifest, f as findingLocation } from './hot-validate-plan-verify-C9JqfCVv.js';
import { C as CONFIG_FILE, A as API_VERSION, d as findRoot, o as openGit } from './hot-validate-plan-audit-verify-DglurztO.js';
import { U as UserError } from './hot-help-validate-plan-audit-verify-CiDATK95.js';
import { realpathSync, existsSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { sep, relative, join, resolve, dirname, isAbsolute } from 'node:path';

const require$4 = createRequire(import.meta.url);
var toPosix = (p) => p.split(sep).join("/");
var inside = (x, base) => x === base || x.startsWith(base + sep);
function refuseOutside(root, realRoot, abs) {
  const real = realpathSync(abs);
  if (!inside(real, realRoot)) {
    throw new UserError(
      `${toPosix(relative(root, abs))} is a symlink to ${real}, outside the repository; copy the manifest into the repository instead`
    );
  }
  return real;
}
function yamlFiles(root, realRoot, dir, seen = /* @__PURE__ */ new Set()) {
  if (!existsSync(dir)) return [];
  const real = refuseOutside(root, realRoot, dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name))) {
    const p = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      if (!existsSync(p)) continue;
      if (!/\.ya?ml$/.test(entry.name) && !statSync(p).isDirectory()) continue;
      const st = statSync(refuseOutside(root, realRoot, p));
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir) out.push(...yamlFiles(root, realRoot, p, seen));
    else if (isFile && /\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out;
}
function configuredDir(root, realRoot, cfg, key, p) {
  const abs = resolve(root, p);
  const fail = (why) => {
    throw new UserError(
      `spec.paths.${key} "${p}" ${why}; name a folder inside the repository, relative to ${CONFIG_FILE}`,
      cfg ? { file: cfg.file, ...positionOf(cfg.src, ["spec", "paths", key]) } : { file: CONFIG_FILE }
    );
  };
  if (!inside(abs, resolve(root))) fail(`points outside the repository (to ${abs})`);
  if (existsSync(abs)) {
    const real = realpathSync(abs);
    if (!inside(real, realRoot)) fail(`is a symlink to ${real}, outside the repository`);
  }
  return abs;
}
function defaultConfig() {
  const config = checkConfig({ apiVersion: API_VERSION, kind: "Config", metadata: { name: "default" } });
  if (!config) throw new Error("internal: the schema's default configuration was not accepted");
  return config;
}
function readRepository(start, parse) {
  const root = findRoot(start);
  const realRoot = realpathSync(root);
  const findings = [];
  const invalid = [];
  const load = (abs, kind) => {
    refuseOutside(root, realRoot, abs);
    const file = toPosix(relative(root, abs));
    let text;
    try {
      if (statSync(abs).isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
      text = readFileSync(abs, "utf8");
    } catch (err) {
      const code = err.code;
      findings.push({
        severity: "error",
        check: "yaml",
        file,
        message: code === "EISDIR" ? `this is a folder, not a file: the ${kind} manifest must be a YAML file here; move the folder away and write the manifest in its place` : `cannot read this file (${err.message}); check that it is a readable file`
      });
      invalid.push({ kind, file });
      return void 0;
    }
    const r = parse(file, text, kind);
    findings.push(...r.findings);
    if (!r.manifest?.value) {
      const name = r.manifest?.src.doc.getIn(["metadata", "name"]);
      invalid.push({ kind, file, ...typeof name === "string" ? { name } : {} });
      return void 0;
    }
    return { file, abs, dir: dirname(abs), src: r.manifest.src, value: r.manifest.value };
  };
  const configFile = load(join(root, CONFIG_FILE), "Config");
  const config = configFile?.value ?? defaultConfig();
  const modelsDir = configuredDir(root, realRoot, configFile, "models", config.spec.paths.models);
  const dataDir = configuredDir(root, realRoot, configFile, "data", config.spec.paths.data);
  configuredDir(root, realRoot, configFile, "deploy", config.spec.paths.deploy);
  const models = [];
  if (existsSync(modelsDir)) {
    for (const entry of readdirSync(modelsDir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name))) {
      const folder = join(modelsDir, entry.name);
      if (entry.isSymbolicLink()) {
        if (!existsSync(folder) || !statSync(refuseOutside(root, realRoot, folder)).isDirectory()) continue;
      } else if (!entry.isDirectory()) continue;
      const file = ["model.yaml", "model.yml"].map((f) => join(modelsDir, entry.name, f)).find((f) => existsSync(f));
      if (!file) continue;
      const m = load(file, "Model");
      if (!m) continue;
      if (m.value.metadata.name !== entry.name) {
        findings.push({
          severity: "error",
          check: "reference",
          file: m.file,
          ...positionOf(m.src, ["metadata", "name"]),
          message: `metadata.name "${m.value.metadata.name}" differs from its folder "${entry.name}"; rename one so they match`
        });
      }
      models.push(m);
    }
  }
  const datasets = [];
  const seen = /* @__PURE__ */ new Map();
  for (const file of yamlFiles(root, realRoot, dataDir)) {
    const d = load(file, "Dataset");
    if (!d) continue;
    const other = seen.get(d.value.metadata.name);
    if (other) {
      findings.push({
        severity: "error",
        check: "reference",
        file: d.file,
        ...positionOf(d.src, ["metadata", "name"]),
        message: `dataset name "${d.value.metadata.name}" is also used by ${other}; dataset names must be unique`
      });
      continue;
    }
    seen.set(d.value.metadata.name, d.file);
    datasets.push(d);
  }
  return { root, config, configFile, models, datasets, findings, invalid };
}
var NeedsFullReader = class extends Error {
};
async function loadRepositoryLazily(start) {
  try {
    const repo = readRepository(start, (file, text, kind) => {
      const r = plainManifest(file, text, kind);
      if (!r || r.findings.length > 0) throw new NeedsFullReader();
      return r;
    });
    if (repo.findings.length === 0) return repo;
  } catch {
  }
  const { parseManifest } = await import('./yaml-5PRH3N5I-DTHxVKBt.js');
  return readRepository(start, parseManifest);
}
function findModel(repo, name) {
  const m = repo.models.find((x) => x.value.metadata.name === name);
  if (m) return m;
  const broken = repo.findings.find(
    (f) => f.severity === "error" && f.file.startsWith(`${repo.config.spec.paths.models}/${name}/`)
  );
  if (broken)
    throw new UserError(
      `model "${name}" has an invalid manifest: ${findingLocation(broken)}: ${broken.message}; run \`modelgate validate\` to see every problem`
    );
  const names = repo.models.map((x) => x.value.metadata.name);
  throw new UserError(
    `no model named "${name}" in ${repo.root}${names.length ? ` (models: ${names.join(", ")})` : ""}`
  );
}
function findDataset(repo, name) {
  return repo.datasets.find((d) => d.value.metadata.name === name);
}
function missingDataset(repo, name) {
  const bad = repo.invalid.find((x) => x.kind === "Dataset" && x.name === name);
  if (bad) {
    const first = repo.findings.find((f) => f.file === bad.file && f.severity === "error");
    return `the Dataset manifest ${bad.file} is invalid${first ? ` (${findingLocation(first)}: ${first.message})` : ""}; run \`modelgate validate\` to see every problem`;
  }
  const names = repo.datasets.map((x) => x.value.metadata.name);
  return `there is no Dataset manifest with that name (datasets: ${names.join(", ") || "none"})`;
}
function at(m, path, key = false) {
  let pos;
  const find = () => {
    pos ??= positionOf(m.src, path, key);
    return pos;
  };
  return {
    file: m.file,
    get line() {
      return find().line;
    },
    get col() {
      return find().col;
    }
  };
}
function resolveInside(root, fromDir, p) {
  if (isAbsolute(p)) return { abs: p, error: `"${p}" is absolute; write it relative to the manifest's folder` };
  const abs = resolve(fromDir, p);
  const realRoot = realpathSync(root);
  if (!inside(abs, resolve(root))) {
    return { abs, error: `"${p}" points outside the repository (to ${abs}); keep model and data files inside it` };
  }
  if (existsSync(abs)) {
    const real = realpathSync(abs);
    if (!inside(real, realRoot)) {
      return {
        abs,
        error: `"${p}" is a symlink to ${real}, outside the repository; copy the file into the repository instead`
      };
    }
    if (!statSync(real).isFile()) return { abs, error: `"${p}" is not a file` };
  }
  return { abs };
}
function repoRelative(root, abs) {
  return toPosix(relative(root, abs));
}

const require$3 = createRequire(import.meta.url);

// src/workspace/base.ts
function workspaceAt(root, io, opts, load) {
  const env = opts.env ?? io.env;
  let repo = opts.repo;
  let git;
  return {
    root,
    io,
    env,
    get repo() {
      repo ??= load(root);
      return repo;
    },
    get git() {
      git ??= openGit(root, { ...opts.git, env });
      return git;
    },
    now: opts.now ?? (() => /* @__PURE__ */ new Date())
  };
}

const require$2 = createRequire(import.meta.url);

// src/git/worktree.ts
async function isGitRepository(git) {
  return Boolean(await git.tryRun(["rev-parse", "--git-dir"]));
}
async function isInsideWorkTree(git) {
  return await git.tryRun(["rev-parse", "--is-inside-work-tree"]) === "true";
}
async function isShallowRepository(git) {
  return await git.tryRun(["rev-parse", "--is-shallow-repository"]) === "true";
}
async function worktreePrefix(git) {
  return await git.tryRun(["rev-parse", "--show-prefix"]) ?? "";
}
async function currentBranch(git) {
  return await git.tryRun(["symbolic-ref", "--short", "-q", "HEAD"]) || void 0;
}
async function remoteHead(git, remote = "origin") {
  return await git.tryRun(["symbolic-ref", "-q", "--short", `refs/remotes/${remote}/HEAD`]) || void 0;
}
async function hasUncommittedChanges(git, exclude = []) {
  const status = await git.tryRun([
    "status",
    "--porcelain",
    "--untracked-files=normal",
    "--",
    ".",
    ...exclude.map((p) => `:(exclude)${p}`)
  ]);
  return status === void 0 ? void 0 : status.length > 0;
}
async function configValue(git, key) {
  return await git.tryRun(["config", "--get", key]) || void 0;
}

const require$1 = createRequire(import.meta.url);

// src/git/resolve-many.ts
async function resolveCommits(git, names) {
  if (names.some((n) => /[\r\n]/.test(n) || n.trim() !== n || n === "")) {
    return Promise.all(names.map((n) => git.revParse(n)));
  }
  const objects = await git.catFileBatch(names.map((n) => `${n}^{commit}`)).catch(() => void 0);
  return names.map((_, i) => {
    const o = objects?.[i];
    return o?.type === "commit" ? o.oid : void 0;
  });
}

// src/git/default-branch.ts
var DEFAULT_BRANCHES = ["origin/main", "main", "origin/master", "master"];
var ORIGIN_HEAD = "origin/HEAD";
async function findDefaultBranch(git, named, opts = {}) {
  const also = opts.also ?? [];
  const fallback = !named || !opts.onlyNamed;
  const names = [
    ...named ? [`origin/${named}`, named] : [],
    ...fallback ? ["refs/remotes/origin/HEAD", ...DEFAULT_BRANCHES] : []
  ];
  const commits = await resolveCommits(git, [...also, ...names]);
  const tried = [];
  let found;
  for (const [i, name] of names.entries()) {
    const commit = commits[also.length + i];
    let ref = name;
    if (name === "refs/remotes/origin/HEAD") {
      if (!commit) continue;
      ref = opts.originHeadAsIs || found ? ORIGIN_HEAD : await remoteHead(git, "origin") ?? ORIGIN_HEAD;
    }
    tried.push(ref);
    if (commit && !found) found = { ref, commit };
  }
  return { tried, also: commits.slice(0, also.length), ...found ? { found } : {} };
}

export { ORIGIN_HEAD as O, isShallowRepository as a, resolveInside as b, repoRelative as c, at as d, remoteHead as e, findDefaultBranch as f, configValue as g, currentBranch as h, isGitRepository as i, hasUncommittedChanges as j, isInsideWorkTree as k, loadRepositoryLazily as l, worktreePrefix as m, findDataset as n, findModel as o, missingDataset as p, readRepository as r, workspaceAt as w };
