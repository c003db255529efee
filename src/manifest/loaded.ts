import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.ts";
import { API_VERSION, CONFIG_FILE, findRoot } from "./basics.ts";
import { compareNames, type Finding, findingLocation } from "./findings.ts";
import { type ParseResult, plainManifest } from "./plain.ts";
import type { Config, Dataset, Kind, Model } from "./schema.ts";
import { checkConfig } from "./schema-check.ts";
import { type Path, positionOf, type SourceDoc } from "./source.ts";

/**
 * A model repository as loaded (modelgate.yaml, the models, the datasets) and what reads it, without zod or `yaml`:
 * ./repo.ts loadRepository loads it with them; loadRepositoryLazily loads them only when a manifest needs them.
 */

/** A manifest loaded from a repository, with what is needed to point at its lines. */
export interface Loaded<T> {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  abs: string;
  /** Absolute folder of the manifest: its relative paths resolve from here. */
  dir: string;
  src: SourceDoc;
  value: T;
}

export interface Repository {
  root: string;
  config: Config;
  configFile?: Loaded<Config>;
  models: Loaded<Model>[];
  datasets: Loaded<Dataset>[];
  /** Problems met while loading (YAML syntax, schema, duplicate names). Invalid manifests are left out above. */
  findings: Finding[];
  /** The manifests left out for their problems: kind, file, and the name they give when it can be read. */
  invalid: { kind: Kind; file: string; name?: string }[];
}

const toPosix = (p: string) => p.split(sep).join("/");

const inside = (x: string, base: string) => x === base || x.startsWith(base + sep);

/**
 * Refuses a manifest file or folder whose real location (symlinks followed) is outside the repository: a manifest
 * from elsewhere on the machine would decide what is evaluated and shipped without being part of the repository.
 */
function refuseOutside(root: string, realRoot: string, abs: string): string {
  const real = realpathSync(abs);
  if (!inside(real, realRoot)) {
    throw new UserError(
      `${toPosix(relative(root, abs))} is a symlink to ${real}, outside the repository; copy the manifest into the repository instead`,
    );
  }
  return real;
}

