import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

// onnxruntime-node 1.30's Linux build starts Microsoft's 1DS telemetry client when it loads, and that client leaves
// mat-debug-PID.log in the temporary folder ($TMPDIR, else /tmp): the file is how this test sees whether the client
// started in a process.
const cli = join(process.cwd(), "dist/cli.js");
const example = join(process.cwd(), "examples/fraud-detection");
const features = "amount,hour,merchant_category,country_mismatch,velocity_24h,account_age_days";
const CI_VARIABLES = ["TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "TRAVIS", "JENKINS_URL"].concat([
  "CODEBUILD_BUILD_ID",
  "BUILDKITE",
  "TEAMCITY_VERSION",
  "APPVEYOR",
  "BITBUCKET_BUILD_NUMBER",
]);

/** A quick-look evaluation of the example's model on `data` (a copy of the environment with `env`): its pid, record. */
function evaluate(data: string, out: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(
    process.execPath,
    [cli, "evaluate", "--model", join(example, "models/fraud-detector/model.onnx"), "--data", data]
      .concat(["--task", "binary-classification", "--label", "is_fraud", "--features", features])
      .concat(["--resamples", "0", "--out", out]),
    { encoding: "utf8", env },
  );
  assert.equal(r.status, 0, r.stderr);
  const record = JSON.parse(readFileSync(out, "utf8")) as { timings: { scoringWorkers: number } };
  return { pid: r.pid as number, workers: record.timings.scoringWorkers };
}

test("onnxruntime's telemetry is off in every thread that scores, unless the environment turns it on", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "mg-ort-telemetry-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir };
  // the library keeps its client off by itself where these say a CI service runs (the names in its binary): a
  // developer's machine has none of them, and the test runs as there
  for (const name of ["ORT_DISABLE_TELEMETRY", "CI", ...CI_VARIABLES]) delete env[name];
  const traceFile = (pid: number) => join(dir, `mat-debug-${pid}.log`);
  // the main thread: the example's evaluation rows
  const small = evaluate(join(example, "data/transactions-eval.csv"), join(dir, "small.json"), env);
  assert.equal(small.workers, 0);
  assert.equal(existsSync(traceFile(small.pid)), false, "onnxruntime started its telemetry in the main thread");
  // worker threads: the same rows 20 times over (100,000 rows, 4 MiB), enough batches for evaluate to score in workers
  const text = readFileSync(join(example, "data/transactions-eval.csv"), "utf8");
  const [header, ...rows] = text.trimEnd().split("\n");
  const body = rows.join("\n");
  writeFileSync(join(dir, "large.csv"), `${header}\n${Array.from({ length: 20 }, () => body).join("\n")}\n`);
  const large = evaluate(join(dir, "large.csv"), join(dir, "large.json"), env);
  assert.ok(large.workers > 0, "the larger file was scored in worker threads");
  assert.equal(existsSync(traceFile(large.pid)), false, "onnxruntime started its telemetry in a worker thread");
  // a person who sets the switch decides: ORT_DISABLE_TELEMETRY=0 leaves the library's telemetry on
  const chosen = evaluate(join(example, "data/transactions-eval.csv"), join(dir, "chosen.json"), {
    ...env,
    ORT_DISABLE_TELEMETRY: "0",
  });
  assert.equal(existsSync(traceFile(chosen.pid)), true, "ORT_DISABLE_TELEMETRY=0 was not left as set");
});
