import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { logChanges, startHistoryReads, tagRefs } from "../../src/git/history.ts";
import { GitError, openGit } from "../../src/git/index.ts";
import { gitIn } from "../support/git-cli.ts";

test("the history's reads started early are used only for the paths they read; otherwise, or failed, git runs again", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "mg-started-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const git = gitIn(dir);
  git("init", "-q", "-b", "main");
  for (const [folder, message] of [
    ["deploy", "a"],
    ["gitops", "b"],
  ]) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, "x.yaml"), message);
    git("add", "-A");
    git("commit", "-q", "-m", message);
  }
  git("tag", "-a", "-m", "t", "m#staging#1");
  const g = openGit(dir);
  const started = startHistoryReads(dir, { paths: ["deploy/"], globs: [], reachable: false });
  const subjects = async (paths: string[]) => (await logChanges(g, "HEAD", paths, [], started)).map((r) => r.subject);
  assert.deepEqual(await subjects(["deploy/"]), ["a"]);
  // another configuration's paths: read again
  assert.deepEqual(await subjects(["gitops/"]), ["b"]);
  assert.deepEqual(
    (await tagRefs(g, started)).map((r) => r.name),
    ["m#staging#1"],
  );
  // started where git fails (no repository): the ordinary run says why
  const outside = mkdtempSync(join(tmpdir(), "mg-started-none-"));
  t.after(() => rmSync(outside, { recursive: true, force: true }));
  const failed = startHistoryReads(outside, { paths: ["deploy/"], globs: [], reachable: true });
  await assert.rejects(logChanges(openGit(outside), "HEAD", ["deploy/"], [], failed), GitError);
});
