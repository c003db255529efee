import { posix } from "node:path";
import { sha256Bytes } from "../data/hash.ts";
import { UserError } from "../errors.ts";
import type { Git } from "../git/index.ts";
import { isGitRepository, worktreePrefix } from "../git/worktree.ts";
import { type ManifestAtCommit, readManifestAt } from "../manifest/at-commit.ts";
import type { Model } from "../manifest/schema.ts";

/**
 * The baseline read from git: the model manifest and its artifact as they are at a ref, never checked out. Paths
 * are given relative to the repository root (the folder of modelgate.yaml), so a model repository may live in a
 * subfolder of the git repository; `git` is opened at that root.
 */

export interface GitBaseline {
  ref: string;
  manifest: Model;
  bytes: Uint8Array;
  /** `git:<ref>:<path>` */
  source: string;
}

/**
 * The model at `ref`, or undefined when the ref or the model does not exist there. `manifestFile` is the manifest's
 * path from the repository root, with forward slashes (Loaded.file).
 */
export async function modelAtRef(git: Git, manifestFile: string, ref: string): Promise<GitBaseline | undefined> {
  // the root's path from the top of the work tree ("" at the top)
  const file = posix.join(await worktreePrefix(git), manifestFile);
  let at: ManifestAtCommit<"Model">;
  try {
    at = await readManifestAt(git, ref, file, "Model");
  } catch {
    return undefined; // git could not read it: no repository, or no such ref
  }
  if (!at.found) return undefined;
  if (!at.value) {
    throw new UserError(
      `the model manifest at ${ref} (${posix.basename(file)}) is not valid (${at.findings.map((f) => f.message).join("; ")}); choose another --baseline`,
    );
  }
  const manifest = at.value;
  const artifact = posix.normalize(manifest.spec.artifact.path);
  const path = posix.join(posix.dirname(file), artifact);
  const bytes = await git.showBytes(ref, path);
  if (!bytes) {
    throw new UserError(
      `the model manifest at ${ref} names ${artifact}, but that file is not in ${ref}'s tree (is it stored with git LFS or produced by training?); pass --baseline FILE`,
    );
  }
  return { ref, manifest, bytes: new Uint8Array(bytes), source: `git:${ref}:${path}` };
}

/** The refs to try for a default baseline, in order: the highest production tag, then the base branch. */
export function defaultBaselineRefs(productionTags: string[], env: NodeJS.ProcessEnv): string[] {
  const tags = productionTags
    .filter((t) => /#production#\d+$/.test(t))
    .sort((a, b) => Number(b.split("#")[2]) - Number(a.split("#")[2]));
  const base = env.GITHUB_BASE_REF;
  return [...(tags.length ? [tags[0]] : []), ...(base ? [`origin/${base}`, base] : ["main", "origin/main"])];
}

/**
 * Which baseline to use without `--baseline`: the version in production (the highest GTO stage tag
 * `<name>#production#N`), else the base branch (GITHUB_BASE_REF, else main), local or origin's. Skips a ref whose
 * artifact is byte-identical to the candidate (nothing to compare). Returns why when none is found.
 */
export async function findDefaultBaseline(
  git: Git,
  manifestFile: string,
  name: string,
  candidate: Uint8Array,
  env: NodeJS.ProcessEnv,
): Promise<{ baseline?: GitBaseline; why: string }> {
  if (!(await isGitRepository(git))) return { why: "not inside a git repository" };
  const tags = await git.refs(`refs/tags/${name}#production#*`, { tag: "%(refname:strip=2)" });
  const candidates = defaultBaselineRefs(
    tags.map((r) => r.tag),
    env,
  );
  const tried: string[] = [];
  const mine = sha256Bytes(candidate);
  for (const ref of candidates) {
    if ((await git.revParse(ref)) === undefined) continue;
    tried.push(ref);
    const b = await modelAtRef(git, manifestFile, ref);
    if (!b) continue;
    if (sha256Bytes(b.bytes) === mine) return { why: `the model at ${ref} is the same file as the candidate` };
    return { baseline: b, why: `baseline: ${name} at ${ref}` };
  }
  return {
    why: tried.length
      ? `model ${name} does not exist at ${tried.join(" or ")}`
      : `none of ${candidates.join(", ")} exists in this repository`,
  };
}
