/** The bundled report action, run as the runner runs it, against the GitHub simulator. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parse } from "yaml";
import { recordPath } from "../../src/records/evaluation.ts";
import { toJson } from "../../src/util/fs.ts";
import { GitHubSim, seedPullRequest, webhookExample } from "../support/github-sim/index.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";
import { bindToFixture, makeRecord } from "./builder.ts";

let bundle: string;
let sim: GitHubSim;

before(async () => {
  bundle = await bundleAction("report");
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

test("action.yml documents every input the entry reads and every output it sets", () => {
  const yml = parse(readFileSync("actions/report/action.yml", "utf8"));
  const src = readFileSync("src/actions/report.ts", "utf8");
  const read = [...src.matchAll(/(?:getInput|boolInput|parseModelList\(core\.getInput)\("([\w-]+)"/g)].map((m) => m[1]);
  const set = [...src.matchAll(/setOutput\(\s*"([\w-]+)"/g)].map((m) => m[1]);
  assert.ok(read.length >= 10);
  for (const name of read) assert.ok(yml.inputs[name]?.description, `input ${name} documented`);
  assert.deepEqual(Object.keys(yml.outputs).sort(), [...new Set(set)].sort());
  // composite (it installs onnxruntime-node to recompute a fork's numbers); every input and output passes through
  assert.equal(yml.runs.using, "composite");
  const run = yml.runs.steps.at(-1);
  assert.match(run.run, /dist\/actions\/report\.js/);
  for (const name of Object.keys(yml.inputs))
    assert.equal(run.env[`INPUT_${name.toUpperCase()}`], `\${{ inputs.${name} }}`, `input ${name} passed`);
  for (const name of Object.keys(yml.outputs))
    assert.equal(yml.outputs[name].value, `\${{ steps.${run.id}.outputs.${name} }}`, `output ${name} passed`);
});

test("the bundled action on a pull_request event: comment, check run, job summary, outputs, exit 1 on a failing gate", async () => {
  const event = webhookExample("pull_request", "opened");
  event.pull_request.number = 900;
  event.pull_request.head.sha = "9".repeat(40);
  const { repo } = seedPullRequest(sim, event, ["models/churn/model.yaml"]);
  const fx = makeFixtureRepo();
  fx.write(
    recordPath("churn"),
    toJson(bindToFixture(fx.root, makeRecord({ name: "churn", metrics: { roc_auc: 0.5, recall: 0.7 } }))),
  );
  const dir = mkdtempSync(join(tmpdir(), "mg-runner-"));
  const files = {
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
    GITHUB_EVENT_PATH: join(dir, "event.json"),
  };
  writeFileSync(files.GITHUB_OUTPUT, "");
  writeFileSync(files.GITHUB_STEP_SUMMARY, "");
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(event));
  const { code, stdout } = await runBundle(bundle, {
    ...files,
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: fx.root,
    GITHUB_REPOSITORY: repo,
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_API_URL: sim.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "77",
    RUNNER_TEMP: dir,
    INPUT_TOKEN: sim.token,
    INPUT_COMMENT: "true",
    "INPUT_CHECK-RUNS": "true",
    "INPUT_SKIP-DATA": "true",
  });
  assert.equal(code, 1, stdout);
  assert.match(stdout, new RegExp(`::add-mask::${sim.token}`));
  assert.match(stdout, /::error::churn failed its gates/);
  const out = parseOutputFile(readFileSync(files.GITHUB_OUTPUT, "utf8"));
  assert.equal(out.verdict, "fail");
  assert.deepEqual(JSON.parse(out.failed), ["churn"]);
  assert.match(out["comment-url"], /#issuecomment-\d+$/);
  assert.deepEqual(Object.keys(JSON.parse(out["check-runs"])), ["churn"]);
  assert.match(readFileSync(out.report, "utf8"), /```mermaid/);
  const comments = sim.comments(repo, 900);
  assert.equal(comments.length, 1);
  assert.match(comments[0].body, /^<!-- modelgate -->\n## ❌ modelgate report/);
  assert.match(comments[0].body, /\[check run\]\(|### ❌ churn/);
  const run = sim.checkRuns(repo).find((r) => r.headSha === "9".repeat(40))!;
  assert.equal(run.name, "modelgate / churn");
  assert.equal(run.conclusion, "failure");
  assert.equal(run.detailsUrl, `https://github.com/${repo}/actions/runs/77`);
  assert.ok(run.annotations.length >= 1);
  assert.match(readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"), /### ❌ churn · 1\.0\.0 → 1\.1\.0 · fail/);
  sim.assertClean();
});
