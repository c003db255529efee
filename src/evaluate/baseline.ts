import { dirname, posix } from "node:path";
import { sha256Bytes } from "../data/hash.ts";
import { UserError } from "../errors.ts";
import { type Git, openGit } from "../git/index.ts";
import type { Model } from "../manifest/schema.ts";
import { parseManifest } from "../manifest/yaml.ts";

/**
 * The baseline read from git: the model manifest and its artifact as they are at a ref, never checked out. Paths
 * are given relative to the manifest's folder, so a model repository may live in a subfolder of the git repository.
 */

export interface GitBaseline {
  ref: string;
  manifest: Model;
  bytes: Uint8Array;
  /** `git:<ref>:<path>` */
  source: string;
}

/** The model at `ref`, or undefined when the ref or the model does not exist there. */
export async function modelAtRef(
  manifestDir: string,
  manifestName: string,
  ref: string,
  git: Git = openGit(manifestDir),
): Promise<GitBaseline | undefined> {
  // the manifest folder's path from the top of the work tree ("" at the top)
  const top = (await git.tryRun(["rev-parse", "--show-prefix"])) ?? "";
  const text = await git.showBytes(ref, posix.join(top, manifestName));
  if (!text) return undefined;
  const parsed = parseManifest(`${ref}:${manifestName}`, text.toString("utf8"), "Model");
  if (!parsed.manifest?.value) {
    throw new UserError(
      `the model manifest at ${ref} (${manifestName}) is not valid (${parsed.findings.map((f) => f.message).join("; ")}); choose another --baseline`,
    );
  }
  const manifest = parsed.manifest.value as Model;
  const artifact = posix.normalize(manifest.spec.artifact.path);
  const bytes = await git.showBytes(ref, posix.join(top, artifact));
  if (!bytes) {
    throw new UserError(
      `the model manifest at ${ref} names ${artifact}, but that file is not in ${ref}'s tree (is it stored with git LFS or produced by training?); pass --baseline FILE`,
    );
  }
  return { ref, manifest, bytes: new Uint8Array(bytes), source: `git:${ref}:${posix.join(top, artifact)}` };
}

/**
 * Which baseline to use without `--baseline`: the version in production (the highest GTO stage tag
 * `<name>#production#N`), else the base branch (GITHUB_BASE_REF, else main), local or origin's. Skips a ref whose
 * artifact is byte-identical to the candidate (nothing to compare). Returns why when none is found.
 */
export async function findDefaultBaseline(
  manifestPath: string,
  name: string,
  candidate: Uint8Array,
  env: NodeJS.ProcessEnv,
): Promise<{ baseline?: GitBaseline; why: string }> {
  const dir = dirname(manifestPath);
  const file = manifestPath.slice(dir.length + 1);
  const git = openGit(dir);
  if (!(await git.tryRun(["rev-parse", "--git-dir"]))) return { why: "not inside a git repository" };
  const tried: string[] = [];
  const tags = (await git.refs(`refs/tags/${name}#production#*`, { tag: "%(refname:strip=2)" }))
    .map((r) => r.tag)
    .filter((t) => /#production#\d+$/.test(t))
    .sort((a, b) => Number(b.split("#")[2]) - Number(a.split("#")[2]));
  const base = env.GITHUB_BASE_REF;
  const candidates = [
    ...(tags.length ? [tags[0]] : []),
    ...(base ? [`origin/${base}`, base] : ["main", "origin/main"]),
  ];
  const mine = sha256Bytes(candidate);
  for (const ref of candidates) {
    if ((await git.revParse(ref)) === undefined) continue;
    tried.push(ref);
    const b = await modelAtRef(dir, file, ref, git);
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
