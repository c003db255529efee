import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { GitError, openGit } from "../../src/git/index.ts";
import { gitSpawnerPid, startGitSpawner, stopGitSpawner } from "../../src/git/spawner.ts";

// modelgate-test: own-processes (scripts/test-bundle.mjs): this file checks which process is git's parent

test("with the helper started, git processes are its children, with the same answers; stopped, this process's again", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-spawner-"));
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  const g = openGit(dir, { identity: { name: "t", email: "t@example.com" }, isolated: true });
  // the parent of the git process that runs the alias (the alias's shell is git's child)
  const parentOfGit = async () =>
    Number((await g.run(["-c", "alias.parent=!cut -d' ' -f4 /proc/$PPID/stat", "parent"])).trim());
  assert.equal(await parentOfGit(), process.pid);
  startGitSpawner();
  try {
    const helper = gitSpawnerPid();
    assert.ok(helper !== undefined && helper !== process.pid);
    assert.equal(await parentOfGit(), helper);
    await g.run(["commit", "-q", "--allow-empty", "-m", "a"]);
    assert.match((await g.revParse("main")) ?? "", /^[0-9a-f]{40}$/);
    assert.equal(await g.revParse("none"), undefined);
    assert.equal(await g.isAncestor("main", "main"), true);
    await assert.rejects(
      g.run(["rev-parse", "--verify", "-q", "none"]),
      /^GitError: git rev-parse --verify -q none: exit code 1$/,
    );
    await assert.rejects(
      g.run(["checkout", "-q", "none"]),
      (err: Error) => err instanceof GitError && /pathspec 'none'/.test(err.message),
    );
    // many at once: each answer to its own question
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) => g.run(["rev-parse", `--short=${8 + i}`, "main"])),
    );
    assert.deepEqual(
      many.map((s) => s.trim().length),
      Array.from({ length: 12 }, (_, i) => 8 + i),
    );
  } finally {
    await stopGitSpawner();
  }
  assert.equal(gitSpawnerPid(), undefined);
  assert.equal(await parentOfGit(), process.pid);
});
