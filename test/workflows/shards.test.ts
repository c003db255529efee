/**
 * The pull request workflow's sharded evaluation, run through the workflow's own steps: plan's matrix, each
 * shard-evaluate job's evaluate step, the merge job's shell step and merge step, as workflows/modelgate-pr.yml writes
 * them (inputs taken from its `with:`, matrix values and step outputs substituted), against the bundled actions —
 * over 200,000 rows in S3 (s3rver through the real AWS SDK), each job with a cache of its own as on its own runner.
 * The merged record equals the record of the one-job evaluate step, intervals and AUC included.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, test } from "node:test";
import { parse } from "yaml";
import { stablePart } from "../../src/evaluate/engine.ts";
import { Git } from "../../src/git/index.ts";
import { churnCsv, makeFixtureRepo } from "../support/fixture-repo.ts";
import { logisticRegressionModel } from "../support/onnx-build.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";
import { type S3Fixture, startS3 } from "../support/s3.ts";

const ROWS = 200_000;
const sha256 = (b: string | Uint8Array) => createHash("sha256").update(b).digest("hex");
let s3: S3Fixture;
let bundles: { plan: string; evaluate: string };

before(async () => {
  s3 = await startS3(["modelgate-data"]);
  bundles = { plan: await bundleAction("plan"), evaluate: await bundleAction("evaluate") };
});
after(async () => {
  await s3.close();
});

/** One step of a job, run as the runner runs an action: INPUT_* from `inputs`, GITHUB_OUTPUT read back. */
async function runStep(bundle: string, workspace: string, inputs: Record<string, string>, env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "mg-step-"));
  const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const r = await runBundle(
    bundle,
    { HOME: dir, GITHUB_ACTIONS: "true", RUNNER_TEMP: dir, GITHUB_WORKSPACE: workspace, ...files, ...env, ...inputEnv },
    { cwd: workspace },
  );
  return { ...r, outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, "utf8")) };
}

/** A step's `with:`, its expressions replaced by the values given; an expression the test does not know fails. */
function withInputs(step: any, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries<string>(step.with ?? {}).map(([k, v]) => [
      k,
      String(v).replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
        assert.ok(name in values, `the test has no value for \${{ ${name} }}`);
        return values[name];
      }),
    ]),
  );
}

const stepOf = (job: any, uses: string) => job.steps.find((s: any) => String(s.uses ?? "").includes(uses));

