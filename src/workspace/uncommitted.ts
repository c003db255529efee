import { uncommittedPaths } from "../git/uncommitted.ts";
import { findDataset, type Loaded, type Repository, repoRelative, resolveInside } from "../manifest/repo.ts";
import type { Model } from "../manifest/schema.ts";
import type { Workspace } from "./workspace.ts";

/**
 * Forgetting to commit: evaluate and report read the working tree, while a pull request's run reads only what is
 * committed and pushed. When a model's files are not committed, they say so and name the commands that come next.
 */

/** The files a model's evaluation reads, relative to the root: its manifest, its artifact, its datasets and their files. */
export function evaluatedFiles(repo: Repository, m: Loaded<Model>): string[] {
  const spec = m.value.spec;
  const files = [m.file];
  const art = resolveInside(repo.root, m.dir, spec.artifact.path);
  if (!art.error) files.push(repoRelative(repo.root, art.abs));
  for (const name of spec.evaluation.datasets) {
    const d = findDataset(repo, name);
    if (!d) continue;
    files.push(d.file);
    const data = resolveInside(repo.root, d.dir, d.value.spec.path);
    if (!data.error) files.push(repoRelative(repo.root, data.abs));
  }
  return [...new Set(files)];
}

/** A path as a shell word: bare when it needs no quoting, else in single quotes. */
const shellWord = (p: string) => (/^[\w./@%+:,-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`);

/**
 * The note for a model whose files are not all committed: which ones, what that means for `what` (e.g. "this
 * report"), and the commands that commit and push them. Pure.
 */
export function uncommittedNote(m: Model, files: string[], what: string): string | undefined {
  if (files.length === 0) return undefined;
  const name = m.metadata.name;
  const list = files.join(", ");
  const add = files.map(shellWord).join(" ");
  return `${name}: ${list} ${files.length === 1 ? "is" : "are"} not committed, so ${what} describes files that a pull request does not hold yet; next: \`git add ${add} && git commit -m "${name} ${m.spec.version}" && git push\`, then open a pull request (its run evaluates what is pushed)`;
}

/** The note for a model of the workspace, from git's status of its files; undefined when all are committed or outside git. */
export async function uncommittedModelNote(ws: Workspace, m: Loaded<Model>, what: string): Promise<string | undefined> {
  const files = await uncommittedPaths(ws.git, evaluatedFiles(ws.repo, m));
  return files ? uncommittedNote(m.value, files, what) : undefined;
}
