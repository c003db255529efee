import type { Git } from "../git/index.ts";
import { findDefaultBranch, ORIGIN_HEAD } from "../git/default-branch.ts";
import { isShallowRepository, remoteHead } from "../git/worktree.ts";
import { readManifestsAt } from "../manifest/at-commit-plain.ts";
import { unbumpedVersion } from "../manifest/bump.ts";
import { at, type Loaded } from "../manifest/loaded.ts";
import type { Model } from "../manifest/schema.ts";
import type { ArtifactFacts } from "./files.ts";
import type { Reporter } from "./reporter.ts";

/** Where the base branch is read from: the repository's git, and the environment that names a pull request's base. */
export interface VersionBase {
  git: Git;
  env: NodeJS.ProcessEnv;
}

/** The next patch version of a semantic version, for the message ("1.0.0" → "1.0.1"); undefined when not x.y.z. */
function nextPatch(version: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : undefined;
}

/**
 * A pull request's check: a model whose artifact changed since the base branch (its digest, or the file in front of
 * validate) while spec.version did not is an error at spec.version, as publish would refuse it after the merge
 * (src/manifest/bump.ts). The base is the merge base of the default branch (GITHUB_BASE_REF in a pull request) and
 * HEAD, as plan compares; its manifests are read with readManifestsAt. Outside git or without a base branch there is
 * nothing to compare; in a pull request's run or a shallow clone, a warning says why the check did not run.
 */
export async function checkVersionBumps(
  models: { m: Loaded<Model>; artifact: ArtifactFacts }[],
  base: VersionBase,
  { error, warn }: Reporter,
): Promise<void> {
  if (models.length === 0) return;
  const git = base.git;
  // HEAD, origin's HEAD and the base branch's candidates in one `git cat-file --batch` (the one git process of the
  // check when nothing is wrong): origin's HEAD by its commit, the branch it points to named only in a message
  const named = base.env.GITHUB_BASE_REF;
  const search = await findDefaultBranch(git, named, { onlyNamed: true, also: ["HEAD"], originHeadAsIs: true });
  const { found, tried } = search;
  const [head] = search.also;
  if (!head) return;
  const cannot = async (why: string) => {
    const shallow = await isShallowRepository(git);
    if (!shallow && !base.env.GITHUB_BASE_REF) return;
    for (const { m } of models) {
      warn(
        at(m, ["spec", "version"]),
        "version",
        `the version was not compared with the base branch: ${why}${shallow ? "; this clone is shallow: fetch the history (actions/checkout with fetch-depth: 0)" : ""}`,
      );
    }
  };
  // a pull request's base is the one GITHUB_BASE_REF names, never a fallback; elsewhere, the default branch
  if (!found && named) return cannot(`the pull request's base ${named} (GITHUB_BASE_REF) is not in this clone`);
  // plan's words for it, loaded only then (plan/run.ts is not part of validate's start)
  if (!found) return cannot((await (await import("../plan/run.ts")).noDefaultBranch(git, tried)).message);
  // the base's name in a message: origin's HEAD by the branch it points to (one git process more, only then, once)
  let baseName: Promise<string> | undefined;
  const baseRef = () =>
    (baseName ??= found.ref === ORIGIN_HEAD ? remoteHead(git).then((n) => n ?? found.ref) : Promise.resolve(found.ref));
  // a commit is its own merge base (the base branch's tip checked out, as on a push to it): no git process for that
  const mergeBase = found.commit === head ? head : await git.mergeBase(found.commit, head);
  if (!mergeBase) return cannot(`${await baseRef()} and HEAD have no common ancestor here`);
  // each manifest by its path from the repository's folder, where git runs (`<commit>:./<path>`, as git reads it)
  const before = await readManifestsAt(
    git,
    mergeBase,
    models.map(({ m }) => `./${m.file}`),
    "Model",
  );
  for (const [i, { m, artifact }] of models.entries()) {
    const old = before[i].value?.spec;
    const now = m.value.spec;
    const facts = {
      before: old && { version: old.version, sha256: old.artifact.sha256 },
      after: { version: now.version, sha256: now.artifact.sha256 },
      artifact: {
        path: artifact.path ?? now.artifact.path,
        changed:
          artifact.sha256 !== undefined &&
          old?.artifact.sha256 !== undefined &&
          artifact.sha256 !== old.artifact.sha256,
      },
    };
    if (!unbumpedVersion({ ...facts, base: "" })) continue;
    const problem = unbumpedVersion({ ...facts, base: `${await baseRef()} (${mergeBase.slice(0, 12)})` });
    if (!problem) continue;
    const next = nextPatch(now.version);
    error(at(m, ["spec", "version"]), "version", `${problem}${next ? `; e.g. version: ${next}` : ""}`);
  }
}