test("sharded over a matrix and merged by the workflow's own steps equals the one-job evaluation, 200,000 rows in S3", async () => {
  const wf = parse(readFileSync("workflows/modelgate-pr.yml", "utf8"));
  const { plan: planJob, evaluate: wholeJob } = wf.jobs;
  const shardJob = wf.jobs["shard-evaluate"];
  const mergeJob = wf.jobs["shard-merge"];
  // the wiring: plan's shard list is the shard jobs' matrix; their states reach the merge step
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as written
  assert.equal(planJob.outputs.shards, "${{ steps.plan.outputs.shards }}");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as written
  assert.equal(shardJob.strategy.matrix.include, "${{ fromJSON(needs.plan.outputs.shards) }}");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as written
  assert.equal(mergeJob.strategy.matrix.model, "${{ fromJSON(needs.plan.outputs.sharded) }}");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as written
  assert.equal(wholeJob.strategy.matrix.model, "${{ fromJSON(needs.plan.outputs.whole) }}");
  const shardUpload = stepOf(shardJob, "actions/upload-artifact");
  const stateDownload = mergeJob.steps.find((s: any) => s.with?.pattern);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as written
  assert.equal(shardUpload.with.name, "modelgate-shard-${{ matrix.model }}-${{ matrix.index }}");
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression, as written
  assert.equal(stateDownload.with.pattern, "modelgate-shard-${{ matrix.model }}-*");
  assert.equal(stateDownload.with["merge-multiple"], true);

  // a model repository whose evaluation data (200,000 rows) is in S3, and whose model asks for 4 shards
  const repo = makeFixtureRepo();
  const csv = churnCsv(2, ROWS);
  await s3.put("modelgate-data", "churn/eval-200k.csv", csv);
  const ds = join(repo.root, "data/churn-eval.yaml");
  const sha = sha256(csv);
  writeFileSync(
    ds,
    readFileSync(ds, "utf8")
      .replace("path: churn-eval.csv", "path: s3://modelgate-data/churn/eval-200k.csv")
      .replace(
        / {2}sha256: [0-9a-f]{64}\n {2}rows: \d+\n/,
        `  sha256: ${sha}\n  sizeBytes: ${csv.length}\n  rows: ${ROWS}\n`,
      ),
  );
  rmSync(join(repo.root, "data/churn-eval.csv"));
  const modelYaml = join(repo.root, "models/churn/model.yaml");
  // main holds the model in production's place (another ONNX file): the baseline every job evaluates beside it
  const candidate = readFileSync(join(repo.root, "models/churn/model.onnx"));
  const manifest = readFileSync(modelYaml, "utf8");
  const previous = logisticRegressionModel({ weights: [-0.05, 0.02], bias: 1 });
  writeFileSync(join(repo.root, "models/churn/model.onnx"), previous);
  writeFileSync(modelYaml, manifest.replace(/sha256: [0-9a-f]{64}/, `sha256: ${sha256(previous)}`));
  const git = new Git(repo.root, { isolated: true, identity: { name: "t", email: "t@example.com" } });
  await git.run(["init", "-q", "-b", "main"]);
  await git.run(["add", "-A"]);
  await git.run(["commit", "-qm", "main"]);
  await git.run(["checkout", "-q", "-b", "feature"]);
  writeFileSync(join(repo.root, "models/churn/model.onnx"), candidate);
  writeFileSync(
    modelYaml,
    manifest.replace(
      "    datasets: [churn-eval]\n",
      "    datasets: [churn-eval]\n    shards: 4\n    bootstrap: { resamples: 100, seed: 7 }\n",
    ),
  );
  await git.run(["commit", "-qam", "evaluate churn in 4 shards"]);

  // each job on a runner of its own (its own cache), in a pull request against main
  const job = () => ({
    ...s3.env,
    GITHUB_BASE_REF: "main",
    MODELGATE_CACHE: mkdtempSync(join(tmpdir(), "mg-runner-cache-")),
  });
  const runnerTemp = mkdtempSync(join(tmpdir(), "mg-runner-temp-"));

  // plan job
  const planStep = planJob.steps.find((s: any) => s.id === "plan");
  const plan = await runStep(bundles.plan, repo.root, withInputs(planStep, { "runner.temp": runnerTemp }), job());
  assert.equal(plan.code, 0, plan.stdout);
  assert.deepEqual(JSON.parse(plan.outputs.whole), []);
  assert.equal(plan.outputs["any-sharded"], "true");
  const matrix = JSON.parse(plan.outputs.shards);
  assert.deepEqual(
    matrix.map((m: any) => m.shard),
    ["1/4", "2/4", "3/4", "4/4"],
  );

  // shard-evaluate jobs (in any order), their states gathered as download-artifact's merge-multiple does
  const gathered = join(runnerTemp, "modelgate-shards");
  mkdirSync(gathered);
  const evaluateStep = shardJob.steps.find((s: any) => s.id === "evaluate");
  for (const entry of [matrix[2], matrix[0], matrix[3], matrix[1]]) {
    const values = Object.fromEntries(Object.entries(entry).map(([k, v]) => [`matrix.${k}`, String(v)]));
    const r = await runStep(bundles.evaluate, repo.root, withInputs(evaluateStep, values), job());
    assert.equal(r.code, 0, r.stdout);
    copyFileSync(join(repo.root, r.outputs.record), join(gathered, basename(r.outputs.record)));
    rmSync(join(repo.root, r.outputs.record)); // each job's runner is its own
  }

  // shard-merge job: its shell step lists the states, its merge step merges them
  const states = mergeJob.steps.find((s: any) => s.id === "states");
  const out = join(runnerTemp, "states-output");
  writeFileSync(out, "");
  const sh = spawnSync("bash", ["-e", "-c", states.run], {
    env: { PATH: process.env.PATH, SHARDS: gathered, GITHUB_OUTPUT: out },
    encoding: "utf8",
  });
  assert.equal(sh.status, 0, sh.stderr);
  const files = parseOutputFile(readFileSync(out, "utf8")).files;
  assert.equal(files.split("\n").length, 4);
  const mergeStep = mergeJob.steps.find((s: any) => s.id === "evaluate");
  const merged = await runStep(
    bundles.evaluate,
    repo.root,
    withInputs(mergeStep, { "steps.states.outputs.files": files }),
    job(),
  );
  assert.equal(merged.code, 0, merged.stdout);
  assert.equal(merged.outputs.candidate, "models/churn/model.onnx");
  const mergedRecord = JSON.parse(readFileSync(join(repo.root, merged.outputs.record), "utf8"));

  // the one-job evaluate step, on its own runner
  const wholeStep = wholeJob.steps.find((s: any) => s.id === "evaluate");
  const single = await runStep(
    bundles.evaluate,
    repo.root,
    { ...withInputs(wholeStep, { "matrix.model": "churn" }), out: "single.json" },
    job(),
  );
  assert.equal(single.code, 0, single.stdout);
  const singleRecord = JSON.parse(readFileSync(join(repo.root, "single.json"), "utf8"));

  assert.equal(mergedRecord.dataset.rows, ROWS);
  assert.equal(mergedRecord.dataset.path, "s3://modelgate-data/churn/eval-200k.csv");
  assert.ok(mergedRecord.baseline, "the baseline (main's model) evaluated in every shard");
  assert.equal(JSON.stringify(stablePart(mergedRecord)), JSON.stringify(stablePart(singleRecord)));
});
