import { existsSync, readFileSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.ts";

/**
 * Where modelgate's actions and reusable workflows live: the one setting every `uses:` line that `init` writes names,
 * and the base of the `$schema` links when the package is not installed in the model repository. The default is
 * package.json's `repository` at the release's major tag (`v0` for 0.x); `init --uses OWNER/REPO@REF` chooses another
 * (a fork, a mirror, a commit SHA).
 */
export interface ActionsHome {
  /** OWNER/REPO on GitHub. */
  repo: string;
  /** A tag, a branch or a full commit SHA. */
  ref: string;
}

/** modelgate's own folder (package.json named modelgate), from this module upwards: its workflows and version. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = join(dir, "package.json");
    if (existsSync(pj) && JSON.parse(readFileSync(pj, "utf8")).name === "modelgate") return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error("modelgate's package.json not found above the running module");
    dir = up;
  }
}

/** The ref callers pin modelgate's actions and workflows to: v<major> of this version (v0 for 0.x). */
export function releaseRef(root = packageRoot()): string {
  const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version as string;
  return `v${version.split(".")[0]}`;
}

const OWNER = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})";
const NAME = "[A-Za-z0-9._-]{1,100}";
const SLUG = new RegExp(`^${OWNER}/${NAME}$`);

/** OWNER/REPO of a package.json `repository` (a string or `{url}`) on GitHub, or undefined. */
export function githubSlug(repository: unknown): string | undefined {
  const raw =
    typeof repository === "string"
      ? repository
      : repository && typeof repository === "object" && typeof (repository as { url?: unknown }).url === "string"
        ? (repository as { url: string }).url
        : undefined;
  if (!raw) return undefined;
  const m =
    /^(?:github:)?([^/:@\s]+\/[^/:@\s]+?)(?:\.git)?$/.exec(raw) ??
    /^(?:git\+)?(?:https?|ssh|git):\/\/(?:git@)?github\.com[/:]([^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(raw) ??
    /^git@github\.com:([^/\s]+\/[^/\s]+?)(?:\.git)?$/.exec(raw);
  return m && SLUG.test(m[1]) ? m[1] : undefined;
}

/** The default home: package.json's `repository` at this release's major tag. */
export function packageHome(root = packageRoot()): ActionsHome {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const repo = githubSlug(pkg.repository);
  if (!repo)
    throw new UserError(
      `${join(root, "package.json")} names no GitHub repository (\`repository\`), so there is no default home for modelgate's actions; pass --uses OWNER/REPO@REF`,
    );
  return { repo, ref: releaseRef(root) };
}

/** `OWNER/REPO@REF` as given to `init --uses`; a clear error otherwise. */
export function parseHome(spec: string, flag = "--uses"): ActionsHome {
  const at = spec.lastIndexOf("@");
  const repo = at > 0 ? spec.slice(0, at) : "";
  const ref = at > 0 ? spec.slice(at + 1) : "";
  const refOk = /^[A-Za-z0-9._/-]+$/.test(ref) && !ref.includes("..") && !ref.startsWith("/") && !ref.endsWith("/");
  if (!SLUG.test(repo) || !refOk)
    throw new UserError(
      `${flag} "${spec}": expected OWNER/REPO@REF, the GitHub repository that holds modelgate's actions and a tag, branch or commit SHA of it, e.g. acme/modelgate@v0 or acme/modelgate@<40-hex commit SHA>`,
    );
  return { repo, ref };
}

export const actionUses = (home: ActionsHome, action: string) => `${home.repo}/actions/${action}@${home.ref}`;
export const workflowUses = (home: ActionsHome, file: string) => `${home.repo}/.github/workflows/${file}@${home.ref}`;

/**
 * A workflow's text with every `uses:` of modelgate's own actions (`<repo>/actions/<name>@<ref>`) and reusable
 * workflows (`<repo>/.github/workflows/<file>@<ref>`), in steps, jobs or comments, pointed at `home`. `isOwn` tells
 * modelgate's actions and workflows from any other repository's (a third-party action keeps its line). Pure.
 */
export function rehomeWorkflow(
  text: string,
  home: ActionsHome,
  isOwn: (repo: string, path: string) => boolean,
): string {
  return text.replace(
    /^(\s*(?:#\s*)?(?:-\s+)?uses:\s*)([\w.-]+\/[\w.-]+)\/((?:actions\/[\w.-]+)|(?:\.github\/workflows\/[\w.-]+\.ya?ml))@([^\s#]+)/gm,
    (line, lead: string, repo: string, path: string) =>
      isOwn(repo, path) ? `${lead}${home.repo}/${path}@${home.ref}` : line,
  );
}

/** The `uses:` lines of modelgate's own actions and reusable workflows in a workflow's text (comments included). */
export function ownUses(
  text: string,
  isOwn: (repo: string, path: string) => boolean,
): { uses: string; home: ActionsHome }[] {
  const out: { uses: string; home: ActionsHome }[] = [];
  for (const m of text.matchAll(
    /^\s*(?:#\s*)?(?:-\s+)?uses:\s*(([\w.-]+\/[\w.-]+)\/((?:actions\/[\w.-]+)|(?:\.github\/workflows\/[\w.-]+\.ya?ml))@([^\s#]+))/gm,
  ))
    if (isOwn(m[2], m[3])) out.push({ uses: m[1], home: { repo: m[2], ref: m[4] } });
  return out;
}

/** Whether `repo` is `home`'s repository (GitHub compares owner and name without case). */
export const sameRepo = (home: ActionsHome) => (repo: string) => repo.toLowerCase() === home.repo.toLowerCase();

/**
 * Where a manifest's `# yaml-language-server: $schema=` points: the schema shipped in the installed package when
 * the model repository has it (`node_modules/modelgate/schemas/`, relative to the manifest: works offline and
 * follows the installed version), else the schema in the home at its ref.
 */
export function schemaLocation(root: string, manifest: string, schema: string, home: ActionsHome): string {
  const installed = join(root, "node_modules", "modelgate", "schemas", schema);
  if (existsSync(installed))
    return relative(dirname(join(root, manifest)), installed)
      .split(sep)
      .join(posix.sep);
  return `https://raw.githubusercontent.com/${home.repo}/${home.ref}/schemas/${schema}`;
}
