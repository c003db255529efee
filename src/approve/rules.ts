import { isDeepStrictEqual } from "node:util";
import { UserError } from "../errors.ts";
import { filesAt } from "../git/batch.ts";
import type { Git } from "../git/index.ts";
import { readManifestAt, readManifestsAt } from "../manifest/at-commit.ts";
import { parseManifest } from "../manifest/yaml.ts";
import { findingLocation } from "../manifest/findings.ts";
import { CONFIG_FILE, type Repository } from "../manifest/repo.ts";
import { type Config, configSchema, type Model } from "../manifest/schema.ts";
import { CODEOWNERS_LOCATIONS, type CodeownersRule, parseCodeowners, readCodeowners } from "./codeowners.ts";

/**
 * The rules that judge a change, as one commit holds them: modelgate.yaml (the approval policy, releasers,
 * environments, allowWarn, the identity modelgate's jobs run as on GitHub), every model's manifest (its gates, risk
 * class and approval overrides) and CODEOWNERS. `approve` reads them at the pull request's base and `publish` at the
 * merge's first parent: never from the change under review, so a pull request cannot loosen its own gates or add its
 * own reviewer. A pull request that changes them is judged by the rules it wants to replace, and says so.
 */

/** One model's manifest among the rules. */
export interface RuleModel {
  name: string;
  /** The manifest's path from the repository root. */
  file: string;
  value: Model;
}

export interface RuleSet {
  /** The commit the rules were read at; undefined when read from the checkout (an offline `--facts` decision). */
  commit?: string;
  config: Config;
  models: RuleModel[];
  /** Model manifests there that are invalid: the file, the name it gives (when readable) and the first problem. */
  invalid: { file: string; name?: string; problem: string }[];
  codeowners?: { file: string; rules: CodeownersRule[] };
}

const MODEL_FILE = /^([^/]+)\/model\.ya?ml$/;

