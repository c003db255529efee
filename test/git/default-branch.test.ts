import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DEFAULT_BRANCHES, findDefaultBranch, ORIGIN_HEAD } from "../../src/git/default-branch.ts";
import { openGit } from "../../src/git/index.ts";
import { defaultBranch } from "../../src/plan/run.ts";
import { gitIn } from "../support/git-cli.ts";

test("the default branch: the named base first (with or without a fallback), else origin's HEAD, else origin/main…; HEAD beside", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-default-branch-"));
  const outside = mkdtempSync(join(tmpdir(), "mg-default-branch-none-"));
  try {
    const git = gitIn(dir);
    git("init", "-q", "-b", "main");
    git("commit", "-q", "--allow-empty", "-m", "a");
    git("commit", "-q", "--allow-empty", "-m", "b");
    const [a, b] = [git("rev-parse", "HEAD~1"), git("rev-parse", "HEAD")];
    git("update-ref", "refs/remotes/origin/main", a);
    git("update-ref", "refs/remotes/origin/trunk", b);
    git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk");
    const g = openGit(dir);

    const plain = await findDefaultBranch(g, undefined, { also: ["HEAD", "no-such"] });
    assert.deepEqual(plain, {
      found: { ref: "origin/trunk", commit: b },
      tried: ["origin/trunk", ...DEFAULT_BRANCHES],
      also: [b, undefined],
    });
    // origin's HEAD by its commit, in the same batch: named as it is, the branch it points to left to a message
    assert.deepEqual(await findDefaultBranch(g, undefined, { also: ["HEAD"], originHeadAsIs: true }), {
      found: { ref: ORIGIN_HEAD, commit: b },
      tried: [ORIGIN_HEAD, ...DEFAULT_BRANCHES],
      also: [b],
    });
    assert.deepEqual((await findDefaultBranch(g, "main")).found, { ref: "origin/main", commit: a });
    const missing = await findDefaultBranch(g, "feature", { onlyNamed: true });
    assert.deepEqual(missing, { tried: ["origin/feature", "feature"], also: [] });
    assert.equal(
      (await findDefaultBranch(g, "feature")).found?.ref,
      "origin/trunk",
      "past the named base without onlyNamed",
    );
    assert.equal(await defaultBranch(g, { GITHUB_BASE_REF: "feature" }), "origin/trunk");
    git("symbolic-ref", "--delete", "refs/remotes/origin/HEAD");
    assert.equal(await defaultBranch(g, {}), "origin/main");
    assert.deepEqual(await findDefaultBranch(g, undefined, { originHeadAsIs: true }), {
      found: { ref: "origin/main", commit: a },
      tried: DEFAULT_BRANCHES,
      also: [],
    });
    // a branch some clone named "origin/HEAD" is not origin's HEAD
    git("update-ref", "refs/heads/origin/HEAD", b);
    assert.equal((await findDefaultBranch(g, undefined, { originHeadAsIs: true })).found?.ref, "origin/main");

    await assert.rejects(
      defaultBranch(openGit(outside), {}),
      /^UserError: no default branch found \(tried origin\/main, main, origin\/master, master\); pass --base REF$/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});
