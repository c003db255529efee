import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { blobText } from "../../src/git/blob-text.ts";
import { branchTip } from "../../src/git/branch-tip.ts";
import { openGit } from "../../src/git/index.ts";
import { gitIn } from "../support/git-cli.ts";

test("branchTip: no fetch while the remote-tracking ref names the listed commit; a fetch once it is stale; undefined for no branch", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-branch-tip-"));
  try {
    const git = (cwd: string, ...args: string[]) => gitIn(cwd)(...args);
    const [remote, clone, other] = ["remote.git", "clone", "other"].map((d) => join(dir, d));
    git(dir, "init", "-q", "--bare", "-b", "main", remote);
    git(dir, "clone", "-q", remote, other);
    git(other, "commit", "-q", "--allow-empty", "-m", "a");
    git(other, "push", "-q", "origin", "main");
    git(dir, "clone", "-q", remote, clone);
    const a = git(clone, "rev-parse", "refs/remotes/origin/main");
    const fetchHead = join(clone, ".git", "FETCH_HEAD");

    assert.equal(await branchTip(openGit(clone), "origin", "main", "refs/modelgate/test/tip"), a);
    assert.equal(git(clone, "rev-parse", "refs/modelgate/test/tip"), a);
    assert.equal(existsSync(fetchHead), false, "the tracking ref named the commit: nothing fetched");

    git(other, "commit", "-q", "--allow-empty", "-m", "b");
    git(other, "push", "-q", "origin", "main");
    const b = git(other, "rev-parse", "HEAD");
    assert.equal(await branchTip(openGit(clone), "origin", "main", "refs/modelgate/test/tip"), b);
    assert.equal(git(clone, "rev-parse", "refs/modelgate/test/tip"), b);
    assert.equal(existsSync(fetchHead), true, "a stale tracking ref: fetched");

    git(other, "commit", "-q", "--allow-empty", "-m", "c");
    git(other, "push", "-q", "origin", "main");
    const c = git(other, "rev-parse", "HEAD");
    assert.equal(
      await branchTip(openGit(clone), remote, "main", "refs/modelgate/test/tip"),
      c,
      "a remote given by its path",
    );
    assert.equal(git(clone, "rev-parse", "refs/modelgate/test/tip"), c);
    assert.equal(await branchTip(openGit(clone), "origin", "no-such", "refs/modelgate/test/none"), undefined);
    assert.equal(await branchTip(openGit(clone), "nowhere", "main", "refs/modelgate/test/none"), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("blobText answers as Git.show: a file's text, undefined when absent, a folder in git show's words", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-blob-text-"));
  try {
    const git = gitIn(dir);
    git("init", "-q", "-b", "main");
    mkdirSync(join(dir, "records"));
    writeFileSync(join(dir, "records/a.json"), '{"é": "≥ 1"}\n');
    git("add", "-A");
    git("commit", "-q", "-m", "a");
    const g = openGit(dir);
    for (const path of ["records/a.json", "records", "records/none.json"])
      assert.equal(await blobText(g, "HEAD", path), await g.show("HEAD", path), path);
    assert.equal(await blobText(g, "HEAD", "records/a.json"), '{"é": "≥ 1"}\n');
    assert.equal(await blobText(g, "no-such-commit", "records/a.json"), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
