import { execFileSync } from "node:child_process";
import { dirname, posix } from "node:path";
import { UserError } from "../errors.ts";
import type { Model } from "../manifest/schema.ts";
import { parseManifest } from "../manifest/yaml.ts";
import { sha256Bytes } from "../data/hash.ts";

/**
 * The baseline read from git: the model manifest and its artifact as they are at a ref (`git show REF:path`), never
 * checked out. Paths are given relative to `cwd` (the manifest's folder), so a model repository may live in a
 * subfolder of the git repository.
 */

function git(cwd: string, args: string[]): Buffer | undefined {
  try {
    return execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 30 });
  } catch {
    return undefined;
  }
}

export interface GitBaseline {
  ref: string;
  manifest: Model;
  bytes: Uint8Array;
  /** `git:<ref>:<path>` */
  source: string;
}

/** The model at `ref`, or undefined when the ref or the model does not exist there. */
export function modelAtRef(manifestDir: string, manifestName: string, ref: string): GitBaseline | undefined {
  const text = git(manifestDir, ["show", `${ref}:./${manifestName}`]);
  if (!text) return undefined;
  const parsed = parseManifest(`${ref}:${manifestName}`, text.toString("utf8"), "Model");
  if (!parsed.manifest?.value) {
    throw new UserError(
      `the model manifest at ${ref} (${manifestName}) is not valid (${parsed.findings.map((f) => f.message).join("; ")}); choose another --baseline`,
    );
  }
  const manifest = parsed.manifest.value as Model;
  const artifact = posix.normalize(manifest.spec.artifact.path);
  const bytes = git(manifestDir, ["show", `${ref}:./${artifact}`]);
  if (!bytes) {
    throw new UserError(
      `the model manifest at ${ref} names ${artifact}, but that file is not in ${ref}'s tree (is it stored with git LFS or produced by training?); pass --baseline FILE`,
    );
  }
  const top = git(manifestDir, ["rev-parse", "--show-prefix"])?.toString().trim() ?? "";
  return { ref, manifest, bytes: new Uint8Array(bytes), source: `git:${ref}:${posix.join(top, artifact)}` };
}

function refExists(cwd: string, ref: string): boolean {
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) !== undefined;
}

/**
 * Which baseline to use without `--baseline`: the version in production (the highest GTO stage tag
 * `<name>#production#N`), else the base branch (GITHUB_BASE_REF, else main), local or origin's. Skips a ref whose
 * artifact is byte-identical to the candidate (nothing to compare). Returns why when none is found.
 */
export function findDefaultBaseline(
  manifestPath: string,
  name: string,
  candidate: Uint8Array,
  env: NodeJS.ProcessEnv,
): { baseline?: GitBaseline; why: string } {
  const dir = dirname(manifestPath);
  const file = manifestPath.slice(dir.length + 1);
  if (!git(dir, ["rev-parse", "--git-dir"])) return { why: "not inside a git repository" };
  const tried: string[] = [];
  const tags = git(dir, ["tag", "--list", `${name}#production#*`])
    ?.toString()
    .split("\n")
    .map((t) => t.trim())
    .filter((t) => /#production#\d+$/.test(t))
    .sort((a, b) => Number(b.split("#")[2]) - Number(a.split("#")[2]));
  const base = env.GITHUB_BASE_REF;
  const candidates = [
    ...(tags?.length ? [tags[0]] : []),
    ...(base ? [`origin/${base}`, base] : ["main", "origin/main"]),
  ];
  const mine = sha256Bytes(candidate);
  for (const ref of candidates) {
    if (!refExists(dir, ref)) continue;
    tried.push(ref);
    const b = modelAtRef(dir, file, ref);
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