/** The rules as `commit` holds them. A commit that is not in the clone, or an invalid modelgate.yaml, is refused. */
export async function readRulesAt(git: Git, commit: string, what = `commit ${commit.slice(0, 12)}`): Promise<RuleSet> {
  if ((await git.objectType(commit)) !== "commit") {
    throw new UserError(
      `the rules are read from ${what}, which is not in this clone (${git.dir}); fetch it (\`git fetch origin ${commit}\`) or check it out, as the workflows in workflows/ do`,
    );
  }
  const cfg = await readManifestAt(git, commit, CONFIG_FILE, "Config");
  if (cfg.found && !cfg.value) {
    const f = cfg.findings[0];
    throw new UserError(
      `${CONFIG_FILE} at ${what} is invalid (${f ? `${findingLocation(f)}: ${f.message}` : "unreadable"}): the rules are read from there, so fix it there first`,
    );
  }
  const config =
    cfg.value ??
    configSchema.parse({ apiVersion: "modelgate.dev/v1alpha1", kind: "Config", metadata: { name: "default" } });
  const modelsDir = config.spec.paths.models.replace(/^\.\//, "").replace(/\/+$/, "");
  const files = (await git.listFiles(commit, [modelsDir]))
    .map((f) => ({ f, m: MODEL_FILE.exec(f.slice(modelsDir.length + 1)) }))
    .filter((x) => x.f.startsWith(`${modelsDir}/`) && x.m)
    .map((x) => ({ file: x.f, folder: x.m![1] }));
  const read = await readManifestsAt(
    git,
    commit,
    files.map((f) => f.file),
    "Model",
  );
  const models: RuleModel[] = [];
  const invalid: RuleSet["invalid"] = [];
  for (const [i, r] of read.entries()) {
    const { file, folder } = files[i];
    if (!r.value) {
      const f = r.findings[0];
      invalid.push({ file, name: folder, problem: f ? `${findingLocation(f)}: ${f.message}` : "unreadable" });
    } else if (r.value.metadata.name !== folder) {
      invalid.push({
        file,
        name: folder,
        problem: `metadata.name "${r.value.metadata.name}" differs from its folder "${folder}"`,
      });
    } else if (!models.some((m) => m.name === folder)) {
      models.push({ name: folder, file, value: r.value });
    }
  }
  let codeowners: RuleSet["codeowners"];
  // every location in one `git cat-file --batch`; the first that holds a file counts
  const texts = await Promise.all(CODEOWNERS_LOCATIONS.map(filesAt(git, commit)));
  for (const [i, file] of CODEOWNERS_LOCATIONS.entries()) {
    const text = texts[i];
    if (text !== undefined) {
      codeowners = { file, rules: parseCodeowners(text) };
      break;
    }
  }
  return { commit, config, models, invalid, ...(codeowners ? { codeowners } : {}) };
}

/** The rules of the checkout (an offline decision from a facts file that names no base commit). */
export function rulesOfCheckout(repo: Repository): RuleSet {
  const codeowners = readCodeowners(repo.root);
  return {
    config: repo.config,
    models: repo.models.map((m) => ({ name: m.value.metadata.name, file: m.file, value: m.value })),
    invalid: repo.invalid
      .filter((x) => x.kind === "Model")
      .map((x) => {
        const f = repo.findings.find((y) => y.severity === "error" && y.file === x.file);
        return { file: x.file, ...(x.name ? { name: x.name } : {}), problem: f ? f.message : "invalid" };
      }),
    ...(codeowners ? { codeowners } : {}),
  };
}

/** Where the rules were read, in words: "the base branch at abc1234". */
export function rulesOrigin(rules: RuleSet, branch = "the base branch"): string {
  return rules.commit ? `${branch} at ${rules.commit.slice(0, 7)}` : "this checkout";
}

// ---- what a change does to the rules ---------------------------------------------------------------------------

/** One file of the rules a change touches, and what it governs (or, compared, which of its rules differ). */
export interface RuleChange {
  file: string;
  what: string;
}

/** The parts of modelgate.yaml spec that are rules, with what each governs. */
const CONFIG_RULES: [keyof Config["spec"], string][] = [
  ["approval", "the approval policy"],
  ["releasers", "who may release"],
  ["environments", "the environments and their approvals"],
  ["allowWarn", "whether a warning may be published"],
  ["github", "the identity modelgate's jobs run as on GitHub"],
  ["identity", "the identity of modelgate's commits"],
  ["paths", "where models, records and overlays live"],
  ["gitops", "where promotions are committed"],
];

/** The parts of a model's manifest that are rules. */
const MODEL_RULES: [keyof Model["spec"], string][] = [
  ["gates", "gates"],
  ["approval", "approval policy"],
  ["riskClass", "risk class"],
];

/**
 * The rule files among the paths a change touches (as GitHub lists a pull request's files): modelgate.yaml,
 * CODEOWNERS, and the model manifests under the rules' models folder.
 */
export function ruleFilesTouched(paths: string[], rules: RuleSet): string[] {
  const modelsDir = modelsFolder(rules);
  return [...new Set(paths)]
    .filter(
      (file) =>
        file === CONFIG_FILE ||
        (CODEOWNERS_LOCATIONS as string[]).includes(file) ||
        (file.startsWith(`${modelsDir}/`) && MODEL_FILE.test(file.slice(modelsDir.length + 1))),
    )
    .sort();
}

const modelsFolder = (rules: RuleSet) => rules.config.spec.paths.models.replace(/^\.\//, "").replace(/\/+$/, "");

/**
 * The rules as they would be with some files of `base` replaced by the change's versions (`files`: path → text, or
 * undefined when the change deletes it), and the changed files that cannot be read as rules (an invalid manifest).
 */
export function rulesWithFiles(
  base: RuleSet,
  files: Map<string, string | undefined>,
): { rules: RuleSet; unreadable: RuleChange[] } {
  const unreadable: RuleChange[] = [];
  const problem = (file: string, findings: { message: string }[]) =>
    unreadable.push({ file, what: `invalid in the change: ${findings[0]?.message ?? "unreadable"}` });
  let config = base.config;
  if (files.has(CONFIG_FILE)) {
    const text = files.get(CONFIG_FILE);
    if (text === undefined)
      config = configSchema.parse({
        apiVersion: "modelgate.dev/v1alpha1",
        kind: "Config",
        metadata: { name: "default" },
      });
    else {
      const parsed = parseManifest(CONFIG_FILE, text, "Config");
      if (parsed.manifest?.value) config = parsed.manifest.value as Config;
      else problem(CONFIG_FILE, parsed.findings);
    }
  }
  const modelsDir = modelsFolder(base);
  const models = base.models.filter((m) => !files.has(m.file));
  for (const [file, text] of files) {
    const m = file.startsWith(`${modelsDir}/`) ? MODEL_FILE.exec(file.slice(modelsDir.length + 1)) : null;
    if (!m || text === undefined) continue;
    const parsed = parseManifest(file, text, "Model");
    const value = parsed.manifest?.value as Model | undefined;
    if (value?.metadata.name === m[1]) models.push({ name: m[1], file, value });
    else
      problem(
        file,
        value ? [{ message: `metadata.name "${value.metadata.name}" differs from its folder` }] : parsed.findings,
      );
  }
  let codeowners = base.codeowners;
  if (CODEOWNERS_LOCATIONS.some((loc) => files.has(loc))) {
    codeowners = undefined;
    for (const loc of CODEOWNERS_LOCATIONS) {
      if (files.has(loc)) {
        const text = files.get(loc);
        if (text === undefined) continue;
        codeowners = { file: loc, rules: parseCodeowners(text) };
        break;
      }
      if (base.codeowners?.file === loc) {
        codeowners = base.codeowners;
        break;
      }
    }
  }
  return {
    rules: {
      ...base,
      config,
      models: models.sort((a, b) => a.name.localeCompare(b.name)),
      ...(codeowners ? { codeowners } : { codeowners: undefined }),
    },
    unreadable,
  };
}

/** The rules that differ between two rule sets (a merge's first parent and the merge), rule by rule. */
export function ruleChanges(before: RuleSet, after: RuleSet): RuleChange[] {
  const out: RuleChange[] = [];
  const changedKeys = <T extends object>(a: T, b: T, keys: [keyof T, string][]) =>
    keys.filter(([k]) => !isDeepStrictEqual(a[k], b[k])).map(([, what]) => what);
  const cfg = changedKeys(before.config.spec, after.config.spec, CONFIG_RULES);
  if (cfg.length) out.push({ file: CONFIG_FILE, what: cfg.join(", ") });
  const beforeOwners = before.codeowners?.rules.map((r) => [r.pattern, r.owners]);
  const afterOwners = after.codeowners?.rules.map((r) => [r.pattern, r.owners]);
  if (!isDeepStrictEqual(beforeOwners, afterOwners)) {
    out.push({ file: after.codeowners?.file ?? before.codeowners?.file ?? "CODEOWNERS", what: "the code owners" });
  }
  for (const m of after.models) {
    const old = before.models.find((x) => x.name === m.name);
    if (!old) continue; // a new model brings its own rules: judged at the strictest risk class (see decide.ts)
    const parts = changedKeys(old.value.spec, m.value.spec, MODEL_RULES);
    if (parts.length) out.push({ file: m.file, what: `the ${parts.join(", ")} of ${m.name}` });
  }
  return out;
}

/**
 * The report's notice of a pull request that changes the rules that judge it: what approve and publish do about it,
 * and where the gates the report shows come from (`gatesOrigin`: the checkout the report ran on).
 */
export function reportRuleNotice(changes: RuleChange[], gatesOrigin: string): string | undefined {
  if (changes.length === 0) return undefined;
  const list = changes.map((c) => `${c.file} (${c.what})`).join("; ");
  return `This pull request changes the rules that judge it: ${list}. It is judged by the rules of its base branch, not by the ones it proposes: approve reads the approval policy there, and publish judges the gates and the approval again with the rules of the merge's first parent, so it needs the approvals the current rules require; its own rules apply only to changes after it is merged. The gates in this report are those of ${gatesOrigin}.`;
}

/**
 * The plain-words notice of a change to the rules: which files, what they govern, and that the change was judged by
 * the rules it would replace (undefined when it changes none).
 */
export function ruleChangeNotice(
  changes: RuleChange[],
  origin: string,
  subject = "This pull request",
): string | undefined {
  if (changes.length === 0) return undefined;
  const list = changes.map((c) => `${c.file} (${c.what})`).join("; ");
  return `${subject} changes the rules that judge it: ${list}. It is judged by the rules of ${origin}, not by the ones it proposes: it needs the approvals the current rules require, and its own rules apply only to changes after it is merged.`;
}
