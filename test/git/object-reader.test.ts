import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { GitError, openGit } from "../../src/git/index.ts";
import { closeObjectReaders, openObjectReaders } from "../../src/git/object-reader.ts";
import { gitIn } from "../support/git-cli.ts";

test("objects are read through one long-lived cat-file per repository, which sees what is written after it started", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-reader-"));
  try {
    const git = gitIn(dir);
    git("init", "-q", "-b", "main");
    writeFileSync(join(dir, "a.txt"), "one\n");
    // larger than a pipe's buffer, so that its answer arrives in many chunks
    const big = Buffer.alloc(3 << 20, "x");
    writeFileSync(join(dir, "big.bin"), big);
    git("add", "-A");
    git("commit", "-q", "-m", "first");
    const env = { ...process.env };
    const g = openGit(dir, { env });
    const [a, missing, b] = await g.catFileBatch(["HEAD:a.txt", "HEAD:nope.txt", "HEAD:big.bin"]);
    assert.equal(a?.content.toString(), "one\n");
    assert.equal(missing, undefined);
    assert.ok(b?.content.equals(big));
    assert.equal(openObjectReaders(), 1);

    // a new commit, a moved ref and packed objects: the running reader sees them
    writeFileSync(join(dir, "a.txt"), "two\n");
    git("commit", "-q", "-am", "second");
    git("repack", "-adq");
    git("pack-refs", "--all");
    // requests asked at once, from two handles on the same repository, are answered each with its own objects
    const h = openGit(dir, { env });
    const [now, before, head] = await Promise.all([
      g.catFileBatch(["HEAD:a.txt"]),
      h.catFileBatch(["HEAD~1:a.txt", "HEAD:big.bin"]),
      h.show("HEAD", "a.txt"),
    ]);
    assert.equal(now[0]?.content.toString(), "two\n");
    assert.equal(before[0]?.content.toString(), "one\n");
    assert.ok(before[1]?.content.equals(big));
    assert.equal(head, "two\n");
    assert.equal(openObjectReaders(), 1, "one cat-file for the repository, whatever the handle");
    assert.equal((await g.showBytes(git("rev-parse", "HEAD"), "a.txt"))?.toString(), "two\n");

    await assert.rejects(g.catFileBatch(["HEAD:a\nb"]), /line break/);
    closeObjectReaders();
    assert.equal(openObjectReaders(), 0);
    // a closed reader is started again when asked
    assert.equal((await g.catFileBatch(["HEAD:a.txt"]))[0]?.content.toString(), "two\n");
    closeObjectReaders();

    // outside a repository: git's own message, as a GitError
    const outside = mkdtempSync(join(tmpdir(), "mg-reader-none-"));
    try {
      await assert.rejects(openGit(outside, { env }).catFileBatch(["HEAD"]), (err: Error) => {
        assert.ok(err instanceof GitError);
        assert.match(err.message, /not a git repository/i);
        return true;
      });
      assert.equal(openObjectReaders(), 0, "a reader that failed is not kept");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
