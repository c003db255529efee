import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { parse } from "yaml";
import { webhookExample } from "../support/github-sim/index.ts";
import { bundleAction, parseOutputFile, runBundle } from "../support/run-action.ts";
import { approvalRepo, scenario } from "./fixture.ts";

let bundle: string;

before(async () => {
  bundle = await bundleAction("approve");
});

test("the action.yml documents every input the entry reads and every output it sets", () => {
  const yml = parse(readFileSync("actions/approve/action.yml", "utf8"));
  const src = readFileSync("src/actions/approve.ts", "utf8");
  const read = [...src.matchAll(/(?:getInput|boolInput|parseModelList\(core\.getInput)\("([\w-]+)"/g)].map((m) => m[1]);
  const set = [...src.matchAll(/setOutput\("([\w-]+)"/g)].map((m) => m[1]);
  for (const name of read) assert.ok(yml.inputs[name]?.description, `input ${name} documented`);
  assert.deepEqual(Object.keys(yml.outputs).sort(), [...new Set(set)].sort());
  assert.equal(yml.runs.using, "node24");
  assert.equal(yml.runs.main, "../../dist/actions/approve.js");
});

test("the bundled action, run as the runner runs it on a pull_request_review event", async () => {
  const s = await scenario(approvalRepo("approvals: 1\nreviewers:\n  users: [alice]", [{ name: "fraud" }]));
  try {
    s.sim.addCollaborator(s.repo, "alice", "write");
    const review = s.sim.submitReview(s.repo, s.number, { login: "alice", state: "APPROVED" });
    // the event file the runner writes: the real payload, now about alice's approval
    const event = webhookExample("pull_request_review", "submitted");
    event.review.user.login = "alice";
    event.review.state = "approved";
    writeFileSync(s.eventPath, JSON.stringify(event));
    const dir = mkdtempSync(join(tmpdir(), "mg-runner-"));
    const outFile = join(dir, "output");
    const summary = join(dir, "summary");
    writeFileSync(outFile, "");
    writeFileSync(summary, "");
    const { code, stdout } = await runBundle(bundle, {
      ...s.env,
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: s.root,
      GITHUB_OUTPUT: outFile,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_RUN_ID: "42",
      INPUT_TOKEN: s.sim.token,
      INPUT_MODELS: '["fraud"]',
      "INPUT_WORKING-DIRECTORY": ".",
      INPUT_COMMENT: "false",
    });
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`::add-mask::${s.sim.token}`));
    const out = parseOutputFile(readFileSync(outFile, "utf8"));
    assert.equal(out.approved, "true");
    assert.equal(out.state, "success");
    assert.deepEqual(JSON.parse(out.approvers), [
      { login: "alice", reviewId: review.id, commit: s.head, submittedAt: review.submittedAt },
    ]);
    const st = s.sim.status(s.repo, s.head, "modelgate/approval");
    assert.equal(st?.state, "success");
    assert.equal(st?.targetUrl, `https://github.com/${s.repo}/actions/runs/42`);
    assert.match(readFileSync(summary, "utf8"), /Approval on `ec26c3e`/);
    s.sim.assertClean();
  } finally {
    await s.sim.close();
  }
});

test("the bundled action fails the step when GitHub errors, and the status says not approved", async () => {
  const s = await scenario(approvalRepo("approvals: 1", [{ name: "fraud" }]));
  try {
    s.sim.fail({ path: /\/pulls\/\d+\/reviews$/, status: 403, rateLimit: true });
    const dir = mkdtempSync(join(tmpdir(), "mg-runner-"));
    writeFileSync(join(dir, "output"), "");
    const { code, stdout } = await runBundle(bundle, {
      ...s.env,
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: s.root,
      GITHUB_OUTPUT: join(dir, "output"),
      INPUT_COMMENT: "false",
    });
    assert.equal(code, 1, stdout);
    assert.match(stdout, /::error::not approved: GitHub API .*rate limit exhausted/);
    assert.equal(parseOutputFile(readFileSync(join(dir, "output"), "utf8")).approved, "false");
    assert.equal(s.sim.status(s.repo, s.head, "modelgate/approval")?.state, "failure");
    s.sim.assertClean();
  } finally {
    await s.sim.close();
  }
});
