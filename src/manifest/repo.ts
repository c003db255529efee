import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.ts";
import { type Finding, findingLocation } from "./findings.ts";
import { type Config, configSchema, type Dataset, type Kind, type Model } from "./schema.ts";
import { parseManifest, positionOf, type Path, type SourceDoc } from "./yaml.ts";

export const CONFIG_FILE = "modelgate.yaml";

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

/** The repository root: the nearest folder, from `start` up, holding modelgate.yaml (like git finds .git). */
export function findRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_FILE))) return dir;
    const up = dirname(dir);
    if (up === dir) {
      throw new UserError(
        `no model repository found: no ${CONFIG_FILE} in ${resolve(start)} or any folder above it; run inside a model repository (see examples/fraud-detection) or create ${CONFIG_FILE}`,
      );
    }
    dir = up;
  }
}

const toPosix = (p: string) => p.split(sep).join("/");

function yamlFiles(dir: string, recursive: boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory() && recursive) out.push(...yamlFiles(p, true));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out;
}

/** Loads modelgate.yaml, every models/<name>/model.yaml and every data/**.yaml, collecting all problems. */
export function loadRepository(start: string): Repository {
  const root = findRoot(start);
  const findings: Finding[] = [];
  const invalid: Repository["invalid"] = [];
  const load = <T>(abs: string, kind: Kind): Loaded<T> | undefined => {
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
    const r = parseManifest(file, text, kind);
    findings.push(...r.findings);
    if (!r.manifest?.value) {
      const name = r.manifest?.src.doc.getIn(["metadata", "name"]);
      invalid.push({ kind, file, ...(typeof name === "string" ? { name } : {}) });
      return undefined;
    }
    return { file, abs, dir: dirname(abs), src: r.manifest.src, value: r.manifest.value as T };
  };

  const configFile = load<Config>(join(root, CONFIG_FILE), "Config");
  const config =
    configFile?.value ??
    configSchema.parse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "default" } });

  const models: Loaded<Model>[] = [];
  const modelsDir = join(root, config.spec.paths.models);
  if (existsSync(modelsDir)) {
    for (const entry of readdirSync(modelsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
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
  for (const file of yamlFiles(join(root, config.spec.paths.data), true)) {
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
  return { file: m.file, ...positionOf(m.src, path, key) };
}

/**
 * Resolves a path written in a manifest (relative to the manifest's folder) and checks it stays inside the
 * repository, through symlinks too. Returns the absolute path, or a reason it is not allowed.
 */
export function resolveInside(root: string, fromDir: string, p: string): { abs: string; error?: string } {
  if (isAbsolute(p)) return { abs: p, error: `"${p}" is absolute; write it relative to the manifest's folder` };
  const abs = resolve(fromDir, p);
  const realRoot = realpathSync(root);
  const inside = (x: string, base: string) => x === base || x.startsWith(base + sep);
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
