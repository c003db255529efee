import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { GitError, openGit } from "../../src/git/index.ts";
import { gitIn } from "../support/git-cli.ts";

/** A repository with main (a, b) and a branch `side` forked at a with its own commit c. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "mg-git-"));
  const git = gitIn(dir);
  git("init", "-q", "-b", "main");
  git("commit", "-q", "--allow-empty", "-m", "a");
  git("branch", "side");
  mkdirSync(join(dir, "models"));
  // every byte value, as an ONNX file has them
  writeFileSync(join(dir, "models/model.onnx"), Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)));
  git("add", "-A");
  git("commit", "-q", "-m", "b");
  git("checkout", "-q", "side");
  git("commit", "-q", "--allow-empty", "-m", "c");
  return dir;
}

test("a git failure that prints nothing is still a failure: missing refs, non-ancestors, run rejects", async () => {
  const g = openGit(repo());
  assert.equal(await g.revParse("no-such-branch"), undefined);
  assert.equal(await g.tryRun(["rev-parse", "--verify", "-q", "release"]), undefined);
  assert.match((await g.revParse("main")) ?? "", /^[0-9a-f]{40}$/);
  assert.equal(await g.isAncestor("main", "side"), false, "main has b, which side does not");
  assert.equal(await g.isAncestor("main~1", "side"), true);
  await assert.rejects(g.run(["merge-base", "--is-ancestor", "main", "side"]), GitError);
});

test("showBytes reads a binary file at a commit byte for byte; undefined when absent or outside a repository", async () => {
  const dir = repo();
  const g = openGit(dir);
  const bytes = await g.showBytes("main", "models/model.onnx");
  assert.deepEqual(bytes, Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)));
  assert.equal(await g.showBytes("side", "models/model.onnx"), undefined);
  assert.equal(await g.showBytes("main", "models"), undefined, "a folder is not a file");
  const outside = openGit(mkdtempSync(join(tmpdir(), "mg-not-a-repo-")));
  assert.equal(await outside.showBytes("main", "models/model.onnx"), undefined);
  // git exits before reading a long list of names: a GitError, not an EPIPE that kills the process
  await assert.rejects(outside.catFileBatch(Array.from({ length: 50_000 }, (_, i) => `main:models/${i}`)), GitError);
});

test("an isolated handle ignores the process's GIT_* variables (a GIT_DIR pointing elsewhere)", async (t) => {
  const dir = repo();
  const other = mkdtempSync(join(tmpdir(), "mg-git-other-"));
  const env = { PATH: process.env.PATH };
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: other, env });
  execFileSync(
    "git",
    ["-c", "user.name=o", "-c", "user.email=o@example.com", "commit", "-q", "--allow-empty", "-m", "o"],
    {
      cwd: other,
      env,
    },
  );
  const head = (cwd: string) => execFileSync("git", ["rev-parse", "HEAD"], { cwd, env, encoding: "utf8" }).trim();
  process.env.GIT_DIR = join(other, ".git");
  t.after(() => delete process.env.GIT_DIR);
  assert.equal(await openGit(dir, { isolated: true }).revParse("HEAD"), head(dir));
  assert.equal(await openGit(dir).revParse("HEAD"), head(other), "not isolated, the process's GIT_DIR applies");
});

test("a git command that prints nothing answers when git ends, with no timer to wait on (issue #25)", {
  timeout: 20_000,
}, async (t) => {
  const dir = repo();
  const g = openGit(dir);
  // simple-git answered such a command only after a 50 ms timer (the demo ran 114 of them): with timers stopped, it
  // never did
  t.mock.timers.enable({ apis: ["setTimeout"] });
  await g.run(["update-ref", "refs/kept/main", "main"]);
  assert.equal(await g.isAncestor("main~1", "refs/kept/main"), true);
  assert.equal(await g.tryRun(["rev-parse", "--verify", "-q", "refs/kept/none"]), undefined);
  t.mock.timers.reset();
  assert.equal(await g.revParse("refs/kept/main"), await g.revParse("main"));
});

test("a failing git command says why, in git's words, or by its exit code; a missing folder is named", async () => {
  const g = openGit(repo());
  await assert.rejects(g.run(["checkout", "-q", "no-such-branch"]), (err: Error) => {
    assert.ok(err instanceof GitError);
    assert.match(err.message, /^git checkout -q no-such-branch: error: pathspec 'no-such-branch'/);
    return true;
  });
  await assert.rejects(
    g.run(["rev-parse", "--verify", "-q", "nothing"]),
    /^GitError: git rev-parse --verify -q nothing: exit code 1$/,
  );
  const gone = join(tmpdir(), `mg-git-gone-${process.pid}`);
  await assert.rejects(openGit(gone).run(["status"]), new RegExp(`git status: the folder ${gone} does not exist`));
});
