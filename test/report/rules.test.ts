/**
 * The report says in plain words when a pull request changes the rules that judge it (issue #19, item 9): its gates,
 * approval policy or risk class, read at its head commit through GitHub's contents API and compared with the rules
 * of the report's checkout. A pull request that only bumps its version says nothing of the kind.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { recordPath } from "../../src/records/evaluation.ts";
import { runReport } from "../../src/report/run.ts";
import { toJson } from "../../src/util/fs.ts";
import { bufferIo } from "../../src/util/io.ts";
import { openWorkspace } from "../../src/workspace/workspace.ts";
import { makeFixtureRepo } from "../support/fixture-repo.ts";
import { GitHubSim, seedPullRequest, webhookExample } from "../support/github-sim/index.ts";
import { bindToFixture, makeRecord } from "./builder.ts";

let sim: GitHubSim;
before(async () => {
  sim = await GitHubSim.start();
});
after(async () => {
  await sim.close();
});

async function reportOn(headYaml: (base: string) => string) {
  const fx = makeFixtureRepo();
  fx.write(recordPath("churn"), toJson(bindToFixture(fx.root, makeRecord({ name: "churn" }))));
  const event = webhookExample("pull_request", "opened");
  const { repo, number } = seedPullRequest(sim, event, ["models/churn/model.yaml", "models/churn/model.onnx"]);
  const base = readFileSync(join(fx.root, "models/churn/model.yaml"), "utf8");
  const head = event.pull_request.head.sha as string;
  sim.readFile = (_repo, ref, path) =>
    ref === head && path === "models/churn/model.yaml" ? Buffer.from(headYaml(base)) : undefined;
  const r = await runReport(openWorkspace(bufferIo(fx.root, { GITHUB_TOKEN: sim.token, GITHUB_API_URL: sim.url })), {
    repo,
    pr: number,
    validate: false,
    checkRuns: false,
    http: { retryBaseMs: 1, paceWrites: false },
  });
  sim.assertClean();
  // As a reader sees it: Markdown's escapes undone.
  return r.comment.replace(/\\([()[\]_*`])/g, "$1").replace(/&#39;/g, "'");
}

it("a pull request that relaxes its own gate: the comment says it is judged by its base branch's rules", async () => {
  const comment = await reportOn((y) => y.replace("{ metric: roc_auc, min: 0.6 }", "{ metric: roc_auc, min: 0.1 }"));
  assert.match(
    comment,
    /> ⚠️ This pull request changes the rules that judge it: models\/churn\/model\.yaml \(the gates of churn\)\. It is judged by the rules of its base branch, not by the ones it proposes: approve reads the approval policy there, and publish judges the gates and the approval again with the rules of the merge's first parent/,
  );
  assert.match(comment, /The gates in this report are those of this checkout\./);
});

it("a pull request that only bumps its version changes no rule: no notice", async () => {
  const comment = await reportOn((y) => y.replace(/version: [0-9.]+/, "version: 9.9.9"));
  assert.doesNotMatch(comment, /changes the rules/);
});
