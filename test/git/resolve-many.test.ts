import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openGit } from "../../src/git/index.ts";
import { resolveCommits } from "../../src/git/resolve-many.ts";
import { gitIn } from "../support/git-cli.ts";

test("resolveCommits names the commits rev-parse names, in one process: refs, tags, revisions, and none for the rest", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-resolve-"));
  try {
    const git = gitIn(dir);
    git("init", "-q", "-b", "main");
    git("commit", "-q", "--allow-empty", "-m", "a");
    git("commit", "-q", "--allow-empty", "-m", "b");
    git("tag", "-a", "-m", "annotated", "v1", "HEAD~1");
    git("update-ref", "refs/remotes/origin/main", "HEAD~1");
    const g = openGit(dir);
    const names = ["HEAD", "main", "origin/main", "v1", "HEAD~1", "origin/master", "master", "no such ref", "HEAD~9"];
    const one = await resolveCommits(g, names);
    const each = await Promise.all(names.map((n) => g.revParse(n)));
    assert.deepEqual(one, each);
    assert.equal(one.filter(Boolean).length, 5);
    assert.equal(one[3], one[4], "an annotated tag resolves to its commit");
    // outside a repository: nothing resolves, nothing throws
    const outside = mkdtempSync(join(tmpdir(), "mg-resolve-none-"));
    try {
      assert.deepEqual(await resolveCommits(openGit(outside), ["HEAD", "main"]), [undefined, undefined]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
