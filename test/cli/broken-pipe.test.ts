import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { makeFixtureRepo } from "../support/fixture-repo.ts";

const cli = join(process.cwd(), "dist/cli.js");

/**
 * `CLI ARGS` in `cwd`, its stdout (or, with `both`, stdout and stderr) piped into `:`, which has exited long before the
 * CLI writes: its exit status (bash's PIPESTATUS) and what it wrote to stderr otherwise.
 */
function intoGoneReader(cwd: string, args: string, both = false): { status: number; stderr: string } {
  const redirect = both ? "2>&1" : "";
  const r = spawnSync("bash", ["-c", `node "${cli}" ${args} ${redirect} | :; exit "\${PIPESTATUS[0]}"`], {
    cwd,
    encoding: "utf8",
  });
  return { status: r.status ?? -1, stderr: r.stderr };
}

// `modelgate … | head`: the reader stops reading and closes the pipe; the command's writes then fail (EPIPE). That is
// not a bug of modelgate's: the rest of the output is dropped and the command ends with its own exit code.
test("output into a pipe whose reader has gone is dropped: the command's own exit code, no internal error", () => {
  const { root, write } = makeFixtureRepo();
  const help = intoGoneReader(root, "--help");
  assert.deepEqual(help, { status: 0, stderr: "" });
  const ok = intoGoneReader(root, "validate --json");
  assert.equal(ok.status, 0, ok.stderr);
  assert.doesNotMatch(ok.stderr, /internal error|EPIPE/);
  // stderr into the same pipe, and a failed gate's exit code kept
  write(
    "data/churn-eval.yaml",
    readFileSync(join(root, "data/churn-eval.yaml"), "utf8").replace("rows: 300", "rowz: 300"),
  );
  const failed = intoGoneReader(root, "validate", true);
  assert.deepEqual(failed, { status: 1, stderr: "" });
  const usage = intoGoneReader(root, "no-such-command", true);
  assert.deepEqual(usage, { status: 2, stderr: "" });
});