function yamlFiles(root: string, realRoot: string, dir: string, seen = new Set<string>()): string[] {
  if (!existsSync(dir)) return [];
  const real = refuseOutside(root, realRoot, dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name))) {
    const p = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      if (!existsSync(p)) continue; // a dangling link holds no manifest
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

/** A folder named in modelgate.yaml spec.paths, refused when it is outside the repository (symlinks followed). */
function configuredDir(
  root: string,
  realRoot: string,
  cfg: Loaded<Config> | undefined,
  key: "models" | "data" | "deploy",
  p: string,
): string {
  const abs = resolve(root, p);
  const fail = (why: string) => {
    throw new UserError(
      `spec.paths.${key} "${p}" ${why}; name a folder inside the repository, relative to ${CONFIG_FILE}`,
      cfg ? { file: cfg.file, ...positionOf(cfg.src, ["spec", "paths", key]) } : { file: CONFIG_FILE },
    );
  };
  if (!inside(abs, resolve(root))) fail(`points outside the repository (to ${abs})`);
  if (existsSync(abs)) {
    const real = realpathSync(abs);
    if (!inside(real, realRoot)) fail(`is a symlink to ${real}, outside the repository`);
  }
  return abs;
}

/** How a repository's manifests are parsed. */
export type ManifestReader = (file: string, text: string, kind: Kind) => ParseResult;

/** The configuration used when modelgate.yaml is unusable: the schema's defaults (the generated check gives them). */
function defaultConfig(): Config {
  const config = checkConfig({ apiVersion: API_VERSION, kind: "Config", metadata: { name: "default" } });
  if (!config) throw new Error("internal: the schema's default configuration was not accepted");
  return config;
}

/**
 * Loads modelgate.yaml, every models/<name>/model.yaml and every data/**.yaml, collecting all problems, each parsed
 * by `parse` (./repo.ts loadRepository: parseManifest, with yaml and zod).
 */
export function readRepository(start: string, parse: ManifestReader): Repository {
  const root = findRoot(start);
  const realRoot = realpathSync(root);
  const findings: Finding[] = [];
  const invalid: Repository["invalid"] = [];
  const load = <T>(abs: string, kind: Kind): Loaded<T> | undefined => {
    refuseOutside(root, realRoot, abs);
    const file = toPosix(relative(root, abs));
    let text: string;
    try {
      if (statSync(abs).isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
      text = readFileSync(abs, "utf8");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      findings.push({
        severity: "error",
        check: "yaml",
        file,
        message:
          code === "EISDIR"
            ? `this is a folder, not a file: the ${kind} manifest must be a YAML file here; move the folder away and write the manifest in its place`
            : `cannot read this file (${(err as Error).message}); check that it is a readable file`,
      });
      invalid.push({ kind, file });
      return undefined;
    }
    const r = parse(file, text, kind);
    findings.push(...r.findings);
    if (!r.manifest?.value) {
      const name = r.manifest?.src.doc.getIn(["metadata", "name"]);
      invalid.push({ kind, file, ...(typeof name === "string" ? { name } : {}) });
      return undefined;
    }
    return { file, abs, dir: dirname(abs), src: r.manifest.src, value: r.manifest.value as T };
  };

  const configFile = load<Config>(join(root, CONFIG_FILE), "Config");
  const config = configFile?.value ?? defaultConfig();

  const modelsDir = configuredDir(root, realRoot, configFile, "models", config.spec.paths.models);
  const dataDir = configuredDir(root, realRoot, configFile, "data", config.spec.paths.data);
  configuredDir(root, realRoot, configFile, "deploy", config.spec.paths.deploy);

  const models: Loaded<Model>[] = [];
  if (existsSync(modelsDir)) {
    for (const entry of readdirSync(modelsDir, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name))) {
      const folder = join(modelsDir, entry.name);
      if (entry.isSymbolicLink()) {
        if (!existsSync(folder) || !statSync(refuseOutside(root, realRoot, folder)).isDirectory()) continue;
      } else if (!entry.isDirectory()) continue;
      const file = ["model.yaml", "model.yml"].map((f) => join(modelsDir, entry.name, f)).find((f) => existsSync(f));
      if (!file) continue;
      const m = load<Model>(file, "Model");
      if (!m) continue;
      if (m.value.metadata.name !== entry.name) {
        findings.push({
          severity: "error",
          check: "reference",
          file: m.file,
          ...positionOf(m.src, ["metadata", "name"]),
          message: `metadata.name "${m.value.metadata.name}" differs from its folder "${entry.name}"; rename one so they match`,
        });
      }
      models.push(m);
    }
  }

  const datasets: Loaded<Dataset>[] = [];
  const seen = new Map<string, string>();
  for (const file of yamlFiles(root, realRoot, dataDir)) {
    const d = load<Dataset>(file, "Dataset");
    if (!d) continue;
    const other = seen.get(d.value.metadata.name);
    if (other) {
      findings.push({
        severity: "error",
        check: "reference",
        file: d.file,
        ...positionOf(d.src, ["metadata", "name"]),
        message: `dataset name "${d.value.metadata.name}" is also used by ${other}; dataset names must be unique`,
      });
      continue;
    }
    seen.set(d.value.metadata.name, d.file);
    datasets.push(d);
  }
  return { root, config, configFile, models, datasets, findings, invalid };
}

/** Why the fast reading of a repository stopped: a manifest it cannot take as it is. */
class NeedsFullReader extends Error {}

/**
 * loadRepository (./repo.ts) without loading yaml and zod when every manifest is valid and written in the plain
 * style (./plain.ts), as most are: anything else — a manifest that needs them, any finding, any error — and the
 * repository is loaded again with parseManifest (./yaml.ts), as loadRepository loads it: its findings and errors
 * are the ones given.
 */
export async function loadRepositoryLazily(start: string): Promise<Repository> {
  try {
    const repo = readRepository(start, (file, text, kind) => {
      const r = plainManifest(file, text, kind);
      if (!r || r.findings.length > 0) throw new NeedsFullReader();
      return r;
    });
    if (repo.findings.length === 0) return repo;
  } catch {
    // loaded again below, where the same error (if any) is thrown
  }
  const { parseManifest } = await import("./yaml.ts");
  return readRepository(start, parseManifest);
}

export function findModel(repo: Repository, name: string): Loaded<Model> {
  const m = repo.models.find((x) => x.value.metadata.name === name);
  if (m) return m;
  const broken = repo.findings.find(
    (f) => f.severity === "error" && f.file.startsWith(`${repo.config.spec.paths.models}/${name}/`),
  );
  if (broken)
    throw new UserError(
      `model "${name}" has an invalid manifest: ${findingLocation(broken)}: ${broken.message}; run \`modelgate validate\` to see every problem`,
    );
  const names = repo.models.map((x) => x.value.metadata.name);
  throw new UserError(
    `no model named "${name}" in ${repo.root}${names.length ? ` (models: ${names.join(", ")})` : ""}`,
  );
}

export function findDataset(repo: Repository, name: string): Loaded<Dataset> | undefined {
  return repo.datasets.find((d) => d.value.metadata.name === name);
}

/**
 * Why `name` (a dataset a model names) is not among the datasets: its manifest is invalid (and its first problem),
 * or there is none; for the messages of the commands that need it.
 */
export function missingDataset(repo: Repository, name: string): string {
  const bad = repo.invalid.find((x) => x.kind === "Dataset" && x.name === name);
  if (bad) {
    const first = repo.findings.find((f) => f.file === bad.file && f.severity === "error");
    return `the Dataset manifest ${bad.file} is invalid${first ? ` (${findingLocation(first)}: ${first.message})` : ""}; run \`modelgate validate\` to see every problem`;
  }
  const names = repo.datasets.map((x) => x.value.metadata.name);
  return `there is no Dataset manifest with that name (datasets: ${names.join(", ") || "none"})`;
}

/** Line/column of a field of a loaded manifest. */
export function at<T>(m: Loaded<T>, path: Path, key = false): { file: string; line: number; col: number } {
  // found when read (a finding spreads it): checks name their position up front, most never report anything, and
  // a manifest's document tree is built only for a position (yaml.ts parseManifest)
  let pos: { line: number; col: number } | undefined;
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
    },
  };
}

/**
 * Resolves a path written in a manifest (relative to the manifest's folder) and checks it stays inside the
 * repository, through symlinks too. Returns the absolute path, or a reason it is not allowed.
 */
export function resolveInside(root: string, fromDir: string, p: string): { abs: string; error?: string } {
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
        error: `"${p}" is a symlink to ${real}, outside the repository; copy the file into the repository instead`,
      };
    }
    if (!statSync(real).isFile()) return { abs, error: `"${p}" is not a file` };
  }
  return { abs };
}

/** The path relative to the repository root, with forward slashes. */
export function repoRelative(root: string, abs: string): string {
  return toPosix(relative(root, abs));
}
