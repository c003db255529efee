/**
 * git-lfs pointers in the work tree, with Debian's git-lfs and a local remote (a bare repository, whose LFS objects
 * git-lfs keeps beside it): fetched with `git lfs pull` when git-lfs is installed, else refused with the command to
 * run — never read as data or as an ONNX file.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

const git = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync("git", args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", stdio: "pipe" });
let remote: string;
let evalCsv: string;

before(() => {
  const repo = makeFixtureRepo();
  evalCsv = readFileSync(join(repo.root, "data/churn-eval.csv"), "utf8");
  remote = join(mkdtempSync(join(tmpdir(), "mg-lfs-remote-")), "models.git");
  git(tmpdir(), ["init", "-q", "--bare", "-b", "main", remote]);
  git(repo.root, ["init", "-q", "-b", "main"]);
  git(repo.root, ["lfs", "install", "--local"]);
  git(repo.root, ["lfs", "track", "*.csv", "*.onnx"]);
  git(repo.root, ["add", "-A"]);
  git(repo.root, ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "data in git-lfs"]);
  git(repo.root, ["remote", "add", "origin", remote]);
  git(repo.root, ["push", "-q", "origin", "main"]);
});

/** A clone that left the LFS files as pointers (GIT_LFS_SKIP_SMUDGE, as a checkout without lfs: true does). */
function pointerClone(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "mg-lfs-clone-")), "repo");
  git(tmpdir(), ["clone", "-q", remote, dir], { GIT_LFS_SKIP_SMUDGE: "1" });
  assert.match(
    readFileSync(join(dir, "data/churn-eval.csv"), "utf8"),
    /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n/,
  );
  return dir;
}

async function cli(root: string, env: Record<string, string>, ...args: string[]) {
  const io = bufferIo(root, env);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

test("with git-lfs installed, validate and evaluate fetch the pointed-to files and read them", async () => {
  const dir = pointerClone();
  const v = await cli(dir, {}, "validate");
  assert.equal(v.code, 0, v.out + v.err);
  assert.match(v.out, /"model\.onnx" was a git-lfs pointer; fetched with git lfs pull/);
  assert.match(v.out, /"churn-eval\.csv" was a git-lfs pointer; fetched with git lfs pull/);
  assert.equal(readFileSync(join(dir, "data/churn-eval.csv"), "utf8"), evalCsv);
  const e = await cli(dir, {}, "evaluate", "churn", "--baseline", "none", "--resamples", "10", "--json");
  assert.equal(e.code, 0, e.err);
  assert.equal(JSON.parse(e.out).dataset.rows, 300);
});

test("without git-lfs, a pointer is refused with the command to run, not read as data or as ONNX", async () => {
  const dir = pointerClone();
  // a PATH whose git has no git-lfs beside it
  const bin = mkdtempSync(join(tmpdir(), "mg-nolfs-"));
  mkdirSync(bin, { recursive: true });
  symlinkSync(execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim(), join(bin, "git"));
  const env = { PATH: bin };
  const e = await cli(dir, env, "evaluate", "churn", "--baseline", "none", "--resamples", "10");
  assert.equal(e.code, 2, e.err);
  assert.match(
    e.err,
    /model\.onnx is a git-lfs pointer \(oid sha256:[0-9a-f]{64}, \d[\d,]* bytes\), not the file itself, and git-lfs is not installed here; install it and fetch the file: git lfs install && git lfs pull --include="models\/churn\/model\.onnx"/,
  );
  assert.doesNotMatch(e.err, /not an ONNX|protobuf|wire type/i);
  const v = await cli(dir, env, "validate");
  assert.equal(v.code, 1);
  assert.match(v.out, /churn-eval\.csv is a git-lfs pointer .*git lfs pull --include="data\/churn-eval\.csv"/);
  assert.doesNotMatch(v.out, /has no column|not of type/, "the pointer's text is never read as rows");
});
