import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { main } from "../../src/cli/main.ts";
import { bufferIo } from "../../src/util/io.ts";
import { churnCsv } from "../support/fixture-repo.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";

async function run(cwd: string, args: string[]) {
  const io = bufferIo(cwd);
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/**
 * Issue #22 item 11: init run again to rename a model left the first one in place, and every report showed both.
 * The same ONNX file under a second name is refused, naming what to remove or how to write it again.
 */
test("init again with another --name for the same ONNX file: refused, nothing written, the report keeps one model", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-rerun-in-"));
  writeFileSync(join(dir, "model.onnx"), logisticRegressionModel({ weights: [-1 / 15, 1 / 100], bias: 1.5 }));
  writeFileSync(join(dir, "churn.csv"), churnCsv(2, 300));
  const repo = mkdtempSync(join(tmpdir(), "mg-rerun-repo-"));
  const args = ["init", "--model", join(dir, "model.onnx"), "--data", join(dir, "churn.csv"), "--label", "churned"];
  const first = await run(repo, [...args, "--name", "trial", "--yes"]);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  const e = await run(repo, ["evaluate", "trial", "--baseline", "none", "--resamples", "0", "--no-latency"]);
  assert.equal(e.code, 0, e.stderr);

  const again = await run(repo, [...args, "--name", "churn", "--yes"]);
  assert.equal(again.code, 2, again.stdout);
  assert.match(
    again.stderr,
    /model\.onnx is already in this repository as model "trial" \(models\/trial\/model\.yaml\), from an earlier init: a second copy named "churn" would put both in every report\. To rename it, remove models\/trial \(and \.modelgate\/evaluations\/trial\.json\) first; to write it again, pass --name trial --force/,
  );
  assert.ok(!existsSync(join(repo, "models", "churn")), "nothing written");

  const rewritten = await run(repo, [...args, "--name", "trial", "--force", "--yes"]);
  assert.equal(rewritten.code, 0, rewritten.stderr);
  const report = await run(repo, ["report", "--dry-run", "--skip-data", "--json"]);
  assert.deepEqual(
    JSON.parse(report.stdout).models.map((m: { name: string }) => m.name),
    ["trial"],
  );
});
